// `npm run bench`: the numbers behind the design, printed as tables.
//  1. CLI throughput over this machine's Python standard library (lines/s).
//  2. didChange -> publishDiagnostics latency through the real server (p50/p95).
//  3. Engine internals on the same big file: full vs incremental parse and
//     analysis, and one TreeCursor walk versus a tree-sitter Query for dispatch.
//  4. A burst of 3,000 random edits sent to the server at once: how long until the
//     last version's diagnostics, and how many parses and analyses it took; and how
//     long a hover on a small file waits while a big one is analysed.
// `npm run bench -- burst hover` runs only the sections named (engine, hover, latency, burst, cli).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Query } from 'web-tree-sitter';
import { analyze, DEFAULT_SETTINGS, RULES } from '../server/src/engine';
import { offsetToPosition } from '../server/src/engine/source';
import { Edit } from '../server/src/parser';
import { OUT, testParser } from '../test/support/engine';
import { TestServer } from '../test/support/lsp';
import { measureHoverLatency } from '../test/support/hover-latency';
import { randomEdits } from '../test/support/random-edits';

const STDLIB = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
const BIG_FILE = path.join(STDLIB, '_pydecimal.py');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function table(title: string, rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}\n${'-'.repeat(title.length)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

function countLines(files: string[]): number {
  let lines = 0;
  for (const f of files) {
    const text = fs.readFileSync(f);
    for (const byte of text) if (byte === 10) lines++;
  }
  return lines;
}

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['site-packages', '__pycache__', 'node_modules', '.git'].includes(entry.name)) pythonFiles(full, out);
    } else if (entry.name.endsWith('.py')) out.push(full);
  }
  return out;
}

