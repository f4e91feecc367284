import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parseSettings } from '../../server/src/engine';
import { ruleTests, testParser } from '../support/engine';

const inFunction = (body: string) => `def outer(items):\n${body.replace(/^/gm, '    ')}\n`;

describe('PP703 unnecessary-lambda', () => {
  ruleTests(
    'PP703',
    {
      valid: [
        // not a straight pass-through: other order, fewer or more arguments, keywords, defaults, stars
        inFunction('return map(lambda a, b: pow(b, a), items)'),
        inFunction('return map(lambda a: pow(a, 2), items)'),
        inFunction('return map(lambda a, b: pow(a), items)'),
        inFunction('return map(lambda a: print(a, end=""), items)'),
        inFunction('return map(lambda a=1: str(a), items)'),
        inFunction('return map(lambda *a: print(*a), items)'),
        inFunction('return map(lambda a, *, b: max(a, b), items)'),
        inFunction('return map(lambda a: str(a)(a), items)'),
        // the function is a parameter of the lambda, or the call's result is called
        inFunction('return map(lambda f: f(), items)'),
        inFunction('return map(lambda f, x: f(x), items)'),
        // rebound in the function: later, twice, in a loop around the lambda, in a comprehension, by a nested function
        inFunction('handler = print\ncb = lambda x: handler(x)\nhandler = repr\nreturn cb'),
        inFunction('if items:\n    handler = print\nelse:\n    handler = repr\nreturn lambda x: handler(x)'),
        inFunction('out = []\nfor f in items:\n    out.append(lambda x: f(x))\nreturn out'),
        inFunction('return [lambda x: f(x) for f in items]'),
        inFunction('f = print\ndef swap():\n    nonlocal f\n    f = repr\nreturn lambda x: f(x), swap'),
        // attributes of objects are looked up on every call
        'class C:\n    def m(self):\n        return lambda x: self.handler(x)\n',
        // `from m import x` may bind any object: `x.cos` looked up early would raise early
        'from sympy.abc import x\n\ndef test():\n    raises(AttributeError, lambda: x.cos())\n',
        // a module-level name bound twice, declared global and assigned, or unknown
        'def h(x): pass\nh = print\ndef f():\n    return lambda x: h(x)\n',
        'def h(x): pass\ndef f():\n    global h\n    h = print\n    return lambda x: h(x)\n',
        'from helpers import *\ndef f():\n    return lambda x: unknown(x)\n',
        // created at import time: the function must exist by then, and imported names are what tests patch
        'handler = lambda x: process(x)\n\ndef process(x):\n    return x\n',
        'from time import perf_counter\n\nclass Timer:\n    start = field(default_factory=lambda: perf_counter())\n',
        'import time\nstamp = register(lambda: time.time())\n',
        // a class body: the lambda assigned there is a method, and class-level names are not the lambda's
        'class C:\n    size = lambda self: len(self)\n',
        'def helper(x): pass\nclass C:\n    helper = staticmethod(print)\n    cb = register(lambda x: helper(x))\n',
        // meant to become a method
        'def patch(klass):\n    klass.__html__ = lambda self: str(self)\n',
        // a class receiving a callable of several parameters may read their names
        'def rules():\n    return CustomConstraint(lambda a, x: free_of(a, x)), CustomConstraint(lambda p: integer(p))\n',
      ],
      invalid: [
        {
          code: inFunction('return map(lambda text: len(text), items)'),
          errors: ['1:15-1:37'],
          output: inFunction('return map(len, items)'),
        },
        {
          // several parameters, no parameters, a module attribute, a parameter of the enclosing function
          code: 'import json\n\ndef f(items, cls):\n    a = reduce(lambda x, y: max(x, y), items)\n    b = defaultdict(lambda: list())\n    c = map(lambda t: json.loads(t), items)\n    d = map(lambda v: cls(v), items)\n    return a, b, c, d\n',
          errors: ['3:15-3:37', '4:20-4:34', '5:12-5:35', '6:12-6:28'],
          output: 'import json\n\ndef f(items, cls):\n    a = reduce(max, items)\n    b = defaultdict(list)\n    c = map(json.loads, items)\n    d = map(cls, items)\n    return a, b, c, d\n',
        },
        {
          // module-level functions: defined before a module-level lambda, or anywhere for one inside a function
          code: 'def process(x):\n    return x\n\nhandler = register(lambda x: process(x))\n\ndef f():\n    return lambda y: later(y)\n\ndef later(y):\n    return y\n',
          errors: ['3:19-3:39', '6:11-6:29'],
          output: 'def process(x):\n    return x\n\nhandler = register(process)\n\ndef f():\n    return later\n\ndef later(y):\n    return y\n',
        },
        {
          // a free variable bound once before the lambda, in a nested function
          code: inFunction('show = print\ndef inner():\n    return lambda x: show(x)\nreturn inner'),
          errors: ['3:15-3:32'],
          output: inFunction('show = print\ndef inner():\n    return show\nreturn inner'),
        },
        {
          // a comment inside: no fix
          code: inFunction('return lambda x: (  # pass it on\n    print(x))'),
          errors: ['1:11-2:17'],
          output: null,
        },
        {
          // a class body may pass a lambda on (it is not the value it assigns)
          code: 'class C:\n    convert = staticmethod(lambda v: float(v))\n',
          errors: ['1:27-1:45'],
          output: 'class C:\n    convert = staticmethod(float)\n',
        },
      ],
    },
    it,
  );

  it('a cached module-level lambda is re-checked when the function it calls moves below it', async () => {
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP703'] });
    const before = 'def process(x):\n    return x\n\nhandler = register(lambda x: process(x))\n';
    const after = 'handler = register(lambda x: process(x))\n\ndef process(x):\n    return x\n';
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.equal(first.diagnostics.length, 1);
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    assert.deepEqual(second.diagnostics, []);
  });
});
