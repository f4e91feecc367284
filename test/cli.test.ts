// The `pythonic` CLI as users and CI run it: the built bundle in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { assertCompiles, OUT, ROOT } from './support/engine';

const CLI = path.join(OUT, 'cli.js');
const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';

function run(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('pythonic check', () => {
  it('reports like Ruff and exits 1 when something is found', () => {
    const dir = workspace({ 'bus.py': BUS });
    const { code, stdout, stderr } = run(['check', 'bus.py'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.equal(
      stdout,
      'bus.py:2:35: PP401 `passengers` defaults to a list `[]`, made once when `__init__` is defined and shared by every call that leaves the argument out\n' +
        '\nFound 1 problem.\n1 more fixable with --fix --unsafe-fixes.\n',
    );
  });

  it('prints the JSON contract: 0-based LSP ranges, fix present whether or not --fix is given', () => {
    const dir = workspace({ 'bus.py': BUS });
    const { code, stdout } = run(['check', '--format', 'json', 'bus.py'], dir);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), {
      version: 1,
      files: 1,
      diagnostics: [
        {
          path: 'bus.py',
          code: 'PP401',
          name: 'mutable-default-argument',
          severity: 'warning',
          message: '`passengers` defaults to a list `[]`, made once when `__init__` is defined and shared by every call that leaves the argument out',
          range: { start: { line: 1, character: 34 }, end: { line: 1, character: 36 } },
          fix: {
            title: 'Default `passengers` to `None` and create the value inside the function',
            safety: 'unsafe',
            edits: [
              { range: { start: { line: 1, character: 34 }, end: { line: 1, character: 36 } }, newText: 'None' },
              { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '        if passengers is None:\n            passengers = []\n' },
            ],
          },
        },
      ],
    });
  });

  it('exits 0 on clean code, and honours --select and --ignore', () => {
    const dir = workspace({ 'clean.py': 'def f(x=None):\n    return x\n', 'bus.py': BUS });
    const clean = run(['check', 'clean.py'], dir);
    assert.deepEqual([clean.code, clean.stdout], [0, 'All checks passed.\n']);
    assert.equal(run(['check', '--ignore', 'PP401', 'bus.py'], dir).code, 0);
    assert.equal(run(['check', '--ignore', 'pp4', 'bus.py'], dir).code, 0);
    assert.equal(run(['check', '--select', 'PP401', 'bus.py'], dir).code, 1);
  });

  it('exits 2 with a message on stderr for usage and I/O errors', () => {
    const dir = workspace({ 'bus.py': BUS });
    for (const [args, message] of [
      [['check', 'missing.py'], 'pythonic: missing.py: no such file or directory\n'],
      [['check'], 'pythonic: check needs at least one PATH (or - for stdin)\n'],
      [['check', '--format', 'xml', 'bus.py'], "pythonic: --format must be one of text, json, sarif, github, not 'xml'\n"],
      [['check', '--select', 'XY9', 'bus.py'], "pythonic: --select: 'XY9' matches no rule; use rule codes such as PP401, groups PP0 to PP9, or ALL\n"],
      [['check', '--target-version', 'py26', 'bus.py'], 'pythonic: --target-version must be one of py37, py38, py39, py310, py311, py312, py313\n'],
      [['frobnicate'], "pythonic: unknown command 'frobnicate' (try: pythonic --help)\n"],
    ] as const) {
      const result = run([...args], dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr, message);
    }
    assert.match(run(['check', '--bogus', 'bus.py'], dir).stderr, /^pythonic: Unknown option '--bogus'/);
  });

  it('--fix applies only safe fixes; --unsafe-fixes rewrites the HauntedBus into code that compiles and is clean', () => {
    const dir = workspace({ 'bus.py': BUS });
    const safeOnly = run(['check', '--fix', 'bus.py'], dir);
    assert.equal(safeOnly.code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'bus.py'), 'utf8'), BUS);
    const unsafe = run(['check', '--fix', '--unsafe-fixes', 'bus.py'], dir);
    assert.equal(unsafe.code, 0);
    assert.equal(unsafe.stdout, 'Fixed 1 problem.\n');
    const fixed = fs.readFileSync(path.join(dir, 'bus.py'), 'utf8');
    assert.equal(fixed, 'class HauntedBus:\n    def __init__(self, passengers=None):\n        if passengers is None:\n            passengers = []\n        self.passengers = passengers\n');
    assertCompiles(fixed);
    assert.equal(run(['check', 'bus.py'], dir).code, 0);
  });

  it('--target-version below 3.10 makes the fix use Optional and import it', () => {
    const dir = workspace({ 'typed.py': 'def f(x: list = []):\n    return x\n' });
    assert.equal(run(['check', '--fix', '--unsafe-fixes', '--target-version', 'py38', 'typed.py'], dir).code, 0);
    const fixed = fs.readFileSync(path.join(dir, 'typed.py'), 'utf8');
    assert.equal(fixed, 'from typing import Optional\ndef f(x: Optional[list] = None):\n    if x is None:\n        x = []\n    return x\n');
    assertCompiles(fixed);
  });

  it('recurses into directories, skipping VCS, virtualenvs, site-packages, node_modules and caches', () => {
    const dir = workspace({
      'pkg/a.py': BUS,
      'pkg/sub/b.py': BUS,
      'pkg/notes.txt': BUS,
      '.git/hooks/c.py': BUS,
      '.venv/lib/d.py': BUS,
      'env-with-any-name/pyvenv.cfg': 'home = /usr\n',
      'env-with-any-name/lib/e.py': BUS,
      'node_modules/x/f.py': BUS,
      'pkg/__pycache__/g.py': BUS,
      'lib/python3.12/site-packages/h.py': BUS,
    });
    const { stdout } = run(['check', '--format', 'json', '.'], dir);
    const report = JSON.parse(stdout) as { files: number; diagnostics: Array<{ path: string }> };
    assert.equal(report.files, 2);
    assert.deepEqual(report.diagnostics.map((d) => d.path), [path.join('pkg', 'a.py'), path.join('pkg', 'sub', 'b.py')]);
  });

  it('decodes PEP 263 coding cookies and reports undecodable files without stopping', () => {
    const latin1 = Buffer.from('# -*- coding: latin-1 -*-\ndef f(x=[]):\n    return "caf\xe9", x\n', 'latin1');
    const dir = workspace({ 'a_latin1.py': latin1, 'b_bad.py': Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xff, 0x0a]), 'c_bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('def f(x={}):\n    return x\n')]) });
    const { code, stdout, stderr } = run(['check', '--format', 'json', '.'], dir);
    assert.equal(code, 2);
    assert.equal(stderr, `pythonic: ${path.join('.', 'b_bad.py').replace(/^\.\//, '')}: not valid utf-8\n`);
    const report = JSON.parse(stdout) as { files: number; diagnostics: Array<{ path: string; range: { start: unknown } }> };
    assert.deepEqual(report.diagnostics.map((d) => [d.path, d.range.start]), [
      ['a_latin1.py', { line: 1, character: 8 }],
      ['c_bom.py', { line: 0, character: 8 }],
    ]);
    // Fixing writes the file back in its own encoding.
    run(['check', '--fix', '--unsafe-fixes', 'a_latin1.py', 'c_bom.py'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'a_latin1.py')).toString('latin1').split('\n')[3], '        x = []');
    assert.deepEqual([...fs.readFileSync(path.join(dir, 'c_bom.py')).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('reads [tool.pythonic] from the nearest pyproject.toml; flags win', () => {
    const dir = workspace({
      'pyproject.toml': '[project]\nname = "demo"\n\n[tool.pythonic]\nseverity = { PP401 = "error" }\ntarget-version = "py38"\n',
      'src/typed.py': 'def f(x: list = []):\n    return x\n',
    });
    const report = run(['check', '--format', 'json', 'typed.py'], path.join(dir, 'src'));
    const parsed = JSON.parse(report.stdout) as { diagnostics: Array<{ severity: string; fix: { edits: Array<{ newText: string }> } }> };
    assert.equal(parsed.diagnostics[0].severity, 'error');
    assert.deepEqual(parsed.diagnostics[0].fix.edits.map((e) => e.newText).slice(0, 2), ['None', 'Optional[list]']);
    assert.equal(report.stderr, '');
    const flagged = JSON.parse(run(['check', '--format', 'json', '--target-version', 'py311', 'typed.py'], path.join(dir, 'src')).stdout) as typeof parsed;
    assert.equal(flagged.diagnostics[0].fix.edits[1].newText, 'list | None');
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic\nselect = 1\n');
    const broken = run(['check', 'typed.py'], path.join(dir, 'src'));
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^pythonic: .*pyproject\.toml:1:\d+: not valid TOML: /);
  });

  it('delivers output far larger than a pipe buffer whole', () => {
    const files: Record<string, string> = {};
    const many = Array.from({ length: 20 }, (_, i) => `def f${i}(a=[], b={}, c=set()):\n    return a, b, c\n`).join('');
    for (let i = 0; i < 60; i++) files[`m${i}.py`] = many;
    const dir = workspace(files);
    const { code, stdout } = run(['check', '--format', 'json', '.'], dir);
    assert.equal(code, 1);
    assert.ok(stdout.length > 1024 * 1024, `output is ${stdout.length} bytes`);
    assert.equal((JSON.parse(stdout) as { diagnostics: unknown[] }).diagnostics.length, 60 * 20 * 3);
  });
});

describe('pythonic rule / --help / --version', () => {
  it('prints a rule\'s docs, identical to the generated docs page', () => {
    const { code, stdout } = run(['rule', 'PP401']);
    assert.equal(code, 0);
    assert.equal(stdout, fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'PP401.md'), 'utf8'));
    assert.ok(stdout.startsWith('# PP401 mutable-default-argument\n'));
    assert.equal(run(['rule', 'mutable-default-argument']).stdout, stdout);
    const unknown = run(['rule', 'PP999']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^pythonic: unknown rule 'PP999'; known: PP\d+/);
  });

  it('prints help and version', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /pythonic check \[options\] PATH\.\.\./);
    assert.match(help.stdout, /pythonic server --stdio/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run(['--version']).stdout, `pythonic ${pkg.version}\n`);
  });
});
