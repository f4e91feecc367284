import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, parseSettings } from '../../server/src/engine';
import { check, ruleTests, runPython, testParser } from '../support/engine';

describe('PP303 missing-staticmethod', () => {
  ruleTests(
    'PP303',
    {
      valid: [
        // the usual receivers
        'class C:\n    def f(self, x):\n        return x\n    def g(cls):\n        return cls\n    def h(_, x):\n        return x\n',
        'class M(type):\n    def __call__(mcs, *a):\n        return mcs\n    def m(metacls):\n        return metacls\n',
        // decorated methods, whatever their parameters
        'class C:\n    @staticmethod\n    def f(x):\n        return x\n    @functools.cache\n    def g():\n        return 1\n',
        // Python passes no instance to these
        'class C:\n    def __new__(klass, *a):\n        return object.__new__(klass)\n    def __init_subclass__(klass):\n        return klass\n' +
          '    def __class_getitem__(item):\n        return item\n',
        'class Color(Enum):\n    def _generate_next_value_(name, start, count, last_values):\n        return name\n',
        // Protocols and interfaces declare, they do not run
        'class Sized(Protocol):\n    def size(x):\n        return x\n',
        'class Sized(typing.Protocol[T]):\n    def size():\n        return 0\n',
        'class IWriter(Interface):\n    def write(data):\n        return data\n',
        'class IReader:\n    def read(size):\n        return size\n',
        // nested functions are not methods
        'class C:\n    def f(self):\n        def helper(x):\n            return x * 2\n        return helper\n',
        // a function the class body itself uses while it is built, or wraps later
        'class C:\n    def _double(x):\n        return x * 2\n    TWICE = _double(21)\n    del _double\n',
        'class C:\n    def f(x):\n        return x * 2\n    f = staticmethod(f)\n',
        'class C:\n    def area(r):\n        return r * r\n    area_of = property(area)\n',
        // `*args` takes the instance along with the rest
        'class C:\n    def update(*args, **kwargs):\n        return args, kwargs\n',
        // the first parameter is the instance under another name
        'class Poly:\n    def degree(f):\n        return f.rep.degree()\n',
        'class Poly:\n    def __neg__(p):\n        return p\n',
        'class C:\n    def f(this):\n        return this\n    def g(self_, x):\n        return x\n    def h(inner_self, x):\n        return x\n',
        'class C:\n    def same(one, other):\n        return isinstance(one, C) and one == other\n',
        'class C(B):\n    def f(b, e):\n        return super().f(e) + e\n',
        // one unusual receiver name shared by the class's methods (sympy's domains, mpmath's contexts)
        'class Ring:\n    def convert(K1, a):\n        return a\n    def unify(K1, K0):\n        return K0\n',
        // a first parameter the body never reads: an override ignoring the instance
        'class Dist(Base):\n    def _pdf(dist, x):\n        return x * 2\n',
        // placeholders
        'class Base:\n    def build(**kwargs):\n        """Subclasses build it."""\n        raise NotImplementedError()\n',
        'class Mock:\n    def bind(sequence=None, func=None):\n        pass\n',
        // a metaclass of its own may turn the functions into anything
        'class C(metaclass=Registry):\n    def attribute():\n        return True\n',
        // Pygments' lexer metaclass makes `analyse_text` static
        'class MyLexer(RegexLexer):\n    def analyse_text(text):\n        return 0.5 if text else 0.0\n',
        // a metaclass's `__prepare__` is looked up on the metaclass itself
        'class Meta(type):\n    def __prepare__(name, bases, **kwds):\n        return {"name": name}\n',
        // methods inside `if` in a class body are not written directly in it
        'class C:\n    if True:\n        def f():\n            return 1\n',
      ],
      invalid: [
        {
          code: 'class Temperature:\n    def from_fahrenheit(degrees):\n        return (degrees - 32) * 5 / 9\n',
          errors: ['1:8-1:23'],
          output: 'class Temperature:\n    @staticmethod\n    def from_fahrenheit(degrees):\n        return (degrees - 32) * 5 / 9\n',
        },
        {
          // no parameters at all; async; comments above stay above
          code: 'class Platform:\n    # how to ask Windows\n    async def get_win32():\n        return os.environ.get("PROCESSOR")\n',
          errors: ['2:14-2:23'],
          output: 'class Platform:\n    # how to ask Windows\n    @staticmethod\n    async def get_win32():\n        return os.environ.get("PROCESSOR")\n',
        },
        {
          // keyword-only or `**kwargs` only: nowhere to put the instance
          code: 'class C:\n    def f(*, a):\n        return a\n    def g(**options):\n        return options\n',
          errors: ['1:8-1:9', '3:8-3:9'],
          output: 'class C:\n    @staticmethod\n    def f(*, a):\n        return a\n    @staticmethod\n    def g(**options):\n        return options\n',
        },
        {
          // a class inside a function (one unit with the function), tabs kept; annotated parameter
          code: 'def make():\n\tclass Helpers:\n\t\tdef add(a: int, b: int) -> int:\n\t\t\treturn a + b\n\treturn Helpers\n',
          errors: ['2:6-2:9'],
          output: 'def make():\n\tclass Helpers:\n\t\t@staticmethod\n\t\tdef add(a: int, b: int) -> int:\n\t\t\treturn a + b\n\treturn Helpers\n',
        },
        {
          // a class nested in a class; `setUpClass` without its decorator
          code: 'class Outer:\n    class Tests(TestCase):\n        def setUpClass():\n            print("ready")\n',
          errors: ['2:12-2:22'],
          output: 'class Outer:\n    class Tests(TestCase):\n        @staticmethod\n        def setUpClass():\n            print("ready")\n',
        },
        {
          // a class inside a method of a decorated class
          code: '@dataclass\nclass Outer:\n    def make(self):\n        class Inner:\n            def twice(x):\n                return x * 2\n        return Inner\n',
          errors: ['4:16-4:21'],
          output: '@dataclass\nclass Outer:\n    def make(self):\n        class Inner:\n            @staticmethod\n            def twice(x):\n                return x * 2\n        return Inner\n',
        },
        {
          // the abc metaclass does nothing to functions
          code: 'class Shape(metaclass=abc.ABCMeta):\n    def unit(size):\n        return size * 1.0\n',
          errors: ['1:8-1:12'],
          output: 'class Shape(metaclass=abc.ABCMeta):\n    @staticmethod\n    def unit(size):\n        return size * 1.0\n',
        },
        {
          // a parameterless data-model method is broken too
          code: 'class C:\n    def __len__():\n        return 0\n',
          errors: ['1:8-1:15'],
          output: 'class C:\n    @staticmethod\n    def __len__():\n        return 0\n',
        },
      ],
    },
    it,
  );

  it('the message says what happens', async () => {
    const [none] = await check('class C:\n    def f():\n        return 1\n', { select: ['PP303'] });
    assert.match(none.message, /no parameter for the instance/);
    const [other] = await check('class C:\n    def f(x):\n        return x + 1\n', { select: ['PP303'] });
    assert.match(other.message, /first argument `x`/);
  });

  it('the fix makes a call on an instance work', async () => {
    const program = 'class Temperature:\n    def from_fahrenheit(degrees):\n        return (degrees - 32) * 5 / 9\n\nprint(Temperature.from_fahrenheit(212))\ntry:\n    print(Temperature().from_fahrenheit(212))\nexcept TypeError:\n    print("TypeError")\n';
    const [d] = await check(program, { select: ['PP303'] });
    assert.equal(runPython(program).stdout, '100.0\nTypeError\n');
    assert.equal(runPython(applyEdits(program, d.fix!.edits)).stdout, '100.0\n100.0\n');
  });

  it('a class-level statement that starts using the method re-analyses it', async () => {
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP303'] });
    const before = 'class C:\n    def double(x):\n        return x * 2\n\n    def other(self):\n        return 1\n';
    const after = before + '\n    TWICE = double(21)\n';
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.equal(first.diagnostics.length, 1);
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    assert.deepEqual(second.diagnostics, []);
    // the untouched method `other` is reused; `double` read the class summary, whose skeleton changed
    assert.equal(second.stats.analysed, 2);
  });
});
