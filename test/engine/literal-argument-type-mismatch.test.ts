import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parseSettings } from '../../server/src/engine';
import { ruleTests, testParser } from '../support/engine';

const RETRY = 'def retry(times: int, delay: float = 0.5, *, label: str = "", flag: bool = False, items: list[int] = None):\n    pass\n\n';

describe('PP706 literal-argument-type-mismatch', () => {
  ruleTests(
    'PP706',
    {
      valid: [
        // matching literals; int for float and complex, True for int, None where the default is None
        RETRY + 'retry(3, 1, label="x", flag=True, items=[1])\nretry(True, 0.5)\nretry(-1, -2.5, items=None)\nretry(3, items=[n for n in range(3)])\n',
        'def f(z: complex, b: bytes, t: tuple[int, ...], d: dict[str, int], s: set[int]):\n    pass\n\nf(1, b"x", (1, 2), {"a": 1}, {1})\n',
        // annotations that are not simple: unions, Optional, Any, type variables, aliases, other classes
        'def f(a: int | str, b: Optional[int], c: Any, d: T, e: Number, g: "int | None", h: typing.List[int]):\n    pass\n\nf("x", "y", "z", "w", "v", "u", "t")\n',
        // not literals
        RETRY + 'retry(count, delay=value, label=name)\n',
        // calls that unpack, extra positional arguments, unknown keywords
        RETRY + 'retry(*args)\nretry("x", **kw)\nretry(1, 2, 3)\nretry(1, nope="x")\n',
        // *args and **kwargs are not checked
        'def f(*args: int, **kwargs: int):\n    pass\n\nf("a", b="c")\n',
        // the function is decorated, bound twice, not at module level, or shadowed where it is called
        '@cache\ndef f(n: int):\n    pass\n\nf("x")\n',
        'def f(n: int):\n    pass\n\nf = other\nf("x")\n',
        'class C:\n    def f(self, n: int):\n        pass\n\nC().f("x")\n',
        'def f(n: int):\n    pass\n\ndef g(f):\n    f("x")\n',
        'def f(n: int):\n    pass\n\nclass C:\n    f = print\n    f("x")\n',
        // a module that defines its own `str`
        'class str:\n    pass\n\ndef f(s: str):\n    pass\n\nf(1)\n',
        // positional-only parameters cannot be passed by keyword
        'def f(n: int, /, **kw):\n    pass\n\nf(1, n="x")\n',
        // a method call with the same name
        'def f(n: int):\n    pass\n\nobj.f("x")\n',
      ],
      invalid: [
        {
          code: RETRY + 'retry("3", delay="1.5")\nretry(1.5, label=2, flag=1, items=(1,))\n',
          errors: ['3:6-3:9', '3:17-3:22', '4:6-4:9', '4:17-4:18', '4:25-4:26', '4:34-4:38'],
          output: null,
        },
        {
          // None against a parameter whose default is not None; bytes for str; a float for int
          code: 'def f(n: int, s: "str" = "x", b: bytes = b""):\n    pass\n\nf(None, b"x", "y")\nf(-1.0)\n',
          errors: ['3:2-3:6', '3:8-3:12', '3:14-3:17', '4:2-4:6'],
          output: null,
        },
        {
          // from inside functions and methods, async functions, keyword-only parameters, displays
          code: 'async def fetch(url: str, *, tries: int, headers: dict[str, str]):\n    pass\n\nclass Client:\n    def get(self):\n        return fetch(1, tries="3", headers=[("a", "b")])\n',
          errors: ['5:21-5:22', '5:30-5:33', '5:43-5:55'],
          output: null,
        },
      ],
    },
    it,
  );

  it('a caller cached with the old signature is re-checked when the annotation changes', async () => {
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP706'] });
    const before = 'def f(n: int):\n    pass\n\ndef g():\n    f(1)\n';
    const after = 'def f(n: str):\n    pass\n\ndef g():\n    f(1)\n';
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.deepEqual(first.diagnostics, []);
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    assert.deepEqual(second.diagnostics.map((d) => d.range.start), [{ line: 4, character: 6 }]);
  });
});
