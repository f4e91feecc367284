// The V8 code cache of `pythonic` (cli-launcher.ts): written by a first run into
// $XDG_CACHE_HOME/pythonic, used by later runs, and never a reason for a run to fail.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, workspace, type CliResult } from './support/cli';
import { TestServer } from './support/lsp';

const SOURCE = 'def f(x=[]):\n    return x\n';

interface Run {
  result: CliResult;
  /** The cache files in the cache folder after the run, by name. */
  caches: Map<string, { bytes: Buffer; mtimeMs: number; ino: number }>;
}

function setup(): { dir: string; cacheHome: string; folder: string; run: (env?: Record<string, string>) => Run } {
  const dir = workspace({ 'bad.py': SOURCE });
  const cacheHome = path.join(dir, 'xdg-cache');
  const folder = path.join(cacheHome, 'pythonic');
  const run = (env: Record<string, string> = {}): Run => {
    const result = runCli(['check', '--no-cache', 'bad.py'], dir, { XDG_CACHE_HOME: cacheHome, PYTHONIC_NO_CODE_CACHE: '', ...env });
    const caches = new Map<string, { bytes: Buffer; mtimeMs: number; ino: number }>();
    for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      const file = path.join(folder, name);
      const stat = fs.statSync(file);
      caches.set(name, { bytes: fs.readFileSync(file), mtimeMs: stat.mtimeMs, ino: stat.ino });
    }
    return { result, caches };
  };
  return { dir, cacheHome, folder, run };
}

/** The report of the check without any cache involved. */
function expectedResult(dir: string): CliResult {
  return runCli(['check', '--no-cache', 'bad.py'], dir, { PYTHONIC_NO_CODE_CACHE: '1' });
}

function onlyCache(run: Run): [string, { bytes: Buffer; mtimeMs: number; ino: number }] {
  assert.equal(run.caches.size, 1, `cache files: ${[...run.caches.keys()].join(', ')}`);
  const [entry] = run.caches;
  assert.match(entry[0], /^cli-[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}\.v8cache$/);
  return entry;
}

describe('the code cache of pythonic', () => {
  it('is written by the first run and used, unchanged, by the next', () => {
    const { dir, run } = setup();
    const expected = expectedResult(dir);
    assert.equal(expected.code, 1);
    assert.match(expected.stdout, /^bad\.py:1:9: PP401 /);

    const first = run();
    assert.deepEqual(first.result, expected);
    const [name, written] = onlyCache(first);

    const second = run();
    assert.deepEqual(second.result, expected);
    const [sameName, reused] = onlyCache(second);
    assert.equal(sameName, name);
    assert.deepEqual([reused.ino, reused.mtimeMs], [written.ino, written.mtimeMs], 'a cache V8 accepted is not written again');
  });

  it('ignores a damaged cache and replaces it', () => {
    const { dir, folder, run } = setup();
    const expected = expectedResult(dir);
    const [name, good] = onlyCache(run());
    const damaged = Buffer.from(good.bytes);
    for (let i = 64; i < damaged.length; i += 997) damaged[i] ^= 0x5a;
    fs.writeFileSync(path.join(folder, name), damaged);

    const afterDamage = run();
    assert.deepEqual(afterDamage.result, expected);
    const [, replaced] = onlyCache(afterDamage);
    assert.ok(!replaced.bytes.equals(damaged), 'the damaged cache was replaced');

    const next = run();
    assert.deepEqual(next.result, expected);
    assert.equal(onlyCache(next)[1].mtimeMs, replaced.mtimeMs, 'the replacement is used as it is');
  });

  it('ignores a cache cut short', () => {
    const { dir, folder, run } = setup();
    const [name, good] = onlyCache(run());
    fs.writeFileSync(path.join(folder, name), good.bytes.subarray(0, good.bytes.length >> 1));
    assert.deepEqual(run().result, expectedResult(dir));
  });

  it('runs without a cache where the cache folder cannot be made', () => {
    const { dir, cacheHome, run } = setup();
    fs.writeFileSync(cacheHome, 'a file where the folder would go\n');
    const result = run();
    assert.deepEqual(result.result, expectedResult(dir));
    assert.equal(result.caches.size, 0);
  });

  it('replaces the caches of earlier builds at the same path, not those of other paths', () => {
    const { folder, run } = setup();
    const [name] = onlyCache(run());
    const [, slot, , runtime] = name.split('-');
    const earlierBuild = `cli-${slot}-${'0'.repeat(16)}-${runtime}`;
    const otherPath = `cli-${'f'.repeat(16)}-${'0'.repeat(16)}-${runtime}`;
    fs.rmSync(path.join(folder, name));
    fs.writeFileSync(path.join(folder, earlierBuild), 'an earlier build of this pythonic');
    fs.writeFileSync(path.join(folder, otherPath), 'another installation of pythonic');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not ours');
    const after = run();
    assert.deepEqual([...after.caches.keys()].sort(), [name, otherPath, 'notes.txt'].sort());
  });

  it('is kept apart for `pythonic server`, which runs other code than the commands', async () => {
    const { cacheHome, folder, run } = setup();
    const serve = async () => {
      const server = await TestServer.start({ env: { XDG_CACHE_HOME: cacheHome, PYTHONIC_NO_CODE_CACHE: '' } });
      await server.open('file:///cache/small.py', SOURCE);
      assert.deepEqual((await server.diagnosticsFor('file:///cache/small.py', 1)).diagnostics.map((d) => d.code), ['PP401']);
      assert.equal(await server.stop(), 0);
      const names = fs.readdirSync(folder).filter((n) => n.startsWith('server-'));
      assert.equal(names.length, 1, `cache files: ${fs.readdirSync(folder).join(', ')}`);
      assert.match(names[0], /^server-[0-9a-f]{16}-[0-9a-f]{16}-[0-9a-f]{16}\.v8cache$/);
      return { name: names[0], mtimeMs: fs.statSync(path.join(folder, names[0])).mtimeMs };
    };
    const server = await serve();
    const checked = run();
    assert.equal(checked.result.code, 1);
    const [cliName, cliCache] = onlyCache({ ...checked, caches: new Map([...checked.caches].filter(([n]) => n.startsWith('cli-'))) });
    // The check neither used nor replaced the server's cache, and the server uses its own as it is.
    assert.equal(fs.statSync(path.join(folder, server.name)).mtimeMs, server.mtimeMs);
    assert.deepEqual(await serve(), server);
    assert.equal(fs.statSync(path.join(folder, cliName)).mtimeMs, cliCache.mtimeMs);
  });

  it('is neither read nor written with PYTHONIC_NO_CODE_CACHE=1', () => {
    const { dir, run } = setup();
    const result = run({ PYTHONIC_NO_CODE_CACHE: '1' });
    assert.deepEqual(result.result, expectedResult(dir));
    assert.equal(result.caches.size, 0);
  });
});
