import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, ruleTests } from '../support/engine';

describe('PP203 type-comparison', () => {
  ruleTests(
    'PP203',
    {
      valid: [
        // RULES: comparing two types
        'same = type(x) is type(y)\n',
        'same = type(a) == type(b)\n',
        // `C is type(x)` asks about `C` (cloudpickle, libcst): `obj is type(Ellipsis)`, `key is type(self)`
        'ok = obj is type(Ellipsis)\n',
        'ok = ctx is not type(None)\n',
        // a literal or singleton spells a class
        "py2 = type('') is bytes\n",
        'ok = type(None) == NoneType\n',
        // inside its own class, only an exact check of `self` makes sense (_pydecimal's __deepcopy__)
        'class D:\n    def __deepcopy__(self, memo):\n        if type(self) is D:\n            return self\n        return D()\n',
        // tests pinning down exact result types (numpy, scipy, sympy)
        'assert type(np.resize(a, 5)) is MyArray\n',
        'assert_(type(csc_col) is csc_matrix)\n',
        'def test(self):\n    self.assertTrue(type(Space(7)) is int)\n',
        'assert value == 1 and type(value) is Integer\n',
        // operator methods decide which operand types they support
        'class MyInt(int):\n    def __eq__(self, other):\n        if type(other) != MyInt:\n            return NotImplemented\n        return int(self) == int(other)\n',
        // not the builtin `type`
        'type = lambda value: value\nok = type(x) == int\n',
        'def f(x, type):\n    return type(x) == int\n',
        // other shapes
        'ok = type(x) in (int, float)\n',
        'ok = type(x) == int == y\n',
        'ok = type(x) == "int"\n',
        'ok = type(x) == classes[0]\n',
        'ok = type(name, bases, ns) == Meta\n',
        'ok = type(*args) == int\n',
        'ok = x.type(y) == int\n',
      ],
      invalid: [
        {
          code: 'if type(x) == int:\n    pass\n',
          errors: ['0:3-0:17'],
          output: 'if isinstance(x, int):\n    pass\n',
        },
        {
          code: 'if type(x) != str:\n    pass\n',
          errors: ['0:3-0:17'],
          output: 'if not isinstance(x, str):\n    pass\n',
        },
        {
          code: 'ok = type(items) is list\n',
          errors: ['0:5-0:24'],
          output: 'ok = isinstance(items, list)\n',
        },
        {
          code: 'bad = type(headers) is not list\n',
          errors: ['0:6-0:31'],
          output: 'bad = not isinstance(headers, list)\n',
        },
        {
          // inside `and`/`or`, a conditional expression and a call: `not` binds tighter than `and`
          code: 'ok = a and type(x) != T or b\nv = 1 if type(x) != T else 2\nf(type(x) != T, key=type(y) == U)\n',
          errors: ['0:11-0:23', '1:9-1:21', '2:2-2:14', '2:20-2:32'],
          output: 'ok = a and not isinstance(x, T) or b\nv = 1 if not isinstance(x, T) else 2\nf(not isinstance(x, T), key=isinstance(y, U))\n',
        },
        {
          // `not (type(x) != C)`: the negations cancel out
          code: 'ok = not type(x) != T\nno = not type(x) == T\n',
          errors: ['0:9-0:21', '1:9-1:21'],
          output: 'ok = isinstance(x, T)\nno = not isinstance(x, T)\n',
        },
        {
          // dotted classes, attribute and item subjects, a method
          code: 'class Proxy:\n    def wrap(self, value):\n        if type(self.items[0]) == types.FunctionType:\n            return value\n',
          errors: ['2:11-2:52'],
          output: 'class Proxy:\n    def wrap(self, value):\n        if isinstance(self.items[0], types.FunctionType):\n            return value\n',
        },
        {
          // over several lines, in parentheses
          code: 'ok = (\n    type(\n        value\n    )\n    == float\n)\n',
          errors: ['1:4-4:12'],
          output: 'ok = (\n    isinstance(value, float)\n)\n',
        },
        {
          // a comment inside would be lost: reported, not fixed
          code: 'ok = (type(value)  # the exact type\n      == float)\n',
          errors: ['0:6-1:14'],
          output: null,
        },
        {
          // `isinstance` is not the builtin here: reported, not fixed
          code: 'from checks import isinstance\nok = type(x) == int\n',
          errors: ['1:5-1:19'],
          output: null,
        },
      ],
    },
    it,
  );

  it('explains what happens to subclasses, with the bool example for int', async () => {
    const [eq, ne] = await check('a = type(flag) == int\nb = type(name) != str\n', { select: ['PP203'] });
    assert.match(eq.message, /false for an instance of a subclass of `int` \(`True` is an `int` whose type is `bool`\)/);
    assert.match(ne.message, /`type\(name\) != str` is also true for an instance of a subclass of `str`/);
    assert.equal(eq.fix?.safety, 'unsafe');
  });
});
