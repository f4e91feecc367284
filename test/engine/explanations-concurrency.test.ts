// The concurrency and standard-type entries (issue 12): each name is in the
// knowledge base, a full key answers exactly one entry, and a short name that
// several modules share (`Queue`, `Lock`, `Future`...) answers all of them,
// in `lookup` and through the `pythonic explain` CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { KNOWLEDGE_BASE, lookup, type ExplanationKind } from '../../server/src/engine/explanations';
import { renderExplanation } from '../../server/src/engine/explanations/render';
import { runCli, workspace } from '../support/cli';

const NAMES: ReadonlyArray<readonly [string, ExplanationKind]> = [
  ...[
    'asyncio.get_event_loop', 'asyncio.get_running_loop', 'asyncio.Queue', 'asyncio.Lock', 'asyncio.Semaphore', 'asyncio.Event',
    'asyncio.as_completed', 'asyncio.wait_for', 'asyncio.TaskGroup', 'asyncio.to_thread', 'asyncio.Future',
    'asyncio.AbstractEventLoop.run_in_executor',
    'threading.Thread', 'threading.RLock', 'threading.Event', 'queue.Queue', 'sys.setswitchinterval',
    'concurrent.futures.Future', 'concurrent.futures.wait', 'concurrent.futures.Executor.submit', 'concurrent.futures.Executor.map',
    'concurrent.futures.Future.result',
    'types.SimpleNamespace', 'types.MappingProxyType', 'types.MethodType', 'enum.Enum', 'decimal.Decimal', 'fractions.Fraction',
  ].map((key) => [key, 'library'] as const),
  ['GIL', 'concept'],
];

/** Short names that more than one module defines: a reader typing one sees every entry. */
const SHARED_SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  Queue: ['asyncio.Queue', 'queue.Queue'],
  Lock: ['asyncio.Lock', 'threading.Lock'],
  Event: ['asyncio.Event', 'threading.Event'],
  Future: ['asyncio.Future', 'concurrent.futures.Future'],
  wait: ['asyncio.wait', 'concurrent.futures.wait'],
  as_completed: ['asyncio.as_completed', 'concurrent.futures.as_completed'],
};

const keys = (query: string) => lookup(query).map((e) => e.key);

describe('knowledge base: concurrency and standard types', () => {
  it('has an entry of the right kind for every name', () => {
    for (const [key, kind] of NAMES) assert.equal(KNOWLEDGE_BASE.get(key)?.kind, kind, key);
  });

  it('answers a full key with exactly that entry, and finds it by its last part (by its last two when the last is a builtin)', () => {
    for (const [key] of NAMES) {
      assert.deepEqual(keys(key), [key]);
      const parts = key.split('.');
      const tail = parts.at(-1)!;
      // `map` is the builtin's; `Executor.map` is the executor's method.
      const short = KNOWLEDGE_BASE.has(`builtins.${tail}`) ? parts.slice(-2).join('.') : tail;
      assert.ok(keys(short).includes(key), `${short} -> ${key}`);
    }
  });

  it('answers a short name several modules share with every matching entry', () => {
    for (const [name, expected] of Object.entries(SHARED_SHORT_NAMES)) assert.deepEqual(keys(name).sort(), expected, name);
  });

  it('finds the loop method and the GIL by the words a reader types', () => {
    assert.deepEqual(keys('run_in_executor'), ['asyncio.AbstractEventLoop.run_in_executor']);
    assert.deepEqual(keys('global interpreter lock'), ['GIL']);
    assert.deepEqual(keys('gil'), ['GIL']);
    assert.equal(renderExplanation(KNOWLEDGE_BASE.get('GIL')!).split('\n')[0], '**The GIL (global interpreter lock)** · concept');
  });

  it('prints every entry for a shared short name from the CLI, and one for a full key', () => {
    const dir = workspace({});
    try {
      const shared = runCli(['explain', 'Queue'], dir);
      assert.equal(shared.code, 0);
      assert.equal(shared.stderr, '');
      const sections = lookup('Queue').map((e) => renderExplanation(e, { allOptions: true }));
      assert.equal(shared.stdout, sections.join('\n\n---\n\n') + '\n');
      assert.deepEqual(
        shared.stdout.split('\n').filter((line) => line.endsWith(' · library')).sort(),
        ['**`asyncio.Queue`** · library', '**`queue.Queue`** · library'],
      );
      const exact = runCli(['explain', 'queue.Queue'], dir);
      assert.equal(exact.stdout, renderExplanation(KNOWLEDGE_BASE.get('queue.Queue')!, { allOptions: true }) + '\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
