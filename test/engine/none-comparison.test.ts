import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP204 none-comparison', () => {
  ruleTests(
    'PP204',
    {
      valid: [
        'if x is None:\n    pass\n',
        'if x is not None:\n    pass\n',
        'ok = x == 0\n',
        'same = a == b\n',
        // chains are left alone
        'odd = a == None == b\n',
        '"x == None"\n',
      ],
      invalid: [
        { code: 'if value == None:\n    pass\n', errors: ['0:3-0:16'], output: 'if value is None:\n    pass\n' },
        { code: 'ready = value != None\n', errors: ['0:8-0:21'], output: 'ready = value is not None\n' },
        { code: 'if None == self.cache[key]:\n    pass\n', errors: ['0:3-0:26'], output: 'if self.cache[key] is None:\n    pass\n' },
        { code: 'found = not None != a + b\n', errors: ['0:12-0:25'], output: 'found = not a + b is not None\n' },
        {
          code: 'if (value\n        == None):\n    pass\n',
          errors: ['0:4-1:15'],
          output: 'if (value is None):\n    pass\n',
        },
        {
          // a comment inside would be lost: reported, not fixed
          code: 'if (value  # the input\n        == None):\n    pass\n',
          errors: ['0:4-1:15'],
          output: null,
        },
      ],
    },
    it,
  );
});
