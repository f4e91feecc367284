// The end of a `pythonic check` run: from every file's result to what goes on
// stdout and stderr, and the exit status. The report itself comes from the
// `--format`'s reporter (report.ts); `--statistics`, `--show-fixes` and `--diff`
// replace or follow it here.
import { UsageError } from '../files';
import { fixApplies, type FileResult } from './file';
import { fileDiff, showFixes } from './fix-output';
import { isFormat, plural, REPORTERS, statisticsReport, type Format, type Reported, type ReportInput } from './report';

export interface OutputFlags {
  format: Format;
  statistics: boolean;
  showFixes: boolean;
  diff: boolean;
  exitZero: boolean;
  fix: boolean;
  unsafe: boolean;
  /** The one file came from stdin: with `--fix`, stdout carries its fixed text and the report goes to stderr. */
  stdin: boolean;
}

/** Checks the output flags against each other; throws a UsageError for a combination that cannot work. */
export function outputFlags(values: Omit<OutputFlags, 'format'> & { format: string }): OutputFlags {
  const { format } = values;
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${Object.keys(REPORTERS).join(', ')}, not '${format}'`);
  if (values.statistics && format !== 'text' && format !== 'json') throw new UsageError(`--statistics works with --format text or json, not '${format}'`);
  if (values.diff && (format !== 'text' || values.statistics)) throw new UsageError('--diff prints a diff only: it takes no --format and no --statistics');
  return { ...values, format };
}

export interface CheckOutcome {
  /** Paths in the order checked, and each one's result. */
  files: readonly string[];
  results: readonly FileResult[];
  /** Paths that could not even be listed (already reported on stderr). */
  failures: number;
  cwd: string;
  version: string;
}

/** What a command prints, collected and written at the end. */
export interface Output {
  out: string[];
  err: string[];
}

/** Writes the run's output into `io` and returns the exit status. */
export function writeOutcome({ files, results, failures, cwd, version }: CheckOutcome, flags: OutputFlags, io: Output): number {
  const reported: Reported[] = [];
  let fixed = 0;
  let failed = failures;
  for (const [index, file] of files.entries()) {
    const result = results[index];
    io.err.push(...result.err);
    if (!result.diagnostics) {
      failed++;
      continue;
    }
    fixed += result.fixed;
    for (const diagnostic of result.diagnostics) reported.push({ path: file, diagnostic });
  }
  const status = (found: boolean) => (failed > 0 ? 2 : found && !flags.exitZero ? 1 : 0);

  if (flags.diff) {
    const diffs = files.map((file, i) => fileDiff({ file, before: results[i].texts?.before ?? '', after: results[i].texts?.after ?? '', cwd }));
    io.out.push(...diffs);
    const changed = files.filter((_, i) => diffs[i] !== '').length;
    io.err.push(changed > 0 ? `--fix would apply ${plural(fixed, 'fix', 'fixes')} to ${plural(changed, 'file')}.\n` : 'No fixes to apply.\n');
    return status(changed > 0);
  }

  const input: ReportInput = { reported, files: files.length, fixed, failed: failed > 0, unsafe: flags.unsafe, cwd, version };
  const report = flags.statistics ? statisticsReport(input, flags.format === 'json' ? 'json' : 'text') : REPORTERS[flags.format](input);
  const fixedSource = flags.stdin && flags.fix ? results[0]?.texts?.after : undefined;
  if (fixedSource !== undefined) {
    io.out.push(fixedSource);
    io.err.push(report);
  } else {
    io.out.push(report);
  }
  if (flags.showFixes) {
    const perFile = files.map((path, i) => ({
      path,
      codes: flags.fix ? results[i].fixedCodes : (results[i].diagnostics ?? []).filter((d) => fixApplies(d, flags.unsafe)).map((d) => d.code),
    }));
    // Machine-readable output stays parseable: the list then goes to stderr.
    const humanStdout = flags.format === 'text' && !flags.statistics && fixedSource === undefined;
    (humanStdout ? io.out : io.err).push(showFixes(perFile, flags.fix));
  }
  return status(reported.length > 0);
}
