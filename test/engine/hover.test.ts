// Hover at the engine level: what is under the cursor resolves to the right
// knowledge-base entry in its context, with exact key lines and ranges.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, type Diagnostic } from '../../server/src/engine';
import { KNOWLEDGE_BASE } from '../../server/src/engine/explanations';
import { check, positionOf, testParser } from '../support/engine';

interface Hovered {
  markdown: string;
  /** First line of each section. */
  headings: string[];
  range: string;
}

/** Hover at the `nth` occurrence of `needle` in `text`, `offset` characters into it. */
async function hoverAt(text: string, needle: string, { offset = 0, nth = 1, diagnostics = [] as Diagnostic[] } = {}): Promise<Hovered | null> {
  const position = positionOf(text, needle, nth, offset);
  const parser = await testParser();
  const tree = parser.parse(text)!;
  try {
    const result = hover({ tree, position, diagnostics });
    if (!result) return null;
    const { start, end } = result.range;
    return {
      markdown: result.markdown,
      headings: result.markdown.split('\n\n---\n\n').map((s) => s.split('\n')[0]),
      range: `${start.line}:${start.character}-${end.line}:${end.character}`,
    };
  } finally {
    tree.delete();
  }
}

async function headings(text: string, needle: string, options?: { offset?: number; nth?: number }): Promise<string[]> {
  return (await hoverAt(text, needle, options))?.headings ?? [];
}

describe('hover: special methods', () => {
  const POINT = 'class Point:\n    def __eq__(self, other):\n        return True\n\n    def __hash__(self):\n        return 1\n';

  it('explains a dunder definition, with its trigger and partner', async () => {
    const h = (await hoverAt(POINT, '__hash__', { offset: 3 }))!;
    // The scope section (a class attribute) follows the explanation.
    const lines = h.markdown.split('\n\n---\n\n')[0].split('\n');
    assert.equal(lines[0], '**`__hash__`** · special method');
    assert.equal(lines[2], "An integer that must stay the same for the object's lifetime and agree with `__eq__` (equal objects, equal hashes).");
    assert.ok(lines.includes('**When Python uses it:** `hash(x)`, adding to a `set` or `frozenset`, using the object as a `dict` key. Defining `__eq__` alone sets `__hash__` to `None` (unhashable).'));
    assert.ok(lines.includes('**Goes with:** `__eq__`, `collections.abc.Hashable`'));
    assert.equal(lines.at(-1), '[Python docs](https://docs.python.org/3/reference/datamodel.html#object.__hash__)');
    assert.equal(h.range, '4:8-4:16');
  });

  it('sends a call of a builtin without an entry of its own to the dunder it triggers', async () => {
    const text = 'n = abs(-1)\nm = round(2.5)\nimport math\nk = math.floor(1.5)\n';
    assert.deepEqual(await headings(text, 'abs'), ['**`__abs__`** · special method']);
    assert.deepEqual(await headings(text, 'round'), ['**`__round__`** · special method']);
    assert.deepEqual(await headings(text, 'floor'), ['**`__floor__`** · special method']);
  });

  it('gives a constructor call the type facts, with the dunder it calls linked', async () => {
    const call = (await hoverAt('s = str(42)\n', 'str'))!;
    assert.deepEqual(call.headings, ['**`str`** · builtin type']);
    assert.ok(call.markdown.includes('\n**Calls:**\n- `__str__` — '));
    assert.deepEqual(await headings('def f(s: str):\n    pass\n', 'str'), ['**`str`** · builtin type']);
  });

  it('does not take a builtin the module rebinds for the builtin', async () => {
    assert.deepEqual(await headings('def len(x):\n    return 0\n\nlen([])\n', 'len', { nth: 2 }), ['**`len`** — global, defined at module level on line 1']);
  });

  it('explains dunder attributes on objects and modules', async () => {
    const text = 'class A:\n    def kind(self):\n        return self.__class__.__name__\n';
    assert.deepEqual(await headings(text, '__class__'), ['**`__class__`** · special attribute']);
    assert.deepEqual(await headings(text, '__name__'), ['**`__name__`** · special attribute']);
  });

  it('explains operators through the methods they call', async () => {
    const text = 'a = b + c\na += 1\nok = a in b\nneg = -a\nsame = a == b\n';
    assert.deepEqual(await headings(text, '+ c'), ['**`__add__`** · special method']);
    assert.deepEqual(await headings(text, '+='), ['**`__iadd__`** · special method']);
    assert.deepEqual(await headings(text, ' in ', { offset: 1 }), ['**`__contains__`** · special method']);
    assert.deepEqual(await headings(text, '-a'), ['**`__neg__`** · special method']);
    assert.deepEqual(await headings(text, '=='), ['**`__eq__`** · special method']);
  });

  it('tells reads, writes and deletes of a subscript apart', async () => {
    const text = 'x = d[1]\nd[2] = 3\ndel d[4]\n';
    assert.deepEqual(await headings(text, '[1'), ['**`__getitem__`** · special method']);
    assert.deepEqual(await headings(text, '[2'), ['**`__setitem__`** · special method']);
    assert.deepEqual(await headings(text, '[4'), ['**`__delitem__`** · special method']);
  });

  it('flags an unknown dunder and suggests the closest known one', async () => {
    const h = (await hoverAt('class A:\n    def __innit__(self):\n        pass\n', '__innit__'))!;
    const lines = h.markdown.split('\n');
    assert.equal(lines[0], '**`__innit__` — a special ("dunder") name** · naming');
    assert.ok(lines.includes('Python defines no special name `__innit__`.'));
    assert.ok(lines.includes('Did you mean `__init__`?'));
  });
});

