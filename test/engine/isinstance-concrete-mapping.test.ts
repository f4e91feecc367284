import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, ruleTests } from '../support/engine';

describe('PP202 isinstance-concrete-mapping', () => {
  ruleTests(
    'PP202',
    {
      valid: [
        // RULES: dict alongside Mapping
        'from collections.abc import Mapping\nok = isinstance(x, (dict, Mapping))\n',
        'import collections.abc\nok = isinstance(x, (collections.abc.MutableMapping, dict))\n',
        'import typing\nok = isinstance(x, dict | typing.Mapping)\n',
        // not the builtin
        'dict = OrderedDict\nok = isinstance(x, dict)\n',
        'def f(x, dict):\n    return isinstance(x, dict)\n',
        'class A:\n    def dict(self):\n        return {}\n\n    def m(self, flag=isinstance({}, dict)):\n        return flag\n',
        'def isinstance(a, b):\n    return True\n\nok = isinstance(x, dict)\n',
        // other calls and shapes
        'ok = issubclass(cls, dict)\n',
        'ok = type(x) is dict\n',
        'ok = isinstance(x, DICT_TYPES)\n',
        // a test pinning down the type of a result
        'assert isinstance(json.loads("{}"), dict)\n',
        'self.assertTrue(isinstance(config, dict))\n',
        // dicts get a fast path of their own before the general mapping case
        'from collections.abc import Mapping\n\ndef keys(m):\n    if isinstance(m, dict):\n        return list(m)\n    if isinstance(m, Mapping):\n        return list(m.keys())\n    return []\n',
        // operator methods decide which operand types they support (collections.OrderedDict.__ior__)
        'class D(dict):\n    def __or__(self, other):\n        if not isinstance(other, dict):\n            return NotImplemented\n        return D(self)\n',
      ],
      invalid: [
        {
          code: 'def flatten(settings):\n    if isinstance(settings, dict):\n        return sorted(settings.items())\n    return settings\n',
          errors: ['1:28-1:32'],
          output: 'from collections.abc import Mapping\ndef flatten(settings):\n    if isinstance(settings, Mapping):\n        return sorted(settings.items())\n    return settings\n',
        },
        {
          // merged into the existing `from collections.abc import ...`, after the docstring
          code: '"""Config."""\nfrom collections.abc import Iterable\n\nok = isinstance(x, (dict, list))\n',
          errors: ['3:20-3:24'],
          output: '"""Config."""\nfrom collections.abc import Iterable, Mapping\n\nok = isinstance(x, (Mapping, list))\n',
        },
        {
          // `Mapping` already imported from collections.abc or typing: reused
          code: 'from collections.abc import Mapping\n\nok = isinstance(x, dict)\n',
          errors: ['2:19-2:23'],
          output: 'from collections.abc import Mapping\n\nok = isinstance(x, Mapping)\n',
        },
        {
          code: 'from typing import Mapping\n\nok = isinstance(x, dict)\n',
          errors: ['2:19-2:23'],
          output: 'from typing import Mapping\n\nok = isinstance(x, Mapping)\n',
        },
        {
          // two checks, one import
          code: 'a = isinstance(x, dict)\nb = not isinstance(y, str | dict)\n',
          errors: ['0:18-0:22', '1:28-1:32'],
          output: 'from collections.abc import Mapping\na = isinstance(x, Mapping)\nb = not isinstance(y, str | Mapping)\n',
        },
        {
          // decorated method of a nested class
          code: 'class Outer:\n    class Inner:\n        @staticmethod\n        def load(data):\n            return data if isinstance(data, dict) else {}\n',
          errors: ['4:44-4:48'],
          output: 'from collections.abc import Mapping\nclass Outer:\n    class Inner:\n        @staticmethod\n        def load(data):\n            return data if isinstance(data, Mapping) else {}\n',
        },
        {
          // `Mapping` means something else here: reported, not fixed
          code: 'from mylib import Mapping\n\nok = isinstance(x, dict)\n',
          errors: ['2:19-2:23'],
          output: null,
        },
        {
          code: 'def f(x, Mapping):\n    return isinstance(x, dict)\n',
          errors: ['1:25-1:29'],
          output: null,
        },
      ],
    },
    it,
  );

  it('names the mappings the check turns away', async () => {
    const [d] = await check('ok = isinstance(options, dict)\n', { select: ['PP202'] });
    assert.match(d.message, /`options` fails it when it is a `MappingProxyType`/);
    assert.equal(d.fix?.safety, 'unsafe');
  });
});
