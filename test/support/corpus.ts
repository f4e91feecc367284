// Real code nobody here wrote: the standard library and four Debian packages
// (`apt-get install python3-django python3-numpy python3-sympy python3-requests`,
// which `.ci/run` installs). Shared by the corpus fix test and `npm run corpus`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, applyEdits, parseSettings, RULES, type Diagnostic, type Settings } from '../../server/src/engine';
import { collectPythonFiles, decodeSource } from '../../server/src/files';
import type { Parser } from '../../server/src/parser';

export const STDLIB = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
export const DEBIAN_DIST_PACKAGES = '/usr/lib/python3/dist-packages';
export const DEBIAN_PACKAGES = ['django', 'numpy', 'sympy', 'requests'];

export interface Corpus {
  name: string;
  roots: string[];
}

/** The corpora, each present on this machine or not (`missing` names what is absent). */
export function corpora(): { found: Corpus[]; missing: string[] } {
  const debian = DEBIAN_PACKAGES.map((p) => path.join(DEBIAN_DIST_PACKAGES, p));
  const missing = debian.filter((d) => !fs.existsSync(d));
  const found: Corpus[] = [{ name: 'stdlib', roots: [STDLIB] }];
  if (missing.length === 0) found.push({ name: 'debian', roots: debian });
  return { found, missing };
}

/** The corpus's Python files, sorted; with `every`, one file in `every` (a deterministic sample). */
export function corpusFiles(corpus: Corpus, every = 1): string[] {
  const files = collectPythonFiles(corpus.roots).files.filter((f) => !f.includes(`${path.sep}site-packages${path.sep}`)).sort();
  return files.filter((_, i) => i % every === 0);
}

export function readSource(file: string): string {
  return decodeSource(fs.readFileSync(file)).text;
}

export function checkText(parser: Parser, text: string, settings: Settings, file: string): Diagnostic[] {
  const tree = parser.parse(text);
  if (!tree) return [];
  try {
    return analyze({ tree, text, settings, path: file }).diagnostics;
  } finally {
    tree.delete();
  }
}

export interface FixTrial {
  file: string;
  code: string;
  line: number;
  safety: string;
  /** Why the trial failed: it did not compile, or the rule still fires as often. */
  problem?: string;
}

export interface FixTrials {
  trials: FixTrial[];
  /** Files with at least one diagnostic of a fixable rule. */
  filesWithFindings: number;
}

/**
 * Applies every offered fix of the given rules one at a time (at most `cap` per rule),
 * then compiles each result with CPython (in one process) and re-checks it: the fix must
 * leave code that compiles and one diagnostic fewer of its rule.
 */
export function tryEachFix(input: { parser: Parser; files: string[]; codes: string[]; cap?: number }): FixTrials {
  const { parser, files, codes } = input;
  const cap = input.cap ?? Infinity;
  const perRule = new Map<string, number>();
  const trials: FixTrial[] = [];
  const pending: Array<{ trial: FixTrial; fixed: string }> = [];
  let filesWithFindings = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readSource(file);
    } catch {
      continue;
    }
    const settings = parseSettings({ select: codes });
    const found = checkText(parser, text, settings, file).filter((d) => d.fix);
    if (found.length === 0) continue;
    filesWithFindings++;
    // Files CPython itself rejects (lib2to3's Python 2 test data) prove nothing about a fix.
    const baseline: FixTrial = { file, code: '', line: 0, safety: '' };
    pending.push({ trial: baseline, fixed: text });
    for (const d of found) {
      const used = perRule.get(d.code) ?? 0;
      if (used >= cap) continue;
      perRule.set(d.code, used + 1);
      const trial: FixTrial = { file, code: d.code, line: d.range.start.line + 1, safety: d.fix!.safety };
      trials.push(trial);
      const fixed = applyEdits(text, d.fix!.edits);
      const only = parseSettings({ select: [d.code] });
      const before = checkText(parser, text, only, file).length;
      const after = checkText(parser, fixed, only, file).length;
      if (after >= before) trial.problem = `${d.code} still fires ${after} times (${before} before)`;
      pending.push({ trial, fixed });
    }
  }
  compileAll(pending);
  const rejected = new Set(pending.filter(({ trial }) => trial.code === '' && trial.problem).map(({ trial }) => trial.file));
  return { trials: trials.filter((t) => !rejected.has(t.file)), filesWithFindings: filesWithFindings - rejected.size };
}

/** Compiles every fixed text in one CPython process and marks the trials whose text does not compile. */
function compileAll(pending: Array<{ trial: FixTrial; fixed: string }>): void {
  if (pending.length === 0) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-corpus-'));
  try {
    const names = pending.map(({ fixed }, i) => {
      const name = path.join(dir, `${i}.py`);
      fs.writeFileSync(name, fixed);
      return name;
    });
    const list = path.join(dir, 'files.txt');
    fs.writeFileSync(list, names.join('\n'));
    const script = [
      'import sys',
      'for i, name in enumerate(open(sys.argv[1]).read().split("\\n")):',
      '    try:',
      '        compile(open(name, "rb").read(), name, "exec", dont_inherit=True)',
      '    except SyntaxError as e:',
      '        print(i, f"{e.msg} (line {e.lineno})")',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, list], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const line of out.split('\n').filter(Boolean)) {
      const [index, ...message] = line.split(' ');
      const trial = pending[Number(index)].trial;
      trial.problem = `does not compile: ${message.join(' ')}`;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Codes of the rules that offer a fix. */
export function fixableCodes(): string[] {
  return RULES.filter((r) => r.meta.fix !== 'none').map((r) => r.meta.code);
}
