import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP901 blocking-sleep-in-async', () => {
  ruleTests(
    'PP901',
    {
      valid: [
        // sync code, module level
        'import time\n\ndef f():\n    time.sleep(1)\n',
        'import time\ntime.sleep(1)\n',
        // nested sync def, lambda, class body, generator expression: may run elsewhere
        'import time\n\nasync def f(loop):\n    def work():\n        time.sleep(1)\n    await loop.run_in_executor(None, work)\n',
        'import time\n\nasync def f(loop):\n    await loop.run_in_executor(None, lambda: time.sleep(1))\n',
        'import time\n\nasync def f():\n    class C:\n        time.sleep(1)\n',
        'import time\n\nasync def f(xs):\n    return (time.sleep(x) for x in xs)\n',
        // a parameter, a local, an enclosing local named time or sleep
        'import time\n\nasync def f(time):\n    time.sleep(1)\n',
        'from time import sleep\n\nasync def f(sleep):\n    sleep(1)\n',
        'import time\n\nasync def f(clock):\n    time = clock\n    time.sleep(1)\n',
        'import time\n\ndef outer(time):\n    async def f():\n        time.sleep(1)\n    return f\n',
        // not the time module
        'import trio as time\n\nasync def f():\n    time.sleep(1)\n',
        'from trio import sleep\n\nasync def f():\n    sleep(1)\n',
        'async def f():\n    sleep(1)\n',
        'def sleep(s):\n    pass\n\nasync def f():\n    sleep(1)\n',
        'import time\n\nasync def f():\n    await asyncio.sleep(1)\n',
        // the module name rebound at module level
        'import time\ntime = FakeClock()\n\nasync def f():\n    time.sleep(1)\n',
      ],
      invalid: [
        {
          code: 'import time\n\nasync def f():\n    time.sleep(1)\n',
          errors: ['3:4-3:17'],
          output: 'import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n',
        },
        {
          // from-import, asyncio already imported, a default value inside the coroutine
          code: 'import asyncio\nfrom time import sleep\n\nasync def f(delay):\n    sleep(delay)\n    return [sleep(d) for d in (1, 2)]\n',
          errors: ['4:4-4:16', '5:12-5:20'],
          output: 'import asyncio\nfrom time import sleep\n\nasync def f(delay):\n    await asyncio.sleep(delay)\n    return [await asyncio.sleep(d) for d in (1, 2)]\n',
        },
        {
          // an alias; docstring and __future__ import; a method; multi-line arguments with a comment
          code:
            '"""Doc."""\nfrom __future__ import annotations\nimport time as t\n\n\nclass Poller:\n    @staticmethod\n    async def wait(self):\n        t.sleep(\n            0.5  # half a second\n        )\n',
          errors: ['8:8-10:9'],
          output:
            '"""Doc."""\nfrom __future__ import annotations\nimport asyncio\nimport time as t\n\n\nclass Poller:\n    @staticmethod\n    async def wait(self):\n        await asyncio.sleep(\n            0.5  # half a second\n        )\n',
        },
        {
          // nested async def in a sync def; a default of a nested sync def runs in the coroutine
          code: 'import asyncio\nimport time\n\ndef outer():\n    async def inner():\n        def later(x=time.sleep(1)):\n            time.sleep(2)\n        return time.sleep(0).real\n    return inner\n',
          errors: ['5:20-5:33', '7:15-7:28'],
          output: 'import asyncio\nimport time\n\ndef outer():\n    async def inner():\n        def later(x=await asyncio.sleep(1)):\n            time.sleep(2)\n        return (await asyncio.sleep(0)).real\n    return inner\n',
        },
        {
          // a generator expression's first iterable and a lambda's default run in the coroutine
          code: 'import asyncio\nimport time\n\nasync def f():\n    return (x for x in [time.sleep(0)] * 2), lambda y=time.sleep(3): y\n',
          errors: ['4:24-4:37', '4:54-4:67'],
          output: 'import asyncio\nimport time\n\nasync def f():\n    return (x for x in [await asyncio.sleep(0)] * 2), lambda y=await asyncio.sleep(3): y\n',
        },
        {
          // asyncio means something else: reported, not fixed
          code: 'import time\nimport trio as asyncio\n\nasync def f():\n    time.sleep(1)\n',
          errors: ['4:4-4:17'],
          output: null,
        },
        {
          code: 'import time\n\nasync def f(asyncio):\n    time.sleep(1)\n',
          errors: ['3:4-3:17'],
          output: null,
        },
        {
          // a trio program: asyncio.sleep would not work there
          code: 'import time\nimport trio\n\nasync def f():\n    time.sleep(1)\n',
          errors: ['4:4-4:17'],
          output: null,
        },
        {
          code: 'import time\n\nasync def f():\n    time.sleep(secs=1)\n',
          errors: ['3:4-3:22'],
          output: null,
        },
      ],
    },
    it,
  );
});
