import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, ruleTests } from '../support/engine';

describe('PP201 isinstance-float', () => {
  ruleTests(
    'PP201',
    {
      valid: [
        // RULES: float alongside int in the same tuple
        'ok = isinstance(x, (int, float))\n',
        'ok = isinstance(x, (float, int))\n',
        'ok = isinstance(x, float | int)\n',
        'import numbers\nok = isinstance(x, (float, numbers.Integral))\n',
        'import six\nok = isinstance(x, (float, six.integer_types))\n',
        'ok = isinstance(i, (SYMPY_INTS, float))\n',
        // `float` resolved where the default is evaluated: the class body, whose method `float` shadows it
        'class A:\n    def float(self):\n        return 0.0\n\n    def m(self, flag=isinstance(1, float)):\n        return flag\n',
        'ok = isinstance(x, (float, numbers.Real))\n',
        // not the builtin: the module, a parameter, a local or the class body binds the name
        'float = MyFloat\nok = isinstance(x, float)\n',
        'def f(x, float):\n    return isinstance(x, float)\n',
        'def f(x):\n    float = Decimal\n    return isinstance(x, float)\n',
        'def outer():\n    float = Decimal\n    def inner(x):\n        return isinstance(x, float)\n    return inner\n',
        'class A:\n    float = Decimal\n    ok = isinstance(1, float)\n',
        'from mylib import isinstance\nok = isinstance(x, float)\n',
        'def f(x, isinstance):\n    return isinstance(x, float)\n',
        // other calls and shapes
        'ok = issubclass(cls, float)\n',
        'ok = isinstance(x, cls=float)\n',
        'ok = isinstance(*args)\n',
        'ok = isinstance(x, FLOAT_TYPES)\n',
        'text = "isinstance(x, float)"\n',
        // a test pinning down the type of a result
        'assert isinstance(mean([1, 2]), float)\n',
        'def test_mean(self):\n    self.assertTrue(isinstance(mean([1, 2]), float))\n',
        'assert_(isinstance(d, float))\n',
        'assert all(isinstance(v, float) for v in values)\n',
        // a dispatch that gives integers their own branch (seen in fractions, plistlib, f2py)
        'def encode(value):\n    if isinstance(value, int):\n        return "i"\n    elif isinstance(value, float):\n        return "f"\n',
        'def encode(value):\n    if isinstance(value, float):\n        return "f"\n    if isinstance(value, (bool, int)):\n        return "i"\n',
        'def is_real(z):\n    return isinstance(z, float) or isinstance(z, int_types)\n',
        // operator methods decide which operand types they support (sympy's Float.__eq__)
        'class F:\n    def __eq__(self, other):\n        if isinstance(other, float):\n            other = F(other)\n        return self is other\n',
        'class F:\n    def __radd__(self, other):\n        if not isinstance(other, float):\n            return NotImplemented\n        return self\n',
      ],
      invalid: [
        {
          code: 'def scale(value, factor):\n    if not isinstance(factor, float):\n        raise TypeError("factor")\n    return value * factor\n',
          errors: ['1:30-1:35'],
          output: 'import numbers\ndef scale(value, factor):\n    if not isinstance(factor, numbers.Real):\n        raise TypeError("factor")\n    return value * factor\n',
        },
        {
          // after the docstring and the __future__ import
          code: '"""Tools."""\nfrom __future__ import annotations\n\nimport os\n\nok = isinstance(x, float)\n',
          errors: ['5:19-5:24'],
          output: '"""Tools."""\nfrom __future__ import annotations\nimport numbers\n\nimport os\n\nok = isinstance(x, numbers.Real)\n',
        },
        {
          // `import numbers` already there: no second one
          code: 'import numbers\n\nok = isinstance(x, float)\n',
          errors: ['2:19-2:24'],
          output: 'import numbers\n\nok = isinstance(x, numbers.Real)\n',
        },
        {
          // `Real` already imported from numbers
          code: 'from numbers import Real\n\nok = isinstance(x, float)\n',
          errors: ['2:19-2:24'],
          output: 'from numbers import Real\n\nok = isinstance(x, Real)\n',
        },
        {
          // in a tuple and in a union; two fixes, one import
          code: 'a = isinstance(x, (float, complex))\nb = isinstance(y, str | float)\n',
          errors: ['0:19-0:24', '1:24-1:29'],
          output: 'import numbers\na = isinstance(x, (numbers.Real, complex))\nb = isinstance(y, str | numbers.Real)\n',
        },
        {
          // a method, multi-line call with a comment
          code: 'class Gauge:\n    def set(self, level):\n        if isinstance(\n            level,  # the new level\n            float,\n        ):\n            self.level = level\n',
          errors: ['4:12-4:17'],
          output: 'import numbers\nclass Gauge:\n    def set(self, level):\n        if isinstance(\n            level,  # the new level\n            numbers.Real,\n        ):\n            self.level = level\n',
        },
        {
          // `numbers` is a parameter here: reported, not fixed
          code: 'def total(numbers):\n    return [n for n in numbers if isinstance(n, float)]\n',
          errors: ['1:48-1:53'],
          output: null,
        },
        {
          // `numbers` is something else at module level
          code: 'numbers = [1, 2.5]\nok = isinstance(numbers[0], float)\n',
          errors: ['1:28-1:33'],
          output: null,
        },
      ],
    },
    it,
  );

  it('says which values fail the check', async () => {
    const [d] = await check('ok = isinstance(count, float)\n', { select: ['PP201'] });
    assert.match(d.message, /`count` fails it when it is an `int`/);
    assert.match(d.message, /`numbers\.Real`/);
    assert.equal(d.fix?.safety, 'unsafe');
  });
});
