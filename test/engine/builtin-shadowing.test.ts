import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseSettings } from '../../server/src/engine';
import { assertCompiles, check, ruleTests, runPython, testParser } from '../support/engine';

describe('PP101 builtin-shadowing', () => {
  ruleTests(
    'PP101',
    {
      valid: [
        // class-level names are attributes and methods
        'class C:\n    id = 1\n    type = "x"\n    def list(self):\n        return []\n',
        // keyword arguments at call sites bind nothing here
        'record = dict(type="a", id=1, input=None)\n',
        // `_`-prefixed and trailing-underscore names
        'def f():\n    _list = []\n    list_ = []\n    return _list, list_\n',
        // a public function's or method's keywords are its interface (`subprocess.run(input=...)`)
        'def run(args, input=None, type=None):\n    return args, input, type\n',
        'class Codec:\n    def encode(self, input, errors="strict"):\n        return input\n',
        // a module's functions, classes, imports and aliases are its API (`gzip.open`, `numpy.sum`)
        'def open(path, mode="r"):\n    return path\n',
        'class property:\n    pass\n',
        'from .fromnumeric import amax as max\n',
        'import io\nopen = io.open\n',
        'str = str\n',
        'try:\n    complex\nexcept NameError:\n    complex = float\n',
        // a plain `from m import name` re-exports on purpose
        'def f():\n    from os import open\n    return open\n',
        // `len=len` keeps the builtin close at hand: it is still the builtin
        'def f(items, len=len, isinstance=isinstance):\n    return len(items)\n',
        'def outer():\n    def inner(x, id=id):\n        return id(x)\n    return inner\n',
        // declared global: the binding is the module's
        'def f():\n    global input\n    input = lambda prompt="": "y"\n',
        // a bare annotation assigns nothing
        'def f():\n    type: str\n    return 1\n',
        // stubs only describe names that live elsewhere
        { code: 'def f():\n    list = []\n    return list\n', path: 'stub.pyi' },
      ],
      invalid: [
        {
          code: 'def unique(text):\n    list = text.split()\n    return sorted(set(list))\n',
          errors: ['1:4-1:8'],
          output: 'def unique(text):\n    list_ = text.split()\n    return sorted(set(list_))\n',
        },
        {
          // loop, `with` and `except` targets; each name reported once, at its first binding
          code:
            'def f(paths):\n    for dir in paths:\n        print(dir)\n    with open(paths[0]) as input:\n        pass\n' +
            '    try:\n        pass\n    except OSError as type:\n        print(type)\n    dir = None\n',
          errors: ['1:8-1:11', '3:27-3:32', '7:22-7:26'],
          output:
            'def f(paths):\n    for dir_ in paths:\n        print(dir_)\n    with open(paths[0]) as input_:\n        pass\n' +
            '    try:\n        pass\n    except OSError as type_:\n        print(type_)\n    dir_ = None\n',
        },
        {
          // an import alias and a nested def inside a function
          code: 'def f():\n    import json as dict\n    def filter(x):\n        return x\n    return dict, filter\n',
          errors: ['1:19-1:23', '2:8-2:14'],
          output: 'def f():\n    import json as dict_\n    def filter_(x):\n        return x\n    return dict_, filter_\n',
        },
        {
          // a nested function reading the name is renamed with it; one binding its own keeps its own
          code:
            'def f(rows):\n    id = 0\n    def show():\n        return id\n    def other(id):\n        return id\n    return show, other\n',
          errors: ['1:4-1:6', '4:14-4:16'],
          output:
            'def f(rows):\n    id_ = 0\n    def show():\n        return id_\n    def other(id_):\n        return id_\n    return show, other\n',
        },
        {
          // reads from a class body nested in the function and from an f-string follow the rename
          code: 'def f():\n    type = "kind"\n    class K:\n        label = type\n    return f"{type}", K\n',
          errors: ['1:4-1:8'],
          output: 'def f():\n    type_ = "kind"\n    class K:\n        label = type_\n    return f"{type_}", K\n',
        },
        {
          // a default value of a nested function is read in the enclosing function
          code: 'def f():\n    hash = 7\n    def g(x=hash):\n        return x\n    return g()\n',
          errors: ['1:4-1:8'],
          output: 'def f():\n    hash_ = 7\n    def g(x=hash_):\n        return x\n    return g()\n',
        },
        {
          // a comprehension variable, and a lambda parameter
          code: 'names = [str(type) for type in (1, "a")]\nkey = lambda max: max + 1\n',
          errors: ['0:23-0:27', '1:13-1:16'],
          output: 'names = [str(type_) for type_ in (1, "a")]\nkey = lambda max_: max_ + 1\n',
        },
        {
          // positional-only parameters and `*args` cannot be passed by keyword
          code: 'def f(dict, /, *vars):\n    return dict, vars\n',
          errors: ['0:6-0:10', '0:16-0:20'],
          output: 'def f(dict_, /, *vars_):\n    return dict_, vars_\n',
        },
        {
          // a local in a method, with a decorator and comments in the way
          code:
            'class Report:\n    @property\n    def total(self):\n        # the sum of the rows\n        sum = 0\n' +
            '        for row in self.rows:\n            sum += row  # running\n        return sum\n',
          errors: ['4:8-4:11'],
          output:
            'class Report:\n    @property\n    def total(self):\n        # the sum of the rows\n        sum_ = 0\n' +
            '        for row in self.rows:\n            sum_ += row  # running\n        return sum_\n',
        },
        {
          // module-level data, unpacking and loop targets: reported, but others may import the name
          code: 'list = [1, 2, 3]\nmaj, min = 3, 11\nfor id in range(3):\n    pass\n',
          errors: ['0:0-0:4', '1:5-1:8', '2:4-2:6'],
          output: null,
        },
        {
          // `format_` is taken already
          code: 'def f(x):\n    format = "{}"\n    format_ = format.format\n    return format_(x)\n',
          errors: ['1:4-1:10'],
          output: null,
        },
        {
          // `type=type` hands the value on under the same name: renaming one side would break that
          code: 'def f(pairs, out):\n    for type, url in pairs:\n        out.append(lambda r, type=type: (r, type))\n',
          errors: ['1:8-1:12'],
          output: null,
        },
        {
          // `locals()` sees variables by name
          code: 'def f():\n    input = 1\n    return "%(input)s" % locals()\n',
          errors: ['1:4-1:9'],
          output: null,
        },
        {
          // an inner `nonlocal` declaration
          code: 'def f():\n    next = 0\n    def bump():\n        nonlocal next\n        next += 1\n    bump()\n    return next\n',
          errors: ['1:4-1:8'],
          output: null,
        },
        {
          // with postponed annotations, an annotation mentioning the name is not analysed: no rename
          code: 'from __future__ import annotations\ndef f():\n    type = int\n    def g(x: type) -> type:\n        return x\n    return g\n',
          errors: ['2:4-2:8'],
          output: null,
        },
      ],
    },
    it,
  );

  it('renames without changing what the program does (closures, class bodies, `del`, comprehensions)', async () => {
    const program = [
      'def tally(words):',
      '    list = [w.upper() for w in words]',
      '    def first():',
      '        return list[0]',
      '    class Box:',
      '        items = list',
      '    sorted_ = sorted(list)',
      '    try:',
      '        raise KeyError("k")',
      '    except KeyError as id:',
      '        message = f"{id!r}"',
      '    for str in list:',
      '        print(str, first(), len(Box.items), message)',
      '    del list',
      '    return sorted_',
      'print(tally(["b", "a"]))',
      '',
    ].join('\n');
    const parser = await testParser();
    const fixed = fixAll({ parser, text: program, settings: parseSettings({ select: ['PP101'] }), unsafe: true });
    assert.equal(fixed.applied, 3);
    assert.match(fixed.text, /list_ = \[w\.upper\(\)/);
    assertCompiles(fixed.text);
    assert.deepEqual(runPython(fixed.text), runPython(program));
  });

  it('names the kind of binding and where it hides the builtin', async () => {
    const [d] = await check('def f(paths):\n    for dir in paths:\n        pass\n', { select: ['PP101'] });
    assert.match(d.message, /^The loop variable `dir` hides the builtin `dir` in `f`/);
    assert.equal(d.severity, 'information');
  });
});
