import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, parseSettings } from '../../server/src/engine';
import { eqWithoutHash } from '../../server/src/engine/rules/eq-without-hash';
import { ruleTests, testParser } from '../support/engine';

const POINT = [
  'class Point:',
  '    def __init__(self, x, y):',
  '        self.x = x',
  '        self.y = y',
  '        self.cache = {}',
  '',
  '    def __eq__(self, other):',
  '        return self.x == other.x and self.y == other.y',
  '',
  '    def norm(self):',
  '        return abs(self.x) + abs(self.y)',
  '',
].join('\n');

describe('PP301 eq-without-hash', () => {
  ruleTests(
    'PP301',
    {
      valid: [
        'class C:\n    pass\n',
        // both defined, or `__hash__` assigned
        'class C:\n    def __eq__(self, o):\n        return self.v == o.v\n    def __hash__(self):\n        return 0\n',
        'class C:\n    def __eq__(self, o):\n        return self.v == o.v\n    __hash__ = None\n',
        'class C:\n    def __eq__(self, o):\n        return self.v == o.v\n    __hash__ = object.__hash__\n',
        // `__hash__` bound in a class-level `if`
        'import sys\nclass C:\n    def __eq__(self, o):\n        return self.v == o.v\n    if sys.version_info >= (3,):\n        def __hash__(self):\n            return 0\n',
        // dataclasses and other decorators decide about hashing themselves
        'from dataclasses import dataclass\n@dataclass\nclass C:\n    x: int\n    def __eq__(self, o):\n        return self.v == o.v\n',
        'import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass C:\n    x: int\n    def __eq__(self, o):\n        return self.v == o.v\n',
        'import attr\n@attr.s\nclass C:\n    def __eq__(self, o):\n        return self.v == o.v\n',
        // enums, also through a base of this module, and protocols
        'from enum import Enum\nclass Color(Enum):\n    RED = 1\n    def __eq__(self, o):\n        return self.value == o.value\n',
        'import enum\nclass Base(enum.IntFlag):\n    pass\nclass Color(Base):\n    def __eq__(self, o):\n        return self.value == o.value\n',
        'from typing import Protocol\nclass P(Protocol):\n    def __eq__(self, o: object) -> bool: ...\n',
        // abstract classes leave hashing to their subclasses
        'import abc\nclass K(metaclass=abc.ABCMeta):\n    @abc.abstractmethod\n    def __eq__(self, other):\n        """Checks equality."""\n',
        'class K:\n    def __eq__(self, other):\n        raise NotImplementedError("subclasses")\n',
        'from abc import ABC, abstractmethod\nclass K(ABC):\n    @abstractmethod\n    def key(self): ...\n    def __eq__(self, other):\n        return self.key() == other.key()\n',
        // unhashable already through their base
        'class L(list):\n    def __eq__(self, other):\n        return list.__eq__(self, other)\n',
        'from collections.abc import MutableMapping\nclass M(MutableMapping):\n    def __eq__(self, other):\n        return dict(self) == dict(other)\n',
        // mutable objects are right to be unhashable: a method reassigns state, or mutates in place
        'class Account:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n        return self.n == o.n\n    def bump(self):\n        self.n += 1\n',
        'class Bag:\n    def __init__(self):\n        self.items = []\n    def add(self, x):\n        self.items.append(x)\n    def __eq__(self, o):\n        return self.items == o.items\n',
        'class Prop:\n    def __init__(self, v):\n        self._v = v\n    @property\n    def v(self):\n        return self._v\n    @v.setter\n    def v(self, value):\n        self._v = value\n    def __eq__(self, o):\n        return self._v == o._v\n',
        // attribute bags compared as a whole
        'class Namespace:\n    def __init__(self, **kw):\n        self.__dict__.update(kw)\n    def __eq__(self, other):\n        return vars(self) == vars(other)\n',
        // classes local to a function: helpers and test doubles
        'def test():\n    class Local:\n        def __eq__(self, other):\n            return self.v == other.v\n    return Local\n',
        // wildcards and sentinels compare no state of their own
        'class _ANY:\n    def __eq__(self, other):\n        return True\n',
        'class Largest:\n    def __eq__(self, other):\n        return isinstance(other, Largest)\n',
        'class Version:\n    def __init__(self, s):\n        self.s = s\n    def _cmp(self, other):\n        return 0\n    def __eq__(self, other):\n        return self._cmp(other) == 0\n',
        // a method the subclasses define is still a method
        'class Version:\n    def __eq__(self, other):\n        return self._cmp(other) == 0\n',
        // `__hash__` set after the class
        'class Path(str):\n    def __eq__(self, other):\n        return self.elem == other\nPath.__hash__ = str.__hash__\n',
        // `__eq__` assigned: nothing to read
        'class B:\n    __eq__ = lambda self, o: True\n',
        // stubs do not run
        { code: 'class C:\n    def __eq__(self, o: object) -> bool: ...\n', path: 'stub.pyi' },
      ],
      invalid: [
        {
          // the attributes `__init__` assigns and `__eq__` compares; `cache` is left out
          code: POINT,
          errors: ['0:6-0:11'],
          output: POINT.replace(
            '        return self.x == other.x and self.y == other.y\n',
            '        return self.x == other.x and self.y == other.y\n\n    def __hash__(self):\n        return hash((self.x, self.y))\n',
          ),
        },
        {
          // one attribute; `__eq__` the last member, the file ends right after it
          code: 'class Key:\n    def __init__(self, name):\n        self.name = name\n\n    def __eq__(self, other):\n        return self.name == other.name\n',
          errors: ['0:6-0:9'],
          output:
            'class Key:\n    def __init__(self, name):\n        self.name = name\n\n    def __eq__(self, other):\n        return self.name == other.name\n\n' +
            '    def __hash__(self):\n        return hash(self.name)\n',
        },
        {
          // `__eq__` compares nothing `__init__` assigns: nothing to hash safely, so the implicit `None` is written out
          code: 'class V:\n    unit = "m"\n\n    def __init__(self, a):\n        self.a = a\n\n    def __eq__(self, other):\n        return self.unit == other.unit\n\n    def key(self):\n        return self.a\n',
          errors: ['0:6-0:7'],
          output:
            'class V:\n    unit = "m"\n\n    def __init__(self, a):\n        self.a = a\n\n    def __eq__(self, other):\n        return self.unit == other.unit\n\n    __hash__ = None\n\n' +
            '    def key(self):\n        return self.a\n',
        },
        {
          // no `__init__`; tabs, a decorated `__eq__`, a comment after it, `total_ordering`
          code: 'import functools\n@functools.total_ordering\nclass T:\n\t@some.decorator\n\tdef __eq__(self, o):\n\t\treturn self.v == o.v\n\t# the end\n\tdef __lt__(self, o):\n\t\treturn False\n',
          errors: ['2:6-2:7'],
          output: 'import functools\n@functools.total_ordering\nclass T:\n\t@some.decorator\n\tdef __eq__(self, o):\n\t\treturn self.v == o.v\n\n\t__hash__ = None\n\t# the end\n\tdef __lt__(self, o):\n\t\treturn False\n',
        },
        {
          // nested in a class, multi-line `__init__`, tuple targets, annotated assignment
          code: [
            'class Outer:',
            '    class Inner:',
            '        def __init__(self, a, b):',
            '            self.a, self.b = a, b',
            '            self.c: int = 0',
            '',
            '        def __eq__(self, other):',
            '            return (self.a, self.b, self.c) == (other.a, other.b, other.c)',
            '',
          ].join('\n'),
          errors: ['1:10-1:15'],
          output: [
            'class Outer:',
            '    class Inner:',
            '        def __init__(self, a, b):',
            '            self.a, self.b = a, b',
            '            self.c: int = 0',
            '',
            '        def __eq__(self, other):',
            '            return (self.a, self.b, self.c) == (other.a, other.b, other.c)',
            '',
            '        def __hash__(self):',
            '            return hash((self.a, self.b, self.c))',
            '',
          ].join('\n'),
        },
        {
          // `__eq__` on one line: reported, not fixed
          code: 'class A:\n    def __eq__(self, o): return self.v == o.v\n',
          errors: ['0:6-0:7'],
          output: null,
        },
        {
          // a tuple subclass loses its hash too
          code: 'from typing import NamedTuple\nclass Loc(NamedTuple):\n    line: int\n    def __eq__(self, other):\n        return self.line == other.line\n',
          errors: ['1:6-1:9'],
          output: 'from typing import NamedTuple\nclass Loc(NamedTuple):\n    line: int\n    def __eq__(self, other):\n        return self.line == other.line\n\n    __hash__ = None\n',
        },
      ],
    },
    it,
  );

  it('the added `__hash__` agrees with `__eq__` when the program runs', async () => {
    const parser = await testParser();
    const { fixAll } = await import('../../server/src/engine');
    const fixed = fixAll({ parser, text: POINT, settings: parseSettings({ select: ['PP301'] }), unsafe: true }).text;
    const { runPython } = await import('../support/engine');
    const run = runPython(`${fixed}\nprint(len({Point(1, 2), Point(1, 2), Point(2, 1)}), Point(1, 2) in {Point(1, 2): 1})\n`);
    assert.equal(run.stdout.trim(), '2 True');
  });

  it('re-analyses the class unit when `__init__` assigns another compared attribute, not when a method body changes otherwise', async () => {
    const parser = await testParser();
    const settings = { ...DEFAULT_SETTINGS, select: ['PP301'] };
    const rules = [eqWithoutHash];
    const before = POINT;
    const first = analyze({ tree: parser.parse(before)!, text: before, settings, rules });
    const hashOf = (r: typeof first) => r.diagnostics[0].fix?.edits[0].newText ?? '';
    assert.match(hashOf(first), /hash\(\(self\.x, self\.y\)\)/);

    // A change inside `norm` that assigns nothing: only `norm` is analysed again.
    const quiet = before.replace('abs(self.x) + abs(self.y)', 'abs(self.x) + abs(self.y) + 0');
    const second = analyze({ tree: parser.parse(quiet)!, text: quiet, settings, rules, cache: first.cache });
    assert.deepEqual(second.stats, { units: 4, analysed: 1 });

    // `__init__` now assigns `z`, which `__eq__` does not read: the class unit asks again and gets the same answer
    // for `__eq__` but a new one for `__init__`, so it is analysed again; its fix is unchanged.
    const more = quiet.replace('        self.cache = {}\n', '        self.cache = {}\n        self.z = 0\n');
    const third = analyze({ tree: parser.parse(more)!, text: more, settings, rules, cache: second.cache });
    assert.deepEqual(third.stats, { units: 4, analysed: 2 });
    assert.equal(hashOf(third), hashOf(first));

    // `__eq__` now compares `z` too: the fix follows, as a fresh analysis says.
    const compared = more.replace('self.y == other.y', 'self.y == other.y and self.z == other.z');
    const fourth = analyze({ tree: parser.parse(compared)!, text: compared, settings, rules, cache: third.cache });
    const fresh = analyze({ tree: parser.parse(compared)!, text: compared, settings, rules });
    assert.deepEqual(fourth.stats, { units: 4, analysed: 2 });
    assert.match(hashOf(fourth), /hash\(\(self\.x, self\.y, self\.z\)\)/);
    assert.deepEqual(fourth.diagnostics, fresh.diagnostics);

    // A method that starts reassigning state makes the class mutable: the report goes away.
    const mutable = compared.replace('        return abs(self.x) + abs(self.y) + 0', '        self.x = 0\n        return abs(self.x) + abs(self.y) + 0');
    const fifth = analyze({ tree: parser.parse(mutable)!, text: mutable, settings, rules, cache: fourth.cache });
    assert.deepEqual(fifth.stats, { units: 4, analysed: 2 });
    assert.deepEqual(fifth.diagnostics, []);
  });

  it('moves the fix with the class when a method above `__eq__` grows', async () => {
    const parser = await testParser();
    const settings = { ...DEFAULT_SETTINGS, select: ['PP301'] };
    const text = 'class Key:\n    def __init__(self, name):\n        self.name = name\n\n    def __eq__(self, other):\n        return self.name == other.name\n';
    const first = analyze({ tree: parser.parse(text)!, text, settings });
    const grown = text.replace('        self.name = name\n', '        self.name = name\n        print(name)\n        print(name)\n');
    const second = analyze({ tree: parser.parse(grown)!, text: grown, settings, cache: first.cache });
    const fresh = analyze({ tree: parser.parse(grown)!, text: grown, settings });
    assert.deepEqual(second.stats, { units: 3, analysed: 1 });
    assert.deepEqual(second.diagnostics, fresh.diagnostics);
    assert.equal(second.diagnostics[0].fix?.edits[0].range.start.line, 8);
  });
});
