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
        // except ... as: a read inside the handler
        'def f():\n    try:\n        g()\n    except ValueError as err:\n        return err\n',
        // except ... as: bound again on every path before the read
        'def f(c):\n    try:\n        g()\n    except ValueError as err:\n        pass\n    if c:\n        err = 1\n    else:\n        err = 2\n    return err\n',
        // except ... as: bound before the try, so only the handler path raises
        'def f():\n    err = None\n    try:\n        g()\n    except ValueError as err:\n        pass\n    return err\n',
        // except ... as: bound later in a loop around the read
        'def f(xs):\n    for x in xs:\n        try:\n            g()\n        except ValueError as err:\n            pass\n        print(err)\n        err = x\n',
        // except ... as: the read is guarded by a NameError handler
        'def f():\n    try:\n        g()\n    except ValueError as err:\n        pass\n    try:\n        print(err)\n    except NameError:\n        pass\n',
        // except ... as: a test that asserts the read raises
        'def test(self):\n    try:\n        g()\n    except ValueError as e:\n        pass\n    with self.assertRaises(UnboundLocalError):\n        e\n',
        // a del, then a read inside pytest.raises(NameError)
        'def test(x):\n    del x\n    with pytest.raises(NameError):\n        print(x)\n',
        // except ... as: a nested function reads it, called who knows when
        'def f():\n    try:\n        g()\n    except ValueError as err:\n        def show():\n            return err\n    return show\n',
        // except ... as at module level, or in a class body: not this check
        'try:\n    g()\nexcept ValueError as err:\n    pass\nprint(err)\n',
      ],
      invalid: [
        {
          // except ... as: Python unbinds the target when the handler ends
          code: 'def f():\n    try:\n        g()\n    except ValueError as err:\n        pass\n    return err\n',
          errors: ['5:11-5:14'],
          output: null,
        },
        {
          // two handlers binding the same name: reported once, the read after both
          code: 'def f():\n    try:\n        g()\n    except ValueError as e:\n        pass\n    except KeyError as e:\n        pass\n    print(e)\n    return e\n',
          errors: ['7:10-7:11'],
          output: null,
        },
        {
          // a finally clause after the handler
          code: 'def f():\n    try:\n        g()\n    except ValueError as err:\n        pass\n    finally:\n        print(err)\n',
          errors: ['6:14-6:17'],
          output: null,
        },
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
