import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, ruleTests } from '../support/engine';

describe('PP804 global-statement', () => {
  ruleTests(
    'PP804',
    {
      valid: [
        // only read: the declaration is useless but changes nothing
        'x = 0\ndef f():\n    global x\n    return x\n',
        // module level and class level `global` are not inside a function
        'global x\nx = 1\n',
        'class C:\n    global y\n    y = 2\n',
        // a nested function assigns its own local
        'def f():\n    global x\n    def g():\n        x = 1\n        return x\n    return g, x\n',
      ],
      invalid: [
        {
          code: 'counter = 0\ndef bump():\n    global counter\n    counter += 1\n',
          errors: ['2:4-2:18'],
          output: null,
        },
        {
          // one report per statement, naming the names it rebinds
          code: 'def setup():\n    global a, b, c\n    a = 1\n    import b\n    return c\n',
          errors: ['1:4-1:18'],
          output: null,
        },
        {
          // a walrus in a comprehension binds in the function, i.e. the global
          code: 'def f(items):\n    global last\n    return [last := i for i in items]\n',
          errors: ['1:4-1:15'],
          output: null,
        },
      ],
    },
    it,
  );

  it('is a hint that names what is rebound', async () => {
    const [d] = await check('def setup():\n    global a, b, c\n    a = 1\n    import b\n    return c\n', { select: ['PP804'] });
    assert.equal(d.severity, 'hint');
    assert.match(d.message, /`a`, `b`/);
    assert.doesNotMatch(d.message, /`c`/);
  });
});
