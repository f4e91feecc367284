// The PP8xx rules under the engine's per-statement cache: after every edit of an
// editing session, the incremental analysis (reusing the previous cache) must
// report exactly what a fresh analysis of the same text reports, including when
// the edit is in another statement than the diagnostic.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parseSettings, type AnalysisCache, type Diagnostic } from '../../server/src/engine';
import { testParser } from '../support/engine';

const settings = parseSettings({ select: ['PP8', 'PP804'] });

/** Each step is the whole document after an edit, with the codes a fresh analysis must find. */
const SESSION: Array<{ edit: string; text: string; codes: string[] }> = [
  {
    edit: 'a function reads a module-level name it assigns later',
    text: 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n',
    codes: ['PP801'],
  },
  {
    edit: 'the module-level binding goes away (another statement)',
    text: 'y = 1\n\ndef f():\n    print(x)\n    x = 2\n',
    codes: [],
  },
  {
    edit: 'it comes back',
    text: 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n',
    codes: ['PP801'],
  },
  {
    edit: 'module-level del, then a read two statements later',
    text: 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n\ndel x\nz = 0\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'a statement in between rebinds the name (the read is untouched)',
    text: 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n\ndel x\nx = 0\nprint(x)\n',
    codes: ['PP801'],
  },
  {
    edit: 'back to the plain statement in between',
    text: 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n\ndel x\nz = 0\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'an edit inside the function only: the other statements are reused',
    text: 'x = 1\n\ndef f():\n    print(x, 1)\n    x = 2\n\ndel x\nz = 0\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'a statement without bindings inserted before the del shifts the statements',
    text: 'x = 1\n\ndef f():\n    print(x, 1)\n    x = 2\n\npass\ndel x\nz = 0\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'the read moves before the del',
    text: 'x = 1\n\ndef f():\n    print(x, 1)\n    x = 2\n\nprint(x)\ndel x\nz = 0\n',
    codes: ['PP801'],
  },
  {
    edit: 'the statements around the del trade places (same statements, same del position)',
    text: 'x = 1\n\ndef f():\n    print(x, 1)\n    x = 2\n\nz = 0\ndel x\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'the same statement text before and after the del: only the second is reported',
    text: 'x = 1\n\ndef f():\n    print(x, 1)\n    x = 2\n\nprint(x)\ndel x\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'lines inserted above: reused reports follow their statement',
    text: 'x = 1\n\n\n\ndef f():\n    print(x, 1)\n    x = 2\n\nprint(x)\ndel x\nprint(x)\n',
    codes: ['PP801', 'PP805'],
  },
  {
    edit: 'a function elsewhere declares the name global: it may rebind it',
    text: 'x = 1\n\ndef f():\n    print(x)\n    x = 2\n\ndel x\nz = 0\nprint(x)\n\ndef g():\n    global x\n    x = 3\n',
    codes: ['PP801', 'PP804'],
  },
  {
    edit: 'a nested def annotation is evaluated in the enclosing function',
    text: 'T = int\n\ndef f():\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
    codes: ['PP801'],
  },
  {
    edit: '`from __future__ import annotations` at the top stops that (the function is untouched)',
    text: 'from __future__ import annotations\nT = int\n\ndef f():\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
    codes: [],
  },
  {
    edit: 'and removing it brings the report back',
    text: 'T = int\n\ndef f():\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
    codes: ['PP801'],
  },
  {
    edit: 'lines move: the reused result must follow its statement',
    text: '"""Doc."""\n\n\nT = int\n\ndef f():\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
    codes: ['PP801'],
  },
];

function key(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message} ${JSON.stringify(d.fix)}`;
}

describe('scope rules with the per-statement cache', () => {
  it('an editing session ends every step with the same diagnostics as a fresh analysis', async () => {
    const parser = await testParser();
    let cache: AnalysisCache | undefined;
    let reused = 0;
    for (const step of SESSION) {
      const tree = parser.parse(step.text)!;
      try {
        const incremental = analyze({ tree, text: step.text, settings, cache });
        const fresh = analyze({ tree, text: step.text, settings });
        assert.deepEqual(incremental.diagnostics.map(key), fresh.diagnostics.map(key), `after: ${step.edit}`);
        assert.deepEqual([...new Set(fresh.diagnostics.map((d) => d.code))].sort(), step.codes, `codes after: ${step.edit}`);
        reused += incremental.stats.units - incremental.stats.analysed;
        cache = incremental.cache;
      } finally {
        tree.delete();
      }
    }
    assert.ok(reused > 0, 'the session never reused a cached statement, so it tests nothing');
  });
});