describe('hover: a builtin keeps its own entry and links the special methods it calls', () => {
  const TEXT = [
    'def size(x: int, items):',
    '    n = len(items) + int("3")',
    '    it = iter(items)',
    '    first = next(it, None)',
    '    name = getattr(first, "name", None)',
    '    ok = isinstance(first, str) and callable(first)',
    '    return vars(first)',
    '',
  ].join('\n');

  /** The lines of the hover's "Calls:" list. */
  const callsOf = (markdown: string) => {
    const lines = markdown.split('\n');
    const start = lines.indexOf('**Calls:**');
    if (start < 0) return [];
    const end = lines.indexOf('', start);
    return lines.slice(start + 1, end);
  };
  const linked = (...dunders: string[]) => dunders.map((d) => `- \`${d}\` — ${KNOWLEDGE_BASE.get(d)!.entry.summary}`);

  it('shows `len` itself, saying what it calls, with `__len__` linked by name and summary', async () => {
    const h = (await hoverAt(TEXT, 'len'))!;
    assert.deepEqual(h.headings, ['**`len`** · builtin function']);
    const lines = h.markdown.split('\n');
    assert.equal(lines[2], 'The number of items in a container: characters of a string, keys of a dict, elements of a list or range.');
    assert.match(lines[4], /^\*\*When Python uses it:\*\* `len\(x\)` calls `type\(x\).__len__\(x\)`, which must return an `int` >= 0/);
    assert.deepEqual(callsOf(h.markdown), ['- `__len__` — The number of items; must return an integer >= 0.']);
    assert.equal(lines.at(-1), '[Python docs](https://docs.python.org/3/library/functions.html#len)');
    assert.equal(h.range, '1:8-1:11');
  });

  const CASES: ReadonlyArray<{ needle: string; heading: string; calls: string[] }> = [
    { needle: 'int("', heading: '**`int`** · builtin type', calls: ['__int__', '__index__'] },
    { needle: 'int,', heading: '**`int`** · builtin type', calls: ['__int__', '__index__'] },
    { needle: 'getattr', heading: '**`getattr`** · builtin function', calls: ['__getattribute__', '__getattr__'] },
    { needle: 'isinstance', heading: '**`isinstance`** · builtin function', calls: ['__instancecheck__'] },
    { needle: 'iter(', heading: '**`iter`** · builtin function', calls: ['__iter__', '__getitem__'] },
    { needle: 'next', heading: '**`next`** · builtin function', calls: ['__next__'] },
    { needle: 'vars', heading: '**`vars`** · builtin function', calls: ['__dict__'] },
    { needle: 'callable', heading: '**`callable`** · builtin function', calls: ['__call__'] },
  ];
  for (const { needle, heading, calls } of CASES) {
    it(`shows ${heading} first and alone, linking ${calls.join(', ')}`, async () => {
      const h = (await hoverAt(TEXT, needle))!;
      assert.deepEqual(h.headings, [heading]);
      assert.deepEqual(callsOf(h.markdown), linked(...calls));
    });
  }

  it('shows the builtin when it is passed rather than called', async () => {
    const h = (await hoverAt('sizes = map(len, [])\n', 'len'))!;
    assert.deepEqual(h.headings, ['**`len`** · builtin function']);
    assert.deepEqual(callsOf(h.markdown), linked('__len__'));
  });

  it('explains the constants, whether the grammar parses them as literals or names', async () => {
    const text = 'x = None if True else False\ny = NotImplemented\n';
    assert.deepEqual(await headings(text, 'None'), ['**`None`** · builtin constant']);
    assert.deepEqual(await headings(text, 'True'), ['**`True`** · builtin constant']);
    assert.deepEqual(await headings(text, 'False'), ['**`False`** · builtin constant']);
    assert.deepEqual(await headings(text, 'NotImplemented'), ['**`NotImplemented`** · builtin constant']);
  });
});

