import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine';
import { check, ruleTests, runPython } from '../support/engine';

describe('PP304 missing-classmethod', () => {
  ruleTests(
    'PP304',
    {
      valid: [
        'class C:\n    @classmethod\n    def make(cls):\n        return cls()\n',
        // any decorator decides how the method is bound
        'class C:\n    @staticmethod\n    def make(cls):\n        return cls()\n    @some.registry\n    def other(cls):\n        return cls\n',
        // Python binds these to the class by itself
        'class C:\n    def __new__(cls, *a):\n        return object.__new__(cls)\n    def __init_subclass__(cls, **kw):\n        pass\n' +
          '    def __class_getitem__(cls, item):\n        return cls\n',
        // metaclasses: their instances are classes
        'class Registry(type):\n    def register(cls, item):\n        cls.items.append(item)\n',
        'class PluginMeta(ABCMeta):\n    def register(cls, item):\n        return item\n',
        'class MetaHasTraits(MetaHasDescriptors):\n    def setup_class(cls, classdict):\n        cls.traits = {}\n',
        'class MyEnumType(enum.EnumType):\n    def names(cls):\n        return list(cls)\n',
        // a class whose `__init__`/`__call__` take `cls` is a metaclass, whatever its bases say
        'class Factory(_Base):\n    def __init__(cls, *args, **kwargs):\n        cls.cache = {}\n    def instance(cls, key):\n        return cls.cache[key]\n',
        'class Final(Base):\n    def __new__(mcs, name, bases, ns):\n        return super().__new__(mcs, name, bases, ns)\n    def forward(cls):\n        return cls\n',
        // the class body wraps it itself
        'class C:\n    def make(cls):\n        return cls()\n    make = classmethod(make)\n',
        // nested functions are not methods
        'class C:\n    def f(self):\n        def g(cls):\n            return cls\n        return g\n',
        // other names are PP303's business
        'class C:\n    def make(klass):\n        return klass()\n',
      ],
      invalid: [
        {
          code: 'class Color:\n    def from_hex(cls, text):\n        return cls(int(text[1:3], 16))\n',
          errors: ['1:8-1:16'],
          output: 'class Color:\n    @classmethod\n    def from_hex(cls, text):\n        return cls(int(text[1:3], 16))\n',
        },
        {
          // annotated and defaulted `cls`, in a class nested in a function, tabs kept
          code: 'def make():\n\tclass C:\n\t\tdef create(cls: type = object, /):\n\t\t\treturn cls\n\treturn C\n',
          errors: ['2:6-2:12'],
          output: 'def make():\n\tclass C:\n\t\t@classmethod\n\t\tdef create(cls: type = object, /):\n\t\t\treturn cls\n\treturn C\n',
        },
        {
          // a finder's cache hook, as in importlib.metadata; comments above stay above
          code: 'class PathFinder(Finder):\n    # clear what the lookups remembered\n    def invalidate_caches(cls):\n        cls.cache.clear()\n',
          errors: ['2:8-2:25'],
          output: 'class PathFinder(Finder):\n    # clear what the lookups remembered\n    @classmethod\n    def invalidate_caches(cls):\n        cls.cache.clear()\n',
        },
        {
          // an async method in a class nested in a class
          code: 'class Outer:\n    class Inner:\n        async def load(cls):\n            return cls\n',
          errors: ['2:18-2:22'],
          output: 'class Outer:\n    class Inner:\n        @classmethod\n        async def load(cls):\n            return cls\n',
        },
      ],
    },
    it,
  );

  it('the fix makes a call on the class work', async () => {
    const program = 'class Color:\n    def __init__(self, r):\n        self.r = r\n    def from_hex(cls, text):\n        return cls(int(text[1:3], 16))\n\n' +
      'class Shade(Color):\n    pass\n\ntry:\n    print(type(Shade.from_hex("#ff")).__name__)\nexcept TypeError:\n    print("TypeError")\n';
    const [d] = await check(program, { select: ['PP304'] });
    assert.equal(runPython(program).stdout, 'TypeError\n');
    assert.equal(runPython(applyEdits(program, d.fix!.edits)).stdout, 'Shade\n');
  });
});
