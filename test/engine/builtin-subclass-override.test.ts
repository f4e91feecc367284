import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseSettings } from '../../server/src/engine';
import { ruleTests, runPython, testParser } from '../support/engine';

describe('PP310 builtin-subclass-override', () => {
  ruleTests(
    'PP310',
    {
      valid: [
        // overrides nothing, or only what no other method bypasses
        'class Plain(dict):\n    pass\n',
        'class Defaults(dict):\n    def __missing__(self, key):\n        return 0\n',
        'class Named(list):\n    def __repr__(self):\n        return "Named(" + super().__repr__() + ")"\n',
        // overriding `get` alone extends it: `d[key]` is not expected to call it
        'class Conv(dict):\n    def get(self, key, default=None, type=None):\n        return super().get(key, default)\n',
        // the class also overrides the path that would bypass the override
        'class Env(dict):\n    def __setitem__(self, k, v):\n        super().__setitem__(k.upper(), v)\n    def update(self, *a, **k):\n        for key, v in dict(*a, **k).items():\n            self[key] = v\n',
        'class Conv(dict):\n    def __getitem__(self, k):\n        return convert(super().__getitem__(k))\n    def get(self, k, d=None):\n        return convert(super().get(k, d))\n',
        'class Ordered(dict):\n    def __setitem__(self, k, v):\n        super().__setitem__(k, v)\n    update = MutableMapping.update\n',
        'class Tally(dict):\n    def __init__(self, *a, **k):\n        super().__init__()\n        self.update(*a, **k)\n    def update(self, *a, **k):\n        pass\n',
        'class Folded(str):\n    def __contains__(self, other):\n        return other.lower() in self.lower()\n    def index(self, sub):\n        return self.lower().index(sub.lower())\n',
        'class Converting(list):\n    def __getitem__(self, i):\n        return convert(super().__getitem__(i))\n    def __iter__(self):\n        return map(convert, super().__iter__())\n',
        'class Checked(list):\n    def append(self, x):\n        super().append(check(x))\n    def extend(self, xs):\n        super().extend(map(check, xs))\n',
        // a str subclass's `__getitem__` keeps its type for slices; iteration over characters does not need it
        'class Markup(str):\n    def __getitem__(self, i):\n        return Markup(super().__getitem__(i))\n',
        // methods the built-in does not have are new methods, not overrides
        'class Text(str):\n    def append(self, other):\n        return Text(self + other)\n',
        'class Items(list):\n    def update(self, other):\n        self[:] = other\n',
        // other bases may supply the missing methods; a shadowed builtin is not the builtin
        'class Stack(list, Mapping):\n    def __getitem__(self, k):\n        return 1\n',
        'class Sparse(IndexMixin, dict):\n    def __contains__(self, k):\n        return True\n',
        'dict = MyDict\nclass D(dict):\n    def __getitem__(self, k):\n        return 1\n',
        'def make(dict):\n    class D(dict):\n        def __getitem__(self, k):\n            return 1\n    return D\n',
        // stubs
        { code: 'class D(dict):\n    def __getitem__(self, k): ...\n', path: 'm.pyi' },
      ],
      invalid: [
        {
          // the post's case: `from collections import UserDict` added
          code: 'class LowerDict(dict):\n    def __setitem__(self, key, value):\n        super().__setitem__(key.lower(), value)\n',
          errors: ['0:6-0:15'],
          output: 'from collections import UserDict\nclass LowerDict(UserDict):\n    def __setitem__(self, key, value):\n        super().__setitem__(key.lower(), value)\n',
        },
        {
          // merged into an existing `from collections import`; a generic base keeps its parameters
          code:
            '"""Mod."""\nfrom __future__ import annotations\nfrom collections import OrderedDict\n\nclass Wrapped(dict[str, int]):\n    def __getitem__(self, key):\n        return super().__getitem__(key) * 2\n\n' +
            '    def __delitem__(self, key):\n        super().__delitem__(key)\n',
          errors: ['4:6-4:13'],
          output:
            '"""Mod."""\nfrom __future__ import annotations\nfrom collections import OrderedDict, UserDict\n\nclass Wrapped(UserDict[str, int]):\n    def __getitem__(self, key):\n        return super().__getitem__(key) * 2\n\n' +
            '    def __delitem__(self, key):\n        super().__delitem__(key)\n',
        },
        {
          // `import collections`: the dotted name; a metaclass keyword is not a base
          code: 'import collections\n\nclass Pool(dict, metaclass=Meta):\n    def __delitem__(self, key):\n        super().__delitem__(key)\n        self.notify()\n',
          errors: ['2:6-2:10'],
          output: 'import collections\n\nclass Pool(collections.UserDict, metaclass=Meta):\n    def __delitem__(self, key):\n        super().__delitem__(key)\n        self.notify()\n',
        },
        {
          // an `update` override that the constructor bypasses
          code: 'class Merged(dict):\n    def update(self, other):\n        super().update(normalize(other))\n',
          errors: ['0:6-0:12'],
          output: 'from collections import UserDict\nclass Merged(UserDict):\n    def update(self, other):\n        super().update(normalize(other))\n',
        },
        {
          // a list's `__getitem__`: UserList routes iteration through it
          code: 'class Doubled(list):\n    def __getitem__(self, i):\n        return super().__getitem__(i) * 2\n',
          errors: ['0:6-0:13'],
          output: 'from collections import UserList\nclass Doubled(UserList):\n    def __getitem__(self, i):\n        return super().__getitem__(i) * 2\n',
        },
        {
          // UserList would not route `extend` through `append`: reported without a fix
          code: 'class Validated(list):\n    def append(self, item):\n        super().append(check(item))\n',
          errors: ['0:6-0:15'],
          output: null,
        },
        {
          // nor anything through `__contains__` or `insert`
          code: 'class Calls(list):\n    def __contains__(self, value):\n        return is_sublist(value, self)\n\nclass Keys(dict):\n    def __contains__(self, key):\n        return key.lower() in self.keys()\n\nclass Shelf(list):\n    def insert(self, i, x):\n        super().insert(i, x)\n\nclass Folding(str):\n    def __contains__(self, sub):\n        return sub.lower() in self.lower()\n',
          errors: ['0:6-0:11', '4:6-4:10', '8:6-8:11', '12:6-12:13'],
          output: null,
        },
        {
          // a class that defines `__new__` or binds `data` would break on UserDict: no fix
          code: 'class Frozen(dict):\n    data = None\n    def __setitem__(self, k, v):\n        raise TypeError\n\nclass Keyed(list):\n    def __new__(cls, v):\n        return super().__new__(cls, v)\n    def __getitem__(self, i):\n        return "x"\n',
          errors: ['0:6-0:12', '5:6-5:11'],
          output: null,
        },
        {
          // nested in a function and in a class body
          code: 'def make():\n    class Local(dict):\n        def __getitem__(self, k):\n            return 0\n    return Local\n\nclass Outer:\n    class Inner(list):\n        def __getitem__(self, i):\n            return 0\n',
          errors: ['1:10-1:15', '7:10-7:15'],
          output:
            'from collections import UserDict, UserList\ndef make():\n    class Local(UserDict):\n        def __getitem__(self, k):\n            return 0\n    return Local\n\nclass Outer:\n    class Inner(UserList):\n        def __getitem__(self, i):\n            return 0\n',
        },
        {
          // `UserDict` means something else here: no fix
          code: 'UserDict = None\nclass D(dict):\n    def __getitem__(self, k):\n        return 0\n',
          errors: ['1:6-1:7'],
          output: null,
        },
      ],
    },
    it,
  );

  it('the bypass the rule reports, and what the fix changes (run with python3)', async () => {
    const program = [
      'class LowerDict(dict):',
      '    def __setitem__(self, key, value):',
      '        super().__setitem__(key.lower(), value)',
      '',
      'd = LowerDict(Name=1)',
      'd.update(Age=2)',
      'd.setdefault("City", 3)',
      'd["Zip"] = 4',
      'print(sorted(d), isinstance(d, dict))',
    ].join('\n') + '\n';
    assert.equal(runPython(program).stdout, "['Age', 'City', 'Name', 'zip'] True\n");
    const parser = await testParser();
    const fixed = fixAll({ parser, text: program, settings: parseSettings({ select: ['PP310'] }), unsafe: true });
    // Every path now goes through the override, and the instance is no longer a dict: why the fix is unsafe.
    assert.equal(runPython(fixed.text).stdout, "['age', 'city', 'name', 'zip'] False\n");
  });
});
