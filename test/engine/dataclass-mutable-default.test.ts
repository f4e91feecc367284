import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseSettings } from '../../server/src/engine';
import { assertCompiles, assertSameOutput, ruleTests, runPython, testParser } from '../support/engine';

describe('PP308 dataclass-mutable-default', () => {
  ruleTests(
    'PP308',
    {
      valid: [
        // the cure
        'from dataclasses import dataclass, field\n@dataclass\nclass C:\n    x: list = field(default_factory=list)\n',
        // immutable defaults
        'from dataclasses import dataclass\n@dataclass\nclass C:\n    x: tuple = ()\n    y: frozenset = frozenset()\n    z: int = 0\n',
        // ClassVar and InitVar are not fields; unannotated class attributes are not fields
        'from dataclasses import dataclass, InitVar\nfrom typing import ClassVar\n@dataclass\nclass C:\n    a: ClassVar[list] = []\n    b: "typing.ClassVar[dict]" = {}\n    c: InitVar[list] = []\n    d = []\n',
        // not a dataclass: a plain class, another decorator, a `dataclass` that is not the stdlib's
        'class C:\n    x: list = []\n',
        'import attr\n@attr.s\nclass C:\n    x: list = []\n',
        'from pydantic.dataclasses import dataclass\n@dataclass\nclass C:\n    x: list = []\n',
        'def dataclass(cls):\n    return cls\n@dataclass\nclass C:\n    x: list = []\n',
        // `list` rebound by the module or the class is not the builtin
        'from dataclasses import dataclass\nlist = tuple\n@dataclass\nclass C:\n    x: object = list()\n',
        'from dataclasses import dataclass\n@dataclass\nclass C:\n    def set(self): ...\n    x: object = set()\n',
        // a nested class's defaults are its own business
        'from dataclasses import dataclass\n@dataclass\nclass C:\n    class Inner:\n        x: list = []\n    y: int = 0\n',
        // stubs do not run
        { code: 'from dataclasses import dataclass\n@dataclass\nclass C:\n    x: list = []\n', path: 'stub.pyi' },
      ],
      invalid: [
        {
          // the common case: `field` merged into the existing `from dataclasses import`
          code: 'from dataclasses import dataclass\n\n@dataclass\nclass Basket:\n    items: list[str] = []\n    tags: dict = {}\n    seen: set = set()\n',
          errors: ['4:4-4:9', '5:4-5:8', '6:4-6:8'],
          output:
            'from dataclasses import dataclass, field\n\n@dataclass\nclass Basket:\n    items: list[str] = field(default_factory=list)\n' +
            '    tags: dict = field(default_factory=dict)\n    seen: set = field(default_factory=set)\n',
        },
        {
          // `import dataclasses` alone: the dotted name, no new import
          code: 'import dataclasses\n\n@dataclasses.dataclass(order=True)\nclass C:\n    x: list = list()\n',
          errors: ['4:4-4:5'],
          output: 'import dataclasses\n\n@dataclasses.dataclass(order=True)\nclass C:\n    x: list = dataclasses.field(default_factory=list)\n',
        },
        {
          // `field` already imported; non-empty literal displays become lambdas
          code: 'from dataclasses import dataclass, field\n@dataclass(frozen=True)\nclass C:\n    x: list = [1, -2.5, "a"]\n    y: dict = {"k": (None, True)}\n    z: set = {1, 2}\n',
          errors: ['3:4-3:5', '4:4-4:5', '5:4-5:5'],
          output:
            'from dataclasses import dataclass, field\n@dataclass(frozen=True)\nclass C:\n    x: list = field(default_factory=lambda: [1, -2.5, "a"])\n' +
            '    y: dict = field(default_factory=lambda: {"k": (None, True)})\n    z: set = field(default_factory=lambda: {1, 2})\n',
        },
        {
          // a new import goes after the module docstring and __future__ imports
          code: '"""Models."""\nfrom __future__ import annotations\nimport dataclasses as dc\nfrom dataclasses import dataclass as data\n\n@data\nclass C:\n    x: "list[int]" = []\n',
          errors: ['7:4-7:5'],
          output: '"""Models."""\nfrom __future__ import annotations\nimport dataclasses as dc\nfrom dataclasses import dataclass as data, field\n\n@data\nclass C:\n    x: "list[int]" = field(default_factory=list)\n',
        },
        {
          // `field(default=[])` raises too: the keyword becomes `default_factory`
          code: 'from dataclasses import dataclass, field\n@dataclass\nclass C:\n    x: list = field(default=[], repr=False)\n',
          errors: ['3:4-3:5'],
          output: 'from dataclasses import dataclass, field\n@dataclass\nclass C:\n    x: list = field(default_factory=list, repr=False)\n',
        },
        {
          // collections constructors: safe when every version rejects them, the constructor as written
          code: 'from collections import Counter, OrderedDict, deque\nfrom dataclasses import dataclass\n@dataclass\nclass C:\n    a: Counter = Counter()\n    b: OrderedDict = OrderedDict()\n    c: deque = deque()\n',
          errors: ['4:4-4:5', '5:4-5:5', '6:4-6:5'],
          output:
            'from collections import Counter, OrderedDict, deque\nfrom dataclasses import dataclass, field\n@dataclass\nclass C:\n' +
            '    a: Counter = field(default_factory=Counter)\n    b: OrderedDict = field(default_factory=OrderedDict)\n    c: deque = field(default_factory=deque)\n',
        },
        {
          // building the default reads names or calls code: a lambda (unsafe), multi-line displays kept as written
          code: 'from dataclasses import dataclass\nLIMIT = 3\n@dataclass\nclass C:\n    a: list = list(range(LIMIT))\n    b: list = [x * 2 for x in range(LIMIT)]\n    c: list = [\n        LIMIT,  # the limit\n        4,\n    ]\n',
          errors: ['4:4-4:5', '5:4-5:5', '6:4-6:5'],
          output:
            'from dataclasses import dataclass, field\nLIMIT = 3\n@dataclass\nclass C:\n    a: list = field(default_factory=lambda: list(range(LIMIT)))\n' +
            '    b: list = field(default_factory=lambda: [x * 2 for x in range(LIMIT)])\n' +
            '    c: list = field(default_factory=lambda: [\n        LIMIT,  # the limit\n        4,\n    ])\n',
        },
        {
          // a display that reads a class-level name: a lambda would not see it, no fix
          code: 'from dataclasses import dataclass\n@dataclass\nclass C:\n    SIZE = 2\n    x: list = [SIZE]\n',
          errors: ['4:4-4:5'],
          output: null,
        },
        {
          // a field named `field`, and no `import dataclasses` to fall back on: no fix
          code: 'from dataclasses import dataclass\n@dataclass\nclass C:\n    field: int = 0\n    x: list = []\n',
          errors: ['4:4-4:5'],
          output: null,
        },
        {
          // ... with `import dataclasses` the dotted name still works
          code: 'import dataclasses\nfrom dataclasses import dataclass\n@dataclass\nclass C:\n    field: int = 0\n    x: list = []\n',
          errors: ['5:4-5:5'],
          output: 'import dataclasses\nfrom dataclasses import dataclass\n@dataclass\nclass C:\n    field: int = 0\n    x: list = dataclasses.field(default_factory=list)\n',
        },
        {
          // a module-level `field` that is something else
          code: 'from dataclasses import dataclass\nfield = "name"\n@dataclass\nclass C:\n    x: list = []\n',
          errors: ['4:4-4:5'],
          output: null,
        },
        {
          // a dataclass nested in a function, decorated among others; a local `field` is something else
          code:
            'from dataclasses import dataclass\n\ndef make(field):\n    @register\n    @dataclass(eq=False)\n    class Local:\n        x: dict = {}\n    return Local, field\n',
          errors: ['6:8-6:9'],
          output: null,
        },
        {
          // a dataclass nested in a method and one nested in a class body
          code:
            'from dataclasses import dataclass\n\nclass Outer:\n    @dataclass\n    class Inner:\n        x: list = []\n\n    def build(self):\n        @dataclass\n        class Local:\n            y: set = set()\n        return Local\n',
          errors: ['5:8-5:9', '10:12-10:13'],
          output:
            'from dataclasses import dataclass, field\n\nclass Outer:\n    @dataclass\n    class Inner:\n        x: list = field(default_factory=list)\n\n' +
            '    def build(self):\n        @dataclass\n        class Local:\n            y: set = field(default_factory=set)\n        return Local\n',
        },
        {
          // a comment inside the call is kept: the lambda repeats the default as written
          code: 'from dataclasses import dataclass\n@dataclass\nclass C:\n    x: list = list(  # nothing yet\n    )\n',
          errors: ['3:4-3:5'],
          output: 'from dataclasses import dataclass, field\n@dataclass\nclass C:\n    x: list = field(default_factory=lambda: list(  # nothing yet\n    ))\n',
        },
      ],
    },
    it,
  );

  it('marks fixes safe only when building the default has no effect and every version rejects it', async () => {
    const parser = await testParser();
    const code =
      'from collections import deque\nfrom dataclasses import dataclass\n@dataclass\nclass C:\n' +
      '    a: list = []\n    b: list = [1, 2]\n    c: list = [len("ab")]\n    d: deque = deque()\n    e: list = list("ab")\n';
    const safeOnly = fixAll({ parser, text: code, settings: parseSettings({ select: ['PP308'] }), unsafe: false });
    assert.equal(
      safeOnly.text,
      'from collections import deque\nfrom dataclasses import dataclass, field\n@dataclass\nclass C:\n' +
        '    a: list = field(default_factory=list)\n    b: list = field(default_factory=lambda: [1, 2])\n' +
        '    c: list = [len("ab")]\n    d: deque = deque()\n    e: list = list("ab")\n',
    );
    // From 3.11 on, `deque()` and `bytearray()` defaults raise as well: then their fix is safe too.
    const py311 = fixAll({ parser, text: code, settings: parseSettings({ select: ['PP308'], targetVersion: 'py311' }), unsafe: false });
    assert.match(py311.text, /d: deque = field\(default_factory=deque\)/);
    assert.match(py311.text, /c: list = \[len\("ab"\)\]/);
  });

  it('turns a class statement that raises ValueError into one whose instances each get a fresh object', async () => {
    // The safe fix cannot be checked by comparing output: before it, the program stops at the
    // class statement. What it must show instead: the original raises ValueError there, on
    // every run; the fixed program runs, and every instance gets its own equal object.
    const program = [
      'from collections import Counter, OrderedDict, defaultdict',
      'from dataclasses import dataclass',
      'print("before the class")',
      '@dataclass',
      'class Basket:',
      '    items: list = []',
      '    pairs: dict = {"a": (1, 2)}',
      '    tags: set = {1, 2}',
      '    counts: Counter = Counter()',
      '    order: OrderedDict = OrderedDict()',
      '    groups: defaultdict = defaultdict()',
      'print("after the class")',
      'one, two = Basket(), Basket()',
      'one.items.append(1); one.pairs["b"] = 0; one.tags.add(3); one.counts["k"] += 1',
      'print(one)',
      'print(two)',
      'print(Basket(items=[5]).items, two.pairs == {"a": (1, 2)}, two.pairs is not one.pairs)',
    ].join('\n') + '\n';
    const before = runPython(program);
    assert.equal(before.stdout, 'before the class\n');
    assert.match(before.error, /^ValueError: mutable default <class 'list'> for field items is not allowed: use default_factory$/);

    const parser = await testParser();
    const fixed = fixAll({ parser, text: program, settings: parseSettings({ select: ['PP308'] }), unsafe: false });
    assert.equal(fixed.applied, 6);
    assertCompiles(fixed.text);
    const after = runPython(fixed.text);
    assert.equal(after.error, '');
    assert.equal(
      after.stdout,
      'before the class\nafter the class\n' +
        "Basket(items=[1], pairs={'a': (1, 2), 'b': 0}, tags={1, 2, 3}, counts=Counter({'k': 1}), order=OrderedDict(), groups=defaultdict(None, {}))\n" +
        "Basket(items=[], pairs={'a': (1, 2)}, tags={1, 2}, counts=Counter(), order=OrderedDict(), groups=defaultdict(None, {}))\n" +
        '[5] True True\n',
    );
  });

  it('leaves a program that never creates the class as it was', async () => {
    // A class statement in a function that never runs: nothing to compare but that the rest is untouched.
    await assertSameOutput(
      'PP308',
      'from dataclasses import dataclass\n\ndef unused():\n    @dataclass\n    class C:\n        x: list = []\n    return C\n\nprint("ran", unused.__name__)\n',
    );
  });
});
