// `npm run bench`: every number behind the engine-speed goals, printed as ONE table
// (then the CLI's per-rule time table). Medians unless a row says otherwise.
//   node out/tools/bench.js            full run (about 4 minutes on 2 cores)
//   node out/tools/bench.js --quick    fewer repetitions and a stdlib subset, for a fast check
//   node out/tools/bench.js --only 1,7 only those sections (for working on one number)
// Sections:
//  1. Edit cost in process, as the server handles an edit (analyzeEdit, else tree.edit + incremental parse +
//     cached analyze), at three places in _pydecimal.py; after an edit analyzeEdit handled, the catch-up the
//     server then does when idle (parse + whole analysis from the cache) is timed apart.
//  2. The same inside a method of a synthetic 1,000-line and 20,000-line class.
//  3. Batch over the standard library: a bare parse, a parse plus one query walk, `pythonic check` with --jobs 1 and
//     default jobs, and as many separate --jobs 1 processes as cores, each on a share of the files (medians of
//     interleaved rounds), then a cold and a warm cache.
//  4. Server cold start: spawn -> first publishDiagnostics, over stdio and over IPC (as VS Code starts it).
//  5. Server memory with big files open.
//  6. didChange -> publishDiagnostics through the server, one at a time and in a burst.
//  7. Pathological inputs, each in a child process with a time limit.
//  8. Hover latency on a 5,000-line file.
//  9. Per-rule time from `PYTHONIC_TIMING=1 pythonic check --select ALL` (every rule, opt-in ones too; printed after the table).
// Progress goes to stderr; the table to stdout.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyze, analyzeEdit, DEFAULT_SETTINGS, parsePython, type AnalysisResult } from '../server/src/engine';
import { collectPythonFiles, decodeSource } from '../server/src/files';
import { Edit, Query, type Parser, type Point, type Tree } from '../server/src/parser';
import { OUT, testParser } from '../test/support/engine';
import { measureHoverLatency } from '../test/support/hover-latency';
import { TestServer } from '../test/support/lsp';
import { SERVER_NODE_FLAGS } from '../shared/node-flags';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = argv.includes('--only') ? new Set(argv[argv.indexOf('--only') + 1].split(',').map(Number)) : null;
const CLI = path.join(OUT, 'cli.js');
const SETTINGS = DEFAULT_SETTINGS;
const CORES = os.availableParallelism?.() ?? os.cpus().length;

/** Repetitions: the full run takes about 2.5 minutes on a 2-core machine. */
const N = QUICK
  ? { warmup: 10, edits: 40, synthEdits: 20, bigSynthEdits: 20, synthRounds: 2, coldStarts: 2, batchRounds: 1, memoryRuns: 1, serverEdits: 40, burst: 500, burstLimitS: 10, largest: 3, limitS: 10 }
  : { warmup: 20, edits: 200, synthEdits: 100, bigSynthEdits: 100, synthRounds: 4, coldStarts: 11, batchRounds: 3, memoryRuns: 5, serverEdits: 200, burst: 3000, burstLimitS: 20, largest: 10, limitS: 60 };

// ---------------------------------------------------------------------------------------------
// Table

interface Row {
  label: string;
  value: string;
  goal?: string;
  met?: boolean;
}

const sections = new Map<number, Row[]>();

function add(section: number, label: string, value: string, goal?: { text: string; met: boolean | undefined }): void {
  const list = sections.get(section) ?? [];
  list.push({ label, value, goal: goal?.text, met: goal?.met });
  sections.set(section, list);
}

function printTable(): void {
  const header: Row = { label: 'Measured', value: 'Result', goal: 'Goal', met: undefined };
  const all = [...sections.keys()].sort((a, b) => a - b).flatMap((s) => sections.get(s)!.map((r) => ({ section: s, ...r })));
  const metText = (r: Row) => (r.goal === undefined ? '' : r.met === undefined ? 'n/a' : r.met ? 'yes' : 'NO');
  const w = {
    s: 1,
    label: Math.max(header.label.length, ...all.map((r) => r.label.length)),
    value: Math.max(header.value.length, ...all.map((r) => r.value.length)),
    goal: Math.max(header.goal!.length, ...all.map((r) => (r.goal ?? '').length)),
    met: 3,
  };
  const line = (s: string, r: Row, met: string) =>
    `| ${s.padEnd(w.s)} | ${r.label.padEnd(w.label)} | ${r.value.padEnd(w.value)} | ${(r.goal ?? '').padEnd(w.goal)} | ${met.padEnd(w.met)} |`;
  console.log(line('#', header, 'Met'));
  console.log(`|${'-'.repeat(w.s + 2)}|${'-'.repeat(w.label + 2)}|${'-'.repeat(w.value + 2)}|${'-'.repeat(w.goal + 2)}|${'-'.repeat(w.met + 2)}|`);
  let last = -1;
  for (const r of all) {
    console.log(line(r.section === last ? '' : String(r.section), r, metText(r)));
    last = r.section;
  }
}

