// `pythonic check` with Ruff-style configuration: extend-select/ignore, per-file-ignores,
// exclude, fix safety, and the errors a broken [tool.pythonic] gives.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, workspace } from './support/cli';

// PP401 (no fix), PP204 (unsafe fix), PP705 (safe fix).
const APP = 'def f(x=[]):\n    return x == None\n\n\ndef g(o):\n    return getattr(o, "name")\n';

/** `path:line CODE[*]` for each reported diagnostic, from the text report. */
function reported(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+: /.test(l))
    .map((l) => l.replace(/^(\S+?):(\d+):\d+: (\S+)( \[\*\])?.*$/, (_, p: string, line: string, code: string, star?: string) => `${p}:${line} ${code}${star ? '*' : ''}`));
}

function check(dir: string, args: string[]): { code: number | null; lines: string[]; stderr: string } {
  const run = runCli(['check', '--no-cache', ...args], dir);
  return { code: run.code, lines: reported(run.stdout), stderr: run.stderr };
}

describe('pythonic check: configuration keys', () => {
  it('extend-select and extend-ignore add to select and ignore; flags replace the file\'s value, which beats the default', () => {
    const dir = workspace({ 'pyproject.toml': '[tool.pythonic]\nextend-ignore = ["PP204"]\n', 'app.py': APP + 'print = 1\n' });
    // default + file: PP204 ignored; PP101 (builtin-shadowing) is opt-in and off
    assert.deepEqual(check(dir, ['app.py']).lines, ['app.py:1 PP401', 'app.py:6 PP705*']);
    // the flag replaces the file's extend-ignore
    assert.deepEqual(check(dir, ['--extend-ignore', 'PP705', 'app.py']).lines, ['app.py:1 PP401', 'app.py:2 PP204']);
    // extend-select names an opt-in rule by its code and keeps the default selection
    assert.deepEqual(check(dir, ['--extend-select', 'PP101', 'app.py']).lines, ['app.py:1 PP401', 'app.py:6 PP705*', 'app.py:7 PP101']);
    // select from the file, extend-select from a flag: both apply
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic]\nselect = ["PP2"]\n');
    assert.deepEqual(check(dir, ['--extend-select', 'PP401', 'app.py']).lines, ['app.py:1 PP401', 'app.py:2 PP204']);
  });

  it('per-file-ignores: globs relative to the pyproject.toml folder; a name without / matches anywhere; ! inverts', () => {
    const dir = workspace({
      'pyproject.toml': '[tool.pythonic.per-file-ignores]\n"tests/**" = ["PP4"]\n"conftest.py" = ["PP2"]\n"!src/**" = ["PP705"]\n',
      'src/app.py': APP,
      'src/conftest.py': APP,
      'tests/test_app.py': APP,
    });
    assert.deepEqual(check(path.join(dir, 'src'), ['.']).lines, [
      'app.py:1 PP401',
      'app.py:2 PP204',
      'app.py:6 PP705*',
      'conftest.py:1 PP401',
      'conftest.py:6 PP705*',
    ]);
    assert.deepEqual(check(dir, ['tests']).lines, ['tests/test_app.py:2 PP204']);
    // --per-file-ignores replaces the table
    assert.deepEqual(check(dir, ['--per-file-ignores', 'test_*.py:PP204,PP705', 'tests']).lines, ['tests/test_app.py:1 PP401']);
  });

  it('exclude and extend-exclude skip files and folders found below a directory; a named file only with --force-exclude', () => {
    const dir = workspace({
      'pyproject.toml': '[tool.pythonic]\nextend-exclude = ["generated", "*_pb2.py"]\n',
      'app.py': APP,
      'msg_pb2.py': APP,
      'generated/models.py': APP,
      '.venv/lib/site.py': APP,
    });
    const files = (args: string[]) => [...new Set(check(dir, args).lines.map((l) => l.split(':')[0]))];
    assert.deepEqual(files(['.']), ['app.py']);
    assert.deepEqual(files(['app.py', 'msg_pb2.py']), ['app.py', 'msg_pb2.py']);
    assert.deepEqual(files(['--force-exclude', 'app.py', 'msg_pb2.py']), ['app.py']);
    // exclude replaces the default list (which skips .venv); extend-exclude still applies
    assert.deepEqual(files(['--exclude', 'app.py', '.']), ['.venv/lib/site.py']);
    assert.deepEqual(files(['--extend-exclude', 'app.py', '.']), ['generated/models.py', 'msg_pb2.py']);
  });

  it('extend-safe-fixes lets --fix apply an unsafe fix; extend-unsafe-fixes and unfixable hold a safe one back', () => {
    const dir = workspace({ 'pyproject.toml': '[tool.pythonic]\nextend-safe-fixes = ["PP204"]\n', 'app.py': APP });
    assert.deepEqual(check(dir, ['app.py']).lines, ['app.py:1 PP401', 'app.py:2 PP204*', 'app.py:6 PP705*']);
    assert.deepEqual(check(dir, ['--extend-unsafe-fixes', 'PP705', '--extend-safe-fixes', 'PP2', 'app.py']).lines, ['app.py:1 PP401', 'app.py:2 PP204*', 'app.py:6 PP705']);
    assert.deepEqual(check(dir, ['--unfixable', 'PP705', 'app.py']).lines, ['app.py:1 PP401', 'app.py:2 PP204*', 'app.py:6 PP705']);
    const fixed = runCli(['check', '--no-cache', '--fix', '--unfixable', 'PP7', 'app.py'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'app.py'), 'utf8'), APP.replace('x == None', 'x is None'));
    assert.match(fixed.stdout, /^Fixed 1 problem\.$/m);
    // even --unsafe-fixes leaves an unfixable rule alone
    runCli(['check', '--no-cache', '--fix', '--unsafe-fixes', '--unfixable', 'PP705,PP401', 'app.py'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'app.py'), 'utf8'), APP.replace('x == None', 'x is None'));
  });
});

