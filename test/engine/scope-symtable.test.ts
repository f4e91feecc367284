// The scope analysis against its oracle: CPython's own `symtable`, dumped by
// test/support/symtable-dump.py in one Python process, on the scope fixtures
// and on a deterministic sample of the standard library.
//   PYTHONIC_SYMTABLE_ALL=1 compares every file of the standard library instead of a sample.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildScopeTree } from '../../server/src/engine/scope';
import { scopeToJson, type ScopeJson } from '../../server/src/engine/scope/output';
import { decodeSource } from '../../server/src/files';
import { OUT, ROOT, testParser } from '../support/engine';

const DUMP = path.join(ROOT, 'test', 'support', 'symtable-dump.py');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'scope');
const SAMPLE_SIZE = 300;

/**
 * Files whose analysis may differ from symtable, each with the reason. Keys are
 * paths relative to the standard library folder.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'test/test_compile.py':
    'tree-sitter-python cannot parse a continuation line dedented below its block inside parentheses ' +
    '(test_weird_attribute_position_regressions); error recovery then turns the whole module into one ERROR node',
};

type Reference = Record<string, { scopes?: ScopeJson[]; error?: string }>;

function symtableOf(files: readonly string[]): Reference {
  const out = execFileSync('python3', [DUMP], { input: JSON.stringify(files), maxBuffer: 1024 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as Reference;
}

function stdlibDir(): string {
  return execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).toString().trim();
}

/** Every `.py` file of the standard library outside site-packages, sorted. */
function stdlibFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'site-packages' && entry.name !== '__pycache__') walk(full);
      } else if (entry.name.endsWith('.py')) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found;
}

export interface Difference {
  where: string;
  field: string;
  ours: unknown;
  python: unknown;
}

/** Differences between two scope trees; `strict` fields are the ones that must agree. */
export function compareScopes(ours: ScopeJson, python: ScopeJson, where = ''): Difference[] {
  const here = `${where}/${python.name}@${python.line}`;
  const out: Difference[] = [];
  for (const field of ['type', 'name', 'line'] as const) {
    if (ours[field] !== python[field]) out.push({ where: here, field, ours: ours[field], python: python[field] });
  }
  const names = new Set([...Object.keys(ours.symbols), ...Object.keys(python.symbols)]);
  for (const name of names) {
    const a = ours.symbols[name];
    const b = python.symbols[name];
    if (!a || !b) {
      out.push({ where: `${here}:${name}`, field: 'presence', ours: Boolean(a), python: Boolean(b) });
      continue;
    }
    for (const field of Object.keys(b) as Array<keyof typeof b>) {
      if (a[field] !== b[field]) out.push({ where: `${here}:${name}`, field, ours: a[field], python: b[field] });
    }
  }
  if (ours.children.length !== python.children.length) {
    out.push({ where: here, field: 'children', ours: ours.children.map((c) => c.name), python: python.children.map((c) => c.name) });
  } else {
    ours.children.forEach((child, i) => out.push(...compareScopes(child, python.children[i], here)));
  }
  return out;
}

async function ourScopes(file: string): Promise<ScopeJson> {
  const parser = await testParser();
  const text = decodeSource(fs.readFileSync(file)).text;
  const tree = parser.parse(text)!;
  try {
    return scopeToJson(buildScopeTree(tree.rootNode).module);
  } finally {
    tree.delete();
  }
}

interface Tally {
  files: number;
  scopes: number;
  symbols: number;
  disagreements: Map<string, Difference[]>;
}

async function compareFiles(files: readonly string[], reference: Reference, label: (f: string) => string): Promise<Tally> {
  const tally: Tally = { files: 0, scopes: 0, symbols: 0, disagreements: new Map() };
  for (const file of files) {
    const expected = reference[file];
    if (!expected?.scopes) continue;
    tally.files++;
    const count = (s: ScopeJson): void => {
      tally.scopes++;
      tally.symbols += Object.keys(s.symbols).length;
      s.children.forEach(count);
    };
    count(expected.scopes[0]);
    const differences = compareScopes(await ourScopes(file), expected.scopes[0]);
    if (differences.length > 0) tally.disagreements.set(label(file), differences);
  }
  return tally;
}

function describeDifferences(disagreements: Map<string, Difference[]>): string {
  return [...disagreements]
    .map(([file, diffs]) => `${file}:\n${diffs.slice(0, 8).map((d) => `  ${d.where} ${d.field}: ours=${JSON.stringify(d.ours)} python=${JSON.stringify(d.python)}`).join('\n')}`)
    .join('\n');
}

describe('scope analysis agrees with CPython symtable', () => {
  it('on every scope fixture (each construct: globals, closures, classes, comprehensions, match, ...)', async () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(FIXTURES, f));
    assert.ok(files.length >= 10, 'scope fixtures are missing');
    const reference = symtableOf(files);
    for (const f of files) assert.ok(reference[f].scopes, `${path.basename(f)} must compile: ${reference[f].error}`);
    const tally = await compareFiles(files, reference, (f) => path.basename(f));
    assert.equal(tally.disagreements.size, 0, describeDifferences(tally.disagreements));
  });

  it('`pythonic scopes --format json` prints exactly what symtable says, and exits 2 on a missing file', () => {
    const fixture = path.join(FIXTURES, 'closures.py');
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(OUT, 'cli.js'), 'scopes', ...args], { encoding: 'utf8' });
    const ok = run(['--format', 'json', fixture]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), symtableOf([fixture])[fixture]);
    const text = run([fixture]);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^module top \(line 0\)\n/);
    assert.match(text.stdout, /\n  function make_averager \(line 1\)\n    total: cell \(assigned\)\n/);
    const missing = run(['--format', 'json', path.join(FIXTURES, 'missing.py')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /missing\.py/);
    assert.equal(run(['--format', 'xml', fixture]).status, 2);
  });

  describe('on the standard library', () => {
    const dir = stdlibDir();
    const all = stdlibFiles(dir);
    const everything = process.env.PYTHONIC_SYMTABLE_ALL === '1';
    const stride = everything ? 1 : Math.max(1, Math.floor(all.length / SAMPLE_SIZE));
    const files = all.filter((_, i) => i % stride === 0);
    let reference: Reference;
    before(() => {
      reference = symtableOf(files);
    });

    it(`${everything ? 'all' : `a sample of ${files.length}`} files: same scopes, same scope kind, parameter and imported flags for every name`, async () => {
      const relative = (f: string) => path.relative(dir, f);
      const tally = await compareFiles(files, reference, relative);
      const unexpected = new Map([...tally.disagreements].filter(([file]) => !(file in KNOWN_DIFFERENCES)));
      const compiled = files.filter((f) => reference[f].scopes).length;
      console.log(`symtable agreement: ${tally.files} files (${files.length - compiled} skipped: Python cannot compile them), ${tally.scopes} scopes, ${tally.symbols} names; ${tally.disagreements.size} files differ`);
      assert.ok(tally.files >= 200, `only ${tally.files} files compared`);
      assert.equal(unexpected.size, 0, describeDifferences(unexpected));
      const stale = Object.keys(KNOWN_DIFFERENCES).filter((f) => files.includes(path.join(dir, f)) && !tally.disagreements.has(f));
      assert.deepEqual(stale, [], 'listed differences that no longer occur');
    });
  });
});