const benchStart = performance.now();
function progress(message: string): void {
  process.stderr.write(`[bench ${Math.round((performance.now() - benchStart) / 1000)} s] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const median = (values: number[]) => percentile(values, 50);

/**
 * The median of `over[i] / under[i]`, each pair measured moments apart (sections 2 and 3),
 * and the ratios listed after `word` when there are several.
 */
function pairedRatio(word: string, over: number[], under: number[]): { ratio: number; listed: string } {
  const ratios = under.map((u, i) => over[i] / u);
  return { ratio: median(ratios), listed: ratios.length > 1 ? ` (${word} ${ratios.map((r) => r.toFixed(2)).join(', ')})` : '' };
}

const fmt = (n: number) => n.toLocaleString('en');
function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(3)} ms`;
}
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function stdlibDir(): string {
  const result = spawnSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 did not tell where its standard library is: ${result.stderr}`);
  return result.stdout.trim();
}

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function pointAfter(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak < 0) return { row: start.row, column: start.column + inserted.length };
  return { row: start.row + inserted.split('\n').length - 1, column: inserted.length - lastBreak - 1 };
}

function offsetOf(text: string, needle: string, after = 0): number {
  const at = text.indexOf(needle, after);
  if (at < 0) throw new Error(`'${needle}' not found`);
  return at;
}

// ---------------------------------------------------------------------------------------------
// Generated inputs

/** One method (or function) of ~10 lines: a default argument, locals, a loop, a comprehension, a lambda. */
function routine(name: string, indent: string, self: boolean, n: number): string {
  const i = indent;
  return (
    `${i}def ${name}(${self ? 'self, ' : ''}items, scale=${n % 97}, *, key=None):\n` +
    `${i}    total = 0\n` +
    `${i}    seen = set()\n` +
    `${i}    for item in items:\n` +
    `${i}        total += item * scale\n` +
    `${i}        seen.add(item)\n` +
    `${i}    squares = [x * x for x in items if x not in seen]\n` +
    `${i}    pick = lambda value: value if key is None else key(value)\n` +
    `${i}    return total + max(squares, key=pick, default=0)\n` +
    `\n`
  );
}

/** A module holding one class of `lines / 10` methods. */
function syntheticClass(lines: number): string {
  let text = 'class Big:\n    """A class as big as the worst real ones."""\n\n';
  for (let m = 0; m < lines / 10; m++) text += routine(`method_${m}`, '    ', true, m);
  return text;
}

/** A module of top-level functions and small classes, repeated to `lines` lines. */
function shapeModule(lines: number): string {
  let text = 'import functools\n\n\n';
  // Lines counted piece by piece: counting the whole text after each piece took 8 s for
  // 40,000 lines, most of the child process's time limit in `--quick`.
  for (let n = 0, count = lineCount(text); count < lines; n++) {
    const piece = routine(`func_${n}`, '', false, n) + `\nclass Holder_${n}:\n    value = func_${n}(range(3))\n    cached = functools.partial(func_${n}, key=abs)\n\n\n`;
    text += piece;
    count += lineCount(piece);
  }
  return text;
}

/** `runs`: timed runs (the median is kept); one for inputs that may take minutes. */
const PATHOLOGICAL: Record<string, { label: string; text: () => string; runs?: number }> = {
  lambdas: { label: '`f = lambda: lambda: ... q` (800 lambdas, one line)', text: () => 'f = ' + 'lambda: '.repeat(800) + 'q\n' },
  nested: {
    label: '2,000 nested defs (one more indent each, innermost `pass`)',
    text: () => {
      let text = '';
      for (let d = 0; d < 2000; d++) text += `${' '.repeat(d)}def f${d}():\n`;
      return text + `${' '.repeat(2000)}pass\n`;
    },
  },
  dels: {
    label: '10,000 top-level `del`s (`x{i} = {i}` / `del x{i}`, 20,000 lines)',
    text: () => {
      let text = '';
      for (let i = 0; i < 10_000; i++) text += `x${i} = ${i}\ndel x${i}\n`;
      return text;
    },
  },
  shape4k: { label: '4,000-line module (functions + classes), median of 5', text: () => shapeModule(4000), runs: 5 },
  shape40k: { label: '40,000-line module, same shape, median of 3', text: () => shapeModule(40_000), runs: 3 },
};

// ---------------------------------------------------------------------------------------------
// 1 and 2: edit cost in process, as the server does it

/** Edits per burst of typing in sections 1 and 2: the server catches up after each. */
const BURST = 10;

interface EditCost {
  times: number[];
  /** Of each timed edit handled by a whole analysis, the part spent in `tree.edit` + `parser.parse` (the rest is `analyze`). */
  parseTimes: number[];
  /** Distinct `analysed of units` counts seen. */
  analysed: Set<string>;
  /** Edits `analyzeEdit` handled (from the edited unit alone). */
  alone: number;
  /** After each burst with such edits, the catch-up: `tree.edit` + `parser.parse` + `analyze` from the cache. */
  catchUps: number[];
}

/**
 * Alternately types `insert` at `offset` and erases it again, as the server handles each
 * edit: `analyzeEdit`, or when it declines `tree.edit` + `parser.parse(newText, oldTree)` +
 * `analyze` with the previous cache; `warmup` edits first, not timed. The edits come in
 * bursts of `BURST` (fast typing); after a burst in which `analyzeEdit` handled edits, the
 * catch-up the server does once the typing pauses (the whole tree and analysis brought up
 * to date) is timed apart: it is not on any edit's path.
 */
function editCost(parser: Parser, base: string, offset: number, insert: string, edits: number, warmup = N.warmup): EditCost {
  const typed = base.slice(0, offset) + insert + base.slice(offset);
  const start = pointAt(base, offset);
  const end = pointAfter(start, insert);
  let tree: Tree = parser.parse(base)!;
  let result: AnalysisResult = analyze({ tree, text: base, settings: SETTINGS });
  const cost: EditCost = { times: [], parseTimes: [], analysed: new Set(), alone: 0, catchUps: [] };
  /** Edits since the tree was parsed, as tree edits and as `analyzeEdit` takes them. */
  let pending: Edit[] = [];
  /** Parses `text` reusing the tree, edited by the pending edits, and analyses it whole from the cache. */
  const wholeAnalysis = (text: string): number => {
    const began = performance.now();
    for (const edit of pending) tree.edit(edit);
    pending = [];
    const next = parsePython(parser, text, tree)!;
    const parsed = performance.now() - began;
    result = analyze({ tree: next, text, settings: SETTINGS, cache: result.cache });
    tree.delete();
    tree = next;
    return parsed;
  };
  let handledInBurst = false;
  for (let i = 0; i < warmup + edits; i++) {
    const typing = i % 2 === 0;
    const text = typing ? typed : base;
    pending.push(
      new Edit(
        typing
          ? { startIndex: offset, oldEndIndex: offset, newEndIndex: offset + insert.length, startPosition: start, oldEndPosition: start, newEndPosition: end }
          : { startIndex: offset, oldEndIndex: offset + insert.length, newEndIndex: offset, startPosition: start, oldEndPosition: end, newEndPosition: start },
      ),
    );
    const began = performance.now();
    const alone = analyzeEdit({ parser, tree, text, changes: pending, cache: result.cache, settings: SETTINGS });
    const parsed = alone ? null : wholeAnalysis(text);
    const took = performance.now() - began;
    if (alone) result = alone;
    const timed = i >= warmup;
    if (timed) {
      cost.times.push(took);
      if (parsed !== null) cost.parseTimes.push(parsed);
      else cost.alone++;
      cost.analysed.add(`${fmt(result.stats.analysed)} of ${fmt(result.stats.units)}`);
    }
    handledInBurst ||= alone !== null;
    if ((i + 1) % BURST === 0 && handledInBurst) {
      const caughtUp = performance.now();
      wholeAnalysis(text);
      if (timed) cost.catchUps.push(performance.now() - caughtUp);
      handledInBurst = false;
    }
  }
  tree.delete();
  return cost;
}

function analysedText(cost: EditCost): string {
  const parts = [`${[...cost.analysed].join(' or ')} units analysed`];
  if (cost.parseTimes.length > 0) parts.push(`parse p50 ${ms(median(cost.parseTimes))}`);
  if (cost.alone > 0) parts.push(`${fmt(cost.alone)} of ${fmt(cost.times.length)} edits from the edited unit alone; after each burst of ${BURST}, a catch-up (parse + whole analysis from the cache) of p50 ${ms(median(cost.catchUps))}`);
  return parts.join('; ');
}

async function editCostSection(bigFile: string): Promise<void> {
  progress(`1. edit cost in process on ${path.basename(bigFile)}`);
  const parser = await testParser();
  const text = fs.readFileSync(bigFile, 'utf8');
  const methodAt = offsetOf(text, 'return self._round_half_up(prec)', offsetOf(text, 'def _round_half_even')) + 'return self._round_half_up'.length;
  const functionAt = offsetOf(text, 'self._is_special = special', offsetOf(text, 'def _dec_from_triple')) + 'self._is_special'.length;
  const moduleAt = offsetOf(text, '# Reusable defaults');
  const classLines = (() => {
    const begin = offsetOf(text, 'class Decimal(object):');
    const tree = parser.parse(text)!;
    const node = tree.rootNode.namedChildren.find((n) => n?.startIndex === begin);
    const lines = node ? node.endPosition.row - node.startPosition.row + 1 : 0;
    tree.delete();
    return lines;
  })();
  const places: Array<[string, number, string]> = [
    [`1a in a method: \`Decimal._round_half_even\` body (a class of ${fmt(classLines)} lines), type/erase 'x' in a name`, methodAt, 'x'],
    ['1b in a small top-level function: `_dec_from_triple` body, type/erase \'x\' in a name', functionAt, 'x'],
    ['1c a new module-level name: insert/erase the line `zq = 1` near the end', moduleAt, 'zq = 1\n'],
  ];
  for (const [label, offset, insert] of places) {
    const cost = editCost(parser, text, offset, insert, N.edits);
    const [p50, p95] = [median(cost.times), percentile(cost.times, 95)];
    add(1, `${label}: p50 / p95`, `${ms(p50)} / ${ms(p95)}; ${analysedText(cost)}`, { text: 'p50 <= 5 ms, p95 <= 15 ms', met: p50 <= 5 && p95 <= 15 });
  }
  sections.get(1)!.unshift({
    label: `Edit cost in process, \`_pydecimal.py\` (${fmt(lineCount(text))} lines), as the server handles an edit: analyzeEdit (the edited unit alone), else tree.edit + parse(new, old) + analyze(cache); ${N.edits} alternating edits per place after ${N.warmup} warm-up`,
    value: '',
  });
}

