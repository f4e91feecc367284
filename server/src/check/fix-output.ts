// The fixes of a `pythonic check` run shown rather than (only) applied:
// `--show-fixes` lists them per file, `--diff` prints them as a unified diff that
// `patch -p1` or `git apply` turns into what `--fix` would write.
import * as path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { compareCodes } from '../engine';
import { plural, ruleName } from './report';

export interface FileFixes {
  path: string;
  /** The rule code of each fix. */
  codes: readonly string[];
}

/** `--show-fixes`: for each file with fixes, how many of each code, most first. `applied`: written by `--fix`, else what it would do. */
export function showFixes(files: readonly FileFixes[], applied: boolean): string {
  const withFixes = files.filter((f) => f.codes.length > 0);
  const total = withFixes.reduce((sum, f) => sum + f.codes.length, 0);
  if (total === 0) return applied ? 'No fixes applied.\n' : 'No fixes to apply.\n';
  const lines = [applied ? `Applied ${plural(total, 'fix', 'fixes')}:` : `--fix would apply ${plural(total, 'fix', 'fixes')}:`];
  for (const file of withFixes) {
    lines.push(`  ${file.path}`);
    const counts = new Map<string, number>();
    for (const code of file.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
    const sorted = [...counts].sort(([a, m], [b, n]) => n - m || compareCodes(a, b));
    for (const [code, count] of sorted) lines.push(`    ${count} × ${code} ${ruleName(code)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A unified diff from `before` to `after` for `file`, with `a/` and `b/` prefixes on
 * its path relative to `cwd`; '' when nothing changes.
 */
export function fileDiff({ file, before, after, cwd }: { file: string; before: string; after: string; cwd: string }): string {
  if (before === after) return '';
  const relative = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  return createTwoFilesPatch(`a/${relative}`, `b/${relative}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}
