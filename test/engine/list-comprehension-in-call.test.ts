import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP405 list-comprehension-in-call', () => {
  ruleTests(
    'PP405',
    {
      valid: [
        'ok = any(x > 0 for x in values)\n',
        'total = sum((x for x in values), 0)\n',
        // `default=` is only for min and max, and keeps the rule simple
        'low = min([x for x in values], default=0)\n',
        'high = max([x.size for x in values], key=abs, default=None)\n',
        // max(a, b) compares the two lists themselves
        'bigger = max([x for x in a], [y for y in b])\n',
        // displays and other calls are not comprehensions in a consumer
        'low = min([a, b, c])\nn = len([x for x in values])\nrows = sorted([x for x in values])\n',
        // a star argument, a method of the same name
        'total = sum(*[x for x in values])\nok = np.any([x for x in values])\n',
        // the name is not the builtin: a parameter, a module-level import or def, a class attribute
        'def f(values, sum):\n    return sum([x for x in values])\n',
        'from numpy import sum\ntotal = sum([x for x in values])\n',
        'def any(items):\n    return True\n\nok = any([x for x in values])\n',
        'class Stats:\n    max = staticmethod(lambda xs: 0)\n    top = max([x for x in range(3)])\n',
        'def outer():\n    all = lambda xs: True\n    def inner(values):\n        return all([v for v in values])\n    return inner\n',
        // no generator equivalent for an awaited or asynchronous comprehension
        'async def f(values):\n    return any([await check(v) for v in values])\n',
        'async def f(stream):\n    return sum([v async for v in stream])\n',
      ],
      invalid: [
        {
          code: 'def has_errors(lines):\n    return any([line.startswith("E") for line in lines])\n',
          errors: ['1:15-1:55'],
          output: 'def has_errors(lines):\n    return any(line.startswith("E") for line in lines)\n',
        },
        {
          // next to a start value the generator keeps its own parentheses
          code: 'total = sum([len(w) for w in words], 0)\nfull = sum([[w] for w in words], start=[])\n',
          errors: ['0:12-0:35', '1:11-1:31'],
          output: 'total = sum((len(w) for w in words), 0)\nfull = sum(([w] for w in words), start=[])\n',
        },
        {
          // key= is fine; a trailing comma needs the parentheses too
          code: 'longest = max([w for w in words if w], key=len)\nok = all([x for x in xs],)\n',
          errors: ['0:14-0:37', '1:9-1:24'],
          output: 'longest = max((w for w in words if w), key=len)\nok = all((x for x in xs),)\n',
        },
        {
          // brackets alone on their lines go with their lines; comments stay
          code: 'def cost(items):\n    return sum(\n        [\n            item.price  # each\n            for item in items\n        ]\n    )\n',
          errors: ['2:8-5:9'],
          output: 'def cost(items):\n    return sum(\n            item.price  # each\n            for item in items\n    )\n',
        },
        {
          // inside a method, a nested function and a class body
          code:
            'class Report:\n' +
            '    ready = all([s for s in (1, 2)])\n' +
            '\n' +
            '    def worst(self):\n' +
            '        def score(rows):\n' +
            '            return min([r.score for r in rows])\n' +
            '        return score(self.rows)\n',
          errors: ['1:16-1:35', '5:23-5:46'],
          output:
            'class Report:\n' +
            '    ready = all(s for s in (1, 2))\n' +
            '\n' +
            '    def worst(self):\n' +
            '        def score(rows):\n' +
            '            return min(r.score for r in rows)\n' +
            '        return score(self.rows)\n',
        },
        {
          // a builtin declared global, and a name bound only inside another function
          code: 'def a():\n    global any\n    return any([x for x in y])\n\ndef b():\n    sum = 0\n    return sum\n\ndef c(y):\n    return sum([x for x in y])\n',
          errors: ['2:15-2:29', '9:15-9:29'],
          output: 'def a():\n    global any\n    return any(x for x in y)\n\ndef b():\n    sum = 0\n    return sum\n\ndef c(y):\n    return sum(x for x in y)\n',
        },
      ],
    },
    it,
  );
});
