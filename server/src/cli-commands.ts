// The commands of `pythonic`, the command-line face of the engine (for CI and for
// editors other than VS Code). The entry, cli.ts, loads this module for every command
// but `server --stdio`, which starts the language server without evaluating it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { BINDING_SITES_TIMING, compareCodes, explain, explainableNames, findRule, parsePython, ruleDocsMarkdown, RULES, SCOPE_TIMING, type Settings } from './engine';
import { isRuleEnabled } from './engine/settings';
import { buildScopeTree } from './engine/scope';
import { scopeToJson, scopeToText } from './engine/scope/output';
import { cacheDirectory, projectRoot, ResultCache } from './check/cache';
import { addTiming, checkSource, hasApplicableFix, readSource, newTiming, type CheckOptions, type FileResult, type Timing } from './check/file';
import { outputFlags, writeOutcome, type Output } from './check/output';
import { runPool, type PoolJob } from './check/pool';
import { startProgress, type Progress } from './check/progress';
import { runSettings, SETTINGS_FLAGS } from './check/settings-flags';
import { classifyPath, collectPythonFiles, decodeSource, describeError, UsageError } from './files';
import { createParser, type Parser } from './parser';

const VERSION = '0.1.0';

const HELP = `pythonic ${VERSION} — Pythonic Python checks, explanations and fixes

Usage:
  pythonic check [options] PATH...   check files and directories (recurses into *.py
                                     and *.ipynb)
  pythonic check [options] -         check the source on stdin (see --stdin-filename)
  pythonic rule CODE                 print a rule's documentation (also: --all)
  pythonic explain NAME              explain a dunder, keyword, library name or rule code
                                     (e.g. __hash__, nonlocal, functools.partial; --list for all)
  pythonic scopes [--format text|json] FILE
                                     print every scope of FILE and where each name lives,
                                     as Python's symtable classifies them
  pythonic server --stdio            run the language server on stdin/stdout
  pythonic --help | --version

Options for check:
  --format FORMAT            text (default), json, sarif (SARIF 2.1.0, for code
                             scanning) or github (GitHub Actions annotations)
  --select CODES             comma-separated codes or prefixes to run (default: PP,
                             the default selection; opt-in rules run only when
                             named by full code, e.g. PP,PP404, or with ALL)
  --ignore CODES             comma-separated codes or prefixes to skip
  --fix                      apply safe fixes in place
  --unsafe-fixes             with --fix, also apply unsafe fixes
  --target-version pyXY      oldest Python the code supports (default: py310)
  --jobs N                   check files on up to N worker threads (default: one
                             per CPU; one worker per 512 KiB of source to check;
                             1 checks them one by one in the main thread)
  --no-cache                 neither read nor write the result cache
  --statistics               count findings per rule instead of listing them
                             (a JSON array with --format json)
  --show-fixes               after the report, list per file the fixes --fix
                             applied, or would apply without --fix
  --diff                     print the fixes as a unified diff, change no file;
                             exit 1 when there is something to fix
  --exit-zero                exit 0 even when problems are found
  --stdin-filename PATH      the name stdin's source is reported and configured
                             under; with --fix, stdout gets the fixed source
  --extend-select CODES      more codes or prefixes to run, on top of select
  --extend-ignore CODES      more codes or prefixes to skip, on top of ignore
  --per-file-ignores GLOB:CODES
                             skip CODES in files matching GLOB (repeatable)
  --exclude GLOBS            comma-separated globs of files and folders to skip
                             when walking directories (replaces the default list)
  --extend-exclude GLOBS     more globs to skip, on top of exclude
  --force-exclude            skip excluded files even when named on the command line
  --extend-safe-fixes CODES  treat these rules' unsafe fixes as safe
  --extend-unsafe-fixes CODES
                             treat these rules' safe fixes as unsafe
  --unfixable CODES          never fix these rules with --fix

Settings also come from [tool.pythonic] in the nearest pyproject.toml above the
working directory, with the flags' names as keys (also severity); a flag replaces
its key's value from the file. Globs are relative to that file's folder.

Results are cached in .pythonic_cache/ in that pyproject.toml's folder (else in
the working directory), keyed by each file's content and path, the settings and
the pythonic version; delete the folder to clear it. --fix never trusts the cache
for a file it can fix.

Environment:
  PYTHONIC_TIMING=1          after the report, print on stderr the time each rule
                             took, with parse and analysis totals (files read from
                             the cache add nothing)

A progress line (checked N/M files) shows on stderr during runs of 100 files or
more, only when stderr is a terminal.

Exit status: 0 no problems, 1 problems reported (with --diff: fixes to apply;
never with --exit-zero), 2 usage or I/O error.
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io: Output = { out: [], err: [] };
  let code: number;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out.push(HELP);
        code = command === undefined ? 2 : 0;
        break;
      case '-V':
      case '--version':
        io.out.push(`pythonic ${VERSION}\n`);
        code = 0;
        break;
      case 'check':
        code = await check(rest, io);
        break;
      case 'rule':
        code = rule(rest, io);
        break;
      case 'explain':
        code = explainCommand(rest, io);
        break;
      case 'scopes':
        code = await scopesCommand(rest, io);
        break;
      default:
        throw new UsageError(`unknown command '${command}' (try: pythonic --help)`);
    }
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
    io.err.push(`pythonic: ${error.message}\n`);
    code = 2;
  }
  await flush(io);
  return code;
}

/** Writes everything and waits until the streams drained, so a pipe receives output of any size whole. */
async function flush(io: Output): Promise<void> {
  const write = (stream: NodeJS.WriteStream, chunks: string[]) =>
    new Promise<void>((resolve) => (chunks.length ? stream.write(chunks.join(''), () => resolve()) : resolve()));
  await write(process.stdout, io.out);
  await write(process.stderr, io.err);
}

async function check(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...SETTINGS_FLAGS,
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      'unsafe-fixes': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      statistics: { type: 'boolean', default: false },
      'exit-zero': { type: 'boolean', default: false },
      'show-fixes': { type: 'boolean', default: false },
      diff: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
    },
  });
  const stdinName = values['stdin-filename'];
  const stdin = (positionals.length === 1 && positionals[0] === '-') || (positionals.length === 0 && stdinName !== undefined);
  const flags = outputFlags({
    format: values.format,
    statistics: values.statistics,
    showFixes: values['show-fixes'],
    diff: values.diff,
    exitZero: values['exit-zero'],
    fix: values.fix || values.diff,
    unsafe: values['unsafe-fixes'],
    stdin,
  });
  if (values.jobs !== undefined && !/^[1-9]\d{0,3}$/.test(values.jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 9999, not '${values.jobs}'`);
  const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs);
  if (positionals.length === 0 && !stdin) throw new UsageError('check needs at least one PATH (or - for stdin)');
  if (!stdin && positionals.includes('-')) throw new UsageError("'-' (stdin) must be the only PATH");
  const { settings, root, excluded, forceExclude } = runSettings(values);
  const timing = timingRequested() ? newTiming() : undefined;
  const options = { settings, root, fix: flags.fix, unsafe: flags.unsafe, write: !flags.diff && !stdin };
  let checked: { files: string[]; failures: number; results: FileResult[] };
  let cached = 0;
  let workers = 0;
  if (stdin) {
    const file = stdinName ?? '-';
    checked = { files: [file], failures: 0, results: [await checkStdin(file, options, timing)] };
  } else {
    const { files, messages, failures } = collectPythonFiles(positionals, { excluded, forceExclude });
    io.err.push(...messages);
    const run = await checkFiles(files, options, { jobs, cache: !values['no-cache'], timing });
    ({ cached, workers } = run);
    checked = { files, failures, results: run.results };
  }
  const code = writeOutcome({ ...checked, cwd: process.cwd(), version: VERSION }, flags, io);
  if (timing) io.err.push(timingTable(timing, settings, cached, workers));
  return code;
}

