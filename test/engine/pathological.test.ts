// Inputs that once took the engine seconds or never finished: deep nesting (parent
// lookups used to walk down from the root for every step up) and thousands of
// top-level `del`s (module facts used to compare every pair of statements). These
// tests assert that analysis completes with the right results; how long it takes
// is measured by `npm run bench`, never asserted here.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/engine';
import { buildScopeTree } from '../../server/src/engine/scope';
import { testParser } from '../support/engine';

function run(text: string) {
  return testParser().then((parser) => {
    const tree = parser.parse(text)!;
    try {
      return { result: analyze({ tree, text, settings: { ...DEFAULT_SETTINGS, select: ['ALL'] } }), scopes: buildScopeTree(tree.rootNode).scopes.length };
    } finally {
      tree.delete();
    }
  });
}

describe('pathological inputs', () => {
  it('800 nested lambdas (which CPython compiles): every scope found, the innermost comparison reported', async () => {
    const prefix = 'f = ' + 'lambda: '.repeat(800);
    const { result, scopes } = await run(`${prefix}(q == None)\n`);
    assert.equal(scopes, 801);
    // PP701: the outermost lambda is assigned to a name.
    assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['PP701 0:0', `PP204 0:${prefix.length + 1}`]);
  });

  it('300 nested defs: the innermost read before assignment is reported', async () => {
    const depth = 300;
    const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}def f${i}():`);
    lines.push(`${' '.repeat(depth)}print(value)`, `${' '.repeat(depth)}value = 1`);
    const { result, scopes } = await run(`value = 0\n${lines.join('\n')}\n`);
    assert.equal(scopes, depth + 1);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}`), [`PP801 ${depth + 1}`]);
  });

  it('2,000 nested defs (beyond what the grammar can indent): analysis still completes', async () => {
    const depth = 2000;
    const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}def f${i}():`);
    const { result } = await run(`${lines.join('\n')}\n${' '.repeat(depth)}return x == None\n`);
    assert.ok(result.stats.units > 0);
    assert.equal(result.stats.analysed, result.stats.units);
  });

  it('10,000 top-level del statements: the one read of a deleted name is reported, the rebound ones are not', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(`x${i % 100} = ${i}`, `del x${i % 100}`);
    lines.push('print(x7)', 'x7 = 1', 'print(x7)');
    const { result } = await run(lines.join('\n') + '\n');
    assert.equal(result.stats.units, 10003);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['PP805 10000:6']);
  });
});
