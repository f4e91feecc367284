import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP307 decorator-without-wraps', () => {
  ruleTests(
    'PP307',
    {
      valid: [
        // already wrapped, by any spelling; any decorator on the inner function may copy metadata
        'import functools\ndef deco(f):\n    @functools.wraps(f)\n    def wrapper(*a, **k):\n        return f(*a, **k)\n    return wrapper\n',
        'from functools import wraps\ndef deco(f):\n    @wraps(f)\n    def wrapper(*a):\n        return f(*a)\n    return wrapper\n',
        'def deco(f):\n    @my_wraps(f)\n    def wrapper(*a):\n        return f(*a)\n    return wrapper\n',
        // metadata copied by hand, or by a call that receives the wrapper
        'def deco(f):\n    def wrapper(*a):\n        return f(*a)\n    wrapper.__name__ = f.__name__\n    wrapper.__doc__ = f.__doc__\n    return wrapper\n',
        'from functools import update_wrapper\ndef deco(f):\n    def wrapper(*a):\n        return f(*a)\n    update_wrapper(wrapper, f)\n    return wrapper\n',
        'def _requires(fxn):\n    def _wrapper(self, name):\n        return fxn(self, name)\n    _wrap(_wrapper, fxn)\n    return _wrapper\n',
        // something else is returned
        'import functools\ndef deco(f):\n    def wrapper(*a):\n        return f(*a)\n    return functools.update_wrapper(wrapper, f)\n',
        'def deco(f):\n    def getter(self):\n        return f(self)\n    return property(getter)\n',
        'def deco(f):\n    def wrapper(*a):\n        return f(*a)\n    return None\n',
        // the inner function does not hand its arguments on: it computes something new from the callable
        'def steffensen(f):\n    def F(x):\n        fx = f(x)\n        return (x * f(fx) - fx ** 2) / (f(fx) - 2 * fx + x)\n    return F\n',
        'def attempt(fn):\n    def handler():\n        return fn(adapter)\n    return handler\n',
        'def only_some(f):\n    def wrapper(a, b):\n        return f(a)\n    return wrapper\n',
        'def swapped(f):\n    def wrapper(a, b):\n        return f(b, a)\n    return wrapper\n',
        // the callable's result is looped over or passed on: the inner function builds something else
        'def filter_succ(succ):\n    def iterate(v):\n        for w in succ(v):\n            if w:\n                yield w\n    return iterate\n',
        'def middleware(app):\n    def application(environ, start):\n        return Closing(app(environ, start), cleanup)\n    return application\n',
        // a callable called only inside a nested function, or building an exception
        'def outer(f):\n    def inner(x):\n        return lambda: f(x)\n    return inner\n',
        'class T:\n    def raise_error(self, error):\n        def inner():\n            raise error()\n        return inner\n',
        // combinators of two callables, not decorators
        'def tryit(rule, exception):\n    def try_rl(expr):\n        return rule(expr)\n    return try_rl\n',
        // the inner function shadows the callable
        'def deco(f):\n    def wrapper(f):\n        return f(f)\n    return wrapper\n',
        // a comment says wraps was left out on purpose
        'def deco(f):\n    # not using @wraps here for speed\n    def inner(*args, **kwargs):\n        return f(*args, **kwargs)\n    return inner\n',
        // the inner name is rebound
        'def deco(f):\n    def wrapper(*a):\n        return f(*a)\n    wrapper = staticmethod(wrapper)\n    return wrapper\n',
        // stubs
        { code: 'def deco(f):\n    def wrapper(*a):\n        return f(*a)\n    return wrapper\n', path: 'm.pyi' },
      ],
      invalid: [
        {
          // the plain decorator: `from functools import wraps` added at the top
          code: 'def logged(func):\n    def wrapper(*args, **kwargs):\n        print("calling", func.__name__)\n        return func(*args, **kwargs)\n    return wrapper\n',
          errors: ['1:8-1:15'],
          output:
            'from functools import wraps\ndef logged(func):\n    @wraps(func)\n    def wrapper(*args, **kwargs):\n        print("calling", func.__name__)\n' +
            '        return func(*args, **kwargs)\n    return wrapper\n',
        },
        {
          // `import functools` already there: the dotted name; a stateful attribute on the wrapper does not matter
          code: 'import functools\n\ndef counted(f):\n    async def wrapper(self, x, *rest, key=None, **options):\n        wrapper.calls += 1\n        return await f(self, x, *rest, key=key, **options)\n    wrapper.calls = 0\n    return wrapper\n',
          errors: ['3:14-3:21'],
          output:
            'import functools\n\ndef counted(f):\n    @functools.wraps(f)\n    async def wrapper(self, x, *rest, key=None, **options):\n        wrapper.calls += 1\n' +
            '        return await f(self, x, *rest, key=key, **options)\n    wrapper.calls = 0\n    return wrapper\n',
        },
        {
          // a decorator factory: the middle level is the decorator; merged into `from functools import`
          code:
            '"""Retry helpers."""\nfrom __future__ import annotations\nfrom functools import partial\n\ndef retry(times=3):\n    def decorator(fn):\n        def attempt(*args, **kwargs):\n' +
            '            for _ in range(times):\n                try:\n                    return fn(*args, **kwargs)\n                except OSError:\n                    pass\n        return attempt\n    return decorator\n',
          errors: ['6:12-6:19'],
          output:
            '"""Retry helpers."""\nfrom __future__ import annotations\nfrom functools import partial, wraps\n\ndef retry(times=3):\n    def decorator(fn):\n        @wraps(fn)\n        def attempt(*args, **kwargs):\n' +
            '            for _ in range(times):\n                try:\n                    return fn(*args, **kwargs)\n                except OSError:\n                    pass\n        return attempt\n    return decorator\n',
        },
        {
          // a class-based decorator; a decorator whose other parameters have defaults; a zero-argument wrapper
          code:
            'from functools import wraps\n\nclass Timer:\n    def __call__(self, func):\n        def timed(*a, **k):\n            return func(*a, **k)\n        return timed\n\n' +
            'def slow(func, *, reason=None):\n    def func_wrapper():\n        return func()\n    return func_wrapper\n',
          errors: ['4:12-4:17', '9:8-9:20'],
          output:
            'from functools import wraps\n\nclass Timer:\n    def __call__(self, func):\n        @wraps(func)\n        def timed(*a, **k):\n            return func(*a, **k)\n        return timed\n\n' +
            'def slow(func, *, reason=None):\n    @wraps(func)\n    def func_wrapper():\n        return func()\n    return func_wrapper\n',
        },
        {
          // `wraps` means something else at module level and there is no `import functools`: no fix
          code: 'wraps = None\n\ndef deco(f):\n    def wrapper(x):\n        return f(x)\n    return wrapper\n',
          errors: ['3:8-3:15'],
          output: null,
        },
        {
          // `functools` means something else inside the decorator: a new `from functools import wraps` instead
          code: 'import functools\n\ndef deco(f, functools=None):\n    def wrapper(x):\n        return f(x)\n    return wrapper\n',
          errors: ['3:8-3:15'],
          output: 'from functools import wraps\nimport functools\n\ndef deco(f, functools=None):\n    @wraps(f)\n    def wrapper(x):\n        return f(x)\n    return wrapper\n',
        },
        {
          // ... and with `wraps` taken there too, no fix
          code: 'import functools\n\ndef deco(f, functools=None, wraps=None):\n    def wrapper(x):\n        return f(x)\n    return wrapper\n',
          errors: ['3:8-3:15'],
          output: null,
        },
        {
          // the result kept in a name, yielded from, or dropped
          code:
            'def timed(f):\n    def _wrapped(*a):\n        result: int = f(*a)\n        return result\n    return _wrapped\n\n' +
            'def gen(g):\n    def wrapper(*a):\n        yield from g(*a)\n    return wrapper\n\n' +
            'def quiet(h):\n    def wrapper(self):\n        with silence():\n            h(self)\n    return wrapper\n',
          errors: ['1:8-1:16', '7:8-7:15', '12:8-12:15'],
          output:
            'from functools import wraps\ndef timed(f):\n    @wraps(f)\n    def _wrapped(*a):\n        result: int = f(*a)\n        return result\n    return _wrapped\n\n' +
            'def gen(g):\n    @wraps(g)\n    def wrapper(*a):\n        yield from g(*a)\n    return wrapper\n\n' +
            'def quiet(h):\n    @wraps(h)\n    def wrapper(self):\n        with silence():\n            h(self)\n    return wrapper\n',
        },
        {
          // the result converted on its way out
          code: 'def to_list(func):\n    def wrapper(*args, **kwargs):\n        return list(func(*args, **kwargs))\n    return wrapper\n',
          errors: ['1:8-1:15'],
          output: 'from functools import wraps\ndef to_list(func):\n    @wraps(func)\n    def wrapper(*args, **kwargs):\n        return list(func(*args, **kwargs))\n    return wrapper\n',
        },
        {
          // returned on some paths only, with comments and a docstring in the wrapper
          code:
            'def maybe(f):\n    if f is None:\n        return None\n    def wrapper(*args):  # forwards\n        """Call f."""\n        # the call\n        return f(*args)\n    return wrapper\n',
          errors: ['3:8-3:15'],
          output:
            'from functools import wraps\ndef maybe(f):\n    if f is None:\n        return None\n    @wraps(f)\n    def wrapper(*args):  # forwards\n        """Call f."""\n        # the call\n        return f(*args)\n    return wrapper\n',
        },
      ],
    },
    it,
  );
});
