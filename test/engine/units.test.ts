// Incrementality, tested by counting units analysed rather than by timing them:
// what an edit re-analyses, and that after any sequence of edits the cached
// analysis says exactly what a fresh one says.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, RULES, type AnalysisResult, type Diagnostic, type Rule } from '../../server/src/engine';
import type { RuleError } from '../../server/src/engine/analyze';
import { unitsOf } from '../../server/src/engine/units';
import { Edit, type Parser, type Tree } from '../../server/src/parser';
import { testParser } from '../support/engine';

const settings = DEFAULT_SETTINGS;

/** A class of `methods` methods, each with locals, a loop, a comprehension, a lambda and a default. */
function bigClass(methods: number): string {
  const lines = ['import os', '', 'class Big:'];
  for (let i = 0; i < methods; i++) {
    lines.push(
      `    def m${i}(self, items, seen=None):`,
      `        total = 0`,
      `        for item in items:`,
      `            total += len(str(item))`,
      `        squares = [n * n for n in range(total)]`,
      `        key = lambda value: value % ${i + 2}`,
      `        return sorted(squares, key=key)`,
      '',
    );
  }
  return lines.join('\n') + '\n';
}

function insertAt(text: string, needle: string, insertion: string): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not found`);
  return text.slice(0, at) + insertion + text.slice(at);
}

async function analyseTwice(before: string, after: string): Promise<{ first: AnalysisResult; second: AnalysisResult; fresh: AnalysisResult }> {
  const parser = await testParser();
  const first = analyze({ tree: parser.parse(before)!, text: before, settings });
  const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
  const fresh = analyze({ tree: parser.parse(after)!, text: after, settings });
  assert.deepEqual(second.diagnostics, fresh.diagnostics, 'cached and fresh analyses disagree');
  return { first, second, fresh };
}

describe('units of analysis', () => {
  it('cuts a top-level class into its own body and one unit per method', async () => {
    const parser = await testParser();
    const text = 'import os\n\n@dataclass\nclass C:\n    x = 1\n\n    @property\n    def a(self):\n        return 1\n\n    def b(self):\n        pass\n\ndef f():\n    class Inner:\n        def g(self):\n            pass\n';
    const { units } = unitsOf(parser.parse(text)!.rootNode, text);
    assert.deepEqual(
      units.map((u) => [u.kind, u.node.startPosition.row]),
      [['statement', 0], ['class', 2], ['method', 6], ['method', 10], ['function', 13]],
    );
    // The class's own unit is the class without its method bodies: three segments around two methods.
    assert.deepEqual(units[1].segments.map((s) => [s.startRow, s.endRow]), [[2, 6], [8, 10], [11, 11]]);
  });

  it('typing inside one method of a 1,000-line class re-analyses exactly that method', async () => {
    const before = bigClass(125);
    const after = insertAt(before, 'total = 0\n        for item in items:\n            total += len(str(item))\n        squares = [n * n for n in range(total)]\n        key = lambda value: value % 60', 'extra = 1; ');
    const { first, second } = await analyseTwice(before, after);
    assert.equal(first.stats.units, 127);
    assert.deepEqual(second.stats, { units: 127, analysed: 1 });
  });

  it('adding an unused module-level name analyses only the new statement', async () => {
    const before = bigClass(20);
    const after = before + 'unused_name = 42\n';
    const { second } = await analyseTwice(before, after);
    assert.deepEqual(second.stats, { units: 23, analysed: 1 });
  });

  it('a new module-level name re-analyses just the units that asked about it', async () => {
    const before = 'def bump():\n    print(hits)\n    hits = 1\n\ndef other():\n    return 1\n\ndef third(hits):\n    return hits\n';
    const after = 'hits = 0\n' + before;
    const { first, second } = await analyseTwice(before, after);
    assert.deepEqual(first.diagnostics.map((d) => d.code), []);
    // `bump` asked whether the module binds `hits`; `other` and `third` asked nothing about it.
    assert.deepEqual(second.stats, { units: 4, analysed: 2 });
    assert.deepEqual(second.diagnostics.map((d) => `${d.code} ${d.range.start.line}`), ['PP801 2']);
  });

  it('a method that read its class summary is re-analysed when the class gains an attribute; the others are not', async () => {
    const before = 'registry = []\n\nclass C:\n    def add(self, into=registry):\n        into.append(self)\n\n    def other(self):\n        return 2\n';
    const after = insertAt(before, '    def add', '    registry = ()\n\n');
    const { first, second } = await analyseTwice(before, after);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['PP401']);
    // The class's own unit changed; `add` read the summary (its default names a class-level name now); `other` did not.
    assert.deepEqual(second.stats, { units: 4, analysed: 2 });
    assert.deepEqual(second.diagnostics, []);
  });

  it('gives a rule the summary of its own class, and refuses one of a class outside the unit', async () => {
    const parser = await testParser();
    const text = 'class A:\n    x = 1\n    def a(self, n=2):\n        pass\n\nclass B(A):\n    def b(self):\n        pass\n';
    const tree = parser.parse(text)!;
    const classA = tree.rootNode.namedChild(0)!;
    const seen: string[] = [];
    const errors: RuleError[] = [];
    const probe: Rule = {
      meta: { ...RULES[0].meta, optIn: undefined, code: 'PP999' },
      create: (context) => ({
        function_definition(fn) {
          const own = context.classSummary(context.parentOf(context.parentOf(fn)!)!);
          seen.push(`${own.name}: ${own.methods.map((m) => `${m.name}${m.parameters}`).join(' ')} | ${own.boundNames.join(' ')}`);
          context.classSummary(classA);
        },
      }),
    };
    analyze({ tree, text, settings: DEFAULT_SETTINGS, rules: [probe], onRuleError: (e) => errors.push(e) });
    assert.deepEqual(seen, ['A: a(self, n=2) | x a', 'B: b(self) | b']);
    // Inside class A's own method the summary of A is fine; from B's method, A lies outside the unit.
    assert.equal(errors.length, 1);
    assert.match(String(errors[0].error), /only the class around the unit/);
  });

  it('moves a class-level finding with its segment when a method above it grows', async () => {
    const before = 'class C:\n    def a(self):\n        return 1\n\n    flag = MARK == None\n';
    const after = insertAt(before, '        return 1', '        x = 1\n        y = 2\n');
    const { second, fresh } = await analyseTwice(before, after);
    assert.deepEqual(second.stats, { units: 2, analysed: 1 });
    assert.deepEqual(fresh.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['PP204 6:11']);
  });

  it('finds class-level nodes in text with characters outside the BMP and after non-ASCII methods', async () => {
    const before = 'class C:\n    def a(self):\n        return "żółw 🐢"\n\n    flag = MARK == None\n';
    const after = insertAt(before, '        return', '        s = "🐍"\n');
    const { fresh } = await analyseTwice(before, after);
    assert.deepEqual(fresh.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['PP204 5:11']);
  });
});

// ---- what method bodies do to `self` --------------------------------------

describe('facts about method bodies (ClassSummary.attributeUse) reach other units through a recorded channel', () => {
  const basket = [
    'class Basket:',
    '    items = []',
    '',
    '    def __init__(self, owner):',
    '        self.owner = owner',
    '',
    '    def add(self, item):',
    '        print(item)',
    '',
    '    def count(self):',
    '        return len(self.items)',
    '',
  ].join('\n');
  const mutating = basket.replace('        print(item)', '        self.items.append(item)');

  it('a mutation added in one method re-analyses the class unit that asked about it, and its finding appears; removing it makes it go', async () => {
    const added = await analyseTwice(basket, mutating);
    assert.deepEqual(added.first.diagnostics.map((d) => d.code), []);
    // `add` changed; the class unit asked about `items` and got another answer; `__init__` and `count` asked nothing.
    assert.deepEqual(added.second.stats, { units: 4, analysed: 2 });
    assert.deepEqual(added.second.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`), ['PP403 1:4']);
    const removed = await analyseTwice(mutating, basket);
    assert.deepEqual(removed.second.stats, { units: 4, analysed: 2 });
    assert.deepEqual(removed.second.diagnostics, []);
  });

  it('an edit that leaves the answer as it was re-analyses only the edited method', async () => {
    const elsewhere = await analyseTwice(mutating, insertAt(mutating, '        return len', '        total = 0\n'));
    assert.deepEqual(elsewhere.second.stats, { units: 4, analysed: 1 });
    // Another append in the same method: the same mutations, method by method.
    const same = await analyseTwice(mutating, insertAt(mutating, '        self.items.append(item)', '        self.items.append(None)\n'));
    assert.deepEqual(same.second.stats, { units: 4, analysed: 1 });
    assert.deepEqual(same.second.diagnostics.map((d) => d.code), ['PP403']);
    // The facts of a method whose text did not change are kept, not computed again.
    const addText = mutating.slice(mutating.indexOf('def add'), mutating.indexOf('    def count')).trimEnd();
    const kept = elsewhere.second.cache.methodFacts.get(addText);
    assert.ok(kept && kept === elsewhere.first.cache.methodFacts.get(addText));
  });

  it('a method that asked re-analyses when another method starts or stops mutating the attribute it stores', async () => {
    const before = [
      'class Team:',
      '    def __init__(self, members=None):',
      '        self.members = members if members is not None else []',
      '',
      '    def leave(self, name):',
      '        print(name)',
      '',
      '    def size(self):',
      '        return len(self.members)',
      '',
    ].join('\n');
    const after = before.replace('        print(name)', '        self.members.remove(name)');
    const added = await analyseTwice(before, after);
    // `leave` changed; `__init__` asked about `members`; the class unit and `size` did not ask.
    assert.deepEqual(added.second.stats, { units: 4, analysed: 2 });
    assert.deepEqual(added.second.diagnostics.map((d) => `${d.code} ${d.range.start.line}`), ['PP402 2']);
    const removed = await analyseTwice(after, before);
    assert.deepEqual(removed.second.stats, { units: 4, analysed: 2 });
    assert.deepEqual(removed.second.diagnostics, []);
    const unrelated = await analyseTwice(after, insertAt(after, '        return len', '        n = 1\n'));
    assert.deepEqual(unrelated.second.stats, { units: 4, analysed: 1 });
  });

  it('a method that takes over the mutation answers the same question differently: the asking unit is re-analysed', async () => {
    // The mutation moves from `add` to `count`: the answer names another method.
    const moved = mutating.replace('        self.items.append(item)', '        print(item)').replace('        return len(self.items)', '        self.items.clear()');
    const { second } = await analyseTwice(mutating, moved);
    assert.deepEqual(second.stats, { units: 4, analysed: 3 });
    assert.match(second.diagnostics[0].message, /`count\(\)`/);
  });
});

