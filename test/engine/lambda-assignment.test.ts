import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP701 lambda-assignment', () => {
  ruleTests(
    'PP701',
    {
      valid: [
        // used in place: the point of a lambda
        'rows.sort(key=lambda r: r[1])\n',
        'handlers = {"a": lambda: 1}\n',
        'f = g(lambda x: x)\n',
        // not a plain name
        'obj.callback = lambda: None\n',
        'table["k"] = lambda: None\n',
        'a, b = lambda: 1, lambda: 2\n',
        // a default value, a comprehension
        'def f(cb=lambda x: x):\n    return cb\n',
        'fs = [lambda: i for i in range(3)]\n',
        'f = lambda_factory()\n',
      ],
      invalid: [
        {
          code: 'double = lambda x: x * 2\n',
          errors: ['0:0-0:24'],
          output: 'def double(x):\n    return x * 2\n',
        },
        {
          // no parameters; defaults, keyword-only and starred parameters are kept as written
          code: 'f = lambda: 0\ng = lambda a, b=1, *args, c, **kw: (a, b, args, c, kw)\n',
          errors: ['0:0-0:13', '1:0-1:54'],
          output: 'def f():\n    return 0\ndef g(a, b=1, *args, c, **kw):\n    return (a, b, args, c, kw)\n',
        },
        {
          // inside a function, indented with a tab; a trailing comment stays on the line
          code: 'def outer():\n\tf = lambda x: x + 1  # bump\n\treturn f\n',
          errors: ['1:1-1:20'],
          output: 'def outer():\n\tdef f(x):\n\t\treturn x + 1  # bump\n\treturn f\n',
        },
        {
          // a parenthesized lambda over several lines: the body keeps its brackets
          code: 'f = (lambda x:\n     x + 1)\ng = (lambda x: x +\n     1)\n',
          errors: ['0:0-1:11', '2:0-3:7'],
          output: 'def f(x):\n    return x + 1\ndef g(x):\n    return (x +\n     1)\n',
        },
        {
          // a walrus must be parenthesized in a lambda, and stays so
          code: 'f = lambda: (y := 1)\n',
          errors: ['0:0-0:20'],
          output: 'def f():\n    return (y := 1)\n',
        },
        {
          // annotated with Callable: parameter and return annotations
          code: 'from typing import Callable\n\nf: Callable[[int, str], bool] = lambda n, s="x": bool(n)\n',
          errors: ['2:0-2:56'],
          output: 'from typing import Callable\n\ndef f(n: int, s: str = "x") -> bool:\n    return bool(n)\n',
        },
        {
          code: 'import typing\nf: typing.Callable[..., int] = lambda *a: len(a)\ng: typing.Callable = lambda: 1\n',
          errors: ['1:0-1:48', '2:0-2:30'],
          output: 'import typing\ndef f(*a) -> int:\n    return len(a)\ndef g():\n    return 1\n',
        },
        {
          // an annotation the fix cannot translate, or whose types a local `def` would evaluate
          code: 'f: Handler = lambda: 1\ndef outer():\n    g: Callable[[Foo], int] = lambda x: 1\n    return g\n',
          errors: ['0:0-0:22', '2:4-2:41'],
          output: null,
        },
        {
          // ... unless annotations are never evaluated
          code: 'from __future__ import annotations\ndef outer():\n    g: Callable[[Foo], int] = lambda x: 1\n    return g\n',
          errors: ['2:4-2:41'],
          output: 'from __future__ import annotations\ndef outer():\n    def g(x: Foo) -> int:\n        return 1\n    return g\n',
        },
        {
          // class bodies: reported, not fixed (also inside an `if` of the class body)
          code: 'class C:\n    key = lambda self: self.x\n    if True:\n        other = lambda self: 1\n',
          errors: ['1:4-1:29', '3:8-3:30'],
          output: null,
        },
        {
          // chained assignment, comment inside, shared lines, a type comment
          code: [
            'a = b = lambda: 0',
            'c = (lambda x:  # why',
            '     x)',
            'd = lambda: 0; e = 1',
            'if a: f = lambda: 0',
            'g = lambda e: True  # type: Callable[[Any], bool]',
            '',
          ].join('\n'),
          errors: ['0:0-0:17', '1:0-2:7', '3:0-3:13', '4:6-4:19', '5:0-5:18'],
          output: null,
        },
        {
          // the same inside a function, where the line's tail is part of the unit
          code: 'def outer():\n    d = lambda: 0; e = 1\n    g = lambda e: True  # type: Callable[[Any], bool]\n    return d, e, g\n',
          errors: ['1:4-1:17', '2:4-2:22'],
          output: null,
        },
        {
          // `# type: ignore` may stay on the `return` line
          code: 'f = lambda: 0  # type: ignore\n',
          errors: ['0:0-0:13'],
          output: 'def f():\n    return 0  # type: ignore\n',
        },
        {
          // a method's local lambda, and a nested function's
          code: 'class C:\n    def m(self):\n        key = lambda r: r.name\n        return sorted(self.rows, key=key)\n',
          errors: ['2:8-2:30'],
          output: 'class C:\n    def m(self):\n        def key(r):\n            return r.name\n        return sorted(self.rows, key=key)\n',
        },
      ],
    },
    it,
  );
});
