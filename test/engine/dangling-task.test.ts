import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP904 dangling-task', () => {
  ruleTests(
    'PP904',
    {
      valid: [
        // the task is kept, awaited or passed on
        'import asyncio\n\nasync def f(job):\n    task = asyncio.create_task(job())\n    await task\n',
        'import asyncio\n\nasync def f(job, tasks):\n    tasks.add(asyncio.create_task(job()))\n',
        'import asyncio\n\nasync def f(job):\n    await asyncio.ensure_future(job())\n',
        'import asyncio\n\nasync def f(job):\n    return asyncio.create_task(job())\n',
        // a TaskGroup keeps its tasks
        'import asyncio\n\nasync def f(job):\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(job())\n',
        // a loop of unknown origin, an attribute, a name bound twice: not known to be asyncio's loop
        'import asyncio\n\nasync def f(loop, job):\n    loop.create_task(job())\n',
        'import asyncio\n\nclass C:\n    async def f(self, job):\n        self.loop.create_task(job())\n',
        'import asyncio\n\nasync def f(job, other):\n    loop = asyncio.get_running_loop()\n    loop = other\n    loop.create_task(job())\n',
        // a test that expects the call to raise: no task is made
        'import asyncio\n\nclass T:\n    def test(self, coro):\n        with self.assertRaisesRegex(RuntimeError, "no current event loop"):\n            asyncio.ensure_future(coro)\n',
        'import asyncio\nimport pytest\n\ndef test():\n    with pytest.raises(TypeError):\n        asyncio.ensure_future("ok")\n',
        // not asyncio's
        'import trio as asyncio\n\nasync def f(job):\n    asyncio.create_task(job())\n',
        'async def f(asyncio, job):\n    asyncio.create_task(job())\n',
        'def create_task(c):\n    pass\n\nasync def f(job):\n    create_task(job())\n',
        'from mylib import ensure_future\n\nasync def f(job):\n    ensure_future(job())\n',
      ],
      invalid: [
        {
          code: 'import asyncio\n\nasync def f(job):\n    asyncio.create_task(job())\n',
          errors: ['3:4-3:30'],
          output: null,
        },
        {
          // from-imports, an alias, a method, multi-line call
          code: 'import asyncio as aio\nfrom asyncio import create_task, ensure_future\n\n\nclass Server:\n    async def start(self):\n        create_task(self.serve())\n        ensure_future(\n            self.watch(),  # forever\n        )\n        aio.ensure_future(self.log())\n',
          errors: ['6:8-6:33', '7:8-9:9', '10:8-10:37'],
          output: null,
        },
        {
          // the loop from get_running_loop, by name or directly; at module level in one statement
          code: 'import asyncio\n\nasync def f(job):\n    loop = asyncio.get_running_loop()\n    loop.create_task(job())\n    asyncio.get_running_loop().create_task(job())\n\nif __name__ == "__main__":\n    loop = asyncio.new_event_loop()\n    loop.create_task(main())\n    loop.run_forever()\n',
          errors: ['4:4-4:27', '5:4-5:49', '9:4-9:28'],
          output: null,
        },
        {
          // a with block that expects nothing
          code: 'import asyncio\n\nasync def f(lock, job):\n    async with lock:\n        asyncio.create_task(job())\n',
          errors: ['4:8-4:34'],
          output: null,
        },
        {
          // outside a coroutine too: the task is still only weakly held
          code: 'import asyncio\n\ndef schedule(coro):\n    asyncio.ensure_future(coro)\n',
          errors: ['3:4-3:31'],
          output: null,
        },
      ],
    },
    it,
  );
});
