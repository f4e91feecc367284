import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, fixAll, parseSettings } from '../../server/src/engine';
import { hover } from '../../server/src/engine/hover';
import { assertSameOutput, check, ruleTests, runPython, testParser } from '../support/engine';

const only = { select: ['PP206'] };

async function fixSafety(code: string, path?: string): Promise<Array<string | null>> {
  return (await check(code, only, path)).map((d) => d.fix?.safety ?? null);
}

describe('PP206 typing-builtin-alias', () => {
  ruleTests(
    'PP206',
    {
      valid: [
        // RULES: files targeting Python before 3.9
        { code: 'from typing import List\n\ndef f(x: List[int]) -> None:\n    pass\n', settings: { targetVersion: 'py38' } },
        // not annotations: aliases, casts, base classes, defaults, isinstance
        'from typing import List\n\nVector = List[float]\n',
        'from typing import List, cast\n\nitems = cast(List[int], raw)\n',
        'from typing import List\n\nclass Stack(List[int]):\n    pass\n',
        'from typing import Dict, TypeVar\n\nT = TypeVar("T", bound=Dict)\n',
        'from typing import List\n\ndef f(x=List):\n    pass\n',
        // string annotations are text, not code
        'from typing import List\n\ndef f(x: "List[int]") -> "List[str]":\n    pass\n',
        // `Annotated` metadata and `Literal` values are values
        'from typing import Annotated, List\n\ndef f(x: Annotated[int, Field(List)]) -> None:\n    pass\n',
        // not typing's
        'from mylib import List\n\ndef f(x: List[int]) -> None:\n    pass\n',
        'def f(x: List[int]) -> None:\n    pass\n',
        'import collections\n\ndef f(x: collections.Deque) -> None:\n    pass\n',
        // already the builtins
        'def f(x: list[int], y: dict[str, tuple[int, ...]]) -> type[int]:\n    pass\n',
      ],
      invalid: [
        {
          // the only use of `List`: the import goes too
          code: 'from typing import List\n\ndef first(items: List[int]) -> int:\n    return items[0]\n',
          errors: ['2:17-2:21'],
          output: '\ndef first(items: list[int]) -> int:\n    return items[0]\n',
        },
        {
          // several uses of `List` leave its import; the only use of `Dict` drops it from the import
          code: 'from typing import Dict, List\n\ndef f(x: List[int]) -> Dict[str, int]:\n    y: List[int] = []\n    return {}\n',
          errors: ['2:9-2:13', '2:23-2:27', '3:7-3:11'],
          output: 'from typing import List\n\ndef f(x: list[int]) -> dict[str, int]:\n    y: list[int] = []\n    return {}\n',
        },
        {
          // nested aliases, `import typing` and `import typing as t`, bare aliases
          code: 'import typing\nimport typing as t\n\ndef f(x: typing.Optional[typing.Dict[str, t.Set[int]]], y: t.Type) -> typing.Tuple:\n    pass\n',
          errors: ['3:25-3:36', '3:42-3:47', '3:59-3:65', '3:70-3:82'],
          output: 'import typing\nimport typing as t\n\ndef f(x: typing.Optional[dict[str, set[int]]], y: type) -> tuple:\n    pass\n',
        },
        {
          // the only use of the module: `import typing` goes
          code: '"""Doc."""\nimport typing\n\ndef f(q: typing.FrozenSet[str]) -> None:\n    pass\n',
          errors: ['3:9-3:25'],
          output: '"""Doc."""\n\ndef f(q: frozenset[str]) -> None:\n    pass\n',
        },
        {
          // Deque becomes collections.deque: the typing import turns into the collections one
          code: 'from typing import Deque\n\ndef f(q: Deque[int]) -> None:\n    pass\n',
          errors: ['2:9-2:14'],
          output: 'from collections import deque\n\ndef f(q: deque[int]) -> None:\n    pass\n',
        },
        {
          code: 'from typing import DefaultDict, Optional\n\ndef f(q: Optional[DefaultDict[str, int]]) -> None:\n    pass\n',
          errors: ['2:18-2:29'],
          output: 'from collections import defaultdict\nfrom typing import Optional\n\ndef f(q: Optional[defaultdict[str, int]]) -> None:\n    pass\n',
        },
        {
          // `deque` already imported; merged into an existing `from collections import`
          code: 'from collections import deque\nfrom typing import Deque\n\nq: Deque[int] = deque()\n',
          errors: ['3:3-3:8'],
          output: 'from collections import deque\n\nq: deque[int] = deque()\n',
        },
        {
          code: 'from collections import OrderedDict\nfrom typing import DefaultDict, Deque\n\na: DefaultDict[str, int]\nb: Deque[str]\nc: Deque[int]\n',
          errors: ['3:3-3:14', '4:3-4:8', '5:3-5:8'],
          // (the two `, deque` insertions conflict, so fix-all takes one per pass and the last one drops the import)
          output: 'from collections import OrderedDict, defaultdict, deque\n\na: defaultdict[str, int]\nb: deque[str]\nc: deque[int]\n',
        },
        {
          // module, class and local variables; a multi-line annotation with a comment
          code: 'from typing import Dict, List, Tuple\n\nREGISTRY: Dict[str, int] = {}\n\nclass Point:\n    coords: Tuple[\n        int,  # x\n        int,  # y\n    ]\n\n    def parts(self) -> None:\n        out: List[str] = []\n',
          errors: ['2:10-2:14', '5:12-5:17', '11:13-11:17'],
          output: '\nREGISTRY: dict[str, int] = {}\n\nclass Point:\n    coords: tuple[\n        int,  # x\n        int,  # y\n    ]\n\n    def parts(self) -> None:\n        out: list[str] = []\n',
        },
        {
          // decorated method, nested function, `async def`
          code: 'from typing import List, Set\n\nclass Repo:\n    @property\n    def names(self) -> List[str]:\n        async def load(keys: Set[str]) -> None:\n            pass\n        return []\n',
          errors: ['4:23-4:27', '5:29-5:32'],
          output: '\nclass Repo:\n    @property\n    def names(self) -> list[str]:\n        async def load(keys: set[str]) -> None:\n            pass\n        return []\n',
        },
        {
          // the class has a method named `list`: in its body `list[str]` would be that method
          code: 'from typing import List\n\nclass Shelf:\n    def list(self):\n        return []\n\n    def names(self) -> List[str]:\n        return []\n',
          errors: ['6:23-6:27'],
          output: null,
        },
        {
          // a class attribute named `type`
          code: 'from typing import Type\n\nclass Field:\n    type: str\n    model: Type[object]\n',
          errors: ['4:11-4:15'],
          output: null,
        },
        {
          // a parameter named `list` in the function where the annotation is evaluated
          code: 'from typing import List\n\ndef outer(list):\n    def inner(x: List[int]) -> None:\n        pass\n    return inner\n',
          errors: ['3:17-3:21'],
          output: null,
        },
        {
          // `deque` means something else here
          code: 'from typing import Deque\nfrom mylib import deque\n\ndef f(q: Deque[int]) -> None:\n    pass\n',
          errors: ['3:9-3:14'],
          output: null,
        },
        {
          // the import stays in a package's __init__.py (others import names from it)
          code: 'from typing import List\n\ndef f(x: List[int]) -> None:\n    pass\n',
          path: 'pkg/__init__.py',
          errors: ['2:9-2:13'],
          output: 'from typing import List\n\ndef f(x: list[int]) -> None:\n    pass\n',
        },
        {
          // and when the word appears anywhere else (here `__all__`)
          code: 'from typing import List\n\n__all__ = ["List"]\n\ndef f(x: List[int]) -> None:\n    pass\n',
          errors: ['4:9-4:13'],
          output: 'from typing import List\n\n__all__ = ["List"]\n\ndef f(x: list[int]) -> None:\n    pass\n',
        },
        {
          // RULES: 3.9 is enough
          code: 'from typing import Tuple\n\npair: Tuple[int, int] = (1, 2)\n',
          settings: { targetVersion: 'py39' },
          errors: ['2:6-2:11'],
          output: '\npair: tuple[int, int] = (1, 2)\n',
        },
      ],
    },
    it,
  );

  it('is safe only where the annotation is never evaluated, and when no import goes', async () => {
    const code = [
      'from typing import Dict, List',
      '',
      'def f(x: List[int]) -> Dict[str, int]:',
      '    local: List[int] = []',
      '    self.attr: Dict[str, int] = {}',
      '    return {}',
      '',
      'class C:',
      '    field: List[int]',
      '',
      'top: List[int] = []',
      '',
    ].join('\n');
    assert.deepEqual(await fixSafety(code), ['unsafe', 'unsafe', 'safe', 'safe', 'unsafe', 'unsafe']);
    // Under the future import annotations are kept as text and still read back: unsafe too.
    assert.deepEqual(await fixSafety(`from __future__ import annotations\n${code}`), ['unsafe', 'unsafe', 'safe', 'safe', 'unsafe', 'unsafe']);
    // Stubs never run.
    assert.deepEqual(await fixSafety(code, 'mod.pyi'), ['safe', 'safe', 'safe', 'safe', 'safe', 'safe']);
    // Dropping the import removes a module-level name: unsafe, even for a local annotation.
    assert.deepEqual(await fixSafety('from typing import List\n\ndef f():\n    x: List[int] = []\n    return x\n'), ['unsafe']);
  });

  it('safe fixes (local annotations) leave what the program does unchanged', async () => {
    const fixed = await assertSameOutput(
      'PP206',
      [
        'import typing',
        'from typing import DefaultDict, Deque, Dict, List',
        '',
        'class Tally:',
        '    def __init__(self) -> None:',
        '        self.counts: Dict[str, int] = {}',
        '',
        '    def add(self, words: List[str]) -> Dict[str, int]:',
        '        seen: List[str] = []',
        '        order: Deque[str]',
        '        groups: DefaultDict[str, List[str]] = typing.cast(DefaultDict[str, List[str]], {})',
        '        pair: typing.Tuple[int, int] = (0, 0)',
        '        for word in words:',
        '            self.counts[word] = self.counts.get(word, 0) + 1',
        '            seen.append(word)',
        '        return self.counts',
        '',
        'def undefined_names_are_never_looked_up() -> str:',
        '    value: List[NotDefinedAnywhere] = []',
        '    return "ok"',
        '',
        't = Tally()',
        'print(t.add(["a", "b", "a"]))',
        'print(Tally.add.__annotations__, Tally.__init__.__annotations__)',
        'print(undefined_names_are_never_looked_up(), undefined_names_are_never_looked_up.__annotations__)',
        // A safe fix may add an import but never takes a name away from the module.
        'print([name in globals() for name in ("typing", "DefaultDict", "Deque", "Dict", "List")])',
      ].join('\n') + '\n',
      { fixes: 6 },
    );
    assert.match(fixed, /seen: list\[str\]/);
    assert.match(fixed, /self\.counts: dict\[str, int\]/);
    assert.match(fixed, /def add\(self, words: List\[str\]\) -> Dict\[str, int\]/, 'parameter and return annotations are unsafe');
  });

  it('evidence for unsafe: with the future import, singledispatch reads the annotation back', async () => {
    // A bare `List` annotation is refused by singledispatch (typing.List is not a class); `list` is accepted.
    const program = [
      'from __future__ import annotations',
      'import functools',
      'from typing import List',
      '',
      '@functools.singledispatch',
      'def size(value):',
      '    return "scalar"',
      '',
      'try:',
      '    @size.register',
      '    def _(value: List):',
      '        return len(value)',
      '    print(size([1, 2]))',
      'except TypeError as error:',
      '    print("TypeError")',
      '',
    ].join('\n');
    const parser = await testParser();
    const settings = parseSettings(only);
    const tree = parser.parse(program)!;
    const [d] = analyze({ tree, text: program, settings }).diagnostics;
    tree.delete();
    assert.equal(d.fix?.safety, 'unsafe');
    const fixed = fixAll({ parser, text: program, settings, unsafe: true }).text;
    assert.equal(runPython(program).stdout, 'TypeError\n');
    assert.equal(runPython(fixed).stdout, '2\n');
  });

  it('a new use of the name elsewhere in the file keeps the import (recorded through the module facts)', async () => {
    const parser = await testParser();
    const settings = parseSettings(only);
    const before = 'from typing import List\n\ndef f(x: List[int]) -> None:\n    pass\n\ndef g():\n    pass\n';
    const after = before.replace('def g():', 'def g(y: "List[str]"):');
    const first = analyze({ tree: parser.parse(before)!, text: before, settings });
    assert.equal(first.diagnostics[0].fix?.edits.length, 2, 'the only use: the import goes');
    const second = analyze({ tree: parser.parse(after)!, text: after, settings, cache: first.cache });
    assert.equal(second.diagnostics[0].fix?.edits.length, 1, 'another use: the import stays');
    assert.equal(applyEdits(after, second.diagnostics[0].fix!.edits), after.replace('x: List[int]', 'x: list[int]'));
  });

  it("the hover on a diagnostic states that diagnostic's own fix safety", async () => {
    const parser = await testParser();
    const text = 'from typing import Dict, List\n\ndef f(x: List[int]) -> None:\n    y: Dict[str, int] = {}\n    z: List[int] = []\n';
    const diagnostics = await check(text, only);
    const tree = parser.parse(text)!;
    const at = (line: number, character: number) => hover({ tree, position: { line, character }, diagnostics })!.markdown;
    assert.match(at(2, 10), /it may change behaviour/);
    assert.match(at(4, 8), /it is safe, so \*Fix all\* applies it too/);
    tree.delete();
  });
});
