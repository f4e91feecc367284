import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseSettings } from '../../server/src/engine';
import { ruleTests, runPython, testParser } from '../support/engine';

describe('PP205 literal-identity-comparison', () => {
  ruleTests(
    'PP205',
    {
      valid: [
        'if x is None:\n    pass\n',
        'if x is not None:\n    pass\n',
        'ok = flag is True or flag is False\n',
        'missing = value is ...\n',
        'same = a is b\n',
        'equal = code == "ok"\n',
        // chains are left alone
        'odd = a is "x" is b\n',
        'text = "a is \'b\'"\n',
      ],
      invalid: [
        { code: 'if code is "ok":\n    pass\n', errors: ['0:3-0:15'], output: 'if code == "ok":\n    pass\n' },
        { code: 'changed = size is not 0\n', errors: ['0:10-0:23'], output: 'changed = size != 0\n' },
        { code: 'low = -1 is x\n', errors: ['0:6-0:13'], output: 'low = -1 == x\n' },
        { code: 'empty = items is ()\n', errors: ['0:8-0:19'], output: 'empty = items == ()\n' },
        { code: 'never = items is []\n', errors: ['0:8-0:19'], output: 'never = items == []\n' },
        { code: 'blank = d is {}\n', errors: ['0:8-0:15'], output: 'blank = d == {}\n' },
        { code: 'raw = data is b"a" b"c"\n', errors: ['0:6-0:23'], output: 'raw = data == b"a" b"c"\n' },
        { code: 'half = x is 0.5\n', errors: ['0:7-0:15'], output: 'half = x == 0.5\n' },
        {
          code: 'if (name\n        is not "main"):\n    pass\n',
          errors: ['0:4-1:21'],
          output: 'if (name\n        != "main"):\n    pass\n',
        },
      ],
    },
    it,
  );

  it('its fix is unsafe: an object with its own __eq__ answers differently afterwards', async () => {
    const program = [
      'class Anything:',
      '    def __eq__(self, other):',
      '        return True',
      '',
      'print(Anything() is "x")',
      '',
    ].join('\n');
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP205'] });
    assert.equal(fixAll({ parser, text: program, settings, unsafe: false }).applied, 0, 'fix-all must not apply it');
    const fixed = fixAll({ parser, text: program, settings, unsafe: true });
    assert.equal(fixed.applied, 1);
    assert.equal(runPython(program).stdout, 'False\n');
    assert.equal(runPython(fixed.text).stdout, 'True\n');
  });
});
