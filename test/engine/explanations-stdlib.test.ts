// The standard-library names the post uses: each one answers `lookup` (and so
// `pythonic explain`) by its full key and by the short name a reader types.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { KNOWLEDGE_BASE, lookup } from '../../server/src/engine/explanations';
import { renderExplanation } from '../../server/src/engine/explanations/render';
import { runCli } from '../support/cli';
import { OUT } from '../support/engine';

/** Each key, and the short name a reader types for it. */
const NAMES: ReadonlyArray<readonly [key: string, short: string]> = [
  ...['List', 'Dict', 'Optional', 'Any', 'Union', 'Callable', 'Iterable', 'Iterator', 'Generator', 'TypeVar', 'Generic',
    'Protocol', 'ClassVar', 'Final', 'NamedTuple', 'TypedDict', 'TYPE_CHECKING'].map((n) => [`typing.${n}`, n] as const),
  ['abc.ABCMeta', 'ABCMeta'],
  ['abc.ABCMeta.register', 'register'],
  ['dataclasses.asdict', 'asdict'],
  ['dataclasses.replace', 'replace'],
  ['dataclasses.fields', 'fields'],
  ['bytes.decode', 'decode'],
  ['str.encode', 'encode'],
  ['str.casefold', 'casefold'],
  ['unicodedata.name', 'name'],
  ['functools.partialmethod', 'partialmethod'],
  ['functools.cmp_to_key', 'cmp_to_key'],
  ['operator.add', 'add'],
  ['collections.Counter.most_common', 'most_common'],
  ['weakref.proxy', 'proxy'],
  ['gc.collect', 'collect'],
  ['sys.getrefcount', 'getrefcount'],
  ['builtins.StopIteration', 'StopIteration'],
  ['builtins.GeneratorExit', 'GeneratorExit'],
  ...['count', 'cycle', 'repeat', 'product', 'permutations', 'combinations', 'tee', 'pairwise'].map((n) => [`itertools.${n}`, n] as const),
  ...['suppress', 'ExitStack', 'closing', 'asynccontextmanager', 'nullcontext'].map((n) => [`contextlib.${n}`, n] as const),
];

/** `typing` re-exports these `collections.abc` classes: the short name gives both entries. */
const SHARED_WITH_COLLECTIONS_ABC = new Set(['Callable', 'Iterable', 'Iterator', 'Generator']);

const keys = (query: string) => lookup(query).map((e) => e.key);

describe('standard-library entries', () => {
  it('answer by full key and by short name', () => {
    for (const [key, short] of NAMES) {
      assert.deepEqual(keys(key), [key], key);
      const expected = SHARED_WITH_COLLECTIONS_ABC.has(short) ? [`collections.abc.${short}`, key] : [key];
      assert.deepEqual(keys(short), expected, short);
    }
  });

  it('answer by the spellings readers use for methods and builtins', () => {
    assert.deepEqual(keys('abc.register'), ['abc.ABCMeta.register']);
    assert.deepEqual(keys('Counter.most_common'), ['collections.Counter.most_common']);
    assert.deepEqual(keys('builtins.StopIteration'), ['builtins.StopIteration']);
    // `list` stays the builtin type, `List` is the typing alias.
    assert.deepEqual(keys('list'), ['builtins.list']);
    assert.deepEqual(keys('List'), ['typing.List']);
  });

  it('link each typing alias of an abstract base class to the class, both ways', () => {
    for (const name of SHARED_WITH_COLLECTIONS_ABC) {
      assert.ok(KNOWLEDGE_BASE.get(`typing.${name}`)!.entry.partners!.includes(`collections.abc.${name}`), name);
      assert.ok(KNOWLEDGE_BASE.get(`collections.abc.${name}`)!.entry.partners!.includes(`typing.${name}`), name);
    }
  });

  it('print through `pythonic explain` by short name, both entries for a shared one', () => {
    const explain = (name: string) => runCli(['explain', name], path.dirname(OUT));
    const mostCommon = explain('most_common');
    assert.equal(mostCommon.code, 0, mostCommon.stderr);
    assert.equal(mostCommon.stdout, renderExplanation(KNOWLEDGE_BASE.get('collections.Counter.most_common')!, { allOptions: true }) + '\n');
    assert.equal(explain('StopIteration').stdout.split('\n')[0], '**`StopIteration`** · library');
    const iterable = explain('Iterable').stdout.split('\n---\n').map((section) => section.trim().split('\n')[0]);
    assert.deepEqual(iterable, ['**`collections.abc.Iterable`** · library', '**`typing.Iterable`** · library']);
  });
});
