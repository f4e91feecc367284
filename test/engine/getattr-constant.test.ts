import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSameOutput, check, ruleTests } from '../support/engine';

describe('PP705 getattr-constant', () => {
  ruleTests(
    'PP705',
    {
      valid: [
        // a default, a computed name, keywords, mangled names, `__debug__`, not identifiers
        'getattr(x, "name", None)\n',
        'getattr(x, name)\n',
        'getattr(x, "na" + "me")\n',
        'getattr(x, f"name")\n',
        'getattr(x, "class")\n',
        'getattr(x, "None")\n',
        'class C:\n    def m(self):\n        return getattr(self, "__secret")\n',
        'setattr(x, "__debug__", 1)\n',
        'getattr(x, "not-a-name")\n',
        'getattr(x, "")\n',
        'getattr(x, "caf\u00e9")\n',
        'getattr(x, "\\u0061")\n',
        // starred arguments, keywords, the wrong number of arguments
        'getattr(*args)\n',
        'getattr(x, "a", *rest)\n',
        'setattr(x, "a")\n',
        // setattr's value (None) is used
        'result = setattr(x, "a", 1)\n',
        'print(setattr(x, "a", 1))\n',
        'ok = lambda: setattr(x, "a", 1)\n',
        // the module's own getattr, a parameter named setattr
        'def getattr(o, n):\n    return n\n\ngetattr(x, "a")\n',
        'def f(setattr):\n    setattr(x, "a", 1)\n',
        // tests of the builtins themselves
        'class T:\n    def test_getattr(self):\n        self.assertIs(getattr(sys, "stdout"), sys.stdout)\n',
      ],
      invalid: [
        {
          code: 'def label(widget):\n    text = getattr(widget, "text")\n    setattr(widget, "dirty", False)\n    return text\n',
          errors: ['1:11-1:34', '2:4-2:35'],
          output: 'def label(widget):\n    text = widget.text\n    widget.dirty = False\n    return text\n',
        },
        {
          // receivers that need parentheses; single quotes and raw strings; dunders are fine
          code: "a = getattr(1, 'real') + getattr(b + c, r'x') + getattr(await_it(), '__name__')\nd = getattr(-n, 'imag')\ne = getattr('abc', 'upper')()\n",
          errors: ['0:4-0:22', '0:25-0:45', '0:48-0:79', '1:4-1:23', '2:4-2:27'],
          output: "a = (1).real + (b + c).x + await_it().__name__\nd = (-n).imag\ne = 'abc'.upper()\n",
        },
        {
          // a receiver split across lines gets parentheses; one split inside its own brackets does not
          code: 'x = getattr(a\n            .b, "c")\ny = getattr(f(\n    1), "c")\nz = getattr(f\n    (1), "c")\nw = getattr(f(1)[\n    0], "c")\n',
          errors: ['0:4-1:20', '2:4-3:12', '4:4-5:13', '6:4-7:12'],
          output: 'x = (a\n            .b).c\ny = f(\n    1).c\nz = (f\n    (1)).c\nw = f(1)[\n    0].c\n',
        },
        {
          // setattr's value: a walrus and a multi-line expression are parenthesized
          code: 'def f(o, g):\n    setattr(o, "a", b := g())\n    setattr(o, "c", 1 +\n            2)\n    return b\n',
          errors: ['1:4-1:29', '2:4-3:14'],
          output: 'def f(o, g):\n    o.a = (b := g())\n    o.c = (1 +\n            2)\n    return b\n',
        },
        {
          // a comment inside, a type comment after setattr: reported, not fixed
          code: 'x = getattr(obj,  # which\n            "name")\nsetattr(obj, "n", 1)  # type: int\n',
          errors: ['0:4-1:19', '2:0-2:20'],
          output: null,
        },
        {
          // inside a class the receiver mangles nothing: a dunder name, a nested function
          code: 'class C:\n    def m(self):\n        def inner():\n            return getattr(self, "__dict__")\n        return inner\n',
          errors: ['3:19-3:44'],
          output: 'class C:\n    def m(self):\n        def inner():\n            return self.__dict__\n        return inner\n',
        },
      ],
    },
    it,
  );

  it('setattr is fixed safely only when the order of evaluation cannot show', async () => {
    const code = [
      'def f(obj, make, value):',
      '    setattr(obj, "a", make())',
      '    setattr(make(), "b", 1)',
      '    setattr(make(), "c", value)',
      '    setattr(make(), "d", make())',
      '    setattr(obj.x, "e", make())',
      '    obj = 2',
      '',
    ].join('\n');
    const found = await check(code, { select: ['PP705'] });
    assert.deepEqual(found.map((d) => d.fix?.safety), ['unsafe', 'safe', 'safe', 'unsafe', 'unsafe']);
  });

  it('the safe fix keeps what the program does: properties, __getattr__, __getattribute__, errors midway, receivers with side effects', async () => {
    const program = [
      'class Plain:',
      '    pass',
      '',
      'class Loud:',
      '    def __init__(self):',
      '        self.log = []',
      '    @property',
      '    def size(self):',
      '        print("size read")',
      '        return 3',
      '    @size.setter',
      '    def size(self, value):',
      '        print("size set to", value)',
      '    def __getattr__(self, name):',
      '        print("fallback for", name)',
      '        if name == "missing":',
      '            raise AttributeError(name)',
      '        return name.upper()',
      '',
      'class Watched:',
      '    def __getattribute__(self, name):',
      '        print("looking up", name)',
      '        return object.__getattribute__(self, name)',
      '    def __setattr__(self, name, value):',
      '        print("setting", name, value)',
      '        object.__setattr__(self, name, value)',
      '',
      'def make(kind):',
      '    print("making", kind.__name__)',
      '    return kind()',
      '',
      'def run(obj, value):',
      '    setattr(obj, "size", value)',
      '    setattr(obj, "other", 7)',
      '    print(getattr(obj, "size"), getattr(obj, "anything"))',
      '    print(getattr(make(Loud), "extra"))',
      '    try:',
      '        print(getattr(obj, "missing"))',
      '    except AttributeError as e:',
      '        print("AttributeError", e)',
      '',
      'run(Loud(), 5)',
      'w = Watched()',
      'setattr(w, "a", 1)',
      'print(getattr(w, "a"), getattr(1, "real"), getattr(2 + 3, "imag"))',
      'setattr(make(Plain), "x", 1)',
      'try:',
      '    getattr(make(Plain), "nope")',
      'except AttributeError as e:',
      '    print("AttributeError", e)',
      'try:',
      '    setattr(1, "real", 2)',
      'except AttributeError as e:',
      '    print("AttributeError", e)',
      '',
    ].join('\n');
    const fixed = await assertSameOutput('PP705', program, { fixes: 13 });
    assert.match(fixed, /print\(w\.a, \(1\)\.real, \(2 \+ 3\)\.imag\)/);
    assert.match(fixed, /make\(Plain\)\.x = 1/);
  });
});