async function syntheticSection(): Promise<void> {
  progress('2. edit cost in a synthetic 1,000- and 20,000-line class');
  const parser = await testParser();
  add(2, 'Edit cost in process as in 1, synthetic module: one class, methods of 10 lines (locals, a loop, a comprehension, a lambda, a default argument)', '');
  const classes = [
    { lines: 1000, edits: N.synthEdits },
    { lines: 20_000, edits: N.bigSynthEdits },
  ].map(({ lines, edits }) => {
    const text = syntheticClass(lines);
    const middle = Math.floor(lines / 20);
    const offset = offsetOf(text, '    pick = lambda', offsetOf(text, `def method_${middle}(`)) + '    pick'.length;
    return { lines, edits, text, middle, offset, costs: [] as EditCost[] };
  });
  // The two classes take turns (A B B A ...), each turn a share of the edits after its own
  // warm-up: sub-millisecond medians follow the state of the process (compiled code, heap),
  // and one long series of each, one after the other, gave each a different state (README).
  const turns = N.synthRounds * 2;
  for (let turn = 0; turn < turns; turn++) {
    const c = classes[turn % 4 === 0 || turn % 4 === 3 ? 0 : 1];
    c.costs.push(editCost(parser, c.text, c.offset, 'x', Math.ceil(c.edits / N.synthRounds), N.warmup));
  }
  for (const c of classes) {
    const cost = mergeCosts(c.costs);
    const turnsText = c.costs.length > 1 ? ` (turns ${c.costs.map((t) => ms(median(t.times))).join(', ')})` : '';
    const label = `class of ${fmt(c.lines)} lines (${fmt(c.lines / 10)} methods): type/erase 'x' in a local of method_${c.middle}, p50 of ${fmt(cost.times.length)} in ${c.costs.length} turns`;
    add(2, label, `${ms(median(cost.times))}${turnsText}; ${analysedText(cost)}`);
  }
  // The ratio of each pair of turns taken one after the other (A B, B A, ...), then their
  // median, as section 3 does with its rounds: a turn of the big class lasts ten times as long
  // as one of the small class (its catch-ups), so a spell of noise on a shared host is more
  // likely to land on it, and one such spell once moved the ratio of the merged medians to 1.6x.
  const { ratio, listed } = pairedRatio('pairs', classes[1].costs.map((c) => median(c.times)), classes[0].costs.map((c) => median(c.times)));
  add(2, 'ratio 20,000-line class / 1,000-line class: median of the turn pairs\' p50 ratios', `${ratio.toFixed(1)}x${listed}`, { text: '<= 1.5x', met: ratio <= 1.5 });
}