/** `check -` (or `--stdin-filename PATH` alone): the source on stdin, reported and configured as `file`. */
async function checkStdin(file: string, options: CheckOptions, timing: Timing | undefined): Promise<FileResult> {
  const source = readSource(file, 0);
  return 'bytes' in source ? checkSource(file, source, await createParser(), options, null, timing) : source;
}

/**
 * Source bytes each worker thread must have to check, or fewer threads start. A
 * worker costs about 0.3 s of CPU before its first file (thread, bundle, wasm
 * parser, a cold JIT); measured on two cores, two workers beat the main thread
 * alone from roughly 1 MB of source on.
 */
const WORKER_MIN_BYTES = 512 * 1024;

interface CheckedFiles {
  /** By index into the file list. */
  results: FileResult[];
  /** Files answered from the cache. */
  cached: number;
  /** Worker threads started; 0 when the files were checked in the main thread. */
  workers: number;
}

interface RunOptions {
  jobs: number;
  cache: boolean;
  timing: Timing | undefined;
}

/**
 * Every file's result. Cache hits are answered in the main thread without
 * creating a parser; the misses are checked in the main thread (`--jobs 1`, or
 * too little to do) or on up to `jobs` worker threads, one per file at most.
 */
async function checkFiles(files: readonly string[], options: CheckOptions, { jobs, cache: useCache, timing }: RunOptions): Promise<CheckedFiles> {
  const results = new Array<FileResult>(files.length);
  const cache = useCache
    ? new ResultCache(cacheDirectory(projectRoot(process.cwd()), { version: VERSION, settings: options.settings, ruleCodes: RULES.map((r) => r.meta.code) }))
    : null;
  const misses: PoolJob[] = [];
  for (const [index, file] of files.entries()) {
    if (!cache) {
      misses.push({ index, file, size: -1 });
      continue;
    }
    const hit = cache.lookup(file);
    // A hit that --fix would change is checked afresh: fixing needs the text, and the result is the fixed file's.
    if (hit.diagnostics && !(options.fix && hasApplicableFix(hit.diagnostics, options.unsafe))) {
      results[index] = { diagnostics: hit.diagnostics, fixed: 0, fixedCodes: [], err: [] };
    } else {
      misses.push({ index, file, size: hit.size });
    }
  }
  const cached = files.length - misses.length;
  if (misses.length === 0) return { results, cached, workers: 0 };
  const writer = cache?.prepare() ? cache : null;
  const progress = startProgress({ total: files.length, checked: cached });
  try {
    return await checkMisses({ misses, options, jobs, writer, timing, progress, results, cached });
  } finally {
    progress.done();
  }
}

