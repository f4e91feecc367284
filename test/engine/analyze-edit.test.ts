// analyzeEdit: an edit inside one method or function analysed from that piece alone.
// Every result it gives is compared with a fresh analysis of the whole text; the cases
// where it must decline are checked one by one; and seeded random edits inside the
// bodies of real standard-library classes end, edit after edit, with the diagnostics a
// fresh analysis gives.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, analyzeEdit, DEFAULT_SETTINGS, editStats, type AnalysisResult, type TextChange } from '../../server/src/engine';
import type { Parser, Tree } from '../../server/src/parser';
import { stdlibDir } from '../support/cli';
import { STORE as CLASS, testParser } from '../support/engine';
import { prng } from '../support/random-edits';

const settings = DEFAULT_SETTINGS;

/**
 * A document as the language server holds it: the tree and analysis of the text at the last
 * whole analysis, the changes since, and the latest result.
 */
class Doc {
  text: string;
  private tree: Tree;
  private changes: TextChange[] = [];
  result: AnalysisResult;

  constructor(
    private readonly parser: Parser,
    text: string,
  ) {
    this.text = text;
    this.tree = parser.parse(text)!;
    this.result = analyze({ tree: this.tree, text, settings });
  }

  /** Replaces `[start, end)` with `insert`; returns whether `analyzeEdit` handled it (else the whole file was analysed). */
  edit(start: number, end: number, insert: string): boolean {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.changes.push({ startIndex: start, oldEndIndex: end, newEndIndex: start + insert.length });
    const fast = analyzeEdit({ parser: this.parser, tree: this.tree, text: this.text, changes: this.changes, cache: this.result.cache, settings });
    if (fast) {
      assert.equal(fast.stats.analysed, 1);
      this.result = fast;
      return true;
    }
    this.catchUp();
    return false;
  }

  /** Types `insert` just after `needle` (its first occurrence after `after`). */
  type(needle: string, insert: string, after = ''): boolean {
    const at = this.text.indexOf(needle, after ? this.text.indexOf(after) : 0);
    assert.ok(at >= 0, `${needle} not found`);
    return this.edit(at + needle.length, at + needle.length, insert);
  }

  fresh(): AnalysisResult {
    const tree = this.parser.parse(this.text)!;
    try {
      return analyze({ tree, text: this.text, settings });
    } finally {
      tree.delete();
    }
  }

  /** What the language server does once a burst of edits is over: parse and analyse the whole text, reusing the cache. */
  catchUp(): void {
    this.tree.delete();
    this.tree = this.parser.parse(this.text)!;
    this.changes = [];
    this.result = analyze({ tree: this.tree, text: this.text, settings, cache: this.result.cache });
  }

  /** Whether a fresh parse of the text has a syntax error. */
  hasError(): boolean {
    const tree = this.parser.parse(this.text)!;
    try {
      return tree.rootNode.hasError;
    } finally {
      tree.delete();
    }
  }

  assertFresh(label: string): void {
    assert.deepEqual(this.result.diagnostics, this.fresh().diagnostics, label);
  }

  dispose(): void {
    this.tree.delete();
  }
}

const codes = (result: AnalysisResult) => result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

