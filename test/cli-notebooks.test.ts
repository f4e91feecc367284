// `pythonic check` on Jupyter notebooks: code cells checked as one module, reported
// per cell, fixed in place touching only the fixed cells' source.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, workspace } from './support/cli';
import { ROOT } from './support/engine';

const NOTEBOOK = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'notebooks', 'analysis.ipynb'), 'utf8');
const PP401 = 'PP401 `bucket` defaults to a list `[]`, made once when `add` is defined and shared by every call that leaves the argument out';
const PP204 = "PP204 Compare with `None` using `is`: `==` asks the other object's `__eq__`, which may answer anything";

describe('pythonic check on notebooks', () => {
  it('reports each problem with its cell, seeing names across cells and skipping magics', () => {
    const dir = workspace({ 'analysis.ipynb': NOTEBOOK });
    // Cell 3 calls the `isinstance` that cell 2 defines: no PP201; cell 4's noqa silences its PP401.
    const result = runCli(['check', '--no-cache', 'analysis.ipynb'], dir);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, `analysis.ipynb:cell 3:3:22: ${PP401}\nanalysis.ipynb:cell 4:2:12: ${PP204}\n\nFound 2 problems.\n2 more fixable with --fix --unsafe-fixes.\n`);
    assert.equal(result.code, 1);
  });

  it('gives the cell in JSON output, and the same from the cache', () => {
    const dir = workspace({ 'analysis.ipynb': NOTEBOOK });
    const runs = [runCli(['check', '--format', 'json', 'analysis.ipynb'], dir), runCli(['check', '--format', 'json', 'analysis.ipynb'], dir)];
    assert.ok(fs.existsSync(path.join(dir, '.pythonic_cache')), 'the second run could read the cache');
    for (const run of runs) {
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Array<{ path: string; cell: number; code: string; range: unknown }> };
      assert.deepEqual(
        diagnostics.map(({ path: p, cell, code, range }) => ({ path: p, cell, code, range })),
        [
          { path: 'analysis.ipynb', cell: 3, code: 'PP401', range: { start: { line: 2, character: 21 }, end: { line: 2, character: 23 } } },
          { path: 'analysis.ipynb', cell: 4, code: 'PP204', range: { start: { line: 1, character: 11 }, end: { line: 1, character: 23 } } },
        ],
      );
    }
  });

  it('GitHub and SARIF output name the cell in the message instead of giving the cell’s lines as the file’s', () => {
    const dir = workspace({ 'analysis.ipynb': NOTEBOOK });
    const github = runCli(['check', '--no-cache', '--format', 'github', 'analysis.ipynb'], dir);
    assert.equal(github.stdout.split('\n')[0], `::warning file=analysis.ipynb,title=PP401 (mutable-default-argument)::cell 3, line 3, column 22: ${PP401.slice('PP401 '.length)}`);
    const sarif = JSON.parse(runCli(['check', '--no-cache', '--format', 'sarif', 'analysis.ipynb'], dir).stdout) as {
      runs: Array<{ results: Array<{ message: { text: string }; locations: Array<{ physicalLocation: Record<string, unknown> }>; fixes?: unknown }> }>;
    };
    const [first] = sarif.runs[0].results;
    assert.equal(first.message.text, `In cell 3, line 3, column 22: ${PP401.slice('PP401 '.length)}.`);
    assert.deepEqual(Object.keys(first.locations[0].physicalLocation), ['artifactLocation']);
    assert.equal(first.fixes, undefined);
  });

  it('--fix rewrites only the fixed cells’ source, keeping outputs, metadata and layout', () => {
    const dir = workspace({ 'analysis.ipynb': NOTEBOOK });
    const result = runCli(['check', '--no-cache', '--fix', '--unsafe-fixes', 'analysis.ipynb'], dir);
    assert.equal(result.stdout, 'Fixed 2 problems.\n');
    assert.equal(result.code, 0);
    const expected = NOTEBOOK.replace('    "def add(item, bucket=[]):\\n",\n', '    "def add(item, bucket=None):\\n",\n    "    if bucket is None:\\n",\n    "        bucket = []\\n",\n').replace(
      'return seen == None"',
      'return seen is None"',
    );
    assert.notEqual(expected, NOTEBOOK);
    assert.equal(fs.readFileSync(path.join(dir, 'analysis.ipynb'), 'utf8'), expected);
  });

  it('--fix leaves a notebook\'s `unfixable` codes alone, as it does in a .py file', () => {
    const dir = workspace({ 'analysis.ipynb': NOTEBOOK });
    const result = runCli(['check', '--no-cache', '--fix', '--unsafe-fixes', '--unfixable', 'PP401', 'analysis.ipynb'], dir);
    assert.equal(result.stdout, `analysis.ipynb:cell 3:3:22: ${PP401}\n\nFixed 1 problem.\nFound 1 problem.\n`);
    const expected = NOTEBOOK.replace('return seen == None"', 'return seen is None"');
    assert.notEqual(expected, NOTEBOOK);
    assert.equal(fs.readFileSync(path.join(dir, 'analysis.ipynb'), 'utf8'), expected);
  });

  it('--diff shows the cell changes as a diff of the file and writes nothing', () => {
    const dir = workspace({ 'analysis.ipynb': NOTEBOOK });
    const result = runCli(['check', '--no-cache', '--diff', '--unsafe-fixes', 'analysis.ipynb'], dir);
    assert.match(result.stdout, /^-    "def add\(item, bucket=\[\]\):\\n",\n\+    "def add\(item, bucket=None\):\\n",\n\+    "    if bucket is None:\\n",\n/m);
    assert.match(result.stdout, /^\+   "source": "def key\(seen=\[\]\):  # noqa: PP401\\n    return seen is None"$/m);
    assert.equal(result.stderr, '--fix would apply 2 fixes to 1 file.\n');
    assert.equal(fs.readFileSync(path.join(dir, 'analysis.ipynb'), 'utf8'), NOTEBOOK);
  });

  it('finds notebooks when walking a folder, and reports a broken one while checking the rest', () => {
    const dir = workspace({ 'nb/analysis.ipynb': NOTEBOOK, 'nb/broken.ipynb': '{"cells": [', 'nb/r.ipynb': '{"cells": [], "metadata": {"kernelspec": {"language": "R"}}}' });
    const result = runCli(['check', '--no-cache', 'nb'], dir);
    const file = path.join('nb', 'analysis.ipynb');
    assert.equal(result.stdout, `${file}:cell 3:3:22: ${PP401}\n${file}:cell 4:2:12: ${PP204}\n\nFound 2 problems.\n2 more fixable with --fix --unsafe-fixes.\n`);
    assert.match(result.stderr, /^pythonic: nb\/broken\.ipynb: not a valid notebook: .+\npythonic: nb\/r\.ipynb: kernel language R, not Python; skipped\n$/);
    assert.equal(result.code, 2);
  });
});