interface MissesRun {
  misses: PoolJob[];
  options: CheckOptions;
  jobs: number;
  writer: ResultCache | null;
  timing: Timing | undefined;
  progress: Progress;
  /** Filled in by index; the cache hits are already there. */
  results: FileResult[];
  cached: number;
}

/** `checkFiles` for the files the cache could not answer, in the main thread or on worker threads. */
async function checkMisses(run: MissesRun): Promise<CheckedFiles> {
  const { misses, options, jobs, writer, timing, progress, results, cached } = run;
  if (jobs > 1) for (const miss of misses) if (miss.size < 0) miss.size = fileSize(miss.file);
  const bytes = misses.reduce((sum, m) => sum + Math.max(m.size, 0), 0);
  const workers = Math.min(jobs, misses.length, Math.floor(bytes / WORKER_MIN_BYTES));
  if (workers <= 1) {
    // The parser (wasm) is made only once a file needs it: not for a run whose only misses are unreadable.
    let parser: Parser | undefined;
    for (const { index, file } of misses) {
      const source = readSource(file);
      if ('bytes' in source) {
        parser ??= await createParser();
        results[index] = checkSource(file, source, parser, options, writer, timing);
      } else {
        results[index] = source;
      }
      progress.advance();
    }
    return { results, cached, workers: 0 };
  }
  await runPool({
    ...options,
    jobs: misses,
    workers,
    script: __filename,
    cacheDir: writer?.dir ?? null,
    timing: timing !== undefined,
    onResult: (index, result) => {
      results[index] = result;
      progress.advance();
    },
    onTiming: (t) => timing && addTiming(timing, t),
  });
  return { results, cached, workers };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function timingRequested(): boolean {
  const value = process.env.PYTHONIC_TIMING;
  return value !== undefined && value !== '' && value !== '0';
}

/** ESLint's `TIMING=1` table: every enabled rule by time spent, then parse and analysis totals. */
function timingTable(timing: Timing, settings: Settings, cached: number, workers: number): string {
  const rules = RULES.filter((r) => isRuleEnabled(r.meta, settings))
    .map((r) => ({ code: r.meta.code, name: r.meta.name, ms: timing.rules.get(r.meta.code) ?? 0 }))
    .sort((a, b) => b.ms - a.ms || compareCodes(a.code, b.code));
  const ruleTotal = rules.reduce((sum, r) => sum + r.ms, 0);
  const percent = (ms: number) => (ruleTotal > 0 ? (100 * ms) / ruleTotal : 0).toFixed(1) + '%';
  const rows: string[][] = rules.map((r) => [r.code, r.name, r.ms.toFixed(3), percent(r.ms)]);
  rows.push(['', 'rules total', ruleTotal.toFixed(3), percent(ruleTotal)]);
  rows.push(['', 'scope trees (shared by the rules)', (timing.rules.get(SCOPE_TIMING) ?? 0).toFixed(3), '']);
  rows.push(['', 'binding-site scans (shared by the rules)', (timing.rules.get(BINDING_SITES_TIMING) ?? 0).toFixed(3), '']);
  rows.push(['', 'parse', timing.parse.toFixed(3), '']);
  rows.push(['', 'analysis total', timing.analysis.toFixed(3), '']);
  if (timing.fix > 0) rows.push(['', 'fix passes (--fix)', timing.fix.toFixed(3), '']);
  const header = ['Code', 'Rule', 'Time (ms)', 'Relative'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ').trimEnd();
  // Markdown alignment row: each cell spans its column and the spaces around it.
  const rule = widths
    .map((w, i) => {
      const span = w + (i === 0 || i === widths.length - 1 ? 1 : 2);
      return i < 2 ? ':' + '-'.repeat(span - 1) : '-'.repeat(span - 1) + ':';
    })
    .join('|');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const where = workers > 0 ? `summed over ${plural(workers, 'worker thread')}` : 'in the main thread';
  const footer = [
    `${plural(timing.files, 'file')} analysed, ${where}.`,
    `${plural(cached, 'file')} came from the cache and add no time (--no-cache times every file).`,
  ];
  return ['', line(header), rule, ...rows.map(line), '', ...footer].join('\n') + '\n';
}

function rule(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean', default: false } } });
  if (values.all) {
    io.out.push(RULES.map(ruleDocsMarkdown).join('\n'));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('rule needs one rule code, e.g. pythonic rule PP401');
  const found = findRule(positionals[0]);
  if (!found) throw new UsageError(`unknown rule '${positionals[0]}'; known: ${RULES.map((r) => r.meta.code).join(', ')}`);
  io.out.push(ruleDocsMarkdown(found));
  return 0;
}

function explainCommand(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { list: { type: 'boolean', default: false } } });
  if (values.list) {
    io.out.push(explainableNames().map(({ name, kind }) => `${name}  (${kind})`).join('\n') + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('explain needs one name, e.g. pythonic explain __hash__');
  const result = explain(positionals[0]);
  if (result.found) {
    io.out.push(result.markdown);
    return 0;
  }
  io.err.push(`pythonic: nothing to explain for '${positionals[0]}'\n`);
  io.err.push(
    result.suggestions.length
      ? `Did you mean: ${result.suggestions.join(', ')}?\n`
      : 'Did you mean one of the names that `pythonic explain --list` prints?\n',
  );
  return 1;
}

async function scopesCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'`);
  if (positionals.length !== 1) throw new UsageError('scopes needs one FILE, e.g. pythonic scopes --format json app.py');
  const [file] = positionals;
  const kind = classifyPath(file);
  if (kind.kind === 'directory') throw new UsageError(`${file}: is a directory`);
  if (kind.kind !== 'file') throw new UsageError(`${file}: ${kind.problem}`);
  let text: string;
  try {
    text = decodeSource(fs.readFileSync(file)).text;
  } catch (error) {
    throw new UsageError(`${file}: ${describeError(error)}`);
  }
  const parser = await createParser();
  const tree = parsePython(parser, text);
  if (!tree) throw new UsageError(`${file}: the parser gave up on this file`);
  try {
    const top = scopeToJson(buildScopeTree(tree.rootNode).module);
    io.out.push(values.format === 'json' ? JSON.stringify({ scopes: [top] }, null, 2) + '\n' : scopeToText(top) + '\n');
    return 0;
  } finally {
    tree.delete();
  }
}
