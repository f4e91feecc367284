// Hover must feel instant: under 5 ms on a 5,000-line file, including the first
// hover after a (re)parse, which computes the module's imports.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testParser } from '../support/engine';
import { measureHoverLatency } from '../support/hover-latency';

describe('hover latency', () => {
  it('answers in under 5 ms on a 5,000-line file', async () => {
    const parser = await testParser();
    measureHoverLatency(parser, 500); // warm up the JIT
    const m = measureHoverLatency(parser);
    const report = `${m.hovers} hovers on ${m.lines} lines: cold ${m.coldMs.toFixed(2)} ms, median ${m.medianMs.toFixed(3)} ms, p95 ${m.p95Ms.toFixed(3)} ms, max ${m.maxMs.toFixed(2)} ms`;
    console.log(report);
    assert.ok(m.lines >= 5000);
    assert.ok(m.coldMs < 5, report);
    assert.ok(m.p95Ms < 5, report);
  });
});
