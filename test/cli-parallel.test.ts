// `pythonic check --jobs N`: worker threads must not change a byte of the output.
// Runs the built CLI on a copy of part of the standard library, sequentially,
// on two workers and from a warm cache, and compares everything it prints.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/engine';
import { cachedCount, runCli, snapshot, splitTiming, stdlibDir, workerCount, workspace } from './support/cli';

/** Not valid UTF-8, and an unknown coding cookie: read errors the report must keep in place. */
const BAD_UTF8 = Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xff, 0x0a]);
const BAD_COOKIE = '# -*- coding: uft-8 -*-\nx = 1\n';

/**
 * `defs` classes that each report PP401 (unsafe fix) and PP302 (safe fix),
 * padded to ~400 KB so that three such files start two workers (each wants
 * 512 KiB). The padding is one string literal: cheap to parse (as many comment
 * lines would not be).
 */
function bigFile(defs: number, field = 'b'): string {
  const code = Array.from({ length: defs }, (_, i) => `class C${i}:\n    def f(self, a=[]):\n        return a\n\n    def __hash__(self):\n        return hash(self.a) ^ hash(self.${field})\n`).join('');
  return `${code}PADDING = "${'padding '.repeat(50_000)}"\n`;
}

/**
 * ~80 standard-library files, over 1.2 MB so that two workers start (each
 * wants 512 KiB): `_pydecimal.py` (the largest module, so one worker is busy
 * with it while the other takes the rest), files known to report problems, then
 * the small top-level modules in name order.
 */
function stdlibSample(): Record<string, Buffer> {
  const root = stdlibDir();
  const wanted = ['_pydecimal.py', 'tkinter/__init__.py', 'mimetypes.py', 'threading.py', 'base64.py', 'pkgutil.py', 'xml/sax/saxutils.py', 'cgi.py'];
  const files: Record<string, Buffer> = {};
  let bytes = 0;
  const add = (name: string) => {
    files[name] = fs.readFileSync(path.join(root, name));
    bytes += files[name].length;
  };
  for (const name of wanted) if (fs.existsSync(path.join(root, name))) add(name);
  for (const name of fs.readdirSync(root).sort()) {
    if (Object.keys(files).length >= 80 && bytes >= 1_200_000) break;
    const full = path.join(root, name);
    if (name.endsWith('.py') && !(name in files) && fs.statSync(full).isFile() && fs.statSync(full).size <= 25_000) add(name);
  }
  return files;
}