function cliThroughput(): void {
  // The standard library proper: every top-level entry but site-packages (third-party code).
  const roots = fs.readdirSync(STDLIB).filter((n) => n !== 'site-packages' && n !== '__pycache__').map((n) => path.join(STDLIB, n));
  const files = roots.flatMap((r) => (fs.statSync(r).isDirectory() ? pythonFiles(r) : r.endsWith('.py') ? [r] : []));
  const lines = countLines(files);
  const start = performance.now();
  const result = spawnSync(process.execPath, [path.join(OUT, 'cli.js'), 'check', '--format', 'json', ...roots], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  const report = JSON.parse(result.stdout) as { files: number; diagnostics: Array<{ code: string }> };
  const byCode = new Map<string, number>();
  for (const d of report.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  table('CLI over the standard library (pythonic check --format json)', [
    ['files', String(report.files)],
    ['lines', lines.toLocaleString('en')],
    ['wall time', `${seconds.toFixed(1)} s`],
    ['throughput', `${Math.round(lines / seconds).toLocaleString('en')} lines/s`],
    ['diagnostics', [...byCode].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'],
  ]);
}

async function serverLatency(): Promise<void> {
  const text = fs.readFileSync(BIG_FILE, 'utf8');
  const lines = text.split('\n').length;
  const server = await TestServer.start();
  const uri = 'file:///bench/_pydecimal.py';
  let start = performance.now();
  await server.open(uri, text);
  await server.diagnosticsFor(uri, 1);
  const openMs = performance.now() - start;
  // Type and erase a character in a method name in the middle of the file, as a user renaming it would.
  const anchor = text.indexOf('def _round_half_even') + 'def _round_half_even'.length;
  const at = offsetToPosition(text, anchor);
  const latencies: number[] = [];
  let version = 1;
  for (let i = 0; i < 200; i++) {
    const typing = i % 2 === 0;
    const change = typing
      ? { range: { start: at, end: at }, text: 'x' }
      : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    start = performance.now();
    await server.change(uri, ++version, [change]);
    await server.diagnosticsFor(uri, version);
    latencies.push(performance.now() - start);
  }
  await server.stop();
  table(`didChange -> publishDiagnostics through the server (${path.basename(BIG_FILE)}, ${lines} lines, 200 edits)`, [
    ['didOpen -> diagnostics', `${openMs.toFixed(1)} ms`],
    ['p50', `${percentile(latencies, 50).toFixed(2)} ms`],
    ['p95', `${percentile(latencies, 95).toFixed(2)} ms`],
    ['max', `${Math.max(...latencies).toFixed(2)} ms`],
  ]);
}

function timeIt(runs: number, fn: () => void): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

async function engineInternals(): Promise<void> {
  const parser = await testParser();
  const text = fs.readFileSync(BIG_FILE, 'utf8');
  const tree = parser.parse(text)!;
  const fullParse = timeIt(10, () => parser.parse(text)!.delete());

  const anchor = text.indexOf('def _round_half_even') + 'def _round_half_even'.length;
  const edited = text.slice(0, anchor) + 'x' + text.slice(anchor);
  const p = offsetToPosition(text, anchor);
  const point = { row: p.line, column: p.character };
  const incrementalParse = timeIt(20, () => {
    const copy = tree.copy();
    copy.edit(new Edit({ startIndex: anchor, oldEndIndex: anchor, newEndIndex: anchor + 1, startPosition: point, oldEndPosition: point, newEndPosition: { row: point.row, column: point.column + 1 } }));
    const next = parser.parse(edited, copy)!;
    next.delete();
    copy.delete();
  });

  const settings = DEFAULT_SETTINGS;
  const fullAnalysis = timeIt(10, () => analyze({ tree, text, settings }));
  const { cache } = analyze({ tree, text, settings });
  const editedTree = parser.parse(edited)!;
  let analysed = 0;
  const incrementalAnalysis = timeIt(10, () => {
    analysed = analyze({ tree: editedTree, text: edited, settings, cache }).stats.analysed;
  });

  // Dispatch strategies, per top-level statement as the engine works: a TreeCursor walk asking every
  // node for its type, versus the engine's choice, one Query over the node types rules want.
  const ruleTypes = [...new Set(RULES.flatMap((r) => Object.keys(r.create({ source: null!, module: null!, settings, unit: null!, scopes: null!, parentOf: () => null, classSummary: null!, report: () => undefined }))))];
  const regions = tree.rootNode.namedChildren.filter((n) => n !== null);
  const dispatchCost = (types: string[]) => {
    const wanted = new Set(types);
    const walk = timeIt(5, () => {
      for (const region of regions) {
        const cursor = region.walk();
        for (let done = false; !done; ) {
          if (wanted.has(cursor.nodeType)) void cursor.currentNode;
          if (cursor.gotoFirstChild()) continue;
          while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) { done = true; break; }
        }
        cursor.delete();
      }
    });
    const query = new Query(parser.language!, types.map((t) => `(${t}) @node`).join('\n'));
    const viaQuery = timeIt(5, () => regions.forEach((region) => query.captures(region)));
    query.delete();
    return [walk, viaQuery];
  };
  const [walkNow, queryNow] = dispatchCost(ruleTypes);
  const likely = ['call', 'function_definition', 'class_definition', 'comparison_operator', 'assignment', 'for_statement', 'while_statement', 'lambda', 'attribute', 'string', 'binary_operator', 'list', 'dictionary', 'set', 'if_statement', 'with_statement', 'expression_statement', 'augmented_assignment', 'decorated_definition', 'try_statement'];
  const [walkLater, queryLater] = dispatchCost(likely);
  table(`Engine on ${path.basename(BIG_FILE)} (in process, mean of repeated runs)`, [
    ['full parse', `${fullParse.toFixed(1)} ms`],
    ['incremental reparse (1 char)', `${incrementalParse.toFixed(2)} ms`],
    ['full analysis (all statements)', `${fullAnalysis.toFixed(1)} ms`],
    [`incremental analysis (${analysed} statement re-analysed)`, `${incrementalAnalysis.toFixed(2)} ms`],
    [`dispatch, ${ruleTypes.length} node types (today's rules): TreeCursor walk`, `${walkNow.toFixed(1)} ms`],
    [`dispatch, ${ruleTypes.length} node types (today's rules): Query (used)`, `${queryNow.toFixed(1)} ms`],
    [`dispatch, ${likely.length} node types (a full catalogue): TreeCursor walk`, `${walkLater.toFixed(1)} ms`],
    [`dispatch, ${likely.length} node types (a full catalogue): Query (used)`, `${queryLater.toFixed(1)} ms`],
  ]);
  editedTree.delete();
  tree.delete();
}

async function hoverLatency(): Promise<void> {
  const parser = await testParser();
  measureHoverLatency(parser, 500);
  const m = measureHoverLatency(parser);
  table(`Hover on a ${m.lines.toLocaleString('en')}-line file (in process, ${m.hovers} hovers on explained constructs)`, [
    ['first hover needing imports, fresh tree (median)', `${m.coldMs.toFixed(2)} ms`],
    ['median', `${m.medianMs.toFixed(3)} ms`],
    ['p95', `${m.p95Ms.toFixed(3)} ms`],
    ['max (includes GC pauses)', `${m.maxMs.toFixed(2)} ms`],
  ]);
}

async function burst(): Promise<void> {
  const text = fs.readFileSync(BIG_FILE, 'utf8');
  const { notifications } = randomEdits(text, 3000, 20240611);
  const server = await TestServer.start();
  const uri = 'file:///bench/burst.py';
  await server.open(uri, text);
  await server.diagnosticsFor(uri, 1);
  const before = await server.stats();
  const start = performance.now();
  await Promise.all(notifications.map((changes, i) => server.change(uri, i + 2, changes)));
  const written = performance.now();
  await server.diagnosticsFor(uri, notifications.length + 1, 600_000);
  const done = performance.now();
  const stats = await server.stats();

  // While the big file (three copies) is analysed, hover on a small one, again and again.
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
  await server.stop();
  const delta = (key: keyof typeof stats) => String(stats[key] - before[key]);
  table(`A burst of 3,000 random edits to ${path.basename(BIG_FILE)}, sent at once`, [
    ['client: writing the 3,000 notifications', `${((written - start) / 1000).toFixed(2)} s`],
    ['last notification written -> last diagnostics', `${((done - written) / 1000).toFixed(2)} s`],
    ['parses (incremental)', `${delta('parses')} (${delta('incrementalParses')})`],
    ['analyses started / completed / abandoned', `${delta('analysesStarted')} / ${delta('analysesCompleted')} / ${delta('analysesAbandoned')}`],
    ['units analysed', delta('unitsAnalysed')],
    ['publishes', delta('publishes')],
    [`hover on a small file while a ${(text.length * 3).toLocaleString('en')}-char file is analysed (${hovers.length} hovers)`, `p50 ${percentile(hovers, 50).toFixed(1)} ms, max ${Math.max(...hovers).toFixed(1)} ms`],
  ]);
}

async function main(): Promise<void> {
  console.log(`pythonic bench — node ${process.version}, stdlib at ${STDLIB}`);
  const only = new Set(process.argv.slice(2));
  const wanted = (name: string) => only.size === 0 || only.has(name);
  if (wanted('engine')) await engineInternals();
  if (wanted('hover')) await hoverLatency();
  if (wanted('latency')) await serverLatency();
  if (wanted('burst')) await burst();
  if (wanted('cli')) cliThroughput();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
