// The knowledge base is complete and well-formed: every special name of the
// Python 3.11 data model, every keyword and idiom the product promises, and
// entries whose parts (summary, example, partners, docs) are usable.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { displayName, KNOWLEDGE_BASE, KNOWN_DUNDERS, lookup, nearestDunder, suggest } from '../../server/src/engine/explanations';
import { BUILTIN_TYPES } from '../../server/src/engine/explanations/builtin-types';
import { CONCEPTS, CONCURRENCY_AND_TYPES } from '../../server/src/engine/explanations/concurrency';
import { BUILTIN_CONSTANTS, BUILTIN_FUNCTIONS } from '../../server/src/engine/explanations/builtins';
import { SPECIAL_METHODS } from '../../server/src/engine/explanations/dunders';
import { IDIOMS } from '../../server/src/engine/explanations/idioms';
import { KEYWORDS } from '../../server/src/engine/explanations/keywords';
import { renderExplanation } from '../../server/src/engine/explanations/render';
import { SPECIAL_ATTRIBUTES } from '../../server/src/engine/explanations/special-attributes';
import { STDLIB } from '../../server/src/engine/explanations/stdlib';
import { CALL_TRIGGERS } from '../../server/src/engine/explanations/triggers';
import { UNDERSCORE_FORMS } from '../../server/src/engine/explanations/underscores';

/** Section 3.3 of the 3.11 language reference, "Special method names", in its order. */
const DATA_MODEL_METHODS = [
  // 3.3.1 basic customization
  '__new__', '__init__', '__del__', '__repr__', '__str__', '__bytes__', '__format__',
  '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__', '__hash__', '__bool__',
  // 3.3.2 attribute access, descriptors
  '__getattr__', '__getattribute__', '__setattr__', '__delattr__', '__dir__',
  '__get__', '__set__', '__delete__',
  // 3.3.3 class creation
  '__init_subclass__', '__set_name__', '__mro_entries__', '__prepare__',
  '__instancecheck__', '__subclasscheck__', '__class_getitem__',
  // 3.3.6 callables, 3.3.7 containers
  '__call__', '__len__', '__length_hint__', '__getitem__', '__setitem__', '__delitem__',
  '__missing__', '__iter__', '__reversed__', '__contains__',
  // 3.3.8 numbers
  '__add__', '__sub__', '__mul__', '__matmul__', '__truediv__', '__floordiv__', '__mod__', '__divmod__',
  '__pow__', '__lshift__', '__rshift__', '__and__', '__xor__', '__or__',
  '__radd__', '__rsub__', '__rmul__', '__rmatmul__', '__rtruediv__', '__rfloordiv__', '__rmod__', '__rdivmod__',
  '__rpow__', '__rlshift__', '__rrshift__', '__rand__', '__rxor__', '__ror__',
  '__iadd__', '__isub__', '__imul__', '__imatmul__', '__itruediv__', '__ifloordiv__', '__imod__',
  '__ipow__', '__ilshift__', '__irshift__', '__iand__', '__ixor__', '__ior__',
  '__neg__', '__pos__', '__abs__', '__invert__',
  '__complex__', '__int__', '__float__', '__index__', '__round__', '__trunc__', '__floor__', '__ceil__',
  // 3.3.9 context managers, 3.4 coroutines
  '__enter__', '__exit__', '__await__', '__aiter__', '__anext__', '__aenter__', '__aexit__',
  // iterator protocol (library reference, used by every `for`)
  '__next__',
];

/** Special attributes: read by Python from a class body, or set by Python on modules, classes, instances, functions. */
const DATA_MODEL_ATTRIBUTES = [
  '__slots__', '__dict__', '__weakref__', '__match_args__', '__objclass__', '__classcell__',
  // modules
  '__name__', '__all__', '__file__', '__doc__', '__main__', '__path__', '__spec__', '__loader__',
  '__package__', '__builtins__', '__annotations__', '__cached__',
  // classes and instances
  '__class__', '__mro__', '__bases__', '__qualname__', '__module__', '__subclasses__',
  // functions and methods
  '__defaults__', '__kwdefaults__', '__code__', '__globals__', '__closure__', '__self__', '__func__',
];