// ---- random edits --------------------------------------------------------

const SAMPLE = [
  'import os',
  'from collections import deque',
  '',
  'CACHE = {}',
  'count = 0',
  '',
  'def record(x=[]):',
  '    count += 1',
  '    return x',
  '',
  'def closures():',
  '    fs = []',
  '    for i in range(3):',
  '        fs.append(lambda: i)',
  '    return fs',
  '',
  'class Bus:',
  '    registry = {}',
  '    riders = []',
  '    flag = MARK == None',
  '',
  '    def __init__(self, passengers=[], extra=CACHE):',
  '        self.passengers = passengers',
  '',
  '    def board(self, name):',
  '        self.passengers.append(name)',
  '        self.riders.append(name)',
  '',
  '    def drop(self, name):',
  '        del name',
  '        return name',
  '',
  '    def total(self):',
  '        global count',
  '        count = 1',
  '        if self.passengers != None:',
  '            return len(self.passengers)',
  '',
  'del CACHE',
  'print(CACHE)',
  '',
  'def outer():',
  '    def inner():',
  '        nonlocal missing',
  '        return 1',
  '    return inner',
  '',
].join('\n');

const INSERTIONS = ['\n', '\r\n', '\r', '\t', ' ', '    ', 'x', '=[]', ' == None', 'del count\n', 'def g(a={}):\n    return a\n', 'class K:\n    def m(self, v=[]):\n        return v\n', 'lambda: i', ':', '(', ')', 'count = 2\n', '"', '#'];

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** tree-sitter's point for an offset: rows count `\n` only. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      row++;
      lineStart = i + 1;
    }
  }
  return { row, column: offset - lineStart };
}

