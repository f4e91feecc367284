import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parseSettings } from '../../server/src/engine';
import { assertSameOutput, ruleTests, testParser } from '../support/engine';

describe('PP902 legacy-event-loop', () => {
  ruleTests(
    'PP902',
    {
      valid: [
        // synchronous code that does not drive the loop by hand
        'import asyncio\n\ndef schedule(cb):\n    asyncio.get_event_loop().call_soon(cb)\n',
        'import asyncio\nloop = asyncio.get_event_loop()\n',
        'import asyncio\n\ndef f():\n    loop = asyncio.get_event_loop()\n    return loop\n',
        // the name is bound twice: the loop that is run may be the other one
        'import asyncio\n\ndef f(main):\n    loop = asyncio.get_event_loop()\n    loop = asyncio.new_event_loop()\n    loop.run_until_complete(main())\n',
        // the loop is run in a nested function: not this code
        'import asyncio\n\ndef f(main):\n    loop = asyncio.get_event_loop()\n    def run():\n        loop.run_forever()\n    return run\n',
        // a module-level loop in a file that never drives a loop by hand
        'import asyncio\nloop = asyncio.get_event_loop()\nloop.call_soon(print)\n',
        // bound twice at module level
        'import asyncio\nloop = asyncio.get_event_loop()\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\n',
        // the missing loop is handled on purpose
        'import asyncio\n\ndef run(coro):\n    try:\n        loop = asyncio.get_event_loop()\n    except RuntimeError:\n        return asyncio.run(coro)\n    return loop.run_until_complete(coro)\n',
        'import asyncio\n\ndef run(coro):\n    try:\n        return asyncio.get_event_loop().run_until_complete(coro)\n    except:\n        return None\n',
        // a nested sync def or lambda inside a coroutine may run in another thread
        'import asyncio\n\nasync def f(loop):\n    def work():\n        return asyncio.get_event_loop()\n    await loop.run_in_executor(None, work)\n',
        'import asyncio\n\nasync def f():\n    return lambda: asyncio.get_event_loop()\n',
        // not asyncio's, or with arguments
        'import trio as asyncio\n\nasync def f():\n    asyncio.get_event_loop()\n',
        'async def f(asyncio):\n    asyncio.get_event_loop()\n',
        'def get_event_loop():\n    pass\n\nasync def f():\n    get_event_loop()\n',
        'import asyncio\n\nasync def f(policy):\n    policy.get_event_loop()\n',
        'import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n',
      ],
      invalid: [
        {
          code: 'import asyncio\n\nasync def f():\n    loop = asyncio.get_event_loop()\n    return loop\n',
          errors: ['3:11-3:35'],
          output: 'import asyncio\n\nasync def f():\n    loop = asyncio.get_running_loop()\n    return loop\n',
        },
        {
          // an alias keeps its spelling; a method; a nested async def
          code: 'import asyncio as aio\n\n\nclass Client:\n    async def connect(self):\n        async def inner():\n            return aio.get_event_loop()\n        self.loop = aio.get_event_loop()\n',
          errors: ['6:19-6:39', '7:20-7:40'],
          output: 'import asyncio as aio\n\n\nclass Client:\n    async def connect(self):\n        async def inner():\n            return aio.get_running_loop()\n        self.loop = aio.get_running_loop()\n',
        },
        {
          // from-import: merged into it; docstring and __future__ import
          code: '"""Doc."""\nfrom __future__ import annotations\nfrom asyncio import get_event_loop, sleep\n\nasync def f():\n    get_event_loop().call_soon(print)\n',
          errors: ['5:4-5:20'],
          output: '"""Doc."""\nfrom __future__ import annotations\nfrom asyncio import get_event_loop, sleep, get_running_loop\n\nasync def f():\n    get_running_loop().call_soon(print)\n',
        },
        {
          // from-import where get_running_loop is already imported
          code: 'from asyncio import get_event_loop, get_running_loop\n\nasync def f():\n    return get_event_loop(\n    )\n',
          errors: ['3:11-4:5'],
          output: 'from asyncio import get_event_loop, get_running_loop\n\nasync def f():\n    return get_running_loop(\n    )\n',
        },
        {
          // get_running_loop means something else here: reported, not fixed
          code: 'from asyncio import get_event_loop\nfrom mylib import get_running_loop\n\nasync def f():\n    return get_event_loop()\n',
          errors: ['4:11-4:27'],
          output: null,
        },
        {
          code: 'from asyncio import get_event_loop\n\nasync def f(get_running_loop):\n    return get_event_loop()\n',
          errors: ['3:11-3:27'],
          output: null,
        },
        {
          // driving the loop by hand: no fix
          code: 'import asyncio\n\nif __name__ == "__main__":\n    loop = asyncio.get_event_loop()\n    try:\n        loop.run_until_complete(main())\n    finally:\n        loop.close()\n',
          errors: ['3:11-3:35'],
          output: null,
        },
        {
          // the classic script: the loop is driven by a later module-level statement
          code: 'import asyncio\n\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.close()\n',
          errors: ['2:7-2:31'],
          output: null,
        },
        {
          // a try that catches something else
          code: 'import asyncio\n\ndef serve():\n    try:\n        asyncio.get_event_loop().run_forever()\n    except KeyboardInterrupt:\n        pass\n',
          errors: ['4:8-4:32'],
          output: null,
        },
        {
          code: 'import asyncio\n\ndef serve():\n    asyncio.get_event_loop().run_forever()\n',
          errors: ['3:4-3:28'],
          output: null,
        },
        {
          code: 'from asyncio import get_event_loop\n\ndef main(job):\n    loop = get_event_loop()\n    loop.run_until_complete(job)\n',
          errors: ['3:11-3:27'],
          output: null,
        },
      ],
    },
    it,
  );

  it('re-analyses a module-level `loop = get_event_loop()` when another statement starts to drive a loop', async () => {
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP902'] });
    const before = 'import asyncio\n\nloop = asyncio.get_event_loop()\nloop.call_soon(print)\n';
    const after = `${before}loop.run_forever()\n`;
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.deepEqual(first.diagnostics.length, 0);
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    assert.deepEqual(second.diagnostics.map((d) => d.range.start), [{ line: 2, character: 7 }]);
    // Only the new statement and the one whose answer changed are analysed again.
    assert.deepEqual(second.stats, { units: 4, analysed: 2 });
  });

  it('keeps what a running coroutine gets, even under a policy whose get_event_loop gives another loop', async () => {
    const program = [
      'import asyncio',
      'import threading',
      'from asyncio import get_event_loop',
      '',
      'class OddPolicy(asyncio.DefaultEventLoopPolicy):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.other = None',
      '    def get_event_loop(self):',
      '        print("policy asked")',
      '        if self.other is None:',
      '            self.other = asyncio.SelectorEventLoop()',
      '        return self.other',
      '',
      'class TracingLoop(asyncio.SelectorEventLoop):',
      '    def call_soon(self, callback, *args, context=None):',
      '        return super().call_soon(callback, *args, context=context)',
      '',
      'async def probe(label):',
      '    loop = asyncio.get_event_loop()',
      '    print(label, loop is asyncio.get_running_loop(), type(loop).__name__)',
      '    done = loop.create_future()',
      '    loop.call_soon(done.set_result, label)',
      '    print("callback", await done)',
      '    return get_event_loop() is loop',
      '',
      'async def failing():',
      '    loop = asyncio.get_event_loop()',
      '    loop.call_soon(print, "scheduled before the error")',
      '    await asyncio.sleep(0)',
      '    raise ValueError("midway")',
      '',
      'asyncio.set_event_loop_policy(OddPolicy())',
      'print(asyncio.run(probe("run")))',
      'loop = TracingLoop()',
      'print(loop.run_until_complete(probe("subclass")))',
      'try:',
      '    loop.run_until_complete(failing())',
      'except ValueError as error:',
      '    print("raised", error)',
      'loop.close()',
      'results = []',
      'thread = threading.Thread(target=lambda: results.append(asyncio.run(probe("thread"))))',
      'thread.start()',
      'thread.join()',
      'print(results)',
      '',
    ].join('\n');
    const fixed = await assertSameOutput('PP902', program, { fixes: 3 });
    assert.match(fixed, /loop = asyncio\.get_running_loop\(\)\n {4}print\(label/);
    assert.match(fixed, /return get_running_loop\(\) is loop/);
    assert.match(fixed, /^from asyncio import get_event_loop, get_running_loop$/m);
  });
});
