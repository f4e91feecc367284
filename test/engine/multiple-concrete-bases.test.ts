import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/engine';
import { ruleTests, testParser } from '../support/engine';

const A = 'class A:\n    def __init__(self):\n        self.a = 1\n\n';
const B = 'class B:\n    def __init__(self):\n        self.b = 2\n\n';

describe('PP313 multiple-concrete-bases', () => {
  ruleTests(
    'PP313',
    {
      valid: [
        // one base of this module, or none
        `${A}class C(A, object):\n    pass\n`,
        'import threading\nclass C(threading.Thread, dict):\n    pass\n',
        // the class runs both initialisers itself
        `${A}${B}class C(A, B):\n    def __init__(self):\n        A.__init__(self)\n        B.__init__(self)\n`,
        // cooperative initialisers
        `class A:\n    def __init__(self):\n        super().__init__()\n        self.a = 1\n\n${B}class C(A, B):\n    pass\n`,
        // the first initialiser calls the second itself
        `${B}class A:\n    def __init__(self):\n        B.__init__(self)\n\nclass C(A, B):\n    pass\n`,
        // mixins, ABCs, protocols and exceptions are not concrete bases here
        `${A}class LogMixin:\n    def __init__(self):\n        self.lines = []\n\nclass C(A, LogMixin):\n    pass\n`,
        `import abc\n${A}class B(abc.ABC):\n    def __init__(self):\n        self.b = 2\n\nclass C(A, B):\n    pass\n`,
        'class E1(Exception):\n    def __init__(self):\n        self.a = 1\n\nclass E2(Exception):\n    def __init__(self):\n        self.b = 1\n\nclass E(E1, E2):\n    pass\n',
        // only one base brings an initialiser
        `${A}class B:\n    def run(self):\n        return 1\n\nclass C(A, B):\n    pass\n`,
        // diamonds: one shared initialiser, or one that overrides the shared one
        'class P:\n    def __init__(self):\n        self.p = 1\n\nclass A(P):\n    pass\n\nclass B(P):\n    pass\n\nclass C(A, B):\n    pass\n',
        'class P:\n    def __init__(self):\n        self.p = 1\n\nclass A(P):\n    pass\n\nclass B(P):\n    def __init__(self):\n        self.b = 1\n\nclass C(A, B):\n    pass\n',
        // a base from elsewhere comes first and may have an initialiser of its own
        `import base\nclass A(base.Model):\n    pass\n\n${B}class B2:\n    def __init__(self):\n        self.c = 1\n\nclass C(A, B, B2):\n    pass\n`,
        // test cases whose bases come from elsewhere
        'import unittest\nclass BaseA(unittest.TestCase):\n    pass\n\nclass BaseB(BaseA):\n    def test_x(self):\n        pass\n\nclass BaseC(unittest.TestCase):\n    pass\n\nclass Mixed(BaseC, BaseB):\n    pass\n',
        // decorators and metaclasses may write `__init__`
        `import dataclasses\n${A}${B}@dataclasses.dataclass\nclass C(A, B):\n    x: int = 0\n`,
        `${A}${B}class C(A, B, metaclass=Meta):\n    pass\n`,
        // a class inside a function
        `${A}${B}def f():\n    class C(A, B):\n        pass\n    return C\n`,
        // a name bound twice is not known to be the class
        `${A}${B}B = wrap(B)\nclass C(A, B):\n    pass\n`,
      ],
      invalid: [
        {
          code: `${A}${B}class C(A, B):\n    pass\n`,
          errors: ['8:6-8:7'],
          output: null,
        },
        {
          // a base from elsewhere after the initialisers does not matter
          code: `import unittest\n${A}class B(unittest.TestCase):\n    def __init__(self):\n        self.b = 2\n\nclass C(A, B):\n    pass\n`,
          errors: ['9:6-9:7'],
          output: null,
        },
        {
          // the initialisers come from ancestors; the class skipped is named in the message
          code: `${A}class A2(A):\n    pass\n\nclass P:\n    def __init__(self, n):\n        self.p = n\n\nclass B(P):\n    pass\n\nclass C(A2, B):\n    x = 1\n`,
          errors: ['14:6-14:7'],
          output: null,
        },
      ],
    },
    it,
  );

  it('names the initialiser that runs and the one that never does', async () => {
    const parser = await testParser();
    const text = `${A}${B}class C(A, B):\n    pass\n`;
    const { diagnostics } = analyze({ tree: parser.parse(text)!, text, settings: { ...DEFAULT_SETTINGS, select: ['PP313'] } });
    assert.match(diagnostics[0].message, /`A\.__init__` runs .* so `B\.__init__` never runs for a `C`/);
  });

  it('re-analyses the class when a base starts cooperating, and only then', async () => {
    const parser = await testParser();
    const settings = { ...DEFAULT_SETTINGS, select: ['PP313'] };
    const before = `${A}${B}class C(A, B):\n    pass\n`;
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.equal(first.diagnostics.length, 1);
    // `B.__init__` changes, but what the rule asked about `B` (its bases and the calls of its `__init__`) does not.
    const quiet = before.replace('self.b = 2', 'self.b = 3');
    const second = analyze({ tree: parser.parse(quiet)!, text: quiet, settings, cache: first.cache });
    assert.deepEqual(second.stats, { units: 5, analysed: 1 });
    assert.equal(second.diagnostics.length, 1);
    // `A.__init__` now passes the call on: A's method and the class C are analysed again, and the report goes.
    const cooperative = quiet.replace('        self.a = 1\n', '        super().__init__()\n        self.a = 1\n');
    const third = analyze({ tree: parser.parse(cooperative)!, text: cooperative, settings, cache: second.cache });
    assert.deepEqual(third.stats, { units: 5, analysed: 2 });
    assert.deepEqual(third.diagnostics, []);
  });
});
