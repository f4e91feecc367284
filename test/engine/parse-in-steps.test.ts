// parseInSteps (the server's parse of a long file, a growing prefix at a time) gives exactly
// the tree one uninterrupted parse gives, compared as S-expressions (`rootNode.toString()`):
// on a sample of the standard library, on the same files made invalid, and on an ambiguity
// that a halted and resumed parse gets wrong.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInSteps, parsePython } from '../../server/src/engine';
import type { Parser } from '../../server/src/parser';
import { corpusFiles, readSource, STDLIB } from '../support/corpus';
import { testParser } from '../support/engine';

/** Runs the steps to the end: the tree's S-expression and how many times it yielded. */
function inSteps(parser: Parser, text: string, sliceChars: number): { tree: string; hasError: boolean; steps: number } {
  const steps = parseInSteps({ parser, text, sliceChars });
  let yielded = 0;
  for (;;) {
    const next = steps.next();
    if (!next.done) {
      yielded++;
      continue;
    }
    const tree = next.value!;
    try {
      return { tree: tree.rootNode.toString(), hasError: tree.rootNode.hasError, steps: yielded };
    } finally {
      tree.delete();
    }
  }
}

function whole(parser: Parser, text: string): string {
  const tree = parsePython(parser, text)!;
  try {
    return tree.rootNode.toString();
  } finally {
    tree.delete();
  }
}

/** One file in 40 of the standard library (those that decode: some test data declares a bogus encoding), from a few lines to thousands. */
const SAMPLE = corpusFiles({ name: 'stdlib', roots: [STDLIB] }, 40).flatMap((file) => {
  try {
    return [{ file, text: readSource(file) }];
  } catch {
    return [];
  }
});

/** Standard modules where a growing prefix, reparsed, recovers from some of the errors `broken` puts in differently than one parse does. */
const RECOVERING_DIFFERENTLY = ['_collections_abc', 'ast', 'calendar', 'datetime', 'enum', 'fileinput', 'ftplib']
  .map((name) => path.join(STDLIB, `${name}.py`))
  .filter((file) => fs.existsSync(file))
  .map((file) => ({ file, text: readSource(file) }));

/** The text with a syntax error put in at each fifth of it (each a different one). */
function broken(text: string): string[] {
  const breakers = [')]:', 'def (', '\n  x = [\n', '"""'];
  return breakers.map((breaker, k) => {
    const at = Math.floor((text.length * (k + 1)) / 5);
    return text.slice(0, at) + breaker + text.slice(at);
  });
}

describe('parseInSteps', () => {
  it('gives the tree of one uninterrupted parse on real files, in many steps', async () => {
    const parser = await testParser();
    assert.ok(SAMPLE.length >= 30, `${SAMPLE.length} files`);
    let steps = 0;
    for (const { file, text } of SAMPLE) {
      const expected = whole(parser, text);
      for (const sliceChars of [500, 4000]) {
        const result = inSteps(parser, text, sliceChars);
        assert.equal(result.tree, expected, `${file} in slices of ${sliceChars}`);
        steps += result.steps;
      }
    }
    assert.ok(steps > 500, `${steps} steps in all`);
  });

  it('gives the tree of one uninterrupted parse on files with syntax errors', async () => {
    const parser = await testParser();
    let withErrors = 0;
    const cases = [...RECOVERING_DIFFERENTLY.map((c) => ({ ...c, slices: [1, 2000] })), ...SAMPLE.filter((s) => s.text.length > 5000).map((c) => ({ ...c, slices: [2000] }))];
    for (const { file, text, slices } of cases) {
      broken(text).forEach((variant, k) => {
        for (const sliceChars of slices) {
          const result = inSteps(parser, variant, sliceChars);
          assert.equal(result.tree, whole(parser, variant), `${file}, broken at ${k + 1}/5, in slices of ${sliceChars}`);
          if (result.hasError) withErrors++;
        }
      });
    }
    assert.ok(withErrors > 100, `${withErrors} broken texts`);
  });

  it('keeps an ambiguity a halted and resumed parse gets wrong: `cls(*parse(s))` unpacks the call', async () => {
    const parser = await testParser();
    // Halted every 100 operations and resumed, web-tree-sitter parses some of these as a call of `*_parse`, with no error.
    const text = Array.from(
      { length: 400 },
      (_, i) => `class C${i}:\n    def f(cls, s):\n        y = ${'a + '.repeat(i % 37)}1\n        try:\n            return cls(*_parse(s))\n        except Exception:\n            raise ValueError(f'bad {s!r}')\n`,
    ).join('\n');
    for (const sliceChars of [50, 300, 2000]) {
      const result = inSteps(parser, text, sliceChars);
      assert.ok(result.steps >= 20, `${result.steps} steps of ${sliceChars}`);
      assert.equal(result.hasError, false);
      assert.equal(result.tree.match(/\(argument_list \(list_splat \(call function: \(identifier\)/g)?.length, 400);
      assert.equal(result.tree, whole(parser, text));
    }
  });

  it('a text shorter than a slice is parsed in one step', async () => {
    const parser = await testParser();
    const text = 'def f():\n    return 1\n';
    assert.deepEqual(inSteps(parser, text, 4000), { tree: whole(parser, text), hasError: false, steps: 0 });
  });
});
