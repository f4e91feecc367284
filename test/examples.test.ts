// `examples/` is what `npm run demo` opens: every rule in the registry must fire
// there at least once, so a user trying the demo sees each one with its hover and fix.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/engine';
import { runCli } from './support/cli';
import { ROOT } from './support/engine';

describe('examples/', () => {
  it('shows every rule at least once', () => {
    const run = runCli(['check', '--no-cache', '--format', 'json', '--select', 'ALL', 'examples'], ROOT);
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; path: string }> };
    const shown = new Set(report.diagnostics.map((d) => d.code));
    const missing = RULES.map((r) => r.meta.code).filter((code) => !shown.has(code));
    assert.deepEqual(missing, [], `rules with no example in ${path.join(ROOT, 'examples')}`);
  });
});