describe('hover: underscore forms', () => {
  const NESTED = [
    'class Outer:',
    '    __count = 0',
    '    class Inner:',
    '        def f(self):',
    '            self.__secret = 1',
    '    def g(self):',
    '        return self.__secret',
    'class _Private:',
    '    __token = None',
    'class ___:',
    '    __raw = None',
    'def free():',
    '    __loose = 1',
    '',
  ].join('\n');

  const mangling = async (needle: string) => (await hoverAt(NESTED, needle))!.markdown.split('\n')[4];

  it('computes the mangled name for the innermost enclosing class', async () => {
    assert.equal(await mangling('__count'), 'Here, inside class `Outer`, Python stores and looks it up as `_Outer__count`.');
    assert.equal(await mangling('__secret = 1'), 'Here, inside class `Inner`, Python stores and looks it up as `_Inner__secret`.');
    assert.equal(await mangling('__secret\n'), 'Here, inside class `Outer`, Python stores and looks it up as `_Outer__secret`.');
    assert.equal(await mangling('__token'), 'Here, inside class `_Private`, Python stores and looks it up as `_Private__token`.');
    assert.equal(await mangling('__raw'), 'Class `___` has only underscores in its name, so Python does not mangle `__raw` here.');
    assert.equal(await mangling('__loose'), 'This use is outside any class body, so Python does not mangle it here.');
  });

  it('names each form in its heading', async () => {
    const text = 'class_ = 1\n_cache = {}\nfor _ in range(3):\n    pass\n';
    // Each is followed by the scope section.
    const firstHeading = async (t: string, needle: string) => (await headings(t, needle))[0];
    assert.equal(await firstHeading(text, 'class_'), '**`class_` — trailing underscore to avoid a clash** · naming');
    assert.equal(await firstHeading(text, '_cache'), '**`_cache` — internal by convention** · naming');
    assert.equal(await firstHeading(text, '_ in'), '**`_` — a name for values you do not need** · naming');
    assert.equal(await firstHeading(NESTED, '__count'), '**`__count` — name-mangled class-private name** · naming');
    assert.deepEqual(await headings(text, 'class_'), ['**`class_` — trailing underscore to avoid a clash** · naming', '**`class_`** — global, defined at module level on line 1']);
  });

  it('shows only the scope for an ordinary name', async () => {
    assert.deepEqual(await headings('total = 1\n', 'total'), ['**`total`** — global, defined at module level on line 1']);
  });
});