/** One cost from several series of the same edits. */
function mergeCosts(costs: EditCost[]): EditCost {
  return {
    times: costs.flatMap((c) => c.times),
    parseTimes: costs.flatMap((c) => c.parseTimes),
    analysed: new Set(costs.flatMap((c) => [...c.analysed])),
    alone: costs.reduce((sum, c) => sum + c.alone, 0),
    catchUps: costs.flatMap((c) => c.catchUps),
  };
}

// ---------------------------------------------------------------------------------------------
// 3 and 9: the CLI over the standard library

interface CliRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  lacksFlags: boolean;
}

/**
 * Runs the CLI in `cwd`, by default a fresh empty directory: no pyproject.toml above it changes
 * the settings, and a cache the CLI writes despite `--no-cache` cannot land in the repository.
 */
function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const cwd = options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-bench-'));
  const began = performance.now();
  // As the `pythonic` command runs: its shebang passes no V8 flags (only the server takes some, cli-launcher.ts).
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, cwd, env: options.env ?? process.env });
  if (!options.cwd) fs.rmSync(cwd, { recursive: true, force: true });
  const took = performance.now() - began;
  if (result.error) throw result.error;
  const lacksFlags = result.status === 2 && /Unknown option/i.test(result.stderr);
  return { ms: took, code: result.status, stdout: result.stdout, stderr: result.stderr, lacksFlags };
}

/**
 * `parts.length` `pythonic check --jobs 1` processes started at once, each on its own
 * files: the time until the last one ends, and how many files they reported in all.
 * What the host itself allows default jobs (separate processes share nothing but the
 * machine), to hold the pool's time against.
 */
function runSeparateProcesses(parts: string[][]): Promise<{ ms: number; files: number | null }> {
  const began = performance.now();
  const one = (files: string[]) =>
    new Promise<number | null>((resolve) => {
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-bench-'));
      const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--no-cache', '--jobs', '1', ...files], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
      const out: Buffer[] = [];
      const finish = (reported: number | null) => {
        fs.rmSync(cwd, { recursive: true, force: true });
        resolve(reported);
      };
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      // A process that could not start reports no files (and may never close).
      child.on('error', () => finish(null));
      child.on('close', () => {
        try {
          finish((JSON.parse(Buffer.concat(out).toString('utf8')) as { files: number }).files);
        } catch {
          finish(null);
        }
      });
    });
  return Promise.all(parts.map(one)).then((counts) => ({
    ms: performance.now() - began,
    files: counts.includes(null) ? null : (counts as number[]).reduce((sum, c) => sum + c, 0),
  }));
}

/** Files dealt out biggest first, each to the part with the fewest bytes so far. */
function splitBySize(files: string[], count: number): string[][] {
  const parts = Array.from({ length: count }, () => ({ files: [] as string[], bytes: 0 }));
  const sized = files.map((file) => ({ file, size: fs.statSync(file).size })).sort((a, b) => b.size - a.size);
  for (const { file, size } of sized) {
    const lightest = parts.reduce((best, part) => (part.bytes < best.bytes ? part : best));
    lightest.files.push(file);
    lightest.bytes += size;
  }
  return parts.map((part) => part.files);
}

/** The run's time, or why it has none: the CLI failed, or checked another number of files than the bare parse read. */
function cliTime(run: CliRun, files: number): { text: string; ok: boolean } {
  let checked: number;
  try {
    checked = (JSON.parse(run.stdout) as { files: number }).files;
  } catch {
    const why = run.stderr.split('\n').find((l) => l.trim() && !/^pythonic: \S+\.py: /.test(l)) ?? '';
    return { text: `failed (exit ${run.code}, no JSON report): ${why.trim().slice(0, 80)}`, ok: false };
  }
  return { text: `${ms(run.ms)}${checked === files ? '' : ` (checked ${fmt(checked)} files)`}`, ok: true };
}

