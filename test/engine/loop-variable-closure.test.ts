import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP803 loop-variable-closure', () => {
  ruleTests(
    'PP803',
    {
      valid: [
        // bound as a default: the fix's shape
        'fs = []\nfor i in range(3):\n    fs.append(lambda i=i: i)\n',
        // called right away, in the same iteration
        'for i in range(3):\n    (lambda: print(i))()\n',
        'def f(items):\n    for item in items:\n        def show():\n            return item\n        print(show())\n',
        // a sort key is used up by the call
        'def f(rows, cols):\n    for c in cols:\n        rows.sort(key=lambda r: r[c])\n',
        // an unknown call may well call it at once (assertRaises does)
        'def t(self, cases):\n    for c in cases:\n        self.assertRaises(ValueError, lambda: int(c))\n',
        // the loop stops right after: the variable will not change again
        'def f(xs, handlers):\n    for x in xs:\n        if x:\n            handlers.append(lambda: x)\n            break\n',
        'def f(xs):\n    for x in xs:\n        if x:\n            return lambda: x\n',
        // the captured name does not change in the loop
        'def f(xs, y):\n    out = []\n    for x in xs:\n        out.append(lambda: y)\n    return out\n',
        // the closure rebinds it on purpose
        'def f(xs, out):\n    for x in xs:\n        def bump():\n            nonlocal x\n            x += 1\n        out.append(bump)\n',
        // a wrapping decorator, and the function is called in the same iteration
        'def t(things):\n    for thing in things:\n        @patch.object(thing, "a", 1)\n        def test():\n            return thing.a\n        test()\n',
        // awaited within the iteration
        'async def f(loop, xs):\n    for x in xs:\n        await loop.run_in_executor(None, lambda: x)\n',
      ],
      invalid: [
        {
          // the classic: every callback sees the last name
          code: 'callbacks = []\nfor name in ["a", "b"]:\n    callbacks.append(lambda: print(name))\n',
          errors: ['2:35-2:39'],
          output: 'callbacks = []\nfor name in ["a", "b"]:\n    callbacks.append(lambda name=name: print(name))\n',
        },
        {
          code: 'fs = [lambda: i for i in range(3)]\n',
          errors: ['0:14-0:15'],
          output: 'fs = [lambda i=i: i for i in range(3)]\n',
        },
        {
          // stored under a key
          code: 'def make(names):\n    table = {}\n    for n in names:\n        table[n] = lambda x: x + n\n    return table\n',
          errors: ['3:33-3:34'],
          output: 'def make(names):\n    table = {}\n    for n in names:\n        table[n] = lambda x, n=n: x + n\n    return table\n',
        },
        {
          // a nested def appended by name
          code:
            'def make(items):\n    handlers = []\n    for item in items:\n        def handler(event):\n            return item, event\n' +
            '        handlers.append(handler)\n    return handlers\n',
          errors: ['4:19-4:23'],
          output:
            'def make(items):\n    handlers = []\n    for item in items:\n        def handler(event, item=item):\n            return item, event\n' +
            '        handlers.append(handler)\n    return handlers\n',
        },
        {
          // a thread may run after the loop has moved on
          code: 'import threading\ndef run(jobs):\n    for job in jobs:\n        threading.Thread(target=lambda: job.run()).start()\n',
          errors: ['3:40-3:43'],
          output: 'import threading\ndef run(jobs):\n    for job in jobs:\n        threading.Thread(target=lambda job=job: job.run()).start()\n',
        },
        {
          // a name rebound in a while loop; the default goes before **kwargs
          code: 'def f(q, out):\n    while q:\n        item = q.pop()\n        out.append(lambda *a, **k: (item, a, k))\n',
          errors: ['3:36-3:40'],
          output: 'def f(q, out):\n    while q:\n        item = q.pop()\n        out.append(lambda *a, item=item, **k: (item, a, k))\n',
        },
        {
          // a registering decorator keeps the function
          code: 'def setup(app, names):\n    for name in names:\n        @app.route("/" + name)\n        def view():\n            return name\n',
          errors: ['4:19-4:23'],
          output: 'def setup(app, names):\n    for name in names:\n        @app.route("/" + name)\n        def view(name=name):\n            return name\n',
        },
        {
          // two captured names, two reports, both fixed
          code: 'out = []\nfor k, v in {}.items():\n    out.append(lambda: (k, v))\n',
          errors: ['2:24-2:25', '2:27-2:28'],
          output: 'out = []\nfor k, v in {}.items():\n    out.append(lambda k=k, v=v: (k, v))\n',
        },
      ],
    },
    it,
  );
});
