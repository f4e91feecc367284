import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP401 mutable-default-argument', () => {
  ruleTests(
    'PP401',
    {
      valid: [
        'def f(x=None):\n    pass\n',
        'def f(x=()):\n    return x\n',
        'def f(x=frozenset()):\n    return x\n',
        'def f(x: Sequence[int] = []):\n    return x\n',
        'def f(x: "Mapping[str, int]" = {}):\n    return x\n',
        'def f(x: typing.Iterable[int] | None = []):\n    return x\n',
        'def f(x: Optional[Sequence[int]] = []):\n    return x\n',
        'def f(x: tuple = []):\n    return x\n',
        // lambdas are not `def`s
        'f = lambda x=[]: x\n',
        // `deque` without an import from collections may be anything
        'def f(x=deque()):\n    return x\n',
        // the module rebinds `list`
        'def list(): return 1\ndef f(x=list()):\n    return x\n',
        // a module-level name bound twice is not a known fresh object
        'X = []\nX = tuple(X)\ndef f(x=X):\n    return x\n',
        // inside a function the name may be a local
        'X = []\ndef outer():\n    X = (1,)\n    def f(x=X):\n        return x\n    return f\n',
        // a class attribute of the same name wins in a method default
        'X = []\nclass C:\n    X = ()\n    def f(self, x=X):\n        return x\n',
        // stubs describe signatures, they do not run
        { code: 'def f(x=[]) -> None: ...\n', path: 'module.pyi' },
        // deliberate shared state: private parameters and aliases of a global of the same name
        'def memo(n, _cache={}):\n    return _cache.setdefault(n, n * n)\n',
        'REGISTRY = {}\ndef register(item, REGISTRY=REGISTRY):\n    REGISTRY[item] = True\n',
        // a lower-case module-level registry shared on purpose (sympy's multipledispatch): the function
        // only reads it, and only a nested function changes it
        'global_namespace = {}\n\ndef dispatch(*types, namespace=global_namespace):\n    def _(func):\n        namespace[func.__name__] = func\n        return func\n    return _\n',
        'seen = set()\ndef known(x, cache=seen):\n    return x in cache\n',
        // *args/**kwargs have no defaults; keyword arguments at call sites are not parameters
        'def f(*args, **kwargs):\n    g(x=[])\n',
      ],
      invalid: [
        {
          code: 'def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n',
          errors: ['0:21-0:23'],
          output: 'def add(item, bucket=None):\n    if bucket is None:\n        bucket = []\n    bucket.append(item)\n    return bucket\n',
        },
        {
          // the post's HauntedBus, a method
          code: 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n',
          errors: ['1:34-1:36'],
          output: 'class HauntedBus:\n    def __init__(self, passengers=None):\n        if passengers is None:\n            passengers = []\n        self.passengers = passengers\n',
        },
        {
          // docstring and leading imports stay first; tabs are kept
          code: 'async def f(x={}):\n\t"""Doc."""\n\timport os\n\treturn os, x\n',
          errors: ['0:14-0:16'],
          output: 'async def f(x=None):\n\t"""Doc."""\n\timport os\n\tif x is None:\n\t\tx = {}\n\treturn os, x\n',
        },
        {
          // every kind of parameter, fixed together, guards in parameter order
          code: 'def f(a=[], /, b=set(), *, c=dict(), d={k: 1 for k in "ab"}):\n    return a, b, c, d\n',
          errors: ['0:8-0:10', '0:17-0:22', '0:29-0:35', '0:39-0:59'],
          output:
            'def f(a=None, /, b=None, *, c=None, d=None):\n' +
            '    if a is None:\n        a = []\n' +
            '    if b is None:\n        b = set()\n' +
            '    if c is None:\n        c = dict()\n' +
            '    if d is None:\n        d = {k: 1 for k in "ab"}\n' +
            '    return a, b, c, d\n',
        },
        {
          // annotations gain `| None`, also inside strings
          code: 'def f(x: list[int] = [], y: "dict[str, int]" = {}):\n    return x, y\n',
          errors: ['0:21-0:23', '0:47-0:49'],
          output: 'def f(x: list[int] | None = None, y: "dict[str, int] | None" = None):\n    if x is None:\n        x = []\n    if y is None:\n        y = {}\n    return x, y\n',
        },
        {
          // below 3.10: Optional[T], imported after the module docstring and __future__ imports
          code: '"""Module."""\nfrom __future__ import annotations\nimport os\n\ndef f(x: list = []):\n    return x\n',
          settings: { targetVersion: 'py39' },
          errors: ['4:16-4:18'],
          output: '"""Module."""\nfrom __future__ import annotations\nfrom typing import Optional\nimport os\n\ndef f(x: Optional[list] = None):\n    if x is None:\n        x = []\n    return x\n',
        },
        {
          // ... merged into an existing `from typing import`
          code: 'from typing import Any\n\ndef f(x: list = [], y: dict = {}):\n    return x, y\n',
          settings: { targetVersion: 'py38' },
          errors: ['2:16-2:18', '2:30-2:32'],
          output: 'from typing import Any, Optional\n\ndef f(x: Optional[list] = None, y: Optional[dict] = None):\n    if x is None:\n        x = []\n    if y is None:\n        y = {}\n    return x, y\n',
        },
        {
          // a union annotation gains `| None` at its end
          code: 'def f(x: list[str] | str = []):\n    return x\n',
          errors: ['0:27-0:29'],
          output: 'def f(x: list[str] | str | None = None):\n    if x is None:\n        x = []\n    return x\n',
        },
        {
          // an annotation that already allows None is left alone
          code: 'def f(x: list | None = []):\n    return x\n',
          errors: ['0:23-0:25'],
          output: 'def f(x: list | None = None):\n    if x is None:\n        x = []\n    return x\n',
        },
        {
          // collections constructors, under their imported names
          code: 'import collections\nfrom collections import defaultdict as dd, Counter\n\ndef f(a=collections.deque(), b=dd(list), c=Counter(), d=bytearray()):\n    return a, b, c, d\n',
          errors: ['3:8-3:27', '3:31-3:39', '3:43-3:52', '3:56-3:67'],
          output:
            'import collections\nfrom collections import defaultdict as dd, Counter\n\ndef f(a=None, b=None, c=None, d=None):\n' +
            '    if a is None:\n        a = collections.deque()\n    if b is None:\n        b = dd(list)\n' +
            '    if c is None:\n        c = Counter()\n    if d is None:\n        d = bytearray()\n    return a, b, c, d\n',
        },
        {
          // lower case, but the function changes the shared object in place
          code: 'registry = {}\ndef register(name, table=registry):\n    table[name] = True\n',
          errors: ['1:25-1:33'],
          output: 'registry = {}\ndef register(name, table=None):\n    if table is None:\n        table = registry.copy()\n    table[name] = True\n',
        },
        {
          // lower case, but the function hands the shared object to its caller
          code: 'defaults = []\ndef options(extra=defaults):\n    return extra\n',
          errors: ['1:18-1:26'],
          output: 'defaults = []\ndef options(extra=None):\n    if extra is None:\n        extra = defaults.copy()\n    return extra\n',
        },
        {
          code: 'pending = []\nclass Queue:\n    def __init__(self, items=pending):\n        self.items = items\n',
          errors: ['2:29-2:36'],
          output: 'pending = []\nclass Queue:\n    def __init__(self, items=None):\n        if items is None:\n            items = pending.copy()\n        self.items = items\n',
        },
        {
          code: 'names = []\ndef note(name, into=names):\n    into += [name]\n',
          errors: ['1:20-1:25'],
          output: 'names = []\ndef note(name, into=None):\n    if into is None:\n        into = names.copy()\n    into += [name]\n',
        },
        {
          // a module-level mutable used as a default: the guard copies it
          code: 'DEFAULTS = {"color": "red"}\n\ndef paint(options=DEFAULTS):\n    options["done"] = True\n    return options\n',
          errors: ['2:18-2:26'],
          output: 'DEFAULTS = {"color": "red"}\n\ndef paint(options=None):\n    if options is None:\n        options = DEFAULTS.copy()\n    options["done"] = True\n    return options\n',
        },
        {
          // stub-like bodies get the new default but no guard
          code: 'class P(Protocol):\n    def f(self, x=[]):\n        """Only a signature."""\n\n    def g(self, y={}): ...\n',
          errors: ['1:18-1:20', '4:18-4:20'],
          output: 'class P(Protocol):\n    def f(self, x=None):\n        """Only a signature."""\n\n    def g(self, y=None): ...\n',
        },
        {
          // body made of a docstring and imports only: the guard goes last
          code: 'def f(x=[]):\n    """Doc."""\n    import os',
          errors: ['0:8-0:10'],
          output: 'def f(x=None):\n    """Doc."""\n    import os\n    if x is None:\n        x = []',
        },
        {
          // comments before the first statement stay where they are
          code: 'def f(x=[]):  # keep me\n    # about the return\n    return x\n',
          errors: ['0:8-0:10'],
          output: 'def f(x=None):  # keep me\n    if x is None:\n        x = []\n    # about the return\n    return x\n',
        },
        {
          // a one-line def is reported but not fixed
          code: 'def f(x=[]): return x\n',
          errors: ['0:8-0:10'],
          output: null,
        },
        {
          // CRLF files keep CRLF
          code: 'def f(x=[]):\r\n    return x\r\n',
          errors: ['0:8-0:10'],
          output: 'def f(x=None):\r\n    if x is None:\r\n        x = []\r\n    return x\r\n',
        },
      ],
    },
    it,
  );
});
