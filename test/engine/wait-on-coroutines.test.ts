import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

const FETCH = 'import asyncio\n\nasync def fetch(x):\n    return x\n\n';

describe('PP905 wait-on-coroutines', () => {
  ruleTests(
    'PP905',
    {
      valid: [
        // tasks, not coroutines
        `${FETCH}async def main(xs):\n    await asyncio.wait([asyncio.create_task(fetch(x)) for x in xs])\n`,
        `${FETCH}async def main(tasks):\n    await asyncio.wait(tasks)\n`,
        // calls of unknown functions: they may return tasks
        'import asyncio\nfrom jobs import start\n\nasync def main(xs):\n    await asyncio.wait([start(x) for x in xs])\n',
        'import asyncio\n\nasync def main(loop):\n    await asyncio.wait([loop.create_task(x) for x in range(3)])\n',
        // a plain function
        'import asyncio\n\ndef start(x):\n    return asyncio.ensure_future(x)\n\nasync def main(xs):\n    await asyncio.wait([start(x) for x in xs])\n',
        // not asyncio's `wait`
        `${FETCH}import concurrent.futures\n\ndef main(pool):\n    concurrent.futures.wait([fetch(1)])\n`,
        `${FETCH}async def main(waiter):\n    await waiter.wait([fetch(1)])\n`,
        `${FETCH}async def main(asyncio):\n    await asyncio.wait([fetch(1)])\n`,
        `${FETCH}from os import wait\nwait()\n`,
        // `gather` is already the right tool
        `${FETCH}async def main():\n    await asyncio.gather(fetch(1), fetch(2))\n`,
      ],
      invalid: [
        {
          code: `${FETCH}async def main(xs):\n    done, pending = await asyncio.wait([fetch(x) for x in xs])\n    return done\n`,
          errors: ['6:26-6:62'],
          output: `${FETCH}async def main(xs):\n    done, pending = await asyncio.gather(*[fetch(x) for x in xs])\n    return done\n`,
        },
        {
          // displays: list, set, tuple, mixed with tasks
          code: `${FETCH}async def main(t):\n    await asyncio.wait([fetch(1), fetch(2)])\n    await asyncio.wait({fetch(3)})\n    await asyncio.wait((t, fetch(4)))\n`,
          errors: ['6:10-6:44', '7:10-7:34', '8:10-8:37'],
          output: `${FETCH}async def main(t):\n    await asyncio.gather(*[fetch(1), fetch(2)])\n    await asyncio.gather(*{fetch(3)})\n    await asyncio.gather(*(t, fetch(4)))\n`,
        },
        {
          // a bare generator argument
          code: `${FETCH}async def main(xs):\n    await asyncio.wait(fetch(x) for x in xs)\n`,
          errors: ['6:10-6:44'],
          output: `${FETCH}async def main(xs):\n    await asyncio.gather(*(fetch(x) for x in xs))\n`,
        },
        {
          // other arguments: reported, no fix
          code: `${FETCH}async def main(xs):\n    await asyncio.wait([fetch(x) for x in xs], timeout=3)\n    await asyncio.wait([fetch(1)], return_when=asyncio.FIRST_COMPLETED)\n`,
          errors: ['6:10-6:57', '7:10-7:71'],
          output: null,
        },
        {
          // `from asyncio import wait`: `gather` merged into the import
          code: 'from asyncio import wait\n\nasync def fetch(x):\n    return x\n\nasync def main():\n    await wait([fetch(1)])\n',
          errors: ['6:10-6:26'],
          output: 'from asyncio import wait, gather\n\nasync def fetch(x):\n    return x\n\nasync def main():\n    await gather(*[fetch(1)])\n',
        },
        {
          // after the docstring and `__future__` imports, when asyncio is imported under another name
          code: '"""Jobs."""\nfrom __future__ import annotations\nimport asyncio as aio\nfrom asyncio import wait as wait_all\n\nasync def fetch(x):\n    return x\n\nasync def main():\n    await wait_all([fetch(1)])\n    await aio.wait([fetch(2)])\n',
          errors: ['9:10-9:30', '10:10-10:30'],
          output: '"""Jobs."""\nfrom __future__ import annotations\nimport asyncio as aio\nfrom asyncio import wait as wait_all, gather\n\nasync def fetch(x):\n    return x\n\nasync def main():\n    await gather(*[fetch(1)])\n    await aio.gather(*[fetch(2)])\n',
        },
        {
          // `gather` taken by something else: reported, no fix
          code: 'from asyncio import wait\n\ngather = None\n\nasync def fetch(x):\n    return x\n\nasync def main():\n    await wait([fetch(1)])\n',
          errors: ['8:10-8:26'],
          output: null,
        },
        {
          // methods of the class, multi-line with a comment
          code: [
            'import asyncio',
            '',
            'class Crawler:',
            '    async def visit(self, url):',
            '        return url',
            '',
            '    async def crawl(self, urls):',
            '        await asyncio.wait(',
            '            [self.visit(u) for u in urls]  # all at once',
            '        )',
            '',
          ].join('\n'),
          errors: ['7:14-9:9'],
          output: [
            'import asyncio',
            '',
            'class Crawler:',
            '    async def visit(self, url):',
            '        return url',
            '',
            '    async def crawl(self, urls):',
            '        await asyncio.gather(',
            '            *[self.visit(u) for u in urls]  # all at once',
            '        )',
            '',
          ].join('\n'),
        },
        {
          // at module level, handed to `asyncio.run`
          code: `${FETCH}asyncio.run(asyncio.wait([fetch(1)]))\n`,
          errors: ['5:12-5:36'],
          output: `${FETCH}asyncio.run(asyncio.gather(*[fetch(1)]))\n`,
        },
      ],
    },
    it,
  );
});