describe('pythonic check: a broken [tool.pythonic]', () => {
  const run = (pyproject: string, args: string[] = []) => {
    const dir = workspace({ 'pyproject.toml': pyproject, 'app.py': APP });
    const result = runCli(['check', '--no-cache', ...args, 'app.py'], dir);
    return { ...result, file: path.join(fs.realpathSync(dir), 'pyproject.toml'), dir };
  };

  it('a TOML syntax error names the file, line and column; exit 2', () => {
    const { code, stdout, stderr, file } = run('[project]\nname = "demo"\n\n[tool.pythonic\nselect = ["PP4"]\n');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `pythonic: ${file}:4:15: not valid TOML: illegal character in key\n`);
  });

  it('an unknown key names its line and the key it probably meant; exit 2', () => {
    const { code, stderr, file } = run('[tool.pythonic]\nselect = ["PP4"]\n\n# ruff spells it so\nextend-selct = ["PP101"]\nfrobnicate = true\n');
    assert.equal(code, 2);
    assert.equal(
      stderr,
      `pythonic: ${file}:5: unknown key 'extend-selct' in [tool.pythonic]; did you mean 'extend-select'?\n` +
        `pythonic: ${file}:6: unknown key 'frobnicate' in [tool.pythonic]\n`,
    );
  });

  it('a value of the wrong type says what the key takes, at its line (also in a sub-table); exit 2', () => {
    const { code, stderr, file } = run('[tool.pythonic]\nextend-select = "PP4"\n\n[tool.pythonic.per-file-ignores]\n"tests/*" = "PP401"\n');
    assert.equal(code, 2);
    assert.equal(
      stderr,
      `pythonic: ${file}:2: 'extend-select' in [tool.pythonic] takes a list of rule codes or prefixes, e.g. ["PP4", "PP401"], not "PP4"\n` +
        `pythonic: ${file}:4: 'per-file-ignores' in [tool.pythonic] takes a table of globs to lists of codes, e.g. { "tests/**" = ["PP401"] }, not {"tests/*":"PP401"}\n`,
    );
  });

  it('a code that names no rule, in the file or a flag; exit 2', () => {
    const inFile = run('[tool.pythonic]\nunfixable = ["PP7O5"]\n');
    assert.equal(inFile.code, 2);
    assert.equal(inFile.stderr, `pythonic: ${inFile.file}: [tool.pythonic] unfixable: 'PP7O5' matches no rule; did you mean PP705?\n`);
    const flag = run('', ['--per-file-ignores', 'tests']);
    assert.equal(flag.stderr, "pythonic: --per-file-ignores takes GLOB:CODES, e.g. 'tests/*:PP401,PP402', not 'tests'\n");
    assert.equal(flag.code, 2);
  });
});
