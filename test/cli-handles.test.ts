// The small `pythonic check` handles Ruff users reach for: --exit-zero,
// --show-fixes, --diff (checked with the real `patch` and `git apply`), stdin with
// --stdin-filename, the TTY-only progress line, and the pre-commit hooks.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { load } from 'js-yaml';
import { ROOT } from './support/engine';
import { CLI, runCli, snapshot, workspace } from './support/cli';

/** PP705 has a safe fix, PP401 an unsafe one; the file has no final newline. */
const FIXABLE = 'def f(widget, seen=[]):\r\n    return getattr(widget, "text"), seen';
const FILES = {
  'pkg/widgets.py': 'def label(widget):\n    return getattr(widget, "text")\n\n\ndef dirty(widget):\n    return getattr(widget, "dirty")\n',
  'pkg/bus.py': 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n',
  'crlf.py': FIXABLE,
  'clean.py': 'x = 1\n',
};

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

describe('pythonic check --exit-zero', () => {
  it('exits 0 with findings, and still 2 when a path cannot be checked', () => {
    const dir = workspace(FILES);
    const found = runCli(['check', '--exit-zero', 'pkg'], dir);
    assert.equal(found.code, 0);
    assert.match(found.stdout, /^Found 3 problems\.$/m);
    const missing = runCli(['check', '--exit-zero', 'pkg', 'missing.py'], dir);
    assert.deepEqual([missing.code, missing.stderr], [2, 'pythonic: missing.py: no such file or directory\n']);
  });
});

describe('pythonic check --show-fixes', () => {
  it('lists per file what --fix would apply, then what it applied', () => {
    const dir = workspace(FILES);
    const before = runCli(['check', '--show-fixes', '.'], dir);
    assert.equal(before.code, 1);
    assert.ok(
      before.stdout.endsWith('[*] 3 fixable with --fix.\n2 more fixable with --fix --unsafe-fixes.\n--fix would apply 3 fixes:\n  crlf.py\n    1 × PP705 getattr-constant\n  pkg/widgets.py\n    2 × PP705 getattr-constant\n'),
      before.stdout,
    );
    const fixed = runCli(['check', '--fix', '--unsafe-fixes', '--show-fixes', '.'], dir);
    assert.equal(fixed.stdout, 'Fixed 5 problems.\nApplied 5 fixes:\n  crlf.py\n    1 × PP401 mutable-default-argument\n    1 × PP705 getattr-constant\n  pkg/bus.py\n    1 × PP401 mutable-default-argument\n  pkg/widgets.py\n    2 × PP705 getattr-constant\n');
    assert.equal(fixed.code, 0);
    assert.equal(runCli(['check', '--show-fixes', 'clean.py'], dir).stdout, 'All checks passed.\nNo fixes to apply.\n');
  });

  it('goes to stderr with a machine-readable format, so stdout still parses', () => {
    const dir = workspace(FILES);
    const { stdout, stderr } = runCli(['check', '--format', 'json', '--show-fixes', 'pkg/widgets.py'], dir);
    assert.equal(JSON.parse(stdout).diagnostics.length, 2);
    assert.equal(stderr, '--fix would apply 2 fixes:\n  pkg/widgets.py\n    2 × PP705 getattr-constant\n');
  });
});

describe('pythonic check --diff', () => {
  for (const unsafe of [false, true]) {
    const flags = unsafe ? ['--unsafe-fixes'] : [];
    it(`prints a diff that patch -p1 and git apply turn into what --fix ${flags.join(' ')} writes, and writes nothing`, (t) => {
      const dir = workspace(FILES);
      const original = snapshot(dir);
      const { code, stdout, stderr } = runCli(['check', '--diff', ...flags, '.'], dir);
      assert.equal(code, 1);
      assert.deepEqual(snapshot(dir), original, '--diff wrote to a file');
      assert.equal(stderr, unsafe ? '--fix would apply 5 fixes to 3 files.\n' : '--fix would apply 3 fixes to 2 files.\n');
      assert.match(stdout, /^--- a\/crlf\.py\n\+\+\+ b\/crlf\.py\n@@ /);
      assert.equal(stdout.includes('pkg/bus.py'), unsafe);
      assert.ok(!stdout.includes('clean.py'));

      const fixedDir = workspace(original);
      runCli(['check', '--fix', ...flags, '.'], fixedDir);
      const expected = snapshot(fixedDir);
      assert.notDeepEqual(expected, original);
      const appliers: Array<[string, string[]]> = [
        ['patch', ['-p1', '--quiet']],
        ['git', ['apply', '-p1', '--unsafe-paths', '-']],
      ];
      for (const [command, args] of appliers) {
        if (!hasCommand(command)) {
          t.diagnostic(`${command} is not installed: not applied with it`);
          continue;
        }
        const target = workspace(original);
        execFileSync(command, args, { cwd: target, input: stdout });
        assert.deepEqual(snapshot(target), expected, `${command} ${args.join(' ')} gave other text than --fix`);
      }
    });
  }

  it('prints nothing and exits 0 when there is nothing to fix; --exit-zero makes a diff exit 0', () => {
    const dir = workspace(FILES);
    const clean = runCli(['check', '--diff', 'clean.py', 'pkg/bus.py'], dir);
    assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '', 'No fixes to apply.\n']);
    assert.equal(runCli(['check', '--diff', '--exit-zero', 'crlf.py'], dir).code, 0);
    const json = runCli(['check', '--diff', '--format', 'json', 'crlf.py'], dir);
    assert.deepEqual([json.code, json.stderr], [2, 'pythonic: --diff prints a diff only: it takes no --format and no --statistics\n']);
  });
});