describe('hover: keywords', () => {
  it('says when `else` runs, per statement', async () => {
    const text = [
      'for n in []:',
      '    break',
      'else:',
      '    pass',
      'while False:',
      '    pass',
      'else:',
      '    pass',
      'try:',
      '    pass',
      'except ValueError:',
      '    pass',
      'else:',
      '    pass',
      'if True:',
      '    pass',
      'else:',
      '    pass',
      '',
    ].join('\n');
    const h = (await hoverAt(text, 'else'))!;
    assert.equal(h.headings[0], '**`else` on a `for` loop** · keyword');
    assert.equal(h.markdown.split('\n')[2], 'The `else` block runs when the loop finishes without `break`: read it as "no break".');
    assert.equal(h.range, '2:0-2:4');
    assert.deepEqual(await headings(text, 'else', { nth: 2 }), ['**`else` on a `while` loop** · keyword']);
    assert.deepEqual(await headings(text, 'else', { nth: 3 }), ['**`else` on a `try` statement** · keyword']);
    assert.deepEqual(await headings(text, 'else', { nth: 4 }), ['**`if`** · keyword']);
  });

  it('explains scope statements, identity and generators', async () => {
    const text = [
      'def outer():',
      '    n = 0',
      '    def inner():',
      '        nonlocal n',
      '        global g',
      '        del n',
      '        yield from range(3)',
      '        yield n is not None',
      '        f = lambda: 1',
      '        with open("f") as fh:',
      '            pass',
      '',
    ].join('\n');
    assert.deepEqual(await headings(text, 'nonlocal'), ['**`nonlocal`** · keyword']);
    assert.deepEqual(await headings(text, 'global'), ['**`global`** · keyword']);
    assert.deepEqual(await headings(text, 'del'), ['**`del`** · keyword']);
    assert.deepEqual(await headings(text, 'yield from'), ['**`yield from`** · keyword']);
    assert.deepEqual(await headings(text, 'yield n'), ['**`yield`** · keyword']);
    assert.deepEqual(await headings(text, 'is not'), ['**`is not`** · keyword']);
    assert.deepEqual(await headings(text, 'not None'), ['**`is not`** · keyword']);
    assert.deepEqual(await headings(text, 'lambda'), ['**`lambda`** · keyword']);
    assert.deepEqual(await headings(text, 'with'), ['**`with`** · keyword']);
  });

  it('explains statements, boolean operators and pattern matching by their keyword', async () => {
    const text = [
      'import os',
      'from sys import path as p',
      'class Shape:',
      '    def area(self):',
      '        while True:',
      '            if self and not p or os:',
      '                break',
      '            elif self:',
      '                continue',
      '            pass',
      '        return 0 if self else 1',
      'def fail(error):',
      '    raise ValueError() from error',
      'match os.name:',
      '    case "nt":',
      '        pass',
      '',
    ].join('\n');
    const expected: ReadonlyArray<[needle: string, key: string, offset?: number]> = [
      ['import os', 'import'], ['from', 'from'], ['import path', 'import'], [' as ', 'as', 1], ['class', 'class'], ['def', 'def'],
      ['while', 'while'], ['if self and', 'if'], ['and', 'and'], ['not', 'not'], ['or os', 'or'], ['break', 'break'],
      ['elif', 'elif'], ['continue', 'continue'], ['pass', 'pass'], ['return', 'return'], ['if self else', 'if'],
      ['else 1', 'if'], ['from error', 'raise'], ['match', 'match'], ['case', 'case'],
    ];
    for (const [needle, key, offset] of expected) {
      assert.deepEqual(await headings(text, needle, { offset }), [`**\`${key}\`** · keyword`], needle);
    }
  });

  it('explains async forms', async () => {
    const text = 'async def main(lock, items):\n    async with lock:\n        async for x in items:\n            await x\n';
    assert.deepEqual(await headings(text, 'async def'), ['**`async`** · keyword']);
    assert.deepEqual(await headings(text, 'async with'), ['**`async with`** · keyword']);
    assert.deepEqual(await headings(text, 'async for'), ['**`async for`** · keyword']);
    assert.deepEqual(await headings(text, 'await'), ['**`await`** · keyword']);
  });

  it('explains `*`, `**`, `/` in signatures and calls', async () => {
    const text = 'def f(a, /, b, *args, c, **kwargs):\n    pass\ndef g(a, *, b):\n    pass\nf(*xs, **opts)\ny = a * b\n';
    assert.deepEqual(await headings(text, '/'), ['**`/` in a signature** · keyword']);
    assert.deepEqual(await headings(text, '*args'), ['**`*args` in a signature** · keyword']);
    assert.deepEqual(await headings(text, '**kwargs'), ['**`**kwargs` in a signature** · keyword']);
    assert.deepEqual(await headings(text, '*, b'), ['**bare `*` in a signature** · keyword']);
    assert.deepEqual(await headings(text, '*xs'), ['**`*` unpacking in a call or display** · keyword']);
    assert.deepEqual(await headings(text, '**opts'), ['**`**` unpacking in a call or dict display** · keyword']);
    assert.deepEqual(await headings(text, '* b'), ['**`__mul__`** · special method']);
  });
});

