// The scope hover at the engine level: one wording per kind of name, the
// UnboundLocalError and use-after-del warnings, global/nonlocal statements, and
// how it combines with the other hover sections.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { hover } from '../../server/src/engine';
import { buildScopeTree } from '../../server/src/engine/scope';
import { scopeHover } from '../../server/src/engine/scope/hover';
import { positionOf, testParser } from '../support/engine';
import { AVERAGER } from '../support/scope-samples';

/** The scope section at the `nth` occurrence of `needle` (its first character unless `offset`). */
async function scopeAt(text: string, needle: string, nth = 1, offset = 0): Promise<{ markdown: string; range: string } | null> {
  const { line, character } = positionOf(text, needle, nth, offset);
  const parser = await testParser();
  const tree = parser.parse(text)!;
  try {
    const node = tree.rootNode.descendantForPosition({ row: line, column: character });
    const section = node && scopeHover(tree, node);
    if (!section) return null;
    const { start, end } = section.range;
    return { markdown: section.markdown, range: `${start.line}:${start.character}-${end.line}:${end.character}` };
  } finally {
    tree.delete();
  }
}

async function summary(text: string, needle: string, nth = 1): Promise<string | undefined> {
  return (await scopeAt(text, needle, nth))?.markdown.split('\n')[0];
}


describe('scope hover: what kind of name', () => {
  it('a local: "local to `over` (assigned on line N)"', async () => {
    assert.equal(await summary(AVERAGER, 'best', 2), '**`best`** — local to `over` (assigned on line 18)');
  });

  it('a module-level name: "global, defined at module level on line N"', async () => {
    assert.equal(await summary(AVERAGER, 'total', 1), '**`total`** — global, defined at module level on line 3');
    const read = (await scopeAt(AVERAGER, 'total)'))!.markdown;
    assert.equal(read.split('\n')[0], '**`total`** — global, defined at module level on line 3');
    assert.match(read, /`over` does not bind `total`, so each read looks it up when it runs/);
  });

  it('a closure variable: "free variable captured from `make_averager` (closure cell)"', async () => {
    const h = (await scopeAt(AVERAGER, 'total / count'))!;
    assert.equal(h.markdown.split('\n')[0], '**`total`** — free variable captured from `make_averager` (closure cell)');
    assert.match(h.markdown, /Declared `nonlocal` on line 9: assignments here change the variable of `make_averager`\./);
    assert.equal(h.range, '11:15-11:20');
    assert.equal(await summary(AVERAGER, 'total', 2), '**`total`** — local to `make_averager` (assigned on line 6), captured by `averager` (closure cell)');
  });

  it('a builtin, a parameter, an import', async () => {
    assert.equal(await summary(AVERAGER, 'max'), '**`max`** — builtin');
    assert.equal(await summary(AVERAGER, 'score', 2), '**`score`** — parameter of `over`');
    assert.equal(await summary(AVERAGER, 'new_value', 2), '**`new_value`** — parameter of `averager`');
    assert.equal(await summary(AVERAGER, 'path', 2), '**`path`** — imported from `os`');
    assert.equal(await summary(AVERAGER, 'os'), '**`os`** — imported module `os`');
  });

  it('a class attribute, and the same name read bare inside a method', async () => {
    const attribute = (await scopeAt(AVERAGER, 'limit'))!.markdown;
    assert.equal(attribute.split('\n')[0], '**`limit`** — class attribute — not visible inside methods without `self.`/`cls.`');
    assert.match(attribute, /Methods reach it as `self\.limit` or `Scorer\.limit`/);
    const bare = (await scopeAt(AVERAGER, 'limit', 2))!.markdown;
    assert.equal(bare.split('\n')[0], '**`limit`** — global, but nothing in this file assigns it');
    assert.match(bare, /Class `Scorer` also defines `limit` \(line 16\), but methods cannot see class attributes by their bare name/);
  });

  it('names bound by for, with, except, walrus and comprehensions say how', async () => {
    const text = [
      'def f(items):',
      '    for item in items:',
      '        with open(item) as fh:',
      '            pass',
      '    try:',
      '        pass',
      '    except OSError as err:',
      '        pass',
      '    squares = [i * i for i in items]',
      '    return (z := 3), fh, err, squares',
    ].join('\n');
    assert.equal(await summary(text, 'item ', 1), '**`item`** — local to `f` (bound by a `for` loop on line 2)');
    assert.equal(await summary(text, 'fh'), '**`fh`** — local to `f` (bound by `with ... as` on line 3)');
    assert.equal(await summary(text, 'err'), '**`err`** — local to `f` (bound by `except ... as` on line 7)');
    assert.equal(await summary(text, 'z'), '**`z`** — local to `f` (assigned with `:=` on line 10)');
    const comprehension = (await scopeAt(text, 'i * i'))!.markdown;
    assert.equal(comprehension.split('\n')[0], '**`i`** — loop variable of the list comprehension on line 9, local to it');
    assert.doesNotMatch(comprehension, /UnboundLocalError/);
  });

  it('the implicit `__class__` cell of super()', async () => {
    const text = 'class C:\n    def m(self):\n        return __class__\n';
    assert.equal(await summary(text, '__class__'), '**`__class__`** — implicit closure cell holding the class `C` (what `super()` uses)');
  });

  it('names that are not variables get no scope section', async () => {
    const text = 'import os\nos.path.join(sep="/")\n';
    assert.equal(await scopeAt(text, 'path'), null);
    assert.equal(await scopeAt(text, 'sep'), null);
  });
});

