// One file through `pythonic check`: read, decode, optionally fix, parse,
// analyse, and remember the result in the cache. The same function runs in
// process (`--jobs 1`) and in every worker thread, so both paths print the same.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, fixAll, parsePython, refuseSource, type Diagnostic, type RuleError, type Settings } from '../engine';
import { isFixable } from '../engine/settings';
import { settingsForFile } from '../file-settings';
import { decodeSource, describeError, encodeSource, isNotebookPath, type DecodedSource } from '../files';
import type { Parser } from '../parser';
// Only the type: the class and node:crypto load with `check`'s own modules, not with the language server.
import type { ResultCache } from './cache';
import { checkNotebook } from './notebook';

export interface CheckOptions {
  settings: Settings;
  /** The project root, for `per-file-ignores` globs; absent when `settings` are already the file's own (the language server's). */
  root?: string;
  fix: boolean;
  unsafe: boolean;
  /** With `fix`: write the fixed file back; false for `--diff` and stdin, which return the texts instead. */
  write: boolean;
}

/** A diagnostic of a notebook names its cell: 1-based among all the notebook's cells. */
export interface CheckedDiagnostic extends Diagnostic {
  cell?: number;
}

/**
 * Where a notebook finding is, in words (`cell 3, line 2, column 5`); null for a .py file. Formats
 * that locate findings by the file's own lines use it instead: a cell's lines are not the file's.
 */
export function notebookPlace(d: CheckedDiagnostic): string | null {
  return d.cell === undefined ? null : `cell ${d.cell}, line ${d.range.start.line + 1}, column ${d.range.start.character + 1}`;
}

export interface FileResult {
  /** Null when the file could not be read, decoded or parsed (exit status 2). */
  diagnostics: CheckedDiagnostic[] | null;
  /** Fixes applied (and written, with `write`). */
  fixed: number;
  /** The rule code of each applied fix (`--show-fixes`). */
  fixedCodes: string[];
  /** With `fix` but not `write`: the text before and after the fixes. */
  texts?: { before: string; after: string };
  /** Lines for stderr, in the order a sequential run prints them. */
  err: string[];
}

/** Milliseconds summed over the analysed files (`PYTHONIC_TIMING=1`). */
export interface Timing {
  /** Per rule code: time in the rule's visitors, as `analyze()` measures it. */
  rules: Map<string, number>;
  parse: number;
  /** Whole `analyze()` calls: rules plus queries, scopes and the rest of the engine. */
  analysis: number;
  /** `--fix` passes (each one parses and analyses again). */
  fix: number;
  files: number;
}

export function newTiming(): Timing {
  return { rules: new Map(), parse: 0, analysis: 0, fix: 0, files: 0 };
}

export function addTiming(into: Timing, from: Timing): void {
  for (const [code, ms] of from.rules) into.rules.set(code, (into.rules.get(code) ?? 0) + ms);
  into.parse += from.parse;
  into.analysis += from.analysis;
  into.fix += from.fix;
  into.files += from.files;
}

/** Whether `--fix` (with `unsafe` for `--unsafe-fixes`) would apply `d`'s fix. */
export function fixApplies(d: Diagnostic, unsafe: boolean): boolean {
  return d.fix !== null && (d.fix.safety === 'safe' || unsafe);
}

/** Whether `--fix` (with `unsafe` for `--unsafe-fixes`) would change a file that reports `diagnostics`. */
export function hasApplicableFix(diagnostics: readonly Diagnostic[], unsafe: boolean): boolean {
  return diagnostics.some((d) => fixApplies(d, unsafe));
}

/**
 * What an analysis of `file` needs besides the code (rule failures become stderr lines, rule
 * times go to `timing`), and its bookkeeping: `done` adds the analysis time, `ruleFailed` says
 * whether to keep the result out of the cache (so the failure shows again next time).
 */
export function analysisRun(file: string, err: string[], timing?: Timing) {
  let failed = false;
  const started = timing ? performance.now() : 0;
  return {
    input: {
      path: file,
      onRuleError: ({ code, error }: RuleError) => {
        failed = true;
        err.push(`pythonic: rule ${code} failed on ${file}: ${String(error)}\n`);
      },
      timing: timing?.rules,
    },
    ruleFailed: () => failed,
    done: () => {
      if (!timing) return;
      timing.analysis += performance.now() - started;
      timing.files++;
    },
  };
}

