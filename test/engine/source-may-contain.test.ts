// `SourceFile.after`: a whole analysis with a cache answers the rules' `mayContain` early
// exits from the previous text's answers and the stretch that changed. The answers must be
// exactly those of a new file, whatever the edit, including a word completed across the
// stretch's edges.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, parsePython } from '../../server/src/engine';
import { changedStretch, SourceFile } from '../../server/src/engine/source';
import { prng } from '../support/random-edits';
import { testParser } from '../support/engine';

const WORDS = ['create_task', 'ensure_future', '.acquire(', 'hasattr', 'Mixin', '__eq__', 'wait', 'x'];

/** Asks every word of `previous` first (as the rules of its analysis did), then of the file after it. */
async function answers(previousText: string, text: string, askedBefore: readonly string[] = WORDS): Promise<{ after: boolean[]; fresh: boolean[] }> {
  const parser = await testParser();
  const before = parsePython(parser, previousText)!;
  const now = parsePython(parser, text)!;
  try {
    const previous = new SourceFile(previousText, before, 'a.py');
    for (const word of askedBefore) previous.mayContain(word);
    const after = SourceFile.after(previous, text, now, 'a.py');
    const fresh = new SourceFile(text, now, 'a.py');
    return { after: WORDS.map((w) => after.mayContain(w)), fresh: WORDS.map((w) => fresh.mayContain(w)) };
  } finally {
    before.delete();
    now.delete();
  }
}

describe('changedStretch', () => {
  it('finds the stretch of the new text between the common head and tail', () => {
    assert.deepEqual(changedStretch('abcdef', 'abcXYdef'), { start: 3, end: 5 });
    assert.deepEqual(changedStretch('abcdef', 'abef'), { start: 2, end: 2 });
    assert.deepEqual(changedStretch('abcdef', 'abcdef'), { start: 6, end: 6 });
    assert.deepEqual(changedStretch('', 'new'), { start: 0, end: 3 });
    assert.deepEqual(changedStretch('aaaa', 'aaaaaa'), { start: 4, end: 6 });
  });

  it('holds its invariant on long texts edited at random (chunked comparison)', () => {
    const next = prng(7);
    let text = 'def f(x):\n    return x + 1\n'.repeat(2000);
    for (let round = 0; round < 200; round++) {
      const at = next(text.length + 1);
      const removed = next(4) === 0 ? next(9000) : next(3);
      const inserted = ['', 'q', 'def g():\n', 'x'.repeat(next(5000))][next(4)];
      const after = text.slice(0, at) + inserted + text.slice(at + removed);
      const { start, end } = changedStretch(text, after);
      const tail = after.length - end;
      assert.equal(after.slice(0, start), text.slice(0, start));
      assert.equal(after.slice(end), text.slice(text.length - tail));
      assert.ok(start + tail <= Math.min(text.length, after.length));
      // The head is as long as it can be.
      if (start < Math.min(text.length, after.length)) assert.notEqual(after[start], text[start]);
      text = after;
    }
  });
});

describe('mayContain after a previous text of the same document', () => {
  it('finds a word completed across either edge of the changed stretch', async () => {
    // `create_tas k` -> `create_task`: the stretch is the deleted space alone.
    const joined = await answers('asyncio.create_tas k(job())\n', 'asyncio.create_task(job())\n');
    assert.deepEqual(joined.after, joined.fresh);
    assert.equal(joined.after[0], true);
    const prefixed = await answers('loop.ensure_futur(x)\n', 'loop.ensure_future(x)\n');
    assert.deepEqual(prefixed.after, prefixed.fresh);
    assert.equal(prefixed.after[1], true);
  });

  it('says no once the only occurrence is gone, and answers words the previous file was not asked about', async () => {
    const gone = await answers('lock.acquire()\nhasattr(a, "b")\n', 'lock.release()\nhasattr(a, "b")\n');
    assert.deepEqual(gone.after, gone.fresh);
    assert.deepEqual([gone.after[2], gone.after[3]], [false, true]);
    const unasked = await answers('class A: pass\n', 'class AMixin: pass\n', []);
    assert.deepEqual(unasked.after, unasked.fresh);
  });

  it('answers as a new file would after 300 seeded random edits', async () => {
    const next = prng(11);
    const pieces = ['create_task', 'create_', 'task', 'ensure_future', '.acquire(', 'acquire', 'Mix', 'in', '__eq__', 'wait', '\n', ' ', '(', 'x'];
    let text = 'import asyncio\n\nclass Job:\n    def run(self):\n        return 1\n';
    for (let round = 0; round < 300; round++) {
      const at = next(text.length + 1);
      const after = text.slice(0, at) + (next(3) === 0 ? '' : pieces[next(pieces.length)]) + text.slice(Math.min(text.length, at + next(4)));
      const { after: got, fresh } = await answers(text, after);
      assert.deepEqual(got, fresh, `after ${JSON.stringify(after)}`);
      text = after;
    }
  });

  it('gives the diagnostics of a fresh analysis when a rule steps aside or back in', async () => {
    const parser = await testParser();
    const base = 'import asyncio\n\nasync def main(job):\n    asyncio.sleep(1)\n    return job\n';
    const withTask = base.replace('return job', 'asyncio.create_task(job())\n    return job');
    let cache;
    const trees = [];
    try {
      for (const text of [base, withTask, base, withTask]) {
        const tree = parsePython(parser, text)!;
        trees.push(tree);
        const cached = analyze({ tree, text, settings: DEFAULT_SETTINGS, cache });
        const fresh = analyze({ tree, text, settings: DEFAULT_SETTINGS });
        assert.deepEqual(cached.diagnostics, fresh.diagnostics);
        assert.equal(cached.diagnostics.some((d) => d.code === 'PP904'), text === withTask);
        cache = cached.cache;
      }
    } finally {
      for (const tree of trees) tree.delete();
    }
  });
});
