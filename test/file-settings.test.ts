import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE } from '../server/src/engine/settings';
import { DEFAULT_SETTINGS } from '../server/src/engine';
import { globMatcher, isExcluded, settingsForFile } from '../server/src/file-settings';

const picomatchSays = (pattern: string, candidate: string) => picomatch(pattern, { dot: true })(candidate);

describe('exclude and per-file-ignores patterns', () => {
  it('a plain name or path matches what picomatch matches, the defaults included', () => {
    for (const pattern of [...DEFAULT_EXCLUDE, 'tests', 'src/gen', '/abs/path/mod.py', 'a.b-c_d', 'x~y', 'pkg/sub.mod']) {
      for (const candidate of [pattern, `${pattern}x`, `x${pattern}`, pattern.toUpperCase(), `a/${pattern}`, `${pattern}/b`, `.${pattern}`, '', 'venv2']) {
        assert.equal(globMatcher(pattern)(candidate), picomatchSays(pattern, candidate), `${pattern} against ${candidate}`);
      }
    }
  });

  it('an empty pattern (`""`, `./`, `/`) matches no file instead of failing every check', () => {
    const settings = { ...DEFAULT_SETTINGS, exclude: ['', './', '/'], perFileIgnores: { '': ['PP101'] } };
    assert.equal(isExcluded(settings, '/proj', '/proj/pkg/mod.py'), false);
    assert.deepEqual(settingsForFile(settings, '/proj', '/proj/pkg/mod.py').extendIgnore, []);
  });

  it('agrees with picomatch on random patterns and names, plain or not', () => {
    // Every printable ASCII character but the path separator's backslash twin; `/` is in.
    const char = fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCZ[]^_`abcxyz{|}~');
    const text = fc.string({ unit: char, minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 6 }), (rawPattern, candidates) => {
        const pattern = rawPattern.replace(/^\.\//, '').replace(/\/+$/, '');
        fc.pre(pattern !== ''); // picomatch refuses an empty pattern: see the next test
        for (const candidate of [pattern, ...candidates]) assert.equal(globMatcher(pattern)(candidate), picomatchSays(pattern, candidate), `${JSON.stringify(pattern)} against ${JSON.stringify(candidate)}`);
      }),
      { numRuns: 20_000, seed: 8 },
    );
  });
});