describe('hover: decorators and library idioms', () => {
  it('shows dataclass with the options the decorator passes', async () => {
    const text = 'from dataclasses import dataclass, field\n\n@dataclass(frozen=True, order=True)\nclass Shipment:\n    items: tuple = ()\n    tags: list = field(default_factory=list)\n';
    const h = (await hoverAt(text, 'dataclass(', { offset: 2 }))!;
    const lines = h.markdown.split('\n');
    assert.equal(lines[0], '**`dataclasses.dataclass`** · library');
    const at = lines.indexOf('**In this call:**');
    assert.ok(at > 0);
    assert.match(lines[at + 1], /^- `frozen=True` — when true, assigning to a field raises `FrozenInstanceError`/);
    assert.match(lines[at + 2], /^- `order=True` — when true, generates `__lt__`/);
    assert.equal(lines[at + 3], '');
    assert.equal(h.range, '2:1-2:10');
    const onOption = (await hoverAt(text, 'frozen'))!;
    assert.equal(onOption.headings[0], '**`dataclasses.dataclass`** · library');
    assert.match(onOption.markdown, /\n- `frozen=True` — /);
    const factory = (await hoverAt(text, 'default_factory'))!;
    assert.equal(factory.headings[0], '**`dataclasses.field`** · library');
    assert.match(factory.markdown, /\n- `default_factory=list` — a zero-argument callable run for every new instance/);
  });

  it('lists no options for a bare decorator', async () => {
    const h = (await hoverAt('import dataclasses\n@dataclasses.dataclass\nclass A:\n    x: int\n', 'dataclass\n'))!;
    assert.equal(h.headings[0], '**`dataclasses.dataclass`** · library');
    assert.doesNotMatch(h.markdown, /In this call|Options:/);
  });

  it('explains property, its setter, classmethod, staticmethod and wraps', async () => {
    const text = [
      'import functools',
      'class Circle:',
      '    @property',
      '    def radius(self):',
      '        return 1',
      '    @radius.setter',
      '    def radius(self, value):',
      '        pass',
      '    @classmethod',
      '    def unit(cls):',
      '        return cls()',
      '    @staticmethod',
      '    def area(r):',
      '        return r',
      'def logged(f):',
      '    @functools.wraps(f)',
      '    def inner(*a):',
      '        return f(*a)',
      '    return inner',
      '',
    ].join('\n');
    assert.deepEqual(await headings(text, 'property'), ['**`property`** · library']);
    assert.deepEqual(await headings(text, 'setter'), ['**`@name.setter`** · library']);
    assert.deepEqual(await headings(text, 'classmethod'), ['**`classmethod`** · library']);
    assert.deepEqual(await headings(text, 'staticmethod'), ['**`staticmethod`** · library']);
    assert.deepEqual(await headings(text, 'wraps'), ['**`functools.wraps`** · library']);
  });

  it('resolves library names through the module imports', async () => {
    const text = [
      'from functools import partial',
      'import functools as ft',
      'from collections import abc, Counter as Tally',
      'from concurrent import futures',
      'import unicodedata',
      'nfc = partial(unicodedata.normalize, "NFC")',
      'same = ft.partial(print)',
      'ok = isinstance({}, abc.Mapping)',
      'counts = Tally("abc")',
      'pool = futures.ThreadPoolExecutor()',
      '',
    ].join('\n');
    assert.deepEqual(await headings(text, 'partial'), ['**`functools.partial`** · library']);
    assert.deepEqual(await headings(text, 'partial(', { nth: 1 }), ['**`functools.partial`** · library']);
    assert.deepEqual(await headings(text, 'ft.partial', { offset: 3 }), ['**`functools.partial`** · library']);
    assert.deepEqual(await headings(text, 'normalize'), ['**`unicodedata.normalize`** · library']);
    assert.deepEqual(await headings(text, 'Mapping'), ['**`collections.abc.Mapping`** · library']);
    assert.deepEqual(await headings(text, 'Tally("'), ['**`collections.Counter`** · library']);
    assert.deepEqual(await headings(text, 'Counter'), ['**`collections.Counter`** · library']);
    assert.deepEqual(await headings(text, 'ThreadPoolExecutor'), ['**`concurrent.futures.ThreadPoolExecutor`** · library']);
    assert.deepEqual(await headings(text, 'isinstance'), ['**`isinstance`** · builtin function']);
  });

  it('does not guess when the name is not imported from the library', async () => {
    assert.deepEqual(await headings('def partial(f):\n    return f\n\npartial(print)\n', 'partial', { nth: 2 }), ['**`partial`** — global, defined at module level on line 1']);
    assert.equal(await hoverAt('import functools\nfunctools.nothing_here()\n', 'nothing_here'), null);
  });

  it('explains concurrency names and standard types imported either way', async () => {
    const text = [
      'import asyncio',
      'from decimal import Decimal',
      'from types import SimpleNamespace',
      'from queue import Queue',
      'import concurrent.futures as cf',
      'async def main():',
      '    async with asyncio.TaskGroup() as group:',
      '        group.create_task(asyncio.to_thread(print))',
      'price = Decimal("0.1")',
      'config = SimpleNamespace(debug=True)',
      'jobs = Queue()',
      'done, _ = cf.wait([])',
      '',
    ].join('\n');
    const section = async (needle: string, options?: { offset?: number; nth?: number }) => (await hoverAt(text, needle, options))!.markdown.split('\n').slice(0, 3);
    assert.deepEqual(await section('TaskGroup'), [
      '**`asyncio.TaskGroup`** · library',
      '',
      'Structured concurrency (3.11+): every task started in an `async with asyncio.TaskGroup()` block has finished when the block ends.',
    ]);
    assert.deepEqual(await section('to_thread'), [
      '**`asyncio.to_thread`** · library',
      '',
      'Runs a blocking function in a worker thread and lets the coroutine await its result, so the loop keeps serving other tasks meanwhile.',
    ]);
    assert.deepEqual(await section('Decimal("'), [
      '**`decimal.Decimal`** · library',
      '',
      'Exact decimal arithmetic with a chosen precision: `Decimal("0.1") * 3` is exactly `0.3`, which floats cannot do.',
    ]);
    assert.deepEqual(await headings(text, 'Decimal'), ['**`decimal.Decimal`** · library']);
    assert.deepEqual(await section('SimpleNamespace(d'), [
      '**`types.SimpleNamespace`** · library',
      '',
      'A plain object whose attributes come from keyword arguments, with a readable repr and equality that compares the attributes.',
    ]);
    assert.deepEqual(await headings(text, 'Queue', { nth: 2 }), ['**`queue.Queue`** · library']);
    assert.deepEqual(await headings(text, 'wait'), ['**`concurrent.futures.wait`** · library']);
  });

  it('says nothing about a method on a receiver it cannot resolve', async () => {
    const text = 'import asyncio\nasync def main(loop):\n    await loop.run_in_executor(None, print)\n    asyncio.get_running_loop().run_in_executor(None, print)\n';
    assert.equal(await hoverAt(text, 'run_in_executor'), null);
    assert.equal(await hoverAt(text, 'run_in_executor', { nth: 2 }), null);
    assert.deepEqual(await headings(text, 'get_running_loop'), ['**`asyncio.get_running_loop`** · library']);
  });

  it('lists the Thread options a call passes', async () => {
    const h = (await hoverAt('import threading\nworker = threading.Thread(target=print, daemon=True)\n', 'Thread'))!;
    const lines = h.markdown.split('\n');
    assert.equal(lines[0], '**`threading.Thread`** · library');
    const used = lines.indexOf('**In this call:**');
    assert.deepEqual(lines.slice(used + 1, used + 3), [
      '- `target=print` — the callable the thread runs.',
      '- `daemon=True` — when true, the thread does not keep the program alive: it is stopped abruptly at exit, without cleanup.',
    ]);
  });
});

