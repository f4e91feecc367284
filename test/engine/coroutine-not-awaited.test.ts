import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/engine';
import { ruleTests, testParser } from '../support/engine';

const SAVE = 'async def save(x):\n    return x\n\n';

describe('PP903 coroutine-not-awaited', () => {
  ruleTests(
    'PP903',
    {
      valid: [
        // awaited, scheduled, or kept
        `${SAVE}async def main():\n    await save(1)\n`,
        `import asyncio\n${SAVE}async def main():\n    asyncio.create_task(save(1))\n    await asyncio.gather(save(2), save(3))\n    asyncio.ensure_future(save(4))\n`,
        `import asyncio\n${SAVE}asyncio.run(save(1))\n`,
        `${SAVE}async def main():\n    pending = save(1)\n    return pending\n`,
        // not inside a coroutine: a sync def, a nested sync def, module level
        `${SAVE}def main():\n    save(1)\n`,
        `${SAVE}async def main():\n    def later():\n        save(1)\n    return later\n`,
        `${SAVE}save(1)\n`,
        // a plain function
        'def save(x):\n    return x\n\nasync def main():\n    save(1)\n',
        // an async generator: calling it makes no coroutine, and `await` would be wrong
        'async def ticks():\n    yield 1\n\nasync def main():\n    ticks()\n',
        // the name is rebound: at module level, locally, through `global`, or by a parameter
        `${SAVE}save = wrap(save)\n\nasync def main():\n    save(1)\n`,
        `${SAVE}async def main(save):\n    save(1)\n`,
        `${SAVE}async def main():\n    save = print\n    save(1)\n`,
        `${SAVE}def patch():\n    global save\n    save = print\n\nasync def main():\n    save(1)\n`,
        // a decorator may turn it into anything
        'import functools\n\n@functools.lru_cache\nasync def save(x):\n    return x\n\nasync def main():\n    save(1)\n',
        // imported names are not known
        'from store import save\n\nasync def main():\n    save(1)\n',
        // methods: sync, unknown receiver, shadowed by an instance attribute, defined twice
        'class C:\n    def m(self):\n        pass\n\n    async def run(self):\n        self.m()\n',
        'class C:\n    async def m(self):\n        pass\n\n    async def run(self, other):\n        other.m()\n',
        'class C:\n    async def m(self):\n        pass\n\n    def __init__(self):\n        self.m = print\n\n    async def run(self):\n        self.m()\n',
        'class C:\n    async def m(self):\n        pass\n\n    m = staticmethod(print)\n\n    async def run(self):\n        self.m()\n',
        // `cls.m()` of an instance method, a receiver rebound, a method decorated with something else
        'class C:\n    async def m(self):\n        pass\n\n    @classmethod\n    async def run(cls):\n        cls.m()\n',
        'class C:\n    async def m(self):\n        pass\n\n    async def run(self):\n        self = other\n        self.m()\n',
        'class C:\n    @cached\n    async def m(self):\n        pass\n\n    async def run(self):\n        self.m()\n',
        // a static method has no `self`
        'class C:\n    async def m(self):\n        pass\n\n    @staticmethod\n    async def run(self):\n        self.m()\n',
        // a method of the class, called from a coroutine nested in another method
        'class C:\n    async def m(self):\n        pass\n\n    def run(self):\n        async def go():\n            self.m()\n        return go\n',
        // a method of another class
        'class A:\n    async def m(self):\n        pass\n\nclass B:\n    async def run(self):\n        self.m()\n',
      ],
      invalid: [
        {
          code: `${SAVE}async def main():\n    save(1)\n    return 2\n`,
          errors: ['4:4-4:11'],
          output: `${SAVE}async def main():\n    await save(1)\n    return 2\n`,
        },
        {
          // inside `if`, `with`, `try` and loops of the coroutine, multi-line arguments, a trailing comment
          code: `${SAVE}async def main(items):\n    for item in items:\n        if item:\n            save(\n                item,\n            )  # store it\n`,
          errors: ['6:12-8:13'],
          output: `${SAVE}async def main(items):\n    for item in items:\n        if item:\n            await save(\n                item,\n            )  # store it\n`,
        },
        {
          // a coroutine nested in a sync function; the definition may come later in the file
          code: `def outer():\n    async def inner():\n        save(1)\n    return inner\n\n${SAVE}`,
          errors: ['2:8-2:15'],
          output: `def outer():\n    async def inner():\n        await save(1)\n    return inner\n\n${SAVE}`,
        },
        {
          // defined under a module-level `if`
          code: 'import sys\nif sys.platform:\n    async def save(x):\n        return x\n\nasync def main():\n    save(1)\n',
          errors: ['6:4-6:11'],
          output: 'import sys\nif sys.platform:\n    async def save(x):\n        return x\n\nasync def main():\n    await save(1)\n',
        },
        {
          // methods: on `self`, a class method and a static method on `self`, on `cls`
          code: [
            'class Client:',
            '    async def send(self, data):',
            '        pass',
            '',
            '    @classmethod',
            '    async def connect(cls):',
            '        pass',
            '',
            '    @staticmethod',
            '    async def pause():',
            '        pass',
            '',
            '    async def run(self):',
            '        self.send(b"x")',
            '        self.connect()',
            '        self.pause()',
            '',
            '    @classmethod',
            '    async def start(cls):',
            '        cls.connect()',
            '',
          ].join('\n'),
          errors: ['13:8-13:23', '14:8-14:22', '15:8-15:20', '19:8-19:21'],
          output: [
            'class Client:',
            '    async def send(self, data):',
            '        pass',
            '',
            '    @classmethod',
            '    async def connect(cls):',
            '        pass',
            '',
            '    @staticmethod',
            '    async def pause():',
            '        pass',
            '',
            '    async def run(self):',
            '        await self.send(b"x")',
            '        await self.connect()',
            '        await self.pause()',
            '',
            '    @classmethod',
            '    async def start(cls):',
            '        await cls.connect()',
            '',
          ].join('\n'),
        },
        {
          // a class nested in a function, a decorated coroutine method
          code: 'def factory():\n    class Job:\n        async def step(self):\n            pass\n\n        @traced\n        async def run(self):\n            self.step()\n    return Job\n',
          errors: ['7:12-7:23'],
          output: 'def factory():\n    class Job:\n        async def step(self):\n            pass\n\n        @traced\n        async def run(self):\n            await self.step()\n    return Job\n',
        },
        {
          // an abstract coroutine method is still a coroutine method
          code: 'import abc\n\nclass Base(abc.ABC):\n    @abc.abstractmethod\n    async def fetch(self):\n        ...\n\n    async def refresh(self):\n        self.fetch()\n',
          errors: ['8:8-8:20'],
          output: 'import abc\n\nclass Base(abc.ABC):\n    @abc.abstractmethod\n    async def fetch(self):\n        ...\n\n    async def refresh(self):\n        await self.fetch()\n',
        },
      ],
    },
    it,
  );
});

