// Fixes on real code nobody here wrote: standard-library files with mutable
// defaults are fixed (unsafe fixes included), compiled by CPython, and re-checked.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixAll, parseSettings } from '../server/src/engine';
import { check, testParser } from './support/engine';

const STDLIB = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
const MUTABLE_DEFAULT = /\w\s*=\s*(\[\]|\{\}|set\(\)|list\(\)|dict\(\))\s*[,)]/;

function sampleFiles(limit: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['site-packages', '__pycache__', 'test', 'tests', 'idle_test'].includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.py') && MUTABLE_DEFAULT.test(fs.readFileSync(full, 'latin1'))) {
        found.push(full);
      }
    }
  };
  walk(STDLIB);
  return found;
}

describe('PP401 fixes on the standard library', () => {
  it('every fixed file compiles and no fixable PP401 is left', async () => {
    const parser = await testParser();
    const settings = parseSettings({ select: ['PP401'] });
    const files = sampleFiles(40);
    assert.ok(files.length >= 20, `found ${files.length} sample files`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-stdlib-'));
    let applied = 0;
    const written: string[] = [];
    for (const [i, file] of files.entries()) {
      const text = fs.readFileSync(file, 'utf8');
      const result = fixAll({ parser, text, settings, unsafe: true, path: file });
      if (result.applied === 0) continue;
      applied += result.applied;
      const target = path.join(dir, `${i}_${path.basename(file)}`);
      fs.writeFileSync(target, result.text);
      written.push(target);
      const left = (await check(result.text, settings)).filter((d) => d.fix !== null);
      assert.deepEqual(left, [], `fixable PP401 left in ${file}`);
    }
    assert.ok(applied >= 20, `applied ${applied} fixes`);
    // One CPython process compiles them all and names any file that fails.
    const script = 'import py_compile, sys\nbad = []\nfor f in sys.argv[1:]:\n    try: py_compile.compile(f, doraise=True)\n    except py_compile.PyCompileError as e: bad.append(str(e))\nprint("\\n".join(bad))';
    const failures = execFileSync('python3', ['-c', script, ...written], { encoding: 'utf8' }).trim();
    assert.equal(failures, '', 'fixed files that do not compile');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
