import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, ruleTests } from '../support/engine';

// PP401 (mutable-default-argument) runs beside PP001 in these cases, so a `# noqa` can hide something.
const WITH_PP4 = { extendSelect: ['PP4'] };

describe('PP001 unused-noqa', () => {
  ruleTests(
    'PP001',
    {
      valid: [
        // a bare noqa that hides a diagnostic, and a code that does
        { code: 'def f(x=[]):  # noqa\n    return x\n', settings: WITH_PP4 },
        { code: 'def f(x=[]):  # noqa: PP401\n    return x\n', settings: WITH_PP4 },
        // a peer code hides the rule too, and other tools' codes are theirs to judge
        { code: 'def f(x=[]):  # noqa: B006\n    return x\n', settings: WITH_PP4 },
        'x = 1  # noqa: E501, F401, B006\n',
        // a noqa naming PP001 silences the rule on its line
        'x = 1  # noqa: PP001, PP401\n',
        // `noqa` inside a string is no comment
        'x = "# noqa: PP401"\n',
        // a file-level exemption for PP001
        '# pythonic: noqa: PP001\nx = 1  # noqa: PP401\n',
        // a bare noqa speaks to every linter (flake8, Ruff, Pylint): it is theirs to judge as well
        'import os  # noqa\n',
        'import os  # noqa  # keep me\n',
        // a diagnostic inside a multi-line string is hidden by the noqa on the line that ends it
        { code: 'def f(x=[], y="""\n"""):  # noqa: PP401\n    return x\n', settings: WITH_PP4 },
      ],
      invalid: [
        {
          code: 'import os  # noqa: PP401\n',
          errors: ['0:11-0:24'],
          output: 'import os\n',
        },
        {
          // the other comment on the line stays
          code: 'import os  # noqa: PP401  # keep me\n',
          errors: ['0:11-0:24'],
          output: 'import os  # keep me\n',
        },
        {
          // only our unused codes go: a used one and another tool's stay
          code: 'def f(x=[]):  # noqa: PP401, E501, PP999\n    return x\n\n\ndef g(y):  # noqa: PP402,PP401\n    return y\n',
          errors: ['0:14-0:40', '4:11-4:30'],
          output: 'def f(x=[]):  # noqa: PP401, E501\n    return x\n\n\ndef g(y):\n    return y\n',
          settings: WITH_PP4,
        },
        {
          // a noqa alone on its line hides nothing (that is `# pythonic: noqa`'s job): the line goes
          code: 'x = 1\n# noqa: PP401\ny = 2\n',
          errors: ['1:0-1:13'],
          output: 'x = 1\ny = 2\n',
        },
      ],
    },
    it,
  );

  it('says which codes hide nothing, and why', async () => {
    const found = await check('def f(x=[]):  # noqa: PP401, PP999, PP402\n    return x\n', { select: ['PP001', 'PP401'] });
    assert.deepEqual(
      found.map((d) => d.message),
      ['`# noqa` codes PP999 (no such rule), PP402 (not enabled) hide nothing on this line'],
    );
  });

  it('is opt-in: neither the default selection nor a prefix enables it', async () => {
    assert.deepEqual(await check('import os  # noqa: PP401\n'), []);
    assert.deepEqual(await check('import os  # noqa: PP401\n', { select: ['PP0'] }), []);
    assert.equal((await check('import os  # noqa: PP401\n', { select: ['ALL'] })).length, 1);
  });
});

describe('file-level # pythonic: noqa', () => {
  const BOTH = 'def f(x=[]):\n    return x == None\n';

  it('hides every diagnostic of the file, wherever the comment stands', async () => {
    assert.deepEqual((await check(BOTH)).map((d) => d.code), ['PP401', 'PP204']);
    assert.deepEqual(await check(BOTH + '# pythonic: noqa\n'), []);
    assert.deepEqual(await check('  #pythonic:NOQA\n' + BOTH), []);
  });

  it('with codes, hides only those (or their peers)', async () => {
    assert.deepEqual((await check('# pythonic: noqa: PP401\n' + BOTH)).map((d) => d.code), ['PP204']);
    assert.deepEqual((await check('# pythonic: noqa: B006, E711\n' + BOTH)).map((d) => d.code), []);
  });

  it('must stand on a line of its own, in a comment', async () => {
    assert.equal((await check('x = 1  # pythonic: noqa\n' + BOTH)).length, 2);
    assert.equal((await check('s = """\n# pythonic: noqa\n"""\n' + BOTH)).length, 2);
  });
});