describe('PP903 after edits elsewhere in the file', () => {
  /** Analyses `before`, then `after` with the first analysis's cache; returns the second analysis and asserts it agrees with a fresh one. */
  async function reanalyse(before: string, after: string) {
    const parser = await testParser();
    const settings = { ...DEFAULT_SETTINGS, select: ['PP903'] };
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    const fresh = analyze({ tree: parser.parse(after)!, text: after, settings });
    assert.deepEqual(second.diagnostics, fresh.diagnostics, 'cached and fresh analyses disagree');
    return { first, second };
  }

  it('a method calling `self.send()` is re-analysed when `send` becomes an `async def`, and back', async () => {
    const sync = 'class Client:\n    def send(self):\n        pass\n\n    async def run(self):\n        self.send()\n\n    def other(self):\n        return 1\n';
    const asynchronous = sync.replace('    def send', '    async def send');
    let { first, second } = await reanalyse(sync, asynchronous);
    assert.deepEqual(first.diagnostics, []);
    assert.deepEqual(second.diagnostics.map((d) => `${d.code} ${d.range.start.line}`), ['PP903 5']);
    ({ second } = await reanalyse(asynchronous, sync));
    assert.deepEqual(second.diagnostics, []);
  });

  it('a coroutine calling `save()` is re-analysed when `save` becomes an async generator or is rebound', async () => {
    const before = 'async def save():\n    pass\n\nasync def main():\n    save()\n';
    let { first, second } = await reanalyse(before, before.replace('    pass\n', '    yield 1\n'));
    assert.equal(first.diagnostics.length, 1);
    assert.deepEqual(second.diagnostics, []);
    ({ second } = await reanalyse(before, `${before}\nsave = print\n`));
    assert.deepEqual(second.diagnostics, []);
    ({ second } = await reanalyse(before, `${before}\ndef patch():\n    global save\n    save = print\n`));
    assert.deepEqual(second.diagnostics, []);
  });
});