export interface Source {
  bytes: Buffer;
  decoded: DecodedSource;
}

/** Reads and decodes `file` (from `fd` instead, when given: 0 for stdin); on failure, the result that reports it. */
export function readSource(file: string, fd?: number): Source | FileResult {
  try {
    const bytes = fs.readFileSync(fd ?? file);
    return { bytes, decoded: decodeSource(bytes) };
  } catch (error) {
    return { diagnostics: null, fixed: 0, fixedCodes: [], err: [`pythonic: ${file}: ${describeError(error)}\n`] };
  }
}

export function checkFile(file: string, parser: Parser, options: CheckOptions, cache: ResultCache | null, timing?: Timing): FileResult {
  const source = readSource(file);
  return 'bytes' in source ? checkSource(file, source, parser, options, cache, timing) : source;
}

/**
 * Fixes (with `--fix`), parses and analyses a file read by `readSource`, and stores the result in `cache`.
 * A file the engine refuses is not parsed: one with a NUL byte gets that one diagnostic, one that is
 * mostly not text a line on stderr (and no cache entry, so the line shows on every run).
 */
export function checkSource(file: string, source: Source, parser: Parser, options: CheckOptions, cache: ResultCache | null, timing?: Timing): FileResult {
  const settings = options.root === undefined ? options.settings : settingsForFile(options.settings, options.root, path.resolve(file));
  return (isNotebookPath(file) ? checkNotebook : checkPythonSource)(file, source, parser, { ...options, settings }, cache, timing);
}

/** An `unfixable` rule's fix is not offered: no [*], no fix in JSON, nothing for --fix. */
export function withoutUnfixable<D extends Diagnostic>(diagnostics: D[], settings: Settings): D[] {
  return diagnostics.map((d) => (d.fix && !isFixable(d.code, settings) ? { ...d, fix: null } : d));
}

function checkPythonSource(file: string, { bytes, decoded }: Source, parser: Parser, { settings, fix, unsafe, write }: CheckOptions, cache: ResultCache | null, timing?: Timing): FileResult {
  const refusal = refuseSource(decoded.text);
  if (refusal?.kind === 'not-text') return { diagnostics: [], fixed: 0, fixedCodes: [], err: [`pythonic: ${file}: ${refusal.message}, skipped\n`] };
  if (refusal) {
    cache?.store(file, bytes, [refusal.diagnostic]);
    return { diagnostics: [refusal.diagnostic], fixed: 0, fixedCodes: [], err: [] };
  }
  const err: string[] = [];
  let text = decoded.text;
  let fixedCodes: string[] = [];
  let texts: FileResult['texts'];
  if (fix) {
    const started = timing ? performance.now() : 0;
    const result = fixAll({ parser, text, settings, path: file, unsafe });
    if (timing) timing.fix += performance.now() - started;
    if (!write) {
      // Nothing is written, so the diagnostics of the fixed text must not be cached under the file's bytes.
      cache = null;
      texts = { before: text, after: result.text };
      text = result.text;
      fixedCodes = result.codes;
    } else if (result.applied > 0) {
      const written = encodeSource(decoded, result.text);
      if (written) {
        fs.writeFileSync(file, written);
        bytes = written;
        text = result.text;
        fixedCodes = result.codes;
      } else {
        err.push(`pythonic: ${file}: fixes not written, cannot encode the result as ${decoded.encoding}\n`);
      }
    }
  }
  const fixed = fixedCodes.length;
  const started = timing ? performance.now() : 0;
  const tree = parsePython(parser, text);
  if (timing) timing.parse += performance.now() - started;
  if (!tree) {
    err.push(`pythonic: ${file}: the parser gave up on this file\n`);
    return { diagnostics: null, fixed, fixedCodes, texts, err };
  }
  const run = analysisRun(file, err, timing);
  try {
    const diagnostics = withoutUnfixable(analyze({ tree, text, settings, once: true, ...run.input }).diagnostics, settings);
    run.done();
    if (cache && !run.ruleFailed()) cache.store(file, bytes, diagnostics);
    return { diagnostics, fixed, fixedCodes, texts, err };
  } finally {
    tree.delete();
  }
}