describe('pythonic check --jobs', () => {
  it('the standard-library sample reports byte for byte the same with --jobs 1, --jobs 2 and from a warm cache', () => {
    const sample = stdlibSample();
    assert.ok(Object.keys(sample).length >= 70, `sample of ${Object.keys(sample).length} files`);
    assert.ok('_pydecimal.py' in sample);
    const dir = workspace({ ...sample, 'zz_bad_utf8.py': BAD_UTF8, 'zz_bad_cookie.py': BAD_COOKIE });

    const json = runCli(['check', '--format', 'json', '--jobs', '1', '--no-cache', '.'], dir);
    const text = runCli(['check', '--jobs', '1', '--no-cache', '.'], dir);
    const report = JSON.parse(json.stdout) as { files: number; diagnostics: Array<{ path: string }> };
    assert.equal(report.files, Object.keys(sample).length + 2);
    assert.ok(new Set(report.diagnostics.map((d) => d.path)).size >= 3, 'the sample should report problems in several files');
    assert.equal(json.code, 2);
    assert.equal(json.stderr, 'pythonic: zz_bad_cookie.py: unknown source encoding \'uft-8\'\npythonic: zz_bad_utf8.py: not valid utf-8\n');
    assert.equal(text.stderr, json.stderr);
    assert.ok(!fs.existsSync(path.join(dir, '.pythonic_cache')), '--no-cache must not create the cache');

    // Two workers, no cache: identical in both formats.
    assert.deepEqual(runCli(['check', '--format', 'json', '--jobs', '2', '--no-cache', '.'], dir), json);
    const textOnWorkers = runCli(['check', '--jobs', '2', '.'], dir, { PYTHONIC_TIMING: '1' });
    assert.equal(textOnWorkers.stdout, text.stdout);
    assert.equal(textOnWorkers.code, text.code);
    assert.equal(splitTiming(textOnWorkers.stderr).before, text.stderr);
    assert.equal(workerCount(textOnWorkers.stderr), 2, 'the sample is large enough for two workers');
    assert.equal(cachedCount(textOnWorkers.stderr), 0);

    // That run filled the cache: warm runs answer every readable file from it, identically.
    assert.deepEqual(runCli(['check', '--format', 'json', '--jobs', '2', '.'], dir), json);
    const warmText = runCli(['check', '--jobs', '2', '.'], dir, { PYTHONIC_TIMING: '1' });
    assert.equal(warmText.stdout, text.stdout);
    assert.equal(splitTiming(warmText.stderr).before, text.stderr);
    assert.equal(cachedCount(warmText.stderr), Object.keys(sample).length);
    assert.equal(workerCount(warmText.stderr), 0, 'two unreadable files are no reason to start workers');
  });

  it('reports I/O errors in place and exits 2 when the files are checked on workers', () => {
    // Enough source for two workers, with unreadable files between the readable ones.
    const body = bigFile(20);
    const dir = workspace({
      'a.py': body,
      'b_bad_utf8.py': BAD_UTF8,
      'c.py': body,
      'd_bad_cookie.py': BAD_COOKIE,
      'e.py': body,
      'f.py': 'print("fine")\n',
    });
    fs.mkdirSync(path.join(dir, 'g_dir.py'));
    fs.writeFileSync(path.join(dir, 'g_dir.py', 'h.py'), BAD_UTF8);
    const sequential = runCli(['check', '--format', 'json', '--jobs', '1', '--no-cache', '.'], dir);
    assert.equal(sequential.code, 2);
    assert.equal(
      sequential.stderr,
      "pythonic: b_bad_utf8.py: not valid utf-8\npythonic: d_bad_cookie.py: unknown source encoding 'uft-8'\n" + `pythonic: ${path.join('g_dir.py', 'h.py')}: not valid utf-8\n`,
    );
    const parallel = runCli(['check', '--format', 'json', '--jobs', '2', '--no-cache', '.'], dir, { PYTHONIC_TIMING: '1' });
    assert.equal(workerCount(parallel.stderr), 2);
    assert.equal(parallel.code, sequential.code);
    assert.equal(parallel.stdout, sequential.stdout);
    assert.equal(splitTiming(parallel.stderr).before, sequential.stderr);
  });

  it('fails with exit 2 and prints no report when a worker thread ends or throws before answering its files', () => {
    const dir = workspace({ 'a.py': bigFile(20), 'b.py': bigFile(20), 'c.py': bigFile(20) });
    const failures = [
      ['exit', /^pythonic: internal error: Error: a worker thread exited \(code 3\) before it finished its files\n/],
      ['throw', /^pythonic: internal error: Error: fault injected by PYTHONIC_TEST_WORKER_FAULT\n/],
    ] as const;
    for (const [fault, message] of failures) {
      const run = runCli(['check', '--format', 'json', '--jobs', '2', '--no-cache', '.'], dir, { PYTHONIC_TEST_WORKER_FAULT: fault });
      assert.equal(run.code, 2, `${fault}: ${run.stderr}`);
      assert.equal(run.stdout, '', fault);
      assert.match(run.stderr, message);
    }
    // The same files without the fault: two workers, and a report.
    const fine = runCli(['check', '--format', 'json', '--jobs', '2', '--no-cache', '.'], dir, { PYTHONIC_TIMING: '1' });
    assert.equal(workerCount(fine.stderr), 2);
    assert.equal(fine.code, 1);
    assert.equal((JSON.parse(fine.stdout) as { files: number }).files, 3);
  });

  it('--fix on workers fixes and counts exactly as --jobs 1 does', () => {
    const files = { 'a.py': bigFile(100), 'b.py': bigFile(100, 'c'), 'c.py': bigFile(100), 'd.py': 'x = 1\n' };
    const one = workspace(files);
    const two = workspace(files);
    const sequential = runCli(['check', '--fix', '--jobs', '1', '--no-cache', '.'], one);
    const parallel = runCli(['check', '--fix', '--jobs', '2', '--no-cache', '.'], two, { PYTHONIC_TIMING: '1' });
    assert.equal(workerCount(parallel.stderr), 2);
    assert.ok(sequential.stdout.includes('\nFixed 300 problems.\nFound 300 problems.\n'), sequential.stdout.slice(-300));
    assert.deepEqual([parallel.code, parallel.stdout, splitTiming(parallel.stderr).before], [sequential.code, sequential.stdout, sequential.stderr]);
    assert.deepEqual(snapshot(two), snapshot(one));
    assert.match(snapshot(two)['b.py'].toString(), /return hash\(\(self\.a, self\.c\)\)\n/);
  });

  it('PYTHONIC_TIMING=1 prints, after the report, a table with every enabled rule, parse and analysis time', () => {
    const dir = workspace({ 'bus.py': 'def f(x, y=[]):\n    return x == None\n' });
    const plain = runCli(['check', '--no-cache', 'bus.py'], dir);
    const timed = runCli(['check', '--no-cache', 'bus.py'], dir, { PYTHONIC_TIMING: '1' });
    assert.equal(timed.stdout, plain.stdout);
    assert.equal(timed.code, 1);
    const { before, table } = splitTiming(timed.stderr);
    assert.equal(before, '');
    const lines = table.trimEnd().split('\n');
    assert.match(lines[0], /^Code +\| Rule +\| Time \(ms\) \| Relative$/);
    assert.match(lines[1], /^:-+\|:-+\|-+:\|-+:$/);
    const rows = lines.slice(2).filter((l) => /^PP\d+ /.test(l));
    const defaults = RULES.filter((r) => !r.meta.optIn);
    assert.deepEqual(rows.map((r) => r.split(' ')[0]).sort(), defaults.map((r) => r.meta.code).sort());
    for (const rule of defaults) assert.match(table, new RegExp(`^${rule.meta.code} +\\| ${rule.meta.name} +\\| +\\d+\\.\\d{3} \\| +\\d+\\.\\d%$`, 'm'));
    // Rows are sorted by time, longest first.
    const times = rows.map((r) => Number(r.split('|')[2]));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.match(table, /^ +\| rules total +\| +\d+\.\d{3} \| +100\.0%$/m);
    assert.match(table, /^ +\| scope trees \(shared by the rules\) +\| +\d+\.\d{3} \|$/m);
    assert.match(table, /^ +\| binding-site scans \(shared by the rules\) +\| +\d+\.\d{3} \|$/m);
    assert.match(table, /^ +\| parse +\| +\d+\.\d{3} \|$/m);
    assert.match(table, /^ +\| analysis total +\| +\d+\.\d{3} \|$/m);
    assert.match(table, /^1 file analysed, in the main thread\.$/m);
    assert.equal(cachedCount(timed.stderr), 0);

    // Only the enabled rules are listed.
    const selected = runCli(['check', '--no-cache', '--select', 'PP4', 'bus.py'], dir, { PYTHONIC_TIMING: '1' });
    const codes = [...splitTiming(selected.stderr).table.matchAll(/^(PP\d+) /gm)].map((m) => m[1]);
    assert.deepEqual(codes.sort(), RULES.map((r) => r.meta.code).filter((c) => c.startsWith('PP4')).sort());
    // PYTHONIC_TIMING=0 is off.
    assert.equal(runCli(['check', '--no-cache', 'bus.py'], dir, { PYTHONIC_TIMING: '0' }).stderr, '');
  });

  it('rejects a --jobs that is not a positive whole number', () => {
    const dir = workspace({ 'a.py': 'x = 1\n' });
    for (const value of ['0', 'two', '1.5']) {
      const result = runCli(['check', `--jobs=${value}`, 'a.py'], dir);
      assert.equal(result.code, 2, value);
      assert.equal(result.stderr, `pythonic: --jobs must be a whole number from 1 to 9999, not '${value}'\n`);
    }
    // No more workers than files: one file is checked in the main thread.
    const many = runCli(['check', '--jobs', '64', 'a.py'], dir, { PYTHONIC_TIMING: '1' });
    assert.equal(many.stdout, 'All checks passed.\n');
    assert.equal(workerCount(many.stderr), 0);
  });
});
