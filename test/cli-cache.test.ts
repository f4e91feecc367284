// `.pythonic_cache/`: a cached report equals a fresh one, and any change to a
// file's content or to the settings is a miss. Whether a file came from the cache
// is read off the PYTHONIC_TIMING=1 footer ("N files came from the cache").
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cachedCount, runCli, splitTiming, workspace } from './support/cli';

const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const CLEAN = 'def f(x=None):\n    return x\n';
const TIMING = { PYTHONIC_TIMING: '1' };

/** A run with the timing table: its stdout, exit code, the stderr before the table, and the cache hits. */
function timed(args: string[], cwd: string) {
  const result = runCli(args, cwd, TIMING);
  return { code: result.code, stdout: result.stdout, stderr: splitTiming(result.stderr).before, cached: cachedCount(result.stderr) };
}

function fresh(args: string[], cwd: string) {
  const result = runCli([...args, '--no-cache'], cwd);
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe('pythonic check cache', () => {
  it('a cached report equals a fresh one; content and settings changes are misses; --no-cache reads and writes nothing', () => {
    const dir = workspace({ 'bus.py': BUS, 'clean.py': CLEAN });
    const args = ['check', '--format', 'json', '.'];

    const reference = fresh(args, dir);
    assert.equal(reference.code, 1);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['bus.py', 'clean.py'], '--no-cache writes nothing');

    const cold = timed(args, dir);
    assert.equal(cold.cached, 0);
    assert.deepEqual({ ...cold, cached: undefined }, { ...reference, cached: undefined });
    const warm = timed(args, dir);
    assert.equal(warm.cached, 2);
    assert.deepEqual({ ...warm, cached: undefined }, { ...reference, cached: undefined });
    // --no-cache ignores a warm cache and leaves it as it was.
    const before = cacheState(dir);
    assert.equal(timed([...args, '--no-cache'], dir).cached, 0);
    assert.deepEqual(cacheState(dir), before);

    // A changed file (same size, so only the hash tells) is checked again; the other one still comes from the cache.
    fs.writeFileSync(path.join(dir, 'bus.py'), BUS.replace('[]', '{}'));
    const edited = timed(args, dir);
    assert.equal(edited.cached, 1);
    assert.match(edited.stdout, /defaults to a dict/);
    assert.deepEqual({ ...edited, cached: undefined }, { ...fresh(args, dir), cached: undefined });

    // Other settings are other entries: flags...
    const selected = timed([...args, '--select', 'PP204'], dir);
    assert.equal(selected.cached, 0);
    assert.deepEqual({ ...selected, cached: undefined }, { ...fresh([...args, '--select', 'PP204'], dir), cached: undefined });
    assert.equal(timed([...args, '--select', 'PP204'], dir).cached, 2);
    // ...and [tool.pythonic] in pyproject.toml (the cache stays at the project root).
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic]\nseverity = { PP401 = "error" }\n');
    const severe = timed(args, dir);
    assert.equal(severe.cached, 0);
    assert.match(severe.stdout, /"severity": "error"/);
    assert.equal(severe.stdout, fresh(args, dir).stdout);
    fs.rmSync(path.join(dir, 'pyproject.toml'));

    // The same file by another path string is another entry (paths appear in the report).
    const other = timed(['check', '--format', 'json', path.join(dir, 'bus.py')], dir);
    assert.equal(other.cached, 0);
    assert.equal(JSON.parse(other.stdout).diagnostics[0].path, path.join(dir, 'bus.py'));
  });

  it('lives in .pythonic_cache/ at the project root, git-ignored, whichever folder the run starts in', () => {
    const dir = workspace({ 'pyproject.toml': '[project]\nname = "demo"\n', 'src/pkg/bus.py': BUS });
    const result = runCli(['check', 'bus.py'], path.join(dir, 'src', 'pkg'));
    assert.equal(result.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, '.pythonic_cache', '.gitignore'), 'utf8'), '*\n');
    assert.ok(!fs.existsSync(path.join(dir, 'src', 'pkg', '.pythonic_cache')));
    assert.ok(listing(dir).some((f) => f.startsWith('.pythonic_cache/') && f.endsWith('.json')));
    assert.ok(!listing(dir).some((f) => f.endsWith('.tmp')), 'no temporary files left behind');
    // The cache folder is never checked itself, even when `.` is.
    assert.equal(timed(['check', '--format', 'json', '.'], dir).stdout.match(/"files": (\d+)/)?.[1], '1');
    // Without a pyproject.toml, the working directory is the root.
    const bare = workspace({ 'bus.py': BUS });
    runCli(['check', 'bus.py'], bare);
    assert.equal(fs.readFileSync(path.join(bare, '.pythonic_cache', '.gitignore'), 'utf8'), '*\n');
  });

  it('--fix is never fooled by the cache: a cached file with a fix is fixed', () => {
    const source = 'class Pair:\n    def __hash__(self):\n        return hash(self.a) ^ hash(self.b)\n';
    const dir = workspace({ 'pair.py': source, 'bus.py': BUS });

    const warmup = timed(['check', '.'], dir);
    assert.equal(warmup.code, 1);
    assert.match(warmup.stdout, /pair\.py:3:16: PP302 \[\*\]/);
    assert.equal(timed(['check', '.'], dir).cached, 2);

    // bus.py has only an unsafe fix: --fix leaves it alone and may take it from the cache; pair.py is fixed.
    const fixing = timed(['check', '--fix', '.'], dir);
    assert.equal(fixing.cached, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'pair.py'), 'utf8'), 'class Pair:\n    def __hash__(self):\n        return hash((self.a, self.b))\n');
    assert.equal(fs.readFileSync(path.join(dir, 'bus.py'), 'utf8'), BUS);
    assert.match(fixing.stdout, /^bus\.py:2:35: PP401 .*\n\nFixed 1 problem\.\nFound 1 problem\.\n/);
    assert.equal(fixing.code, 1);

    // The fixed file was stored as fixed: the next run finds it in the cache, clean.
    const after = timed(['check', '.'], dir);
    assert.equal(after.cached, 2);
    assert.equal(after.stdout, fresh(['check', '.'], dir).stdout);
    assert.doesNotMatch(after.stdout, /none\.py/);

    // --unsafe-fixes makes bus.py fixable: checked afresh and fixed.
    const unsafe = timed(['check', '--fix', '--unsafe-fixes', '.'], dir);
    assert.equal(unsafe.cached, 1);
    assert.equal(unsafe.stdout, 'Fixed 1 problem.\n');
    assert.match(fs.readFileSync(path.join(dir, 'bus.py'), 'utf8'), /if passengers is None:/);
  });

  it('unreadable files are never cached: their error repeats on every run', () => {
    const dir = workspace({ 'bad.py': Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xff, 0x0a]), 'ok.py': CLEAN });
    const first = timed(['check', '.'], dir);
    const second = timed(['check', '.'], dir);
    assert.equal(second.cached, 1);
    assert.deepEqual([second.code, second.stdout, second.stderr], [first.code, first.stdout, first.stderr]);
    assert.equal(second.stderr, 'pythonic: bad.py: not valid utf-8\n');
  });
});

/** Every cache file with its inode and modification time: a rewrite changes them. */
function cacheState(dir: string): string[] {
  return listing(dir)
    .filter((f) => f.startsWith('.pythonic_cache/'))
    .map((f) => {
      const stat = fs.statSync(path.join(dir, f));
      return `${f} ${stat.ino} ${stat.mtimeMs}`;
    });
}

function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}