const KEYWORD_KEYS = [
  'global', 'nonlocal', 'del', 'is', 'is not', 'lambda', 'yield', 'yield from', 'async', 'await',
  'async for', 'async with', 'with', 'for-else', 'while-else', 'try-else', 'try', 'finally',
  '*args', '**kwargs', '*', '/', '*iterable', '**mapping',
];

const IDIOM_KEYS = [
  'builtins.classmethod', 'builtins.staticmethod', 'builtins.property', 'property.setter', 'property.deleter',
  'dataclasses.dataclass', 'dataclasses.field',
  'functools.wraps', 'functools.partial', 'functools.lru_cache', 'functools.cache', 'functools.total_ordering', 'functools.singledispatch',
  'operator.itemgetter', 'operator.attrgetter', 'operator.methodcaller',
  'collections.deque', 'collections.Counter', 'collections.defaultdict', 'collections.OrderedDict', 'collections.namedtuple',
  'collections.ChainMap', 'collections.UserDict', 'collections.UserList', 'collections.UserString',
  'copy.copy', 'copy.deepcopy', 'unicodedata.normalize',
  'numbers.Number', 'numbers.Complex', 'numbers.Real', 'numbers.Rational', 'numbers.Integral',
  ...[
    'Container', 'Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Callable', 'Collection',
    'Sequence', 'MutableSequence', 'ByteString', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView',
    'ItemsView', 'KeysView', 'ValuesView', 'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
  ].map((n) => `collections.abc.${n}`),
  'weakref.ref', 'weakref.WeakValueDictionary', 'weakref.WeakKeyDictionary', 'weakref.WeakSet', 'weakref.finalize',
  'asyncio.run', 'asyncio.gather', 'asyncio.create_task', 'asyncio.wait',
  'concurrent.futures.ThreadPoolExecutor', 'concurrent.futures.ProcessPoolExecutor', 'concurrent.futures.as_completed',
  'multiprocessing.Pool', 'multiprocessing.Process', 'threading.Lock', 'contextlib.contextmanager',
  // the itertools functions the post names
  'itertools.dropwhile', 'itertools.filterfalse', 'itertools.accumulate', 'itertools.starmap', 'itertools.zip_longest', 'itertools.chain',
];

const MUTABILITY: Record<string, { mutable: boolean; hashable: string }> = {
  'builtins.list': { mutable: true, hashable: 'never' },
  'builtins.dict': { mutable: true, hashable: 'never' },
  'builtins.set': { mutable: true, hashable: 'never' },
  'builtins.bytearray': { mutable: true, hashable: 'never' },
  'builtins.tuple': { mutable: false, hashable: 'when every item is' },
  'builtins.frozenset': { mutable: false, hashable: 'always' },
  'builtins.str': { mutable: false, hashable: 'always' },
  'builtins.bytes': { mutable: false, hashable: 'always' },
};

function missing(expected: readonly string[], table: Readonly<Record<string, unknown>>): string[] {
  return expected.filter((name) => !(name in table));
}