function stdlibRoots(stdlib: string): string[] {
  const all = fs.readdirSync(stdlib).filter((n) => n !== 'site-packages' && n !== '__pycache__');
  const quick = new Set(['json', 'email', 'asyncio', 'argparse.py', 'typing.py', '_pydecimal.py']);
  return all.filter((n) => !QUICK || quick.has(n)).sort().map((n) => path.join(stdlib, n));
}

async function batchSection(roots: string[]): Promise<void> {
  progress(`3. batch over ${QUICK ? 'a subset of ' : ''}the standard library`);
  const parser = await testParser();
  const files = collectPythonFiles(roots).files;
  // The floor: one thread reading, decoding and parsing the same files, and nothing else.
  // Then the same with one walk over each tree by web-tree-sitter's query engine, as the
  // engine's dispatch does, but with nothing to hand out: a ceiling for the ratios below.
  const parseAll = (walk: Query | null): number => {
    const began = performance.now();
    for (const file of files) {
      let text: string;
      try {
        text = decodeSource(fs.readFileSync(file)).text;
      } catch {
        continue;
      }
      const tree = parser.parse(text);
      if (tree && walk) walk.captures(tree.rootNode);
      tree?.delete();
    }
    return performance.now() - began;
  };
  const walk = new Query(parser.language!, '(class_definition) @class');
  // Rounds of all four, one after the other, so that a noisy stretch of the host falls on
  // every row of a round; each row is the median over the rounds.
  const runs = { bare: [] as number[], walked: [] as number[], one: [] as CliRun[], all: [] as CliRun[], separate: [] as Array<{ ms: number; files: number | null }> };
  const parts = CORES > 1 ? splitBySize(files, CORES) : null;
  // One parse of every file first, not counted: a process's first pass parses 1-5% slower than
  // its later ones, which would make the first bare parse slower than the walk after it.
  parseAll(null);
  for (let round = 1; round <= N.batchRounds; round++) {
    progress(`3. round ${round}/${N.batchRounds}: bare parse, parse + walk, check --jobs 1, check (default jobs)${parts ? `, ${CORES} separate processes` : ''}`);
    runs.bare.push(parseAll(null));
    runs.walked.push(parseAll(walk));
    runs.one.push(runCli(['check', '--format', 'json', '--no-cache', '--jobs', '1', ...roots]));
    runs.all.push(runCli(['check', '--format', 'json', '--no-cache', ...roots]));
    if (parts) runs.separate.push(await runSeparateProcesses(parts));
  }
  walk.delete();
  const bare = median(runs.bare);
  const walked = median(runs.walked);
  let lines = 0;
  for (const file of files) for (const byte of fs.readFileSync(file)) if (byte === 10) lines++;
  const what = QUICK ? `stdlib subset (${roots.map((r) => path.basename(r)).join(', ')})` : 'stdlib (every top-level entry but site-packages)';
  const rounds = N.batchRounds === 1 ? 'one run each' : `medians of ${N.batchRounds} rounds`;
  add(3, `Batch: ${what}, ${fmt(files.length)} files, ${fmt(lines)} lines, ${rounds}`, '');
  add(3, 'bare parse in process, 1 thread (read + decode + parser.parse + delete)', `${ms(bare)} (${fmt(Math.round(lines / (bare / 1000)))} lines/s)`);
  add(3, 'the same plus one query walk over every tree, no rules (what visiting each node once costs): time; bare/this', `${ms(walked)}; bare/this ${(bare / walked).toFixed(2)}`);

  const ratioRow = (label: string, list: CliRun[], goal: number) => {
    if (list.some((run) => run.lacksFlags)) {
      add(3, label, 'n/a (CLI lacks --jobs)', { text: `bare/cli >= ${goal.toFixed(1)}`, met: undefined });
      return;
    }
    const failed = list.map((run) => cliTime(run, files.length)).find((time) => !time.ok);
    if (failed) {
      add(3, label, failed.text, { text: `bare/cli >= ${goal.toFixed(1)}`, met: false });
      return;
    }
    const run = { ...list[0], ms: median(list.map((r) => r.ms)) };
    // Each round's ratio, of the bare parse and the run taken moments apart, then their median:
    // a host whose speed drifts over the minutes of this section moves both sides of a round
    // alike. The spread over the rounds shows how much it drifted.
    const { ratio, listed } = pairedRatio('rounds', runs.bare, list.map((r) => r.ms));
    add(3, label, `${cliTime(run, files.length).text}; bare/cli ${ratio.toFixed(2)}${listed}`, { text: `bare/cli >= ${goal.toFixed(1)}`, met: ratio >= goal });
  };
  ratioRow('`pythonic check --format json --no-cache --jobs 1`', runs.one, 0.6);
  ratioRow(`\`pythonic check --format json --no-cache\` (default jobs, ${CORES} cores)`, runs.all, 1.0);
  if (parts) {
    // No goal: what the host gives as many checking threads as it has cores when they share nothing,
    // next to what the pool gets; the two ratios to the bare parse then tell the pool's own cost
    // from the cost of checking itself.
    const label = `context: ${CORES} separate \`check --jobs 1\` processes at once, each on a ${CORES === 2 ? 'half' : 'share'} of the files by bytes: time; bare/this; default jobs/this`;
    if (runs.separate.some((r) => r.files !== files.length)) add(3, label, 'failed (a process reported no JSON, or other files)');
    else if (runs.all.every((run) => cliTime(run, files.length).ok)) {
      const separate = runs.separate.map((r) => r.ms);
      const { ratio, listed } = pairedRatio('rounds', runs.bare, separate);
      const pool = pairedRatio('rounds', runs.all.map((r) => r.ms), separate);
      add(3, label, `${ms(median(separate))}; bare/this ${ratio.toFixed(2)}${listed}; default jobs/this ${pool.ratio.toFixed(2)}`);
    }
  }

  // The cache lands at the nearest pyproject.toml above the working directory, else in it: a fresh temp dir.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-bench-cache-'));
  try {
    progress('3. pythonic check, cold cache');
    const cold = runCli(['check', '--format', 'json', ...roots], { cwd: dir });
    const wrote = fs.existsSync(path.join(dir, '.pythonic_cache'));
    progress('3. pythonic check, warm cache');
    const warm = runCli(['check', '--format', 'json', ...roots], { cwd: dir });
    const [coldTime, warmTime] = [cliTime(cold, files.length), cliTime(warm, files.length)];
    const ratio = cold.ms / warm.ms;
    const ok = coldTime.ok && warmTime.ok;
    add(3, '`pythonic check --format json` (default jobs), cold cache (fresh cwd)', `${coldTime.text}${wrote || !coldTime.ok ? '' : ' (no .pythonic_cache/ written)'}`);
    add(3, 'the same again, warm cache: time; cold/warm', ok ? `${warmTime.text}; cold/warm ${ratio.toFixed(1)}x` : warmTime.text, { text: 'cold/warm >= 10x', met: ok && ratio >= 10 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Section 9, printed after the table: the CLI's own per-rule time table from stderr. */
function ruleTiming(roots: string[]): string {
  progress('9. PYTHONIC_TIMING=1 pythonic check --no-cache --jobs 1 --select ALL');
  const run = runCli(['check', '--no-cache', '--jobs', '1', '--select', 'ALL', ...roots], { env: { ...process.env, PYTHONIC_TIMING: '1' } });
  if (run.lacksFlags) return 'n/a (CLI lacks --jobs)';
  // Lines naming a file are per-file I/O errors (undecodable test fixtures), not the table.
  const table = run.stderr
    .split('\n')
    .filter((l) => !/^pythonic: \S+\.py: /.test(l))
    .join('\n')
    .trim();
  return table || 'n/a (the CLI printed no timing table)';
}

// ---------------------------------------------------------------------------------------------
// 4, 5, 6: through the real server

const SMALL = 'def f(x=[]):\n    return x\n';

async function coldStartSection(): Promise<void> {
  progress('4. server cold start');
  // Both channels, alternating: `--stdio` (any LSP client) and `--node-ipc` (how VS Code starts it).
  const transports = [
    { transport: 'stdio' as const, label: '`pythonic server --stdio`', times: [] as number[] },
    { transport: 'ipc' as const, label: '`pythonic server --node-ipc` (as VS Code starts it)', times: [] as number[] },
  ];
  // Run 0 is not counted: it writes the server's code cache if this build has none yet, as
  // the first start after an install does once.
  for (let run = 0; run <= N.coldStarts; run++) {
    for (const { transport, times } of transports) {
      const uri = 'file:///bench/small.py';
      const began = performance.now();
      const server = await TestServer.start({ transport });
      await server.open(uri, SMALL);
      const published = await server.diagnosticsFor(uri, 1);
      if (run > 0) times.push(performance.now() - began);
      await server.stop();
      if (published.diagnostics.length !== 1) throw new Error(`expected one diagnostic in the small file, got ${published.diagnostics.length}`);
    }
  }
  for (const { label, times } of transports) {
    const value = median(times);
    add(4, `Server cold start: spawn ${label} -> initialize -> didOpen (2 lines, 1 diagnostic) -> publishDiagnostics, median of ${N.coldStarts} (a first start, not counted, writes the code cache if there is none)`, ms(value), { text: '<= 300 ms', met: value <= 300 });
  }
}

function statusKb(pid: number, field: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]);
}

async function memorySection(bigFile: string, roots: string[]): Promise<void> {
  progress('5. server memory');
  const candidates = collectPythonFiles(roots).files
    .filter((f) => f !== bigFile)
    .map((f) => ({ f, size: fs.statSync(f).size }))
    .sort((a, b) => b.size - a.size);
  const open: Array<{ file: string; text: string }> = [{ file: bigFile, text: fs.readFileSync(bigFile, 'utf8') }];
  for (const { f } of candidates) {
    if (open.length > N.largest) break;
    try {
      open.push({ file: f, text: decodeSource(fs.readFileSync(f)).text });
    } catch {
      // not decodable: the editor would not open it as Python either
    }
  }
  // What is resident right after the burst depends on when V8 last collected: one start
  // says little, so several, and the goal is judged on the largest.
  const rss: number[] = [];
  const peaks: number[] = [];
  for (let run = 0; run < N.memoryRuns; run++) {
    const server = await TestServer.start();
    try {
      const pid = server.process.pid!;
      for (const { file, text } of open) await server.open(pathToFileURL(file).href, text);
      for (const { file } of open) {
        const uri = pathToFileURL(file).href;
        await server.until(`diagnostics for ${uri}`, () => server.published.find((p) => p.uri === uri && p.version === 1), 300_000);
      }
      rss.push(statusKb(pid, 'VmRSS') / 1024);
      peaks.push(statusKb(pid, 'VmHWM') / 1024);
    } finally {
      await server.stop();
    }
  }
  const lines = open.reduce((sum, { text }) => sum + lineCount(text), 0);
  const largest = Math.max(...rss);
  add(
    5,
    `Server memory: VmRSS with _pydecimal.py + the ${N.largest} largest stdlib .py files open and analysed (${fmt(lines)} lines), right after the last diagnostics; ${N.memoryRuns} starts: median / max`,
    `${Math.round(median(rss))} / ${Math.round(largest)} MB (peak VmHWM max ${Math.round(Math.max(...peaks))} MB)`,
    { text: 'max <= 150 MB', met: largest <= 150 },
  );
}

async function serverEditSection(bigFile: string): Promise<void> {
  progress('6. didChange -> publishDiagnostics through the server');
  const text = fs.readFileSync(bigFile, 'utf8');
  const server = await TestServer.start();
  let killed = false;
  try {
    const uri = pathToFileURL(bigFile).href;
    await server.open(uri, text);
    await server.until('diagnostics after didOpen', () => server.published.find((p) => p.uri === uri && p.version === 1), 120_000);
    // Type and erase a character in a method name in the middle of the file, as a user renaming it would.
    const anchor = pointAt(text, offsetOf(text, 'def _round_half_even') + 'def _round_half_even'.length);
    const at = { line: anchor.row, character: anchor.column };
    const change = (typing: boolean) =>
      typing ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    let version = 1;
    const latencies: number[] = [];
    for (let i = 0; i < N.warmup + N.serverEdits; i++) {
      const began = performance.now();
      await server.change(uri, ++version, [change(i % 2 === 0)]);
      await server.diagnosticsFor(uri, version);
      if (i >= N.warmup) latencies.push(performance.now() - began);
    }
    if (version % 2 === 0) await server.change(uri, ++version, [change(false)]); // back to the original text
    add(
      6,
      `didChange -> publishDiagnostics, _pydecimal.py, type/erase in a method name, ${N.serverEdits} edits one at a time: p50 / p95`,
      `${ms(median(latencies))} / ${ms(percentile(latencies, 95))}`,
    );

    // A burst: every edit sent at once, as a fast typist or a paste-and-undo storm would, then wait for the last version.
    const first = version + 1;
    for (let i = 0; i < N.burst; i++) await server.change(uri, ++version, [change(i % 2 === 0)]);
    const sent = performance.now();
    const last = version;
    const published = () => new Set(server.published.filter((p) => p.uri === uri && p.version !== undefined && p.version >= first).map((p) => p.version)).size;
    let value: string;
    let met: boolean;
    try {
      await server.until(`diagnostics for version ${last}`, () => server.published.find((p) => p.uri === uri && p.version === last), N.burstLimitS * 1000);
      const took = performance.now() - sent;
      value = `${ms(took)} (${fmt(published())} of ${fmt(N.burst)} versions published)`;
      met = took <= 2000;
    } catch {
      // Still working through the backlog: a graceful shutdown would wait for all of it.
      value = `> ${N.burstLimitS} s (${fmt(published())} of ${fmt(N.burst)} versions published by then)`;
      met = false;
      killed = true;
      server.process.kill('SIGKILL');
      server.connection.dispose();
    }
    add(6, `burst: ${fmt(N.burst)} didChanges sent as fast as possible; last sent -> diagnostics for the last version`, value, { text: '<= 2 s', met });
    if (killed) return;

    // While a big file (three copies of this one) is analysed, hover on a small one, again and again.
    const small = 'file:///bench/small.py';
    await server.open(small, 'class C:\n    def __init__(self):\n        self.__x = 1\n');
    await server.diagnosticsFor(small, 1);
    const big = 'file:///bench/big.py';
    await server.open(big, text + text + text);
    const hovers: number[] = [];
    while (!server.published.some((p) => p.uri === big)) {
      const asked = performance.now();
      await server.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 15 } });
      hovers.push(performance.now() - asked);
    }
    add(
      6,
      `hover on a small file while a ${fmt(text.length * 3)}-character file is opened and analysed (${hovers.length} hovers): p50 / max`,
      `${ms(median(hovers))} / ${ms(Math.max(...hovers))}`,
      { text: 'max <= 50 ms', met: Math.max(...hovers) <= 50 },
    );
  } finally {
    if (!killed) await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 7: pathological inputs, each in a child process with a time limit

interface CaseResult {
  lines: number;
  parseMs: number;
  analyzeMs: number;
  units: number;
}

/**
 * Child process: `bench.js --case NAME` parses and analyses one input once, after a warm-up
 * on the 4,000-line module (so both module sizes are timed with a warm JIT), and prints JSON.
 */
async function runCase(name: string): Promise<void> {
  const parser = await testParser();
  const warm = shapeModule(4000);
  for (let i = 0; i < 2; i++) {
    const tree = parser.parse(warm)!;
    analyze({ tree, text: warm, settings: SETTINGS });
    tree.delete();
  }
  const { text, runs = 1 } = PATHOLOGICAL[name];
  const source = text();
  const timed: Array<{ parseMs: number; analyzeMs: number; units: number }> = [];
  for (let run = 0; run < runs; run++) {
    let began = performance.now();
    const tree = parser.parse(source)!;
    const parseMs = performance.now() - began;
    began = performance.now();
    const result = analyze({ tree, text: source, settings: SETTINGS });
    const analyzeMs = performance.now() - began;
    tree.delete();
    timed.push({ parseMs, analyzeMs, units: result.stats.units });
  }
  timed.sort((a, b) => a.parseMs + a.analyzeMs - (b.parseMs + b.analyzeMs));
  const out: CaseResult = { lines: lineCount(source), ...timed[Math.floor(timed.length / 2)] };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function caseInChild(name: string): Promise<CaseResult | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, __filename, '--case', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), N.limitS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve(`> ${N.limitS} s`);
      if (code !== 0) {
        const why = stderr.split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${code}`;
        return resolve(`failed: ${why.trim().slice(0, 80)}`);
      }
      resolve(JSON.parse(stdout) as CaseResult);
    });
  });
}

async function pathologicalSection(): Promise<void> {
  const results = new Map<string, CaseResult | string>();
  for (const name of Object.keys(PATHOLOGICAL)) {
    progress(`7. pathological input: ${name}`);
    results.set(name, await caseInChild(name));
  }
  const describe = (r: CaseResult | string) =>
    typeof r === 'string' ? r : `${ms(r.parseMs + r.analyzeMs)} (parse ${ms(r.parseMs)} + analyse ${ms(r.analyzeMs)})`;
  add(7, `Pathological inputs: parse + analyze in process after a warm-up, one run unless said, each in a child process killed after ${N.limitS} s`, '');
  for (const [name, { label }] of Object.entries(PATHOLOGICAL)) {
    const result = results.get(name)!;
    // The issue's bound: each of the three deep or repetitive inputs analysed in under a second.
    const goal = ['lambdas', 'nested', 'dels'].includes(name)
      ? { text: '< 1 s', met: typeof result !== 'string' && result.parseMs + result.analyzeMs < 1000 }
      : undefined;
    add(7, label, describe(result), goal);
  }
  const [small, big] = [results.get('shape4k')!, results.get('shape40k')!];
  if (typeof small !== 'string' && typeof big !== 'string') {
    const perLine = (r: CaseResult) => (r.parseMs + r.analyzeMs) / r.lines;
    add(7, 'cost per line, 40,000-line / 4,000-line module', `${(perLine(big) / perLine(small)).toFixed(2)}x`);
  } else {
    add(7, 'cost per line, 40,000-line / 4,000-line module', 'n/a (a run did not finish)');
  }
}

// ---------------------------------------------------------------------------------------------
// 8: hover

async function hoverSection(): Promise<void> {
  progress('8. hover latency');
  const parser = await testParser();
  measureHoverLatency(parser, 500); // warm up the JIT
  const m = measureHoverLatency(parser);
  const label = `Hover on a ${fmt(m.lines)}-line file, in process (${fmt(m.hovers)} hovers on explained constructs)`;
  add(8, `${label}: first hover needing the imports, fresh tree (median of 7)`, ms(m.coldMs), { text: '< 5 ms', met: m.coldMs < 5 });
  add(8, 'median', ms(m.medianMs));
  add(8, 'p95', ms(m.p95Ms), { text: '< 5 ms', met: m.p95Ms < 5 });
}

// ---------------------------------------------------------------------------------------------

/**
 * The same CPU-bound loop pinned to each core in turn (`taskset`), in ms; null where that
 * cannot run. On a shared host the cores of one machine can differ by a third, and a
 * process's numbers then depend on the core it lands on.
 */
function coreSpeeds(): Array<number | null> {
  const loop = 'let x = 0; const t = performance.now(); for (let i = 0; i < 2e8; i++) x += i % 7; console.log(x > 0 ? Math.round(performance.now() - t) : -1);';
  return Array.from({ length: CORES }, (_, core) => {
    const run = spawnSync('taskset', ['-c', String(core), process.execPath, '-e', loop], { encoding: 'utf8' });
    const took = Number(run.stdout?.trim());
    return run.status === 0 && took > 0 ? took : null;
  });
}

const speedsText = (speeds: Array<number | null>) => speeds.map((ms, core) => `core ${core} ${ms === null ? 'n/a' : `${ms} ms`}`).join(', ');

async function main(): Promise<void> {
  // The in-process sections stand for the server, so they run with the server's V8 flags: start again with them.
  if (!SERVER_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) {
    const again = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exitCode = again.status ?? 1;
    return;
  }
  if (argv.includes('--case')) return runCase(argv[argv.indexOf('--case') + 1]);
  const started = performance.now();
  const load = os.loadavg()[0];
  const speedsBefore = coreSpeeds();
  const stdlib = stdlibDir();
  const bigFile = path.join(stdlib, '_pydecimal.py');
  const roots = stdlibRoots(stdlib);
  const want = (section: number) => !ONLY || ONLY.has(section);
  // In-process numbers first, while nothing else runs; then the CLI, the server, the child processes.
  if (want(1)) await editCostSection(bigFile);
  if (want(2)) await syntheticSection();
  if (want(8)) await hoverSection();
  if (want(3)) await batchSection(roots);
  const timing = want(9) ? ruleTiming(roots) : undefined;
  if (want(4)) await coldStartSection();
  if (want(5)) await memorySection(bigFile, roots);
  if (want(6)) await serverEditSection(bigFile);
  if (want(7)) await pathologicalSection();

  console.log(`pythonic bench${QUICK ? ' --quick' : ''}: node ${process.version}, ${CORES} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
  console.log(`stdlib: ${stdlib}; load average ${load.toFixed(1)} at the start (numbers are noisy when it is above 1); bench took ${Math.round((performance.now() - started) / 1000)} s`);
  console.log(`The same loop pinned to each core, at the start: ${speedsText(speedsBefore)}; at the end: ${speedsText(coreSpeeds())} (cores that differ by more than a few percent make every number here depend on where a process ran)`);
  console.log('Medians unless a row says otherwise.\n');
  printTable();
  if (timing !== undefined) {
    console.log(`\nPer-rule time: PYTHONIC_TIMING=1 pythonic check --no-cache --jobs 1 --select ALL <${QUICK ? 'stdlib subset' : 'stdlib'}> (its stderr)\n`);
    console.log(timing);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
