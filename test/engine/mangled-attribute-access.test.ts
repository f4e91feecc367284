import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parseSettings } from '../../server/src/engine';
import { check, ruleTests, testParser } from '../support/engine';

const ACCOUNT = 'class Account:\n    def __init__(self):\n        self.__balance = 0\n\n';

describe('PP103 mangled-attribute-access', () => {
  ruleTests(
    'PP103',
    {
      valid: [
        // inside the class that stores it: methods, nested functions, lambdas, other instances
        ACCOUNT +
          '    def show(self, other):\n        def inner():\n            return self.__balance\n' +
          '        return inner() + (lambda: other.__balance)()\n',
        // a subclass with a private attribute of its own under the same name
        ACCOUNT + 'class Savings(Account):\n    def __init__(self):\n        super().__init__()\n        self.__balance = 1\n    def get(self):\n        return self.__balance\n',
        // stores of every kind make the name the class's own
        'class Walk:\n    def run(self, paths):\n        self.__a, self.__b = 1, 2\n        for self.__i in paths:\n            pass\n' +
          '        with open(paths[0]) as self.__f:\n            pass\n        self.__n += 1\n' +
          'class Sub(Walk):\n    def __init__(self):\n        self.__a = self.__b = self.__i = self.__f = self.__n = 0\n    def get(self):\n        return self.__a, self.__b, self.__i, self.__f, self.__n\n',
        // a name bound in the class body, and a `__slots__` entry
        'class C:\n    __secret = 1\n    __slots__ = ("__x",)\n    def __helper(self):\n        return C.__secret, self.__x\n    def run(self):\n        return self.__helper()\n',
        // a name no class of the file stores
        'def f(obj):\n    return obj.__thing\nclass C:\n    def g(self, other):\n        return other.__thing\n',
        // stored and read outside any class, unmangled on both sides
        'def make(o):\n    o.__tag = 2\n    return o.__tag\n',
        // the mangled name written out
        ACCOUNT + 'class Savings(Account):\n    def get(self):\n        return self._Account__balance, self.__balance\nSavings._Savings__balance = 0\n',
        // strings name it: the attribute is managed by name at run time
        ACCOUNT + 'class Auto(Account):\n    def get(self):\n        return self.__balance\nsetattr(Auto, "_%s__balance" % "Auto", 0)\n',
        ACCOUNT + 'def peek(acc):\n    return getattr(acc, "__balance", None), acc.__balance\n',
        // dunders are not mangled
        ACCOUNT + 'def peek(acc):\n    return acc.__dict__, acc.__class__\n',
      ],
      invalid: [
        {
          // the classic: a subclass reaching for its parent's private attribute
          code: ACCOUNT + 'class Savings(Account):\n    def interest(self):\n        return self.__balance * 0.02\n',
          errors: ['6:20-6:29'],
          output: null,
        },
        {
          // outside any class: read without mangling
          code: ACCOUNT + 'def peek(acc):\n    return acc.__balance\n',
          errors: ['5:15-5:24'],
          output: null,
        },
        {
          // and written without mangling (which in turn makes an unmangled read elsewhere plausible)
          code: ACCOUNT + 'def peek(acc):\n    return acc.__balance\n\ndef poke(acc):\n    acc.__balance = 5\n',
          errors: ['8:8-8:17'],
          output: null,
        },
        {
          // a class nested in a method mangles with its own name; a decorator, a multi-line access
          code:
            'import functools\nclass Outer:\n    def __init__(self):\n        self.__x = 1\n    @functools.cache\n    def make(self):\n' +
            '        outer = self\n        class Inner:\n            def get(self):\n                return (outer\n                        .__x)\n' +
            '        return Inner\n',
          errors: ['10:25-10:28'],
          output: null,
        },
        {
          // at class level, and in a decorated class's method
          code: ACCOUNT + '@dataclass\nclass Report:\n    total = Account().__balance\n    def f(self, acc):\n        return acc.__balance\n',
          errors: ['6:22-6:31', '8:19-8:28'],
          output: null,
        },
      ],
    },
    it,
  );

  it('shows the mangled names on both sides', async () => {
    const [inside] = await check(ACCOUNT + 'class Savings(Account):\n    def interest(self):\n        return self.__balance\n', { select: ['PP103'] });
    assert.match(inside.message, /^Inside class `Savings`, `self.__balance` is looked up as `self._Savings__balance`, but `__balance` belongs to `Account`, which stores it as `_Account__balance`/);
    const [outside] = await check(ACCOUNT + 'def peek(acc):\n    return acc.__balance\n', { select: ['PP103'] });
    assert.match(outside.message, /^Outside a class, `acc.__balance` is not mangled, but `Account` stores `__balance` as `_Account__balance`/);
  });

  it('names the base class among several owners, with leading underscores dropped', async () => {
    const code = 'class _Base:\n    def __init__(self):\n        self.__v = 1\nclass Aaa:\n    def __init__(self):\n        self.__v = 2\nclass Sub(_Base):\n    def get(self):\n        return self.__v\n';
    const [d] = await check(code, { select: ['PP103'] });
    assert.match(d.message, /belongs to `Base`, which stores it as `_Base__v`/);
  });

  it('re-analyses a cached method when another method starts storing the name', async () => {
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP103'] });
    const before = 'class A:\n    def __init__(self):\n        pass\n\nclass B(A):\n    def get(self):\n        return self.__x\n';
    const after = before.replace('pass', 'self.__x = 1');
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.equal(first.diagnostics.length, 0);
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    const fresh = analyze({ tree: parser.parse(after)!, text: after, settings });
    assert.deepEqual(second.diagnostics, fresh.diagnostics);
    assert.deepEqual(second.diagnostics.map((d) => d.range.start), [{ line: 6, character: 20 }]);
    // The edited method and the method whose answer changed; the classes' own units are reused.
    assert.equal(second.stats.analysed, 2);
  });
});
