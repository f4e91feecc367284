// Every fix on real code nobody here wrote: on a deterministic sample of the standard
// library and of Debian's django, numpy, sympy and requests, each offered fix (safe and
// unsafe) is applied alone; the result must compile with CPython and carry one
// diagnostic fewer of that rule. `npm run corpus -- --fixes` runs the same over everything.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpora, corpusFiles, fixableCodes, tryEachFix } from './support/corpus';
import { testParser } from './support/engine';

/** One file in SAMPLE_EVERY, and at most CAP fixes per rule and corpus, keep this under a minute. */
const SAMPLE_EVERY = 6;
const CAP = 25;

describe('fixes on real code, applied one at a time', () => {
  const { found, missing } = corpora();
  for (const corpus of found) {
    it(`${corpus.name}: every fix compiles and removes its diagnostic`, { timeout: 600_000 }, async () => {
      const parser = await testParser();
      const { trials } = tryEachFix({ parser, files: corpusFiles(corpus, SAMPLE_EVERY), codes: fixableCodes(), cap: CAP });
      const failures = trials.filter((t) => t.problem).map((t) => `${t.file}:${t.line} ${t.code}: ${t.problem}`);
      assert.deepEqual(failures, []);
      assert.ok(trials.length >= 20, `only ${trials.length} fixes tried: the sample is too small to mean anything`);
    });
  }
  // Outside CI a developer may not have the Debian packages yet; CI installs them and must run this.
  it('Debian corpus is installed', { skip: missing.length > 0 && !process.env.CI ? `missing ${missing.join(', ')}` : false }, () => {
    assert.deepEqual(missing, [], 'apt-get install python3-django python3-numpy python3-sympy python3-requests');
  });
});
