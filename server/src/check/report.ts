// What `pythonic check` prints on stdout: one reporter per `--format`, each a plain
// function from the run's findings to text, plus the `--statistics` table.
import { compareCodes, RULES_BY_CODE } from '../engine';
import { fixApplies, type CheckedDiagnostic } from './file';
import { githubReport } from './report-github';
import { sarifReport } from './report-sarif';

export interface Reported {
  /** As the user named it, or as the directory walk found it. */
  path: string;
  diagnostic: CheckedDiagnostic;
}

export interface ReportInput {
  reported: readonly Reported[];
  /** Files checked. */
  files: number;
  /** Fixes applied with `--fix`. */
  fixed: number;
  /** Some path could not be checked, so the run did not pass whatever it found. */
  failed: boolean;
  /** `--unsafe-fixes`: unsafe fixes count as applicable. */
  unsafe: boolean;
  /** The working directory, which SARIF locations are relative to. */
  cwd: string;
  version: string;
}

export type Reporter = (input: ReportInput) => string;

export const REPORTERS = {
  text: textReport,
  json: jsonReport,
  sarif: sarifReport,
  github: githubReport,
} satisfies Record<string, Reporter>;

export type Format = keyof typeof REPORTERS;

export function isFormat(value: string): value is Format {
  return Object.hasOwn(REPORTERS, value);
}

/** A rule's name by code, for fixes that are known by code alone. */
export function ruleName(code: string): string {
  return RULES_BY_CODE.get(code)?.meta.name ?? code;
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** Ruff's shape: `path:line:col: CODE [*] message`, 1-based (`path:cell N:line:col` in a notebook), then a summary. */
function textReport(input: ReportInput): string {
  const lines = input.reported.map(({ path, diagnostic: d }) => {
    const marker = d.fix?.safety === 'safe' ? ' [*]' : '';
    const code = d.code ? `${d.code}${marker} ` : '';
    const cell = d.cell === undefined ? '' : `cell ${d.cell}:`;
    return `${path}:${cell}${d.range.start.line + 1}:${d.range.start.character + 1}: ${code}${d.message}`;
  });
  return withSummary(lines, input);
}

/** `lines`, a blank line when there were any, and the summary. */
function withSummary(lines: string[], input: ReportInput): string {
  const report = [...lines, ...(lines.length ? [''] : []), ...summary(input)];
  return report.length ? report.join('\n') + '\n' : '';
}

/** The closing lines of a text report: what was fixed, found, and could be fixed. */
function summary({ reported, fixed, failed }: ReportInput): string[] {
  const safe = reported.filter((r) => r.diagnostic.fix?.safety === 'safe').length;
  const unsafe = reported.filter((r) => r.diagnostic.fix?.safety === 'unsafe').length;
  const lines: string[] = [];
  if (fixed > 0) lines.push(`Fixed ${plural(fixed, 'problem')}.`);
  if (reported.length > 0) {
    lines.push(`Found ${plural(reported.length, 'problem')}.`);
    if (safe > 0) lines.push(`[*] ${safe} fixable with --fix.`);
    if (unsafe > 0) lines.push(`${unsafe} more fixable with --fix --unsafe-fixes.`);
  } else if (fixed === 0 && !failed) {
    lines.push('All checks passed.');
  }
  return lines;
}

function jsonReport({ reported, files }: ReportInput): string {
  const diagnostics = reported.map(({ path, diagnostic: d }) => ({
    path,
    ...(d.cell !== undefined && { cell: d.cell }),
    code: d.code || null,
    name: d.name,
    severity: d.severity,
    message: d.message,
    range: d.range,
    fix: d.fix,
  }));
  return JSON.stringify({ version: 1, files, diagnostics }, null, 2) + '\n';
}

export interface Statistic {
  /** Null for a finding no rule reports (a NUL byte). */
  code: string | null;
  name: string;
  count: number;
  /** How many of them `--fix` would fix (unsafe fixes only with `--unsafe-fixes`). */
  fixable: number;
}

/** One row per code, most frequent first (ties by code). */
export function statistics({ reported, unsafe }: ReportInput): Statistic[] {
  const rows = new Map<string, Statistic>();
  for (const { diagnostic: d } of reported) {
    const key = d.code || d.name;
    const row = rows.get(key) ?? { code: d.code || null, name: d.name, count: 0, fixable: 0 };
    row.count++;
    if (fixApplies(d, unsafe)) row.fixable++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || compareCodes(a.code ?? '', b.code ?? ''));
}

/** `--statistics`: a JSON array of `Statistic`s with `--format json`, else an aligned table and the summary. */
export function statisticsReport(input: ReportInput, format: 'text' | 'json'): string {
  const rows = statistics(input);
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const cells = rows.map((r) => [String(r.count), r.code ?? '', r.fixable > 0 ? '[*]' : '', r.name]);
  const widths = [0, 1, 2].map((i) => Math.max(0, ...cells.map((c) => c[i].length)));
  // The fixable column only when some code is fixable; the name last, unpadded.
  const lines = cells.map((c) => [c[0].padStart(widths[0]), c[1].padEnd(widths[1]), ...(widths[2] ? [c[2].padEnd(widths[2])] : []), c[3]].join('  '));
  return withSummary(lines, input);
}