describe('hover: standard-library names', () => {
  /** The heading and summary lines of the first section. */
  async function lead(text: string, needle: string, options?: { offset?: number; nth?: number }): Promise<string[]> {
    const h = await hoverAt(text, needle, options);
    return h ? h.markdown.split('\n\n---\n\n')[0].split('\n').slice(0, 3) : [];
  }

  it('explains typing, itertools, contextlib and gc names reached through imports', async () => {
    const text = [
      'import gc',
      'import itertools',
      'from contextlib import suppress',
      'from typing import Optional, TypedDict',
      'x: Optional[int] = None',
      'pairs = itertools.pairwise([1, 2, 3])',
      'with suppress(KeyError):',
      '    gc.collect()',
      '',
    ].join('\n');
    assert.deepEqual(await lead(text, 'Optional[', { offset: 1 }), [
      '**`typing.Optional`** · library',
      '',
      '`Optional[X]` means "an `X` or `None`", the same as `X | None` (3.10+); it says nothing about whether a parameter has a default.',
    ]);
    assert.deepEqual(await lead(text, 'pairwise'), [
      '**`itertools.pairwise`** · library',
      '',
      'Yields each item with its successor as overlapping pairs: (a, b), (b, c), ... (3.10+).',
    ]);
    assert.deepEqual(await lead(text, 'suppress(', { offset: 1 }), [
      '**`contextlib.suppress`** · library',
      '',
      'A context manager that silently swallows the listed exception types raised in its block.',
    ]);
    assert.deepEqual(await headings(text, 'suppress'), ['**`contextlib.suppress`** · library']);
    assert.deepEqual(await headings(text, 'TypedDict'), ['**`typing.TypedDict`** · library']);
    assert.deepEqual((await lead(text, 'collect'))[0], '**`gc.collect`** · library');
  });

  it('explains builtin exceptions by name', async () => {
    const h = (await hoverAt('def take(it):\n    raise StopIteration\n', 'StopIteration'))!;
    assert.equal(h.headings[0], '**`StopIteration`** · library');
    assert.equal(h.range, '1:10-1:23');
  });

  it('explains a builtin type\'s method where the receiver is a literal or the type itself', async () => {
    const text = 'text = b"caf\\xe9".decode("latin-1", errors="replace")\nnames = sorted(["b", "A"], key=str.casefold)\nraw = "café".encode()\n';
    const decode = (await hoverAt(text, 'decode'))!;
    assert.equal(decode.headings[0], '**`bytes.decode`** · library');
    assert.ok(decode.markdown.includes('**In this call:**\n- `errors="replace"` — `"strict"` (the default) raises on bad input;'));
    assert.equal(decode.range, '0:18-0:24');
    assert.deepEqual(await headings(text, 'errors'), ['**`bytes.decode`** · library']);
    assert.deepEqual(await headings(text, 'casefold'), ['**`str.casefold`** · library']);
    assert.deepEqual(await headings(text, 'encode'), ['**`str.encode`** · library']);
  });

  it('leaves methods alone when the receiver\'s type is not certain', async () => {
    assert.equal(await hoverAt('def load(data):\n    return data.decode()\n', 'decode'), null);
    assert.equal(await hoverAt('str = bytes\nkey = str.casefold\n', 'casefold'), null);
    assert.equal(await hoverAt('value = b"x".no_such_method()\n', 'no_such_method'), null);
  });
});