describe('knowledge base completeness', () => {
  it('has an entry for every special method name of the 3.11 data model', () => {
    assert.deepEqual(missing(DATA_MODEL_METHODS, SPECIAL_METHODS), []);
  });

  it('has an entry for every special attribute of modules, classes, instances and functions', () => {
    assert.deepEqual(missing(DATA_MODEL_ATTRIBUTES, SPECIAL_ATTRIBUTES), []);
  });

  it('covers every dunder CPython itself defines on the core types (cross-check by introspection)', () => {
    const script = [
      'import types, collections.abc as abc',
      'names = set()',
      'for o in (object, int, float, complex, list, dict, set, frozenset, tuple, str, bytes, type,',
      '          types.ModuleType, types.FunctionType, types.MethodType, abc.Coroutine, abc.AsyncGenerator):',
      '    names |= {n for n in dir(o) if n.startswith("__") and n.endswith("__")}',
      'print("\\n".join(sorted(names)))',
    ].join('\n');
    const names = execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim().split('\n');
    // CPython implementation details of `type` and `float`, not part of the language.
    const internals = new Set(['__base__', '__basicsize__', '__dictoffset__', '__flags__', '__itemsize__', '__weakrefoffset__', '__getformat__', '__text_signature__']);
    assert.deepEqual(names.filter((n) => !internals.has(n) && !KNOWN_DUNDERS.has(n)), []);
  });

  it('has the keywords, statements and signature markers', () => {
    assert.deepEqual(missing(KEYWORD_KEYS, KEYWORDS), []);
  });

  it('has the decorators and library idioms', () => {
    assert.deepEqual(missing(IDIOM_KEYS, IDIOMS), []);
  });

  it('states the mutability and hashability of the builtin containers and text types', () => {
    for (const [key, facts] of Object.entries(MUTABILITY)) assert.deepEqual(BUILTIN_TYPES[key]?.mutability, facts, key);
  });

  it('explains every underscore form', () => {
    assert.deepEqual(Object.keys(UNDERSCORE_FORMS).sort(), ['dunder', 'internal', 'mangled', 'throwaway', 'trailing']);
  });

  it('sends every builtin that calls a special method to an existing entry', () => {
    for (const [callable, dunders] of Object.entries(CALL_TRIGGERS)) {
      for (const d of dunders) assert.ok(KNOWLEDGE_BASE.has(d), `${callable} -> ${d}`);
    }
    assert.deepEqual(CALL_TRIGGERS['builtins.len'], ['__len__']);
    assert.deepEqual(CALL_TRIGGERS['builtins.hash'], ['__hash__']);
  });
});