describe('analyzeEdit', () => {
  it('re-analyses the edited method alone and gives the diagnostics of a fresh analysis', async () => {
    const doc = new Doc(await testParser(), CLASS);
    try {
      assert.deepEqual(codes(doc.result), ['PP204 10:11-10:23']);
      // `seen == None` -> `seen is None`: the diagnostic goes.
      assert.equal(doc.edit(CLASS.indexOf('== None'), CLASS.indexOf('== None') + 2, 'is'), true, editStats.lastDecline);
      assert.deepEqual(codes(doc.result), []);
      doc.assertFresh('after fixing the comparison');
      // The server catches up after a burst: the whole analysis finds every unit in its cache.
      doc.catchUp();
      assert.equal(doc.result.stats.analysed, 0);
      // A comparison with None in the other method, then one in the function: new diagnostics, on their lines.
      assert.equal(doc.type('return os.path.join(item, "x")', ' if item != None else item'), true, editStats.lastDecline);
      assert.deepEqual(codes(doc.result), ['PP204 16:42-16:54']);
      doc.assertFresh('after a comparison in `drop`');
      doc.catchUp();
      assert.equal(doc.type('count += v', ' if v != None else 0'), true, editStats.lastDecline);
      assert.deepEqual(codes(doc.result), ['PP204 16:42-16:54', 'PP204 22:22-22:31']);
      doc.assertFresh('after a comparison in `helper`');
    } finally {
      doc.dispose();
    }
  });

  it('keeps handling edits in one method from the same whole analysis, and declines edits in two units', async () => {
    const doc = new Doc(await testParser(), CLASS);
    try {
      for (const letter of 'abc') {
        assert.equal(doc.type('key = lambda valu', letter), true, editStats.lastDecline);
        doc.assertFresh(`after typing ${letter}`);
      }
      // Edits in two units since the last whole analysis: one whole analysis, then the function alone.
      assert.equal(doc.type('count += ', 'v * '), false);
      assert.equal(editStats.lastDecline, 'outside the body of one unit');
      doc.assertFresh('after edits in two units');
      assert.equal(doc.type('count += ', 'v * '), true, editStats.lastDecline);
      doc.assertFresh('in the top-level function');
    } finally {
      doc.dispose();
    }
  });

  it('handles methods indented with tabs, decorated, async or on one line like a fresh analysis', async () => {
    const parser = await testParser();
    const texts = [
      'class A:\n\tx = 1\n\n\tdef m(self, a):\n\t\tif a == None:\n\t\t\treturn 1\n\t\treturn 2\n\n\tdef n(self):\n\t\tpass\n',
      'class A:\n    @property\n    def m(self):\n        return self._m == None\n\n    async def n(self):\n        await f()\n',
      'class A:\n    def m(self): return 1 == None\n    def n(self): pass\n',
    ];
    for (const text of texts) {
      const doc = new Doc(parser, text);
      try {
        assert.deepEqual(codes(doc.result).map((c) => c.split(' ')[0]), ['PP204'], text);
        // `None` -> `Nonxe`: the comparison with None is gone.
        assert.equal(doc.type('== Non', 'x'), true, editStats.lastDecline);
        assert.deepEqual(codes(doc.result), [], text);
        doc.assertFresh(text);
      } finally {
        doc.dispose();
      }
    }
  });

  it('declines edits whose effect reaches beyond the unit or its lines', async () => {
    const parser = await testParser();
    const declines: Array<[string, (doc: Doc) => boolean, string]> = [
      ['a new line', (doc) => doc.type('total = 0', '\n        extra = 1'), 'lines added or removed, or a \\r'],
      ['the signature', (doc) => doc.type('def add(self, item', ', more'), 'outside the body of one unit'],
      ['a class-level statement', (doc) => doc.type('limit = 1', '1'), 'in a class unit'],
      ['a top-level statement', (doc) => doc.type('import os', '.path'), 'in a statement unit'],
      ['`global`', (doc) => doc.type('total = 0', '; global limit'), 'a keyword changed, or a word module facts read'],
      ['a lambda appears', (doc) => doc.type('return os.path.join(item, "x")', ' or (lambda: 0)'), 'a keyword changed, or a word module facts read'],
      ['a `noqa` comment', (doc) => doc.type('total = 0', '  # noqa'), 'a `noqa` comment'],
      ['a syntax error', (doc) => doc.type('total = 0', ' + ('), 'the piece does not parse as the unit'],
      ['a text that leaves the function', (doc) => doc.type('return count', '\nx = 1'), 'lines added or removed, or a \\r'],
    ];
    for (const [label, change, reason] of declines) {
      const doc = new Doc(parser, CLASS);
      try {
        assert.equal(change(doc), false, label);
        assert.equal(editStats.lastDecline, reason, label);
        doc.assertFresh(label);
      } finally {
        doc.dispose();
      }
    }
  });

  it('in a class whose units asked what its methods do to `self`, handles edits that leave that unchanged', async () => {
    // PP403 asks how the methods use the class-level list `items`.
    const doc = new Doc(await testParser(), 'class C:\n    items = []\n\n    def add(self, x):\n        self.items.append(x)\n\n    def other(self):\n        return 1\n');
    try {
      assert.deepEqual(codes(doc.result).map((c) => c.split(' ')[0]), ['PP403']);
      assert.equal(doc.type('return 1', '2'), true, editStats.lastDecline);
      doc.assertFresh('in `other`');
      doc.catchUp();
      assert.equal(doc.type('self.items', 'x'), false);
      assert.equal(editStats.lastDecline, 'what the method does to `self` changed, and a unit of its class asked');
      doc.assertFresh('in `add`');
    } finally {
      doc.dispose();
    }
  });

  it('declines where the unit reads its class, or the file exempts itself from a rule', async () => {
    const parser = await testParser();
    // `__repr__` asks for the class summary (PP1xx repr rule); `__init__`'s body is part of the module facts.
    const repr = new Doc(parser, 'class P:\n    def __repr__(self):\n        return "P()"\n');
    const init = new Doc(parser, 'class Q(Base):\n    def __init__(self):\n        self.a = 1\n');
    const exempt = new Doc(parser, '# pythonic: noqa: PP203\nclass R:\n    def m(self):\n        f = lambda: 1\n');
    try {
      assert.equal(repr.type('return "P(', 'x'), false);
      assert.equal(editStats.lastDecline, 'the unit read its class');
      repr.assertFresh('__repr__');
      // In `__init__`, an edit that leaves whose `__init__` it calls is analysed alone; one that adds a call is not.
      assert.equal(init.type('self.a = 1', '0'), true, editStats.lastDecline);
      init.assertFresh('__init__');
      assert.equal(init.type('self.a = 10', '; Base.__init__(self)'), false);
      assert.equal(editStats.lastDecline, 'the `__init__` calls of `__init__` changed');
      init.assertFresh('__init__ calls');
      assert.equal(exempt.type('f = lambda: 1', '0'), false);
      assert.equal(editStats.lastDecline, 'a file exemption, a lone \\r, or no change');
      exempt.assertFresh('exempt');
    } finally {
      for (const doc of [repr, init, exempt]) doc.dispose();
    }
  });

  it('ends every seeded random edit inside method bodies of standard-library classes with the diagnostics of a fresh analysis', async () => {
    const parser = await testParser();
    const pieces = ['x', '_', ' ', '1', '.', ',', '(', ')', '[', ']', '"', "'", '#', '=', '==', ' None', ' is None', 'self.items', '[]', 'lambda: 0', 'yield', ' noqa', 'global g', 'type(x) == int', 'hasattr(self, "__call__")'];
    let handled = 0;
    let edits = 0;
    for (const [file, seed] of [['fractions.py', 1], ['textwrap.py', 2], ['argparse.py', 3], ['dataclasses.py', 4]] as const) {
      const text = fs.readFileSync(path.join(stdlibDir(), file), 'utf8');
      const doc = new Doc(parser, text);
      const random = prng(seed);
      try {
        for (let i = 0; i < 50; i++) {
          // A place inside a method or function body: after an indented line's indentation.
          const lines = [...doc.text.matchAll(/\n {8}(?=\S)/g)];
          const at = lines[random(lines.length)].index! + 9 + random(20);
          const lineEnd = doc.text.indexOf('\n', at);
          if (lineEnd < 0 || at >= lineEnd) continue;
          const kind = random(3);
          const end = kind === 0 ? Math.min(lineEnd, at + 1 + random(4)) : at;
          const insert = kind === 0 && random(2) === 0 ? '' : pieces[random(pieces.length)];
          const label = `${file}, edit ${i}: ${JSON.stringify(insert)} at ${at}`;
          const removed = doc.text.slice(at, end);
          edits++;
          if (doc.edit(at, end, insert)) handled++;
                    doc.assertFresh(label);
          // An edit that broke the syntax is typed away again, so that the file stays mostly whole.
          if (doc.hasError()) {
            edits++;
            if (doc.edit(at, at + insert.length, removed)) handled++;
            doc.assertFresh(`${label}, undone`);
          }
          // Mostly, a burst of edits ends here and the server catches up (the whole analysis reuses what `analyzeEdit` cached).
          if (random(3) > 0) {
            doc.catchUp();
            doc.assertFresh(`${label}, caught up`);
          }
        }
      } finally {
        doc.dispose();
      }
    }
    // Many of these edits break the syntax or reach beyond one body; a fifth or more must have taken the fast path.
    assert.ok(handled * 5 > edits, `analyzeEdit handled ${handled} of ${edits} edits`);
  });

  it('with `once` (the CLI), reports what an ordinary analysis reports, caches nothing, and declines an edit', async () => {
    const parser = await testParser();
    const all = { ...settings, select: ['ALL'] };
    for (const file of ['_pydecimal.py', 'argparse.py', 'dataclasses.py', 'typing.py', 'enum.py']) {
      const text = fs.readFileSync(path.join(stdlibDir(), file), 'utf8');
      const tree = parser.parse(text)!;
      try {
        const ordinary = analyze({ tree, text, settings: all });
        const once = analyze({ tree, text, settings: all, once: true });
        assert.ok(ordinary.diagnostics.length > 0, `${file}: no findings to compare`);
        assert.deepEqual(once.diagnostics, ordinary.diagnostics, file);
        assert.equal(once.cache.units.size, 0, `${file}: units cached`);
        assert.equal(once.cache.methodFacts.size, 0, `${file}: method facts cached`);
        // A space typed inside a method's `return`: the ordinary cache takes the edit, the single analysis's declines it.
        const at = text.lastIndexOf('\n        return ') + 16;
        const edited = text.slice(0, at) + ' ' + text.slice(at);
        const changes = [{ startIndex: at, oldEndIndex: at, newEndIndex: at + 1 }];
        const fromOnce = parser.parse(text)!;
        try {
          assert.ok(analyzeEdit({ parser, tree, text: edited, changes, cache: ordinary.cache, settings: all }), `${file}: the ordinary cache declined the edit`);
          assert.equal(analyzeEdit({ parser, tree: fromOnce, text: edited, changes, cache: once.cache, settings: all }), null, `${file}: an edit after a single analysis was taken`);
        } finally {
          fromOnce.delete();
        }
      } finally {
        tree.delete();
      }
    }
  });
});