describe('hover: literals', () => {
  const text = [
    '"""Module docstring."""',
    'items = [1, 2]',
    'point = (1, 2)',
    'ages = {"ada": 36}',
    'seen = {1, 2}',
    'raw = b"GIF"',
    'squares = [n * n for n in items]',
    'if __name__ == "__main__":',
    '    pass',
    '',
  ].join('\n');

  it('states mutability on displays and strings', async () => {
    const list = (await hoverAt(text, '[1'))!;
    assert.deepEqual(list.headings, ['**`list`** · builtin type']);
    assert.equal(list.markdown.split('\n')[4], '**mutable** · **unhashable**');
    assert.deepEqual(await headings(text, '(1'), ['**`tuple`** · builtin type']);
    assert.deepEqual(await headings(text, '{"ada"'), ['**`dict`** · builtin type']);
    assert.deepEqual(await headings(text, '{1'), ['**`set`** · builtin type']);
    assert.deepEqual(await headings(text, 'b"GIF"'), ['**`bytes`** · builtin type']);
    assert.deepEqual(await headings(text, '"ada"', { offset: 2 }), ['**`str`** · builtin type']);
    assert.deepEqual(await headings(text, '[n'), ['**`list`** · builtin type']);
  });

  it('explains the `"__main__"` guard and skips docstrings', async () => {
    assert.deepEqual(await headings(text, '"__main__"', { offset: 3 }), ['**`__main__`** · special attribute']);
    assert.equal(await hoverAt(text, 'Module'), null);
  });
});

describe('hover: diagnostics', () => {
  it('shows the rule (why, example, fix safety) first, then the entry for the code under it', async () => {
    const text = 'def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n';
    const diagnostics = await check(text);
    assert.equal(diagnostics.length, 1);
    const h = (await hoverAt(text, '[]', { diagnostics }))!;
    assert.deepEqual(h.headings, ['**PP401 Mutable default argument** (`mutable-default-argument`)', '**`list`** · builtin type']);
    assert.match(h.markdown, /may change behaviour, so it is applied only when you pick it\./);
    assert.equal(h.range, '0:21-0:23');
  });
});