describe('knowledge base entries', () => {
  const tables = [SPECIAL_METHODS, SPECIAL_ATTRIBUTES, KEYWORDS, IDIOMS, STDLIB, BUILTIN_TYPES, BUILTIN_FUNCTIONS, BUILTIN_CONSTANTS, CONCURRENCY_AND_TYPES, CONCEPTS];

  it('never reuse a key across tables', () => {
    const total = tables.reduce((n, t) => n + Object.keys(t).length, 0);
    assert.equal(KNOWLEDGE_BASE.size, total);
  });

  it('have a one-line summary, a trigger, a 2–6 line example and an https docs link', () => {
    for (const { key, entry } of KNOWLEDGE_BASE.values()) {
      assert.ok(entry.summary.length > 10 && !entry.summary.includes('\n'), `${key}: summary`);
      assert.ok(entry.trigger.length > 5 && !entry.trigger.includes('\n'), `${key}: trigger`);
      const exampleLines = entry.example.split('\n').length;
      assert.ok(exampleLines >= 2 && exampleLines <= 6, `${key}: example has ${exampleLines} lines`);
      assert.match(entry.docs, /^https:\/\/(docs\.python\.org\/3(\.11)?\/|peps\.python\.org\/pep-\d{4}\/)/, `${key}: docs`);
    }
  });

  it('name partners that exist and name them back', () => {
    for (const { key, entry } of KNOWLEDGE_BASE.values()) {
      for (const partner of entry.partners ?? []) {
        const other = KNOWLEDGE_BASE.get(partner);
        assert.ok(other, `${key}: partner ${partner} has no entry`);
        assert.ok(other.entry.partners?.includes(key), `${partner} should list ${key} as a partner`);
      }
    }
    assert.deepEqual([...KNOWLEDGE_BASE.get('__eq__')!.entry.partners!].sort(), ['__hash__', '__ne__', 'is']);
    assert.ok(KNOWLEDGE_BASE.get('__enter__')!.entry.partners!.includes('__exit__'));
  });

  it('have examples that CPython compiles', () => {
    const examples = [...KNOWLEDGE_BASE.values()].map(({ key, entry }) => ({ key, source: entry.example }));
    for (const [form, entry] of Object.entries(UNDERSCORE_FORMS)) examples.push({ key: `underscore:${form}`, source: entry.example });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-examples-'));
    const file = path.join(dir, 'examples.json');
    fs.writeFileSync(file, JSON.stringify(examples));
    const script = [
      'import json, sys',
      'bad = []',
      'for e in json.load(open(sys.argv[1], encoding="utf-8")):',
      '    try: compile(e["source"], e["key"], "exec")',
      '    except SyntaxError as err: bad.append(f"{e[\'key\']}: {err}")',
      'print("\\n".join(bad))',
    ].join('\n');
    try {
      assert.equal(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim(), '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('render to the same markdown shape everywhere', () => {
    assert.equal(
      renderExplanation(KNOWLEDGE_BASE.get('__len__')!),
      [
        '**`__len__`** · special method',
        '',
        'The number of items; must return an integer >= 0.',
        '',
        '**When Python uses it:** `len(x)`; also truthiness (`if x:`) when there is no `__bool__`.',
        '',
        '**Goes with:** `__getitem__`, `__bool__`, `__length_hint__`',
        '',
        '```python',
        'class Playlist:',
        '    def __init__(self, songs):',
        '        self._songs = list(songs)',
        '    def __len__(self):',
        '        return len(self._songs)',
        '```',
        '',
        '[Python docs](https://docs.python.org/3/reference/datamodel.html#object.__len__)',
      ].join('\n'),
    );
  });

  it('list every option when asked, and mark mutability of builtin types', () => {
    const dataclass = renderExplanation(KNOWLEDGE_BASE.get('dataclasses.dataclass')!, { allOptions: true });
    assert.match(dataclass, /\n\*\*Options:\*\*\n- `frozen` — when true, assigning to a field raises `FrozenInstanceError`/);
    assert.match(dataclass, /\n- `slots` — when true \(3\.10\+\)/);
    const list = renderExplanation(KNOWLEDGE_BASE.get('builtins.list')!);
    assert.equal(list.split('\n').slice(0, 5).join('\n'), [
      '**`list`** · builtin type',
      '',
      'A mutable sequence: items can be added, removed and replaced in place, so lists cannot be hashed.',
      '',
      '**mutable** · **unhashable**',
    ].join('\n'));
    assert.match(renderExplanation(KNOWLEDGE_BASE.get('builtins.tuple')!), /\n\*\*immutable\*\* · \*\*hashable when every item is\*\*\n/);
  });
});

describe('lookup by what a reader types', () => {
  const keys = (q: string) => lookup(q).map((e) => e.key);

  it('finds exact keys, builtins, operators and dotted tails', () => {
    assert.deepEqual(keys('__hash__'), ['__hash__']);
    assert.deepEqual(keys('nonlocal'), ['nonlocal']);
    assert.deepEqual(keys('property'), ['builtins.property']);
    assert.deepEqual(keys('functools.partial'), ['functools.partial']);
    assert.deepEqual(keys('partial'), ['functools.partial']);
    assert.deepEqual(keys('abc.Mapping'), ['collections.abc.Mapping']);
    assert.deepEqual(keys('Mapping'), ['collections.abc.Mapping']);
    assert.deepEqual(keys('Set'), ['collections.abc.Set']);
    assert.deepEqual(keys('set'), ['builtins.set']);
    assert.deepEqual(keys('+'), ['__add__']);
    assert.deepEqual(keys('=='), ['__eq__']);
    assert.deepEqual(keys('counter'), ['collections.Counter']);
  });

  it('gives every entry an alias covers (`else`) and explains underscore forms', () => {
    assert.deepEqual(keys('else'), ['for-else', 'while-else', 'try-else']);
    assert.deepEqual(keys('_private'), ['_private']);
    assert.match(lookup('_private')[0].entry.title!, /`_private` — internal by convention/);
    assert.deepEqual(keys('__innit__'), []);
  });

  it('suggests near names for typos', () => {
    assert.deepEqual(suggest('__innit__').slice(0, 1), ['__init__']);
    assert.deepEqual(suggest('nonlocl').slice(0, 1), ['nonlocal']);
    assert.deepEqual(suggest('functools.partail').slice(0, 1), ['functools.partial']);
    assert.deepEqual(suggest('qqqqqqqqqqqqqqqqqqqqq'), []);
    assert.equal(nearestDunder('__frobnicate__'), null);
    assert.equal(nearestDunder('__lenn__'), '__len__');
  });

  it('shows builtins without their module', () => {
    assert.equal(displayName('builtins.property'), 'property');
    assert.equal(displayName('functools.partial'), 'functools.partial');
  });
});
