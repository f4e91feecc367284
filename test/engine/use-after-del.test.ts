import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP805 use-after-del', () => {
  ruleTests(
    'PP805',
    {
      valid: [
        // bound again before the read
        'def f(x):\n    del x\n    x = 1\n    return x\n',
        // the del is conditional: a different block
        'def f(x, c):\n    if c:\n        del x\n    return x\n',
        // the read is in a nested function, called who knows when
        'def f():\n    x = 1\n    del x\n    def g():\n        return x\n    return g\n',
        // an inner function may rebind it through nonlocal
        'def f():\n    x = 1\n    def reset():\n        nonlocal x\n        x = 2\n    del x\n    reset()\n    return x\n',
        // attributes and items are not names
        'def f(o, d):\n    del o.attr, d[0]\n    return o.attr, d[0]\n',
        // unreachable after return
        'def f(x):\n    del x\n    return\n    print(x)\n',
        // the code expects a NameError
        'x = 1\ndel x\ntry:\n    print(x)\nexcept NameError:\n    pass\n',
        // a module name any function may rebind through `global`
        'x = 1\ndel x\ndef init():\n    global x\n    x = 2\ninit()\nprint(x)\n',
        // `globals()` can rebind anything
        'x = 1\ndel x\nglobals()["x"] = 2\nprint(x)\n',
        // a deleted module-level shadow of a builtin falls back to the builtin
        'len = lambda s: 0\ndel len\nprint(len("ab"))\n',
        // rebound by a later top-level statement before the read
        'x = 1\ndel x\nfor x in range(2):\n    pass\nprint(x)\n',
        // the read comes before the del
        'def f(x):\n    print(x)\n    del x\n',
      ],
      invalid: [
        {
          code: 'def summarize(rows):\n    table = list(rows)\n    del rows\n    return len(rows), table\n',
          errors: ['3:15-3:19'],
          output: null,
        },
        {
          // `x = x + 1` reads before it binds
          code: 'def f(x):\n    del x\n    x = x + 1\n    return x\n',
          errors: ['2:8-2:9'],
          output: null,
        },
        {
          // module level, across top-level statements
          code: 'x = 1\ndel x\nprint(x)\n',
          errors: ['2:6-2:7'],
          output: null,
        },
        {
          // module level inside one compound statement
          code: 'if True:\n    y = 1\n    del y\n    print(y)\n',
          errors: ['3:10-3:11'],
          output: null,
        },
        {
          // in a loop body, after the del in the same iteration
          code: 'def f(items):\n    for item in items:\n        del item\n        print(item)\n',
          errors: ['3:14-3:18'],
          output: null,
        },
        {
          // deleting a name captured by a closure
          code: 'def f():\n    y = 1\n    del y\n    print(y)\n    def inner():\n        return y\n    return inner\n',
          errors: ['3:10-3:11'],
          output: null,
        },
      ],
    },
    it,
  );
});
