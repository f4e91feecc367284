// `pythonic check` on hostile paths (issue 11): FIFOs, unreadable folders,
// symlink loops, links to files and folders, broken links, and rule codes that
// select nothing. Every run has a timeout, so a CLI that blocks on a FIFO fails
// the test instead of hanging it.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CLI, runCli, workspace, type CliResult, type SpawnOptions } from './support/cli';

const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const BUS_REPORT = (file: string) =>
  `${file}:2:35: PP401 \`passengers\` defaults to a list \`[]\`, made once when \`__init__\` is defined and shared by every call that leaves the argument out\n` +
  '\nFound 1 problem.\n1 more fixable with --fix --unsafe-fixes.\n';
const CLEAN = 'def f(x=None):\n    return x\n';
const CODES_HINT = 'use rule codes such as PP401, groups PP0 to PP9, or ALL';

const NOT_POSIX = process.platform === 'win32' ? 'FIFOs, symlinks and chmod 000 are POSIX things' : false;
const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;
/** Root reads through chmod 000, so as root the CLI runs as nobody; that needs a bundle nobody can read. */
const CANNOT_DROP_ROOT =
  IS_ROOT && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`], { uid: NOBODY, gid: NOBODY }).status !== 0
    ? 'running as root, and user nobody cannot read the CLI bundle to run it without root'
    : false;

function check(args: string[], cwd: string, spawn: SpawnOptions = {}): CliResult {
  return runCli(['check', '--no-cache', ...args], cwd, {}, { timeout: 30_000, ...spawn });
}

/** Spawn options under which chmod 000 really denies reading: as root, nobody in a workspace nobody owns. */
function unprivileged(dir: string): SpawnOptions {
  if (!IS_ROOT) return {};
  execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
  return { uid: NOBODY, gid: NOBODY };
}

describe('pythonic check on hostile paths', { skip: NOT_POSIX }, () => {
  it('never opens a FIFO: one named is a failure (for scopes too), one found in a folder is skipped with a note', () => {
    const dir = workspace({ 'pkg/bus.py': BUS, 'clean/ok.py': CLEAN });
    execFileSync('mkfifo', [path.join(dir, 'pipe.py'), path.join(dir, 'pkg', 'pipe.py'), path.join(dir, 'clean', 'pipe.py')]);

    const named = check(['pipe.py', 'pkg'], dir);
    assert.equal(named.stderr, 'pythonic: pipe.py: not a regular file (a FIFO)\npythonic: pkg/pipe.py: not a regular file (a FIFO), skipped\n');
    assert.equal(named.stdout, BUS_REPORT('pkg/bus.py'));
    assert.equal(named.code, 2);

    const found = check(['clean'], dir);
    assert.deepEqual(found, { code: 0, stdout: 'All checks passed.\n', stderr: 'pythonic: clean/pipe.py: not a regular file (a FIFO), skipped\n' });

    const scopes = runCli(['scopes', 'pipe.py'], dir, {}, { timeout: 30_000 });
    assert.deepEqual(scopes, { code: 2, stdout: '', stderr: 'pythonic: pipe.py: not a regular file (a FIFO)\n' });
  });

  it('reports an unreadable folder or file, checks everything else, exits 2 and never says all passed', { skip: CANNOT_DROP_ROOT }, () => {
    const dir = workspace({ 'locked/a.py': BUS, 'ok.py': CLEAN, 'bus.py': BUS, 'secret.py': BUS });
    const spawn = unprivileged(dir);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    fs.chmodSync(path.join(dir, 'secret.py'), 0o000);
    try {
      assert.deepEqual(check(['locked', 'ok.py'], dir, spawn), { code: 2, stdout: '', stderr: 'pythonic: locked: permission denied\n' });
      assert.deepEqual(check(['locked', 'bus.py'], dir, spawn), { code: 2, stdout: BUS_REPORT('bus.py'), stderr: 'pythonic: locked: permission denied\n' });
      assert.deepEqual(check(['secret.py', 'ok.py'], dir, spawn), { code: 2, stdout: '', stderr: 'pythonic: secret.py: permission denied\n' });
      const walked = check(['--select', 'PP1', '.'], dir, spawn);
      assert.deepEqual(walked, { code: 2, stdout: '', stderr: 'pythonic: locked: permission denied\npythonic: secret.py: permission denied\n' });
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
      fs.chmodSync(path.join(dir, 'secret.py'), 0o644);
    }
  });

  it('names a symlink loop instead of calling it missing, and does not follow a link back up', () => {
    const dir = workspace({ 'ok.py': CLEAN, 'pkg/bus.py': BUS });
    fs.symlinkSync('loop.py', path.join(dir, 'loop.py'));
    fs.symlinkSync('..', path.join(dir, 'pkg', 'up'));

    assert.deepEqual(check(['loop.py', 'ok.py'], dir), { code: 2, stdout: '', stderr: 'pythonic: loop.py: symlink loop\n' });
    const walked = check(['pkg'], dir);
    assert.deepEqual(walked, { code: 1, stdout: BUS_REPORT('pkg/bus.py'), stderr: 'pythonic: pkg/up: symlink loop (to ..), skipped\n' });
  });

  it('follows symlinked files and folders inside a folder, and checks a file reached twice once', () => {
    const dir = workspace({ 'src/bus.py': BUS, 'pkg/clean.py': CLEAN });
    fs.symlinkSync(path.join('..', 'src', 'bus.py'), path.join(dir, 'pkg', 'linked.py'));
    fs.symlinkSync(path.join('..', 'src'), path.join(dir, 'pkg', 'lib'));
    const paths = (result: CliResult) => {
      const report = JSON.parse(result.stdout) as { files: number; diagnostics: Array<{ path: string }> };
      return { code: result.code, stderr: result.stderr, files: report.files, paths: report.diagnostics.map((d) => d.path) };
    };

    assert.deepEqual(paths(check(['--format', 'json', 'pkg'], dir)), { code: 1, stderr: '', files: 2, paths: ['pkg/lib/bus.py'] });
    // The file's own path wins over the links to it, whatever comes first.
    assert.deepEqual(paths(check(['--format', 'json', 'pkg', 'src'], dir)), { code: 1, stderr: '', files: 2, paths: ['src/bus.py'] });
    assert.deepEqual(paths(check(['--format', 'json', 'pkg/linked.py', 'src/bus.py'], dir)), { code: 1, stderr: '', files: 1, paths: ['pkg/linked.py'] });
  });

  it('names a broken symlink: a failure when named, skipped (an editor lock file, say) in a folder', () => {
    const dir = workspace({ 'pkg/ok.py': CLEAN });
    fs.symlinkSync('missing.py', path.join(dir, 'broken.py'));
    fs.symlinkSync('user@host.1234:1700000000', path.join(dir, 'pkg', '.#ok.py'));

    assert.deepEqual(check(['broken.py'], dir), { code: 2, stdout: '', stderr: 'pythonic: broken.py: broken symlink (to missing.py)\n' });
    assert.deepEqual(check(['pkg'], dir), {
      code: 0,
      stdout: 'All checks passed.\n',
      stderr: 'pythonic: pkg/.#ok.py: broken symlink (to user@host.1234:1700000000), skipped\n',
    });
  });
});

describe('pythonic check --select / --ignore and [tool.pythonic] codes', () => {
  it('an empty or unknown code is a usage error that names it; prefixes and ALL still work', () => {
    const dir = workspace({ 'bus.py': BUS });
    for (const [args, stderr] of [
      [['--select', ''], `pythonic: --select: '' is empty; ${CODES_HINT}\n`],
      [['--select', 'PP9999'], `pythonic: --select: 'PP9999' matches no rule; ${CODES_HINT}\n`],
      [['--select', 'XY'], `pythonic: --select: 'XY' matches no rule; ${CODES_HINT}\n`],
      [['--select', 'pp4o1'], "pythonic: --select: 'pp4o1' matches no rule; did you mean PP401?\n"],
      [['--ignore', 'PP4,'], `pythonic: --ignore: 'PP4,' has an empty code; ${CODES_HINT}\n`],
    ] as const) {
      assert.deepEqual(check([...args, 'bus.py'], dir), { code: 2, stdout: '', stderr }, args.join(' '));
    }
    for (const select of ['PP4', 'pp401', 'ALL', 'PP1,PP4']) assert.equal(check(['--select', select, 'bus.py'], dir).code, 1, select);
  });

  it('an unknown code in [tool.pythonic] names the file and exits 2', () => {
    const dir = workspace({ 'pyproject.toml': '[tool.pythonic]\nselect = ["PP4", "PP4O1"]\n', 'bus.py': BUS });
    const file = path.join(fs.realpathSync(dir), 'pyproject.toml');
    const unknown = check(['bus.py'], dir);
    assert.deepEqual(unknown, { code: 2, stdout: '', stderr: `pythonic: ${file}: [tool.pythonic] select: 'PP4O1' matches no rule; did you mean PP401?\n` });

    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic]\nselect = []\n');
    assert.deepEqual(check(['bus.py'], dir), { code: 2, stdout: '', stderr: `pythonic: ${file}: [tool.pythonic] select = [] is empty; ${CODES_HINT}\n` });

    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic]\nselect = ["PP4"]\nignore = []\n');
    assert.equal(check(['bus.py'], dir).code, 1);
  });
});

describe('pythonic check on hostile contents', () => {
  it('a NUL byte: one diagnostic line without a rule code, exit 1, also from the cache and in JSON', () => {
    const dir = workspace({ 'nul.py': BUS + 'x = 1\0\n', 'bus.py': BUS });
    try {
      const expected = 'nul.py:4:6: Python refuses this file: source code cannot contain null bytes (here is the first one); nothing else is checked\n';
      for (const cache of [[], [], ['--no-cache']]) {
        const result = runCli(['check', ...cache, 'nul.py'], dir, {}, { timeout: 30_000 });
        assert.equal(result.code, 1);
        assert.equal(result.stdout, expected + '\nFound 1 problem.\n');
        assert.equal(result.stderr, '');
      }
      const json = JSON.parse(check(['--format', 'json', 'nul.py', 'bus.py'], dir).stdout) as { diagnostics: Array<{ path: string; code: string | null; range: unknown }> };
      assert.deepEqual(json.diagnostics.map((d) => [d.path, d.code]), [['nul.py', null], ['bus.py', 'PP401']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that is mostly not text: a line on stderr, skipped, the other files checked', () => {
    const controls = Buffer.alloc(64 * 1024);
    for (let i = 0; i < controls.length; i++) controls[i] = 1 + ((i * 7919) % 31); // valid UTF-8, mostly control characters
    const dir = workspace({ 'blob.py': controls, 'bus.py': BUS });
    try {
      const result = check(['blob.py', 'bus.py'], dir);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, BUS_REPORT('bus.py'));
      assert.match(result.stderr, /^pythonic: blob\.py: mostly not text \(\d+% of the first 8192 characters are control or replacement characters\), skipped\n$/);
      const alone = check(['blob.py'], dir);
      assert.equal(alone.code, 0);
      assert.equal(alone.stdout, 'All checks passed.\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
