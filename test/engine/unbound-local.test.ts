import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP801 unbound-local', () => {
  ruleTests(
    'PP801',
    {
      valid: [
        // declared global: the read sees the module's value
        'hits = 0\ndef record():\n    global hits\n    hits += 1\n',
        // read after the assignment
        'x = 0\ndef f():\n    x = 1\n    return x\n',
        // a later iteration may already have bound it: cannot prove the error
        'x = 0\ndef f():\n    for i in range(3):\n        if i:\n            print(x)\n        x = i\n',
        // the read is in a nested function, which runs later
        'x = 0\ndef f():\n    def g():\n        return x\n    x = 1\n    return g\n',
        // nothing outside binds the name: not the pitfall this rule is about
        'def f():\n    print(y)\n    y = 1\n',
        // the code expects the name may be unbound
        'x = 0\ndef f():\n    try:\n        print(x)\n    except NameError:\n        pass\n    x = 1\n',
        // class attributes are not visible in methods, so they are not the "outer" binding
        'class C:\n    x = 1\n    def m(self):\n        print(x)\n        x = 2\n',
        // parameters are bound on entry
        'x = 0\ndef f(x):\n    print(x)\n    x = 1\n',
        // local annotations are never evaluated
        'x = 0\ndef f():\n    y: x = 1\n    x = 2\n    return y\n',
        // with `from __future__ import annotations` a nested def's annotations are not evaluated
        'from __future__ import annotations\nT = int\ndef f():\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
        // a `del` before the read: left to PP805, unprovable here
        'x = 0\ndef f():\n    del x\n    print(x)\n    x = 1\n',
        // `value if test else other` evaluates the test (and its walrus) first
        'p = 0\ndef f(r):\n    return p if (p := r) else None\n',
        // an inner function assigns it through nonlocal before the read runs
        'result = None\ndef f():\n    def run():\n        nonlocal result\n        result = 1\n    run()\n    print(result)\n    result = 2\n',
        // assigned in an enclosing function that declares it global: the read is of a global, fine
        'def outer():\n    global g\n    g = 1\n    def inner():\n        return g\n    return inner\n',
        // a local import before any use of the name: no read can come first
        'import sys\ndef f():\n    import sys\n    return sys.argv\n',
        'import os\ndef f():\n    if True:\n        from os import path as os\n    return os\n',
        'import json\ndef f():\n    import json.decoder\n    return json.decoder\n',
      ],
      invalid: [
        {
          // the post's example: augmented assignment to a module-level counter
          code: 'hits = 0\n\ndef record():\n    hits += 1\n',
          errors: ['3:4-3:8'],
          output: 'hits = 0\n\ndef record():\n    global hits\n    hits += 1\n',
        },
        {
          // the binding is in an enclosing function: nonlocal, after the docstring
          code: 'def outer():\n    value = 1\n    def inner():\n        """Doc."""\n        print(value)\n        value = 2\n    return inner\n',
          errors: ['4:14-4:19'],
          output: 'def outer():\n    value = 1\n    def inner():\n        """Doc."""\n        nonlocal value\n        print(value)\n        value = 2\n    return inner\n',
        },
        {
          // `total = total + n`: the value is computed before the name is bound
          code: 'total = 0\ndef add(n):\n    total = total + n\n    return total\n',
          errors: ['2:12-2:17'],
          output: 'total = 0\ndef add(n):\n    global total\n    total = total + n\n    return total\n',
        },
        {
          // a while condition is tested before the body runs even once
          code: 'n = 3\ndef countdown():\n    while n > 0:\n        n -= 1\n',
          errors: ['2:10-2:11'],
          output: 'n = 3\ndef countdown():\n    global n\n    while n > 0:\n        n -= 1\n',
        },
        {
          // a method: the module-level name, not the class attribute
          code: 'count = 0\nclass C:\n    count = 5\n    def m(self):\n        print(count)\n        count = 1\n',
          errors: ['4:14-4:19'],
          output: 'count = 0\nclass C:\n    count = 5\n    def m(self):\n        global count\n        print(count)\n        count = 1\n',
        },
        {
          // an import inside the function shadows the module-level import
          code: 'import os\ndef cwd():\n    print(os.getcwd())\n    import os\n',
          errors: ['2:10-2:12'],
          output: 'import os\ndef cwd():\n    global os\n    print(os.getcwd())\n    import os\n',
        },
        {
          // lambdas cannot hold a declaration: reported without a fix
          code: 'x = 0\nf = lambda: (print(x), (x := 1))\n',
          errors: ['1:19-1:20'],
          output: null,
        },
        {
          // `global x` next to `x: int = ...` does not compile: no fix
          code: 'x = 0\ndef f():\n    print(x)\n    x: int = 1\n',
          errors: ['2:10-2:11'],
          output: null,
        },
        {
          // no room for a declaration in a one-line def
          code: 'x = 0\ndef f(): print(x); x = 1\n',
          errors: ['1:15-1:16'],
          output: null,
        },
        {
          // an inner `nonlocal x` needs this function's own `x`: `global x` would break it
          code: 'x = 0\ndef f():\n    print(x)\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n',
          errors: ['2:10-2:11'],
          output: null,
        },
        {
          // without the future import, a nested def's annotation is evaluated when the def runs
          code: 'T = int\ndef f():\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
          errors: ['2:13-2:14'],
          output: 'T = int\ndef f():\n    global T\n    def g(a: T):\n        pass\n    T = str\n    return g\n',
        },
        {
          // the first `sys` is a nested function's import, not this function's binding
          code: 'import sys\ndef f():\n    def g():\n        import sys\n    print(sys)\n    import sys\n',
          errors: ['4:10-4:13'],
          output: 'import sys\ndef f():\n    global sys\n    def g():\n        import sys\n    print(sys)\n    import sys\n',
        },
        {
          // `import a as c` binds `c`, not `a`: the read of `a` still comes before `a = 1`
          code: 'a = 0\ndef f():\n    import a as c\n    print(a)\n    a = 1\n',
          errors: ['3:10-3:11'],
          output: 'a = 0\ndef f():\n    global a\n    import a as c\n    print(a)\n    a = 1\n',
        },
        {
          // the module of a `from` import is read by no one but binds nothing either
          code: 'import os\ndef f():\n    from os import sep\n    print(os)\n    import os\n',
          errors: ['3:10-3:12'],
          output: 'import os\ndef f():\n    global os\n    from os import sep\n    print(os)\n    import os\n',
        },
        {
          // a read in a string's replacement field before the import
          code: 'import os\ndef f():\n    print(f"{os}")\n    import os\n',
          errors: ['2:13-2:15'],
          output: 'import os\ndef f():\n    global os\n    print(f"{os}")\n    import os\n',
        },
      ],
    },
    it,
  );
});