function editTree(tree: Tree, text: string, start: number, end: number, inserted: string): void {
  const startPosition = pointAt(text, start);
  const newText = text.slice(0, start) + inserted + text.slice(end);
  tree.edit(new Edit({
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + inserted.length,
    startPosition,
    oldEndPosition: pointAt(text, end),
    newEndPosition: pointAt(newText, start + inserted.length),
  }));
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message} ${JSON.stringify(d.fix)}`);
}

function fresh(parser: Parser, text: string): string[] {
  const tree = parser.parse(text)!;
  try {
    return summary(analyze({ tree, text, settings }).diagnostics);
  } finally {
    tree.delete();
  }
}

describe('cached analysis under random edits', () => {
  it('3,000 seeded random edits (line breaks of every kind, tabs, deletions across units) end exactly where a fresh analysis does', async () => {
    const parser = await testParser();
    const random = prng(20261129);
    let text = SAMPLE;
    let tree = parser.parse(text)!;
    let result = analyze({ tree, text, settings });
    let reused = 0;
    for (let step = 1; step <= 3000; step++) {
      const at = Math.floor(random() * (text.length + 1));
      let end = at;
      let inserted = '';
      if (random() < 0.45 && text.length > 200) end = Math.min(text.length, at + 1 + Math.floor(random() * 60));
      else inserted = INSERTIONS[Math.floor(random() * INSERTIONS.length)];
      const next = text.slice(0, at) + inserted + text.slice(end);
      // As the server does: reuse the tree unless a lone `\r` makes tree-sitter's rows differ from the editor's.
      if (/\r(?!\n)/.test(text) || /\r(?!\n)/.test(next)) {
        tree.delete();
        tree = parser.parse(next)!;
      } else {
        editTree(tree, text, at, end, inserted);
        const old = tree;
        tree = parser.parse(next, old)!;
        old.delete();
      }
      text = next;
      result = analyze({ tree, text, settings, cache: result.cache });
      reused += result.stats.units - result.stats.analysed;
      if (step % 250 === 0) assert.deepEqual(summary(result.diagnostics), fresh(parser, text), `after edit ${step}:\n${JSON.stringify(text)}`);
      // Keep the file from drifting into one shape: start again from the sample now and then.
      if (step % 1000 === 0) {
        text = SAMPLE;
        tree.delete();
        tree = parser.parse(text)!;
        result = analyze({ tree, text, settings, cache: result.cache });
      }
    }
    assert.deepEqual(summary(result.diagnostics), fresh(parser, text));
    assert.ok(reused > 3000, `the cache served ${reused} units`);
    tree.delete();
  });
});

describe('cached results that depend only on their unit', () => {
  it('seeded edits that break `def`s mid-line, analysed every few edits as a server coalesces them, end where a fresh analysis does, fixes included', async () => {
    const parser = await testParser();
    // The pieces of the language server's random-edit test: whole functions, brackets, a
    // non-BMP character and CRLF, spliced in anywhere. PP401's guard once took its
    // indentation from the text before the `def` on its line, outside the unit.
    const pieces = ['def f(a, b=[]):\n    return a\n', 'X = {}\n', 'def g(y=X):\n    y[1] = 2\n', '\n', 'pass\n', ' = [', ')', '(', 'é😀', '"""doc"""\n', 'class C:\n    def m(self, z=set()):\n        ...\n', '\r\n'];
    for (const every of [2, 3, 5]) {
      // The language server test's generator, so that the texts are the ones it makes.
      let seed = 42;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      let text = 'import os\n\n' + pieces.slice(0, 4).join('');
      let tree = parser.parse(text)!;
      let result = analyze({ tree, text, settings });
      for (let step = 1; step <= 150; step++) {
        const start = random(text.length + 1);
        const deleting = random(3) === 0;
        const edits = [{ start, end: deleting ? Math.min(text.length, start + random(12)) : start, inserted: deleting ? '' : pieces[random(pieces.length)] }];
        // Some notifications carry a second change, a whole new function.
        if (random(4) === 0) edits.push({ start: -1, end: -1, inserted: 'def h(q={}):\n    return q\n' });
        for (const edit of edits) {
          if (edit.start < 0) edit.start = edit.end = random(text.length + 1);
          const next = text.slice(0, edit.start) + edit.inserted + text.slice(edit.end);
          if (/\r(?!\n)/.test(text) || /\r(?!\n)/.test(next)) {
            tree.delete();
            tree = parser.parse(next)!;
          } else {
            editTree(tree, text, edit.start, edit.end, edit.inserted);
            const old = tree;
            tree = parser.parse(next, old)!;
            old.delete();
          }
          text = next;
        }
        if (step % every === 0) result = analyze({ tree, text, settings, cache: result.cache });
      }
      result = analyze({ tree, text, settings, cache: result.cache });
      assert.ok(result.diagnostics.some((d) => d.code === 'PP401' && d.fix), 'the edits leave a PP401 fix to compare');
      assert.deepEqual(summary(result.diagnostics), fresh(parser, text), `analysed every ${every} edits:\n${JSON.stringify(text)}`);
      tree.delete();
    }
  });
});
