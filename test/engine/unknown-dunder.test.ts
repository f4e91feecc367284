import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearestKnownDunders } from '../../server/src/engine/rules/unknown-dunder';
import { check, ruleTests } from '../support/engine';

describe('PP102 unknown-dunder', () => {
  ruleTests(
    'PP102',
    {
      valid: [
        // data-model names, class-body attributes Python reads, and module hooks (PEP 562)
        'class C:\n    __slots__ = ("x",)\n    __match_args__ = ("x",)\n    def __init__(self, x):\n        self.x = x\n' +
          '    def __init_subclass__(cls, **kw):\n        pass\n    def __class_getitem__(cls, item):\n        return cls\n' +
          '    def __set_name__(self, owner, name):\n        pass\n    def __fspath__(self):\n        return ""\n',
        'def __getattr__(name):\n    raise AttributeError(name)\ndef __dir__():\n    return []\n',
        // module-level metadata is not checked
        '__version__ = "1.0"\n__author__ = "Ann"\n__all__ = []\n__docformat__ = "restructuredtext"\n__versoin__ = "1"\n',
        // other libraries' protocols, known or close to no special name
        'class Grid:\n    __array_priority__ = 10\n    def __array_ufunc__(self, ufunc, method, *inputs, **kw):\n        return NotImplemented\n' +
          '    def __get_validators__(cls):\n        yield cls\n    def __html__(self):\n        return ""\n    def __my_protocol__(self):\n        pass\n',
        'class Doc:\n    __test__ = False\n    __isabstractmethod__ = False\n',
        // enum's `_sunder_` names
        'import enum\nclass Color(enum.Enum):\n    RED = 1\n    @classmethod\n    def _missing_(cls, value):\n        return cls.RED\n',
        // the twin is defined: an alias on purpose, and Python 2 support next to its successor
        'class E:\n    def __eq__(self, other):\n        return True\n    __req__ = __eq__\n',
        'class P:\n    def __bool__(self):\n        return True\n    __nonzero__ = __bool__\n',
        'class S:\n    def __getitem__(self, key):\n        return key\n    def __getslice__(self, i, j):\n        return self[i:j]\n',
        // the file uses the name itself: a helper on purpose (numpy's `__iop__`, sympy's `__xnew__`)
        'class M:\n    def __iop__(self, other):\n        return self\n    __iadd__ = __isub__ = __iop__\n    del __iop__\n',
        'class Symbol:\n    @staticmethod\n    def __xnew__(cls, name):\n        return object.__new__(cls)\nSymbol.__xnew__(Symbol, "x")\n',
        // a nested function is no method
        'def f():\n    def __innit__():\n        pass\n    return __innit__\n',
      ],
      invalid: [
        {
          code: 'class Account:\n    def __innit__(self, owner):  # set up\n        self.owner = owner\n',
          errors: ['1:8-1:17'],
          output: 'class Account:\n    def __init__(self, owner):  # set up\n        self.owner = owner\n',
        },
        {
          // a decorated method, a class attribute, and one underscore too few on either side
          code:
            'class Box:\n    __slot__ = ("items",)\n    @classmethod\n    def __init_subclas__(cls):\n        pass\n' +
            '    def __len_(self):\n        return 0\n    def _repr__(self):\n        return "Box()"\n',
          errors: ['1:4-1:12', '3:8-3:24', '5:8-5:14', '7:8-7:15'],
          output:
            'class Box:\n    __slots__ = ("items",)\n    @classmethod\n    def __init_subclass__(cls):\n        pass\n' +
            '    def __len__(self):\n        return 0\n    def __repr__(self):\n        return "Box()"\n',
        },
        {
          // a swap of two letters is one slip
          code: 'class Bag:\n    def __itre__(self):\n        return iter(())\n    def __contians__(self, x):\n        return False\n',
          errors: ['1:8-1:16', '3:8-3:20'],
          output: 'class Bag:\n    def __iter__(self):\n        return iter(())\n    def __contains__(self, x):\n        return False\n',
        },
        {
          // several names equally close: reported, not renamed
          code: 'class V:\n    def __gte__(self, other):\n        return True\n',
          errors: ['1:8-1:15'],
          output: null,
        },
        {
          // Python 2 names: renamed where the successor means the same, reported alone otherwise
          code: 'class Flag:\n    def __nonzero__(self):\n        return False\n',
          errors: ['1:8-1:19'],
          output: 'class Flag:\n    def __bool__(self):\n        return False\n',
        },
        {
          code: 'class Version:\n    def __cmp__(self, other):\n        return 0\n    def __getslice__(self, i, j):\n        return []\n',
          errors: ['1:8-1:15', '3:8-3:20'],
          output: null,
        },
        {
          code: 'class Meta(type):\n    pass\nclass C(object):\n    __metaclass__ = Meta\n',
          errors: ['3:4-3:17'],
          output: null,
        },
        {
          // a class nested in a function, and a module-level hook
          code: 'def make():\n    class Point:\n        def __eq_(self, other):\n            return True\n    return Point\ndef __getatr__(name):\n    raise AttributeError(name)\n',
          errors: ['2:12-2:17', '5:4-5:14'],
          output: 'def make():\n    class Point:\n        def __eq__(self, other):\n            return True\n    return Point\ndef __getattr__(name):\n    raise AttributeError(name)\n',
        },
      ],
    },
    it,
  );

  it('names the special name that was meant, or the Python 3 successor', async () => {
    const [typo, legacy] = await check('class A:\n    def __lne__(self):\n        return 0\n    def __unicode__(self):\n        return ""\n', { select: ['PP102'] });
    assert.match(typo.message, /did you mean `__le__` or `__len__` or `__ne__`\?$/);
    assert.match(legacy.message, /^`__unicode__` is a Python 2 name: Python 3 ignores it and uses `__str__` instead$/);
    assert.equal(typo.severity, 'warning');
  });

  it('finds the nearest names with swapped letters counted as one edit', () => {
    assert.deepEqual(nearestKnownDunders('__hahs__'), ['__hash__']);
    assert.deepEqual(nearestKnownDunders('__gte__'), ['__ge__', '__get__', '__gt__']);
    assert.deepEqual(nearestKnownDunders('__completely_different__'), []);
    // Three edits is too far to guess from (`__hash__` is three away).
    assert.deepEqual(nearestKnownDunders('__hashxyz__'), []);
    assert.deepEqual(nearestKnownDunders('__hashx__'), ['__hash__']);
  });
});
