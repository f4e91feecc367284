// `namesMaybeBound`, the look at a function's text that lets PP101 and PP801 skip the
// scope tree: it must never miss a name the function binds. The oracle is CPython's
// symtable (test/support/bound-names-dump.py), on every function and lambda of a sample
// of the standard library and of the Debian corpus, and on hand-written binding forms.
//   PYTHONIC_BOUND_NAMES_ALL=1 checks every file of the corpora instead of a sample.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/engine';
import { SCOPE_TIMING } from '../../server/src/engine/analyze';
import { namesMaybeBound } from '../../server/src/engine/scope/maybe-bound';
import { corpora, corpusFiles } from '../support/corpus';
import { ROOT, testParser } from '../support/engine';

const DUMP = path.join(ROOT, 'test', 'support', 'bound-names-dump.py');

interface Bound {
  file: string;
  line: number;
  text: string;
  bound: string[];
}

function boundNames(files: readonly string[]): Bound[] {
  const out = execFileSync('python3', [DUMP], { input: JSON.stringify(files), maxBuffer: 1024 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as Bound[];
}

/** The names symtable says `text` binds that `namesMaybeBound` does not list. */
function missed({ text, bound }: Pick<Bound, 'text' | 'bound'>): string[] {
  const names = namesMaybeBound(text);
  if (!names && /[^\x00-\x7f]/.test(text)) return [];
  assert.ok(names, `no answer for plain ASCII text: ${text.slice(0, 60)}`);
  return bound.filter((name) => !names.has(name));
}

describe('namesMaybeBound', () => {
  it('lists every name each binding form binds, with comments, line breaks and backslashes in between', () => {
    const forms = [
      'def f(a, b=1, *c, d: int = 2, e, **g):\n    pass',
      'def f():\n    x = y = 1\n    p, (q, *r) = s\n    [t] = u\n    v: int\n    w += 1\n    z //= 2\n    m @= n',
      'def f():\n    for i, (j, k) in z:\n        pass\n    async for l in z:\n        pass\n    [0 for o in z if (w := o)]',
      'def f():\n    with a as b, c as (d, e):\n        pass\n    with (g as h,\n          k as l):\n        pass',
      'def f():\n    try:\n        pass\n    except E as e:\n        pass\n    try:\n        pass\n    except* F as ee:\n        pass',
      'def f():\n    import a.b, c as d\n    from e import (g,\n        h as k,  # note\n        l\n    )\n    if x: import m; import n as o',
      'def f():\n    del a, b[0], \\\n        c\n    del (d,\n         e)',
      'def f():\n    def g(): pass\n    class C: pass\n    async def h(): pass',
      'def f():\n    match x:\n        case [a, *rest] if a:\n            pass\n        case {"k": b, **more}:\n            pass\n        case P(x=c, y=d) as e:\n            pass\n        case [g] | (g):\n            pass\n        case h if h:\n            pass',
      'def f():\n    x \\\n        = 1\n    (y  # the target\n    ) = 2\n    [z  ####### a banner ######\n    ] = 3',
      'lambda a, b=1, *c, d, **e: (g := a)',
    ];
    for (const text of forms) {
      const lines = text.split('\n');
      // The oracle for the forms, too: symtable's names for the function, read by Python.
      const bound = execFileSync('python3', ['-c', ORACLE], { input: text }).toString().trim().split(' ').filter(Boolean);
      assert.ok(bound.length > 0, lines[0]);
      assert.deepEqual(missed({ text, bound }), [], text);
    }
  });

  it('lists the names of type aliases (Python 3.12, which the oracle cannot compile)', () => {
    const names = namesMaybeBound('def f():\n    type T = int\n    type U[V] = list[V]')!;
    assert.ok(names.has('T') && names.has('U'), [...names].join(' '));
  });

  it('skips comments, a banner of `#`s included, and lists no attribute', () => {
    const names = namesMaybeBound(`def f():\n    g(x  ${'#'.repeat(64)}\n    .y)`)!;
    assert.deepEqual([...names].sort(), ['f']);
  });

  it('lists no name that is only read: in calls, strings, comments, conditions, a `with` head or a `for` iterable', () => {
    const text = [
      'def f(a):',
      '    """Return value, or None (x, y) = z."""',
      '    g(b, c=d)  # e, h = 1',
      '    with open(path, "w") as fh:',
      '        pass',
      '    if k in ks and m: return n',
      '    for q in r, s: pass',
      '    x = h(o, p)',
    ].join('\n');
    assert.deepEqual([...namesMaybeBound(text)!].sort(), ['a', 'f', 'fh', 'q', 'x']);
  });

  it('gives no answer for a name beyond ASCII (Python folds identifiers to NFKC), or for brackets or strings left open', () => {
    assert.equal(namesMaybeBound('def f():\n    ﬁle = 1'), null);
    assert.equal(namesMaybeBound('def f():\n    s = f"{(ﬁle := 1)}"'), null);
    assert.deepEqual([...namesMaybeBound('def f(a):\n    s = "café"  # é\n    return len(a) + g(a)')!].sort(), ['a', 'f', 's']);
    assert.equal(namesMaybeBound('def f():\n    x = g(1,\n'), null);
    assert.equal(namesMaybeBound('def f():\n    x = """never closed\n'), null);
  });

  it('spares a method, or a closure, that binds no builtin or outer name its scope tree (PP101, PP801, PP803 look first)', async () => {
    const parser = await testParser();
    const method = (local: string) => `class C:\n    def run(self, items):\n        ${local} = 0\n        for item in items:\n            ${local} += len(item)\n        return ${local}\n`;
    const cases = [
      { text: `import os\n\n${method('total')}`, trees: false, codes: [] },
      // A builtin's name bound: PP101 looks.
      { text: `import os\n\n${method('sum')}`, trees: true, codes: ['PP101'] },
      // A module-level name the method binds before anything mentions it: no read can come first, PP801 needs no tree.
      { text: `total = 0\n\n${method('total')}`, trees: false, codes: [] },
      // The same name read first (in a loop that binds it later): PP801 looks, and cannot prove the read early.
      {
        text: `total = 0\n\nclass C:\n    def run(self, items):\n        for item in items:\n            print(total)\n            total = item\n`,
        trees: true,
        codes: [],
      },
      // A mention in a docstring or a comment is no read; the first in code is the binding.
      { text: `total = 0\n\ndef f():\n    """Sets total."""\n    # total first\n    total = 1\n    return total\n`, trees: false, codes: [] },
      // Base classes are read, not bound: a nested class on `Enum` binds no module name.
      { text: `from enum import Enum\n\ndef f():\n    class Color(Enum):\n        RED = 1\n    return Color\n`, trees: false, codes: [] },
      // A closure outside any loop that binds what neither the module nor its enclosing function binds: PP801 and PP803 need no tree.
      { text: `def outer(items):\n    def inner():\n        count = len(items)\n        return count\n    return inner\n`, trees: false, codes: [] },
      // The enclosing function binds the closure's local too: PP801 looks, and finds the early read.
      { text: `def outer(items):\n    count = 0\n    def inner():\n        print(count)\n        count = 1\n    return inner\n`, trees: true, codes: ['PP801'] },
      // A handler's name, or a deleted one, that nothing mentions later: PP805 needs no tree.
      { text: `def f(items):\n    try:\n        pass\n    except ValueError as err:\n        pass\n    extra = 1\n    del extra\n    return items\n`, trees: false, codes: [] },
      // One mentioned later: PP805 looks, and finds the read.
      { text: `def f(items):\n    try:\n        pass\n    except ValueError as err:\n        pass\n    return err\n`, trees: true, codes: ['PP805'] },
      // A stored argument the method never rebinds: PP402 needs no tree to know it has no fallback of its own.
      { text: `class C:\n    def __init__(self, items=None):\n        self.items = items or []\n`, trees: false, codes: [] },
      // A builtin's name the unit never binds: resolving it (PP602) needs only the module facts.
      { text: `def f(p):\n    with open(p, "rb") as h:\n        return h.read().decode()\n`, trees: false, codes: ['PP602'] },
      // A closure made in a loop: PP803 looks, and finds the loop variable it reads late.
      { text: `def outer(items):\n    fns = []\n    for item in items:\n        fns.append(lambda: item)\n    return fns\n`, trees: true, codes: ['PP803'] },
    ];
    for (const { text, trees, codes } of cases) {
      const tree = parser.parse(text)!;
      const timing = new Map<string, number>();
      // PP101 is opt-in: select it, with the default rules.
      const { diagnostics } = analyze({ tree, text, settings: { ...DEFAULT_SETTINGS, extendSelect: ['PP101'] }, timing });
      tree.delete();
      assert.equal(timing.has(SCOPE_TIMING), trees, text);
      assert.deepEqual(diagnostics.map((d) => d.code), codes, text);
    }
  });

  for (const corpus of corpora().found) {
    const everything = process.env.PYTHONIC_BOUND_NAMES_ALL === '1';
    it(`misses no name symtable says a function binds: ${corpus.name} (${everything ? 'every file' : 'one file in 6'})`, () => {
      const functions = boundNames(corpusFiles(corpus, everything ? 1 : 6));
      assert.ok(functions.length > 1000, `only ${functions.length} functions`);
      const misses = functions.map((f) => ({ where: `${f.file}:${f.line}`, missed: missed(f) })).filter((m) => m.missed.length > 0);
      assert.deepEqual(misses, []);
    });
  }
});

/** Reads a function or lambda from stdin and prints the names its own symbol table binds. */
const ORACLE = `
import sys, symtable
text = sys.stdin.read()
table = symtable.symtable(text if text.startswith('def') else 'f = ' + text, '<form>', 'exec').get_children()[0]
print(' '.join(s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_parameter() or s.is_imported()))
`;
