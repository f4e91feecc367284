import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP802 nonlocal-without-binding', () => {
  ruleTests(
    'PP802',
    {
      valid: [
        'def make_averager():\n    total = 0\n    def averager(x):\n        nonlocal total\n        total += x\n        return total\n    return averager\n',
        // through an intermediate function that declares it nonlocal too
        'def a():\n    x = 1\n    def b():\n        nonlocal x\n        def c():\n            nonlocal x\n            x = 3\n        return c\n    return b\n',
        // a method of a class inside a function still sees the function's variables
        'def f():\n    x = 1\n    class C:\n        def m(self):\n            nonlocal x\n            x = 2\n    return C\n',
        // a parameter of the enclosing function is a binding
        'def f(x):\n    def g():\n        nonlocal x\n        x += 1\n    return g\n',
      ],
      invalid: [
        {
          // module-level variables need `global`
          code: 'count = 0\ndef increment():\n    nonlocal count\n    count += 1\n',
          errors: ['2:4-2:18'],
          output: null,
        },
        {
          code: 'nonlocal x\n',
          errors: ['0:0-0:10'],
          output: null,
        },
        {
          // a class body at module level has no enclosing function
          code: 'class C:\n    nonlocal y\n',
          errors: ['1:4-1:14'],
          output: null,
        },
        {
          // the enclosing function made it global, so there is nothing local to refer to
          code: 'def f():\n    global x\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n',
          errors: ['4:8-4:18'],
          output: null,
        },
        {
          // reading a name does not bind it
          code: 'def f():\n    print(x)\n    def g():\n        nonlocal x\n    return g\n',
          errors: ['3:8-3:18'],
          output: null,
        },
        {
          // class attributes are not reachable with nonlocal
          code: 'class C:\n    x = 1\n    def m(self):\n        nonlocal x\n',
          errors: ['3:8-3:18'],
          output: null,
        },
        {
          // one report per unbound name
          code: 'def f():\n    a = 1\n    def g():\n        nonlocal a, b\n    return g\n',
          errors: ['3:8-3:21'],
          output: null,
        },
      ],
    },
    it,
  );
});
