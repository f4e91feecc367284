// Shared by the engine tests: a parser built exactly as the product builds it
// (wasm next to the bundles in out/), and an ESLint-RuleTester-shaped helper.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, applyEdits, fixAll, parsePython, parseSettings, type Diagnostic, type Settings } from '../../server/src/engine';
import { createParser, type Parser } from '../../server/src/parser';

/** Repository root: the nearest folder above the bundled test file that holds package.json. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
})();
export const OUT = path.join(ROOT, 'out');

/** A small module with a class and a function, for tests of edits inside one method (analyzeEdit, the server's catch-up). */
export const STORE = [
  'import os',
  '',
  '',
  'class Store:',
  '    """Keeps things."""',
  '',
  '    limit = 10',
  '',
  '    def add(self, item, seen=None):',
  '        total = 0',
  '        if seen == None:',
  '            seen = set()',
  '        key = lambda value: value % 3',
  '        return sorted([total, item], key=key)',
  '',
  '    def drop(self, item):',
  '        return os.path.join(item, "x")',
  '',
  '',
  'def helper(values):',
  '    count = 0',
  '    for v in values:',
  '        count += v',
  '    return count',
  '',
].join('\n');

let parserPromise: Promise<Parser> | undefined;
export function testParser(): Promise<Parser> {
  parserPromise ??= createParser(OUT);
  return parserPromise;
}

export async function check(text: string, settings: Partial<Settings> = {}, filePath = 'test.py'): Promise<Diagnostic[]> {
  const parser = await testParser();
  const tree = parsePython(parser, text)!;
  try {
    return analyze({ tree, text, settings: parseSettings(settings), path: filePath }).diagnostics;
  } finally {
    tree.delete();
  }
}

/** Asserts that CPython compiles `source` (the oracle for every fix). */
export function assertCompiles(source: string, label = 'fixed text'): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-compile-'));
  const file = path.join(dir, 'fixed.py');
  fs.writeFileSync(file, source);
  try {
    execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' });
  } catch (error) {
    assert.fail(`${label} does not compile:\n${source}\n${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface InvalidCase {
  code: string;
  /** Expected diagnostics as `line:col-line:col` (0-based) ranges of this rule. */
  errors: string[];
  /** Text after applying every fix of this rule (unsafe included); null = reported but not fixable. */
  output: string | null;
  settings?: Partial<Settings>;
  path?: string;
}

export interface RuleCases {
  valid: Array<string | { code: string; settings?: Partial<Settings>; path?: string }>;
  invalid: InvalidCase[];
}

function rangeKey(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

/**
 * ESLint's RuleTester shape: `valid` code reports nothing for the rule; each
 * `invalid` case reports exactly `errors`, and fixing gives `output`, which must
 * compile and be clean for the rule.
 */
export function ruleTests(ruleCode: string, cases: RuleCases, register: (name: string, fn: () => Promise<void>) => void): void {
  const only = (settings: Partial<Settings> = {}) => ({ ...settings, select: [ruleCode] });
  for (const [i, c] of cases.valid.entries()) {
    const code = typeof c === 'string' ? c : c.code;
    const settings = typeof c === 'string' ? undefined : c.settings;
    const file = typeof c === 'string' ? undefined : c.path;
    register(`valid #${i + 1}: ${code.split('\n').find((l) => l.trim()) ?? ''}`, async () => {
      const found = await check(code, only(settings), file);
      assert.deepEqual(found.map(rangeKey), [], `expected no ${ruleCode} in:\n${code}`);
    });
  }
  for (const [i, c] of cases.invalid.entries()) {
    register(`invalid #${i + 1}: ${c.code.split('\n').find((l) => l.trim()) ?? ''}`, async () => {
      const found = await check(c.code, only(c.settings), c.path);
      assert.deepEqual(found.map(rangeKey), c.errors);
      assert.ok(found.every((d) => d.code === ruleCode));
      const parser = await testParser();
      if (c.output === null) {
        assert.ok(found.every((d) => d.fix === null), 'expected no fix');
        return;
      }
      const fixed = fixAll({ parser, text: c.code, settings: parseSettings(only(c.settings)), unsafe: true, path: c.path });
      assert.equal(fixed.text, c.output);
      assertCompiles(fixed.text);
      assert.deepEqual((await check(fixed.text, only(c.settings), c.path)).map(rangeKey), [], 'the rule still fires after its fix');
      // Each fix on its own must also apply cleanly.
      for (const d of found) if (d.fix) assertCompiles(applyEdits(c.code, d.fix.edits), `${ruleCode} fix alone`);
    });
  }
}

/** The position of the `nth` occurrence of `needle` in `text`, `offset` characters into it. */
export function positionOf(text: string, needle: string, nth = 1, offset = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${needle} #${nth} not found`);
  }
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export interface RunResult {
  stdout: string;
  /** The last line of stderr (an uncaught exception's type and message), or ''. */
  error: string;
  status: number | null;
}

/** Runs a Python program with `python3` and returns what it printed, its exception and exit status. */
export function runPython(program: string): RunResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-run-'));
  const file = path.join(dir, 'program.py');
  fs.writeFileSync(file, program);
  try {
    const run = spawnSync('python3', [file], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, PYTHONHASHSEED: '0' } });
    const error = run.stderr.trim().split('\n').pop() ?? '';
    return { stdout: run.stdout, error, status: run.status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Proves a safe fix by running it: applies the rule's *safe* fixes (as fix-all and
 * fix-on-save do) to `program`, checks that something was fixed, then runs the program
 * before and after with `python3` and asserts identical output, exception and exit
 * status. Returns the fixed program so the caller can also assert the rewrite.
 */
export async function assertSameOutput(ruleCode: string, program: string, options: { settings?: Partial<Settings>; fixes?: number } = {}): Promise<string> {
  const parser = await testParser();
  const settings = parseSettings({ ...options.settings, select: [ruleCode] });
  const fixed = fixAll({ parser, text: program, settings, unsafe: false });
  assert.ok(fixed.applied >= (options.fixes ?? 1), `expected ${options.fixes ?? 'at least 1'} safe ${ruleCode} fixes, applied ${fixed.applied}:\n${program}`);
  assertCompiles(fixed.text);
  const before = runPython(program);
  assert.ok(before.stdout.trim() !== '', `the program must print something to compare:\n${program}\n${before.error}`);
  const after = runPython(fixed.text);
  assert.deepEqual(after, before, `${ruleCode}'s safe fix changed what the program does.\nbefore the fix:\n${program}\nafter:\n${fixed.text}`);
  return fixed.text;
}