describe('scope hover: warnings', () => {
  it('says when a read can raise UnboundLocalError, and why', async () => {
    const text = 'counter = 0\n\ndef bump():\n    print(counter)\n    counter = 1\n';
    const h = (await scopeAt(text, 'counter', 2))!.markdown;
    assert.equal(h.split('\n')[0], '**`counter`** — local to `bump` (assigned on line 5)');
    assert.match(
      h,
      /\*\*Can raise UnboundLocalError here\.\*\* `bump` assigns `counter` on line 5, which makes `counter` local to all of `bump`, including this read — and when this line runs, nothing has been assigned yet\. The module-level \(line 1\) `counter` is not consulted\. To mean it, declare `global counter` at the top of `bump`\./,
    );
    // after the assignment, no warning
    assert.doesNotMatch((await scopeAt(text + '    print(counter)\n', 'counter', 4))!.markdown, /UnboundLocalError here/);
  });

  it('points at nonlocal for an enclosing function', async () => {
    const text = 'def outer():\n    value = 1\n    def inner():\n        print(value)\n        value = 2\n    return inner\n';
    assert.match((await scopeAt(text, 'value', 2))!.markdown, /`outer`'s `value` is not consulted\. To mean it, declare `nonlocal value` at the top of `inner`\./);
  });

  it('says when a read comes after `del`', async () => {
    const text = 'def f(rows):\n    del rows\n    return rows\n';
    assert.match((await scopeAt(text, 'rows', 3))!.markdown, /\*\*Raises UnboundLocalError here\.\*\* `del rows` on line 2 removed the name/);
    const moduleLevel = 'x = 1\ndel x\nprint(x)\n';
    assert.match((await scopeAt(moduleLevel, 'x', 3))!.markdown, /\*\*Raises NameError here\.\*\* `del x` on line 2/);
  });
});

describe('scope hover: global and nonlocal statements', () => {
  it('explains `global` for the name under the cursor', async () => {
    const text = 'hits = 0\nmisses = 0\ndef record():\n    global hits, misses\n    hits += 1\n';
    const h = (await scopeAt(text, 'hits', 2))!;
    assert.equal(
      h.markdown,
      "**`global hits`** — inside `record`, `hits` means the module-level variable (defined at module level on line 1): reads see the module's value, and assignments rebind it for the whole module rather than creating a local.",
    );
    assert.equal(h.range, '3:11-3:15');
    assert.match((await scopeAt(text, 'misses', 2))!.markdown, /^\*\*`global misses`\*\* — inside `record`, `misses` means the module-level variable \(defined at module level on line 2\)/);
    // the keyword itself is the keyword hover's
    assert.equal(await scopeAt(text, 'global'), null);
  });

  it('explains `nonlocal`, and the SyntaxError when nothing encloses a binding', async () => {
    assert.match(
      (await scopeAt(AVERAGER, 'count', 2))!.markdown,
      /^\*\*`nonlocal count`\*\* — inside `averager`, `count` is the variable of the enclosing function `make_averager` \(assigned on line 7\), shared through a closure cell/,
    );
    assert.match((await scopeAt('x = 1\ndef f():\n    nonlocal x\n', 'x', 2))!.markdown, /no enclosing function binds `x`, so Python rejects the whole file with a SyntaxError/);
  });
});

describe('scope hover: with the other hover sections', () => {
  async function fullHover(text: string, needle: string, nth = 1): Promise<string[]> {
    let index = -1;
    for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
    const before = text.slice(0, index).split('\n');
    const tree = (await testParser()).parse(text)!;
    try {
      const result = hover({ tree, position: { line: before.length - 1, character: before[before.length - 1].length }, diagnostics: [] });
      return result ? result.markdown.split('\n\n---\n\n') : [];
    } finally {
      tree.delete();
    }
  }

  it('shows the underscore convention and the scope, once each', async () => {
    const sections = await fullHover('_cache = {}\ndef get(key):\n    return _cache[key]\n', '_cache', 2);
    assert.equal(sections.length, 2);
    assert.match(sections[0], /internal by convention/);
    assert.equal(sections[1].split('\n')[0], '**`_cache`** — global, defined at module level on line 1');
  });

  it('leaves a bare "builtin" or "imported from" to an explanation of the name, keeps what it adds', async () => {
    const explained = await fullHover('import functools\nsizes = map(len, [])\nf = functools.partial(print)\n', 'len');
    assert.equal(explained.length, 1);
    assert.doesNotMatch(explained[0], /— builtin/);
    const local = await fullHover('def f():\n    from functools import partial\n    return partial(print)\n', 'partial', 2);
    assert.equal(local.at(-1)!.split('\n')[0], '**`partial`** — imported from `functools`, local to `f`');
  });

  it('gives an ordinary name just its scope', async () => {
    assert.deepEqual(await fullHover('total = 1\n', 'total'), ['**`total`** — global, defined at module level on line 1']);
  });
});

describe('scope analysis of Python 3.12 syntax', () => {
  it('parses type aliases and type parameters without crashing, binding the alias name', async () => {
    const text = 'type Pairs[T] = list[tuple[T, T]]\ndef first[T: int, *Ts, **P](x: T) -> T:\n    return x\nclass Box[T](Base):\n    item: T\n';
    const tree = (await testParser()).parse(text)!;
    try {
      const scopes = buildScopeTree(tree.rootNode);
      assert.deepEqual(scopes.module.children.map((s) => `${s.type} ${s.name}`), ['function first', 'class Box']);
      assert.equal(scopes.module.symbols.get('Pairs')?.scope, 'local');
      assert.ok(!scopes.module.symbols.has('T'), 'type parameters are not module names');
      assert.equal(scopes.module.children[0].symbols.get('x')?.scope, 'local');
    } finally {
      tree.delete();
    }
    assert.equal(await summary(text, 'Pairs'), '**`Pairs`** — global, defined at module level on line 1');
  });
});

describe('scope hover: a class body reads names before binding them', () => {
  it('`v = v + 1` in a class body: the right-hand `v` is the module\'s (Python agrees: C.v == 2)', async () => {
    const text = 'v = 1\n\nclass C:\n    v = v + 1\n    w = v\n';
    const run = spawnSync('python3', ['-c', `${text}print(C.v, C.w)`], { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), '2 2');
    const read = (await scopeAt(text, 'v + 1'))!.markdown;
    assert.match(read.split('\n')[0], /^\*\*`v`\*\* — global, defined at module level on line 1/);
    assert.match(read, /Class `C` binds `v` only later \(line 4\); a class body runs top to bottom/);
    // After the class has bound it, a read is the class attribute.
    assert.match((await summary(text, 'v\n', 1))!, /class attribute/);
  });
});

describe('scope hover: a walrus in a module-level comprehension binds a global', () => {
  it('`print(m)` after `[m for s in words if (m := s.upper())]` reads the global the comprehension bound', async () => {
    const text = 'words = ["a", "b"]\nfound = [m for s in words if (m := s.upper())]\nprint(m)\n\ndef f():\n    k = [q for q in words if (n := q)]\n    return n\n\nprint(n)\n';
    const run = spawnSync('python3', ['-c', text.split('\n\ndef')[0] + '\n'], { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), 'B');
    const read = (await scopeAt(text, 'm)\n'))!.markdown;
    assert.match(read.split('\n')[0], /^\*\*`m`\*\* — global, defined at module level on line 2/);
    assert.match(read, /Bound by `m := \.\.\.` inside a comprehension/);
    // A walrus inside a function binds the function's local, not the global.
    assert.match((await summary(text, 'n)\n', 1))!, /nothing in this file assigns it/);
  });
});

describe('scope hover: a bare annotation in a class body', () => {
  it('`x: int` creates no class attribute (Python agrees: P.x raises AttributeError)', async () => {
    const text = 'class P:\n    x: int\n    y: int = 0\n';
    const run = spawnSync('python3', ['-c', `${text}try:\n    P.x\nexcept AttributeError:\n    print("no attribute", P.y, P.__annotations__["x"].__name__)\n`], { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), 'no attribute 0 int');
    const bare = (await scopeAt(text, 'x: int'))!.markdown;
    assert.match(bare.split('\n')[0], /^\*\*`x`\*\* — annotated in the class body, but never assigned there: not a class attribute$/);
    assert.match(bare, /`x: ...` on line 2 of class `P`/);
    assert.match(bare, /`P\.x` raises AttributeError/);
    assert.doesNotMatch(bare, /Methods reach it/);
    // With a value it is a class attribute.
    assert.match((await summary(text, 'y: int'))!, /class attribute/);
  });
});

describe('scope hover: several star imports', () => {
  it('names every star import a name may come from, not just the first', async () => {
    const text = 'from os.path import *\nfrom math import *\n\nprint(sqrt(4))\n';
    const run = spawnSync('python3', ['-c', text], { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), '2.0', 'sqrt comes from math, the second star import');
    const read = (await scopeAt(text, 'sqrt'))!.markdown;
    assert.match(read, /any of the star imports: `from os\.path import \*` \(line 1\), `from math import \*` \(line 2\)\. If several provide it, the last one to run wins\./);
    // One star import keeps the short wording.
    assert.match((await scopeAt('from math import *\n\nprint(sqrt(4))\n', 'sqrt'))!.markdown, /It may come from `from math import \*` on line 1\./);
  });
});

describe('scope hover: except ... as unbinds its target when the handler ends', () => {
  const inFunction = 'def f():\n    try:\n        g()\n    except ValueError as err:\n        print(err)\n    return err\n';

  it('in a function, a read after the handler is unbound, not an ordinary local', async () => {
    const after = (await scopeAt(inFunction, 'err\n'))!.markdown;
    assert.match(
      after,
      /\*\*Raises UnboundLocalError here\.\*\* Python unbinds `err` when the `except \.\.\. as err` handler of line 4 ends, and nothing else assigns it before this read: `err` is unbound here whether or not that handler ran\./,
    );
    assert.doesNotMatch((await scopeAt(inFunction, 'err)'))!.markdown, /Raises/);
  });

  it('at module level, a read in the handler is the except target; a read after it is unbound', async () => {
    const text = 'e = 0\ntry:\n    g()\nexcept KeyError as e:\n    print(e)\nprint(e)\n';
    assert.equal(await summary(text, 'e)'), '**`e`** — global, bound by the `except` clause on line 4');
    const after = (await scopeAt(text, 'e)', 2))!.markdown;
    // `e = 0` on line 1 survives when no KeyError happens: a maybe, said as one.
    assert.equal(after.split('\n')[0], '**`e`** — global, defined at module level on line 1');
    assert.match(after, /If the `except \.\.\. as e` handler of line 4 ran, Python unbound `e` when it ended, and this read raises NameError\./);
    const only = 'try:\n    g()\nexcept KeyError as e:\n    pass\nprint(e)\n';
    const unbound = (await scopeAt(only, 'e)'))!.markdown;
    assert.equal(unbound.split('\n')[0], '**`e`** — global, but unbound at this point');
    assert.match(unbound, /\*\*Raises NameError here\.\*\* Python unbinds `e` when the `except \.\.\. as e` handler of line 3 ends/);
  });

  it('a read after the handler in a function that bound the name before the try: maybe unbound', async () => {
    const text = 'def f():\n    err = None\n    try:\n        g()\n    except ValueError as err:\n        pass\n    return err\n';
    const h = (await scopeAt(text, 'err\n'))!.markdown;
    assert.equal(h.split('\n')[0], '**`err`** — local to `f` (assigned on line 2)');
    assert.match(h, /If the `except \.\.\. as err` handler of line 5 ran, Python unbound `err` when it ended, and this read raises UnboundLocalError\./);
  });
});

describe('scope hover: the class body reads its own attributes', () => {
  it('a method default, decorator or annotation runs in the class body: the class attribute, visible there', async () => {
    const text = 'class C:\n    size = 3\n    Alias = int\n    tag = "t"\n    @register(tag)\n    def m(self, s=size, a: Alias = 0):\n        return s\n';
    for (const [needle, attribute] of [['size,', 'size'], ['tag)', 'tag'], ['Alias = 0', 'Alias']]) {
      const h = (await scopeAt(text, needle))!.markdown;
      assert.equal(h.split('\n')[0], `**\`${attribute}\`** — class attribute of \`C\`, read while the class body runs`);
      assert.doesNotMatch(h, /not visible inside methods/);
    }
    // The binding itself still warns about methods.
    assert.match((await summary(text, 'size'))!, /not visible inside methods without `self\.`/);
  });
});

describe('scope hover: a module name the module deletes', () => {
  it('read in a function: defined, deleted on line N, and calls after the del raise NameError', async () => {
    const text = 'token = "t"\ndef use():\n    return token\ndel token\n';
    const h = (await scopeAt(text, 'token\n'))!.markdown;
    assert.equal(h.split('\n')[0], '**`token`** — global, defined at module level on line 1, deleted there on line 4');
    assert.match(h, /Code here that runs after the `del token` on line 4 raises NameError\./);
    // Bound again after the del: nothing to say.
    assert.doesNotMatch((await scopeAt(text + 'token = "u"\n', 'token\n'))!.markdown, /deleted/);
  });
});

describe('scope hover: a builtin name with a star import around', () => {
  it('says the star import may replace it (from os import * brings os.open)', async () => {
    const text = 'from os import *\nprint(open)\n';
    const run = spawnSync('python3', ['-c', `${text.replace('print(open)', 'print(open.__module__)')}`], { encoding: 'utf8' });
    assert.equal(run.stdout.trim(), 'posix');
    const h = (await scopeAt(text, 'open'))!.markdown;
    assert.equal(h.split('\n')[0], '**`open`** — builtin, unless a star import provides a name `open`');
    assert.match(h, /It may come from `from os import \*` on line 1\./);
  });
});

describe('scope hover: reads after a del that Python resolves elsewhere', () => {
  it('a deleted module-level shadow of a builtin: the builtin again', async () => {
    const h = (await scopeAt('len = lambda s: 0\ndel len\nprint(len("ab"))\n', 'len("ab")'))!.markdown;
    assert.equal(h.split('\n')[0], '**`len`** — builtin');
    assert.match(h, /`del len` on line 2 removed the module's own `len`, so this read finds the builtin again\./);
  });

  it('a class attribute deleted in the class body: the read looks past the class', async () => {
    const h = (await scopeAt('tmp = 0\nclass C:\n    tmp = 1\n    del tmp\n    z = tmp\n', 'tmp\n', 2))!.markdown;
    assert.equal(h.split('\n')[0], '**`tmp`** — global, defined at module level on line 1');
    assert.match(h, /`del tmp` on line 4 removed it from class `C`, so this read finds the module-level variable \(line 1\)\./);
  });
});

describe('scope hover: an except target named like a builtin', () => {
  it('after the handler at module level the builtin answers: no NameError claimed', async () => {
    const h = (await scopeAt('try:\n    g()\nexcept KeyError as id:\n    pass\nprint(id)\n', 'id)'))!.markdown;
    assert.doesNotMatch(h, /NameError/);
  });
});