describe('pythonic check - (stdin)', () => {
  const source = 'def label(widget, seen=[]):\n    return getattr(widget, "text")\n';

  it('reports under --stdin-filename, with or without -', () => {
    const dir = workspace({});
    for (const args of [['--stdin-filename', 'pkg/mod.py', '-'], ['--stdin-filename', 'pkg/mod.py']]) {
      const { code, stdout } = runCli(['check', ...args], dir, {}, { input: source });
      assert.equal(code, 1);
      assert.match(stdout, /^pkg\/mod\.py:1:24: PP401 .*\npkg\/mod\.py:2:12: PP705 \[\*\] /);
    }
    assert.match(runCli(['check', '-'], dir, {}, { input: source }).stdout, /^-:1:24: PP401 /);
    assert.equal(fs.readdirSync(dir).length, 0, 'stdin results must not be cached or written');
  });

  it('checks the source as the named file: a stub (.pyi) is spared what a module is not', () => {
    const dir = workspace({});
    const signature = 'def f(seen=[]): ...\n';
    const asModule = runCli(['check', '--stdin-filename', 'f.py', '-'], dir, {}, { input: signature });
    assert.match(asModule.stdout, /^f\.py:1:12: PP401 /);
    const asStub = runCli(['check', '--stdin-filename', 'f.pyi', '-'], dir, {}, { input: signature });
    assert.deepEqual([asStub.code, asStub.stdout], [0, 'All checks passed.\n']);
  });

  it('with --fix prints the fixed source on stdout and the report on stderr', () => {
    const dir = workspace({});
    const { code, stdout, stderr } = runCli(['check', '--fix', '--stdin-filename', 'mod.py', '-'], dir, {}, { input: source });
    assert.equal(stdout, 'def label(widget, seen=[]):\n    return widget.text\n');
    assert.match(stderr, /^mod\.py:1:24: PP401 .*\n\nFixed 1 problem\.\nFound 1 problem\.\n/);
    assert.equal(code, 1);
    const diff = runCli(['check', '--diff', '--stdin-filename', 'mod.py'], dir, {}, { input: source });
    assert.equal(diff.code, 1);
    assert.match(diff.stdout, /^--- a\/mod\.py\n\+\+\+ b\/mod\.py\n@@ -1,2 \+1,2 @@\n def label\(widget, seen=\[\]\):\n-    return getattr\(widget, "text"\)\n\+    return widget\.text\n$/);
  });

  it("refuses '-' next to other paths", () => {
    const { code, stderr } = runCli(['check', '-', 'x.py'], workspace({}), {}, { input: '' });
    assert.deepEqual([code, stderr], [2, "pythonic: '-' (stdin) must be the only PATH\n"]);
  });
});

describe('pythonic check progress line', () => {
  const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`m${String(i).padStart(3, '0')}.py`, 'x = None == 1\n']));

  it('is never written when stderr is not a terminal', () => {
    const { code, stderr } = runCli(['check', '--no-cache', '.'], workspace(many));
    assert.deepEqual([code, stderr], [1, '']);
  });

  it('counts files in place on a terminal and erases itself, for long runs only', (t) => {
    if (!hasCommand('script')) return t.skip('`script` (util-linux) is not installed: no terminal to run the CLI in');
    const inTerminal = (dir: string) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check --no-cache --format github .`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
      });
    const long = inTerminal(workspace(many));
    assert.equal(long.status, 1);
    assert.match(long.stdout, /^\rchecked \d+\/120 files/);
    assert.ok(long.stdout.includes('\rchecked 120/120 files\r\x1b[K::warning file=m000.py,'), JSON.stringify(long.stdout.slice(0, 400)));
    const short = inTerminal(workspace({ 'a.py': 'x = None == 1\n' }));
    assert.match(short.stdout, /^::warning file=a\.py,/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = load(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;

  it('declares node hooks for Python files and notebooks, run serially', () => {
    assert.deepEqual(
      hooks.map((h) => [h.id, h.entry, h.language, h.types_or, h.require_serial]),
      [
        ['pythonic', 'pythonic check', 'node', ['python', 'jupyter'], true],
        ['pythonic-fix', 'pythonic check --fix', 'node', ['python', 'jupyter'], true],
      ],
    );
    for (const hook of hooks) assert.equal(typeof hook.name, 'string');
  });

  it('runs the CLI on the files pre-commit passes, as its entry says', () => {
    const dir = workspace(FILES);
    const entry = (id: string) => (hooks.find((h) => h.id === id)!.entry as string).split(' ');
    const [command, ...args] = entry('pythonic');
    assert.equal(command, 'pythonic');
    const check = runCli([...args, 'pkg/widgets.py', 'clean.py'], dir);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /^pkg\/widgets\.py:2:12: PP705 \[\*\] /);
    const fix = runCli([...entry('pythonic-fix').slice(1), 'pkg/widgets.py'], dir);
    assert.deepEqual([fix.code, fix.stdout], [0, 'Fixed 2 problems.\n']);
    assert.equal(fs.readFileSync(path.join(dir, 'pkg/widgets.py'), 'utf8'), 'def label(widget):\n    return widget.text\n\n\ndef dirty(widget):\n    return widget.dirty\n');
  });
});
