// `--format github`: one GitHub Actions workflow command per finding, which the
// Actions runner turns into an annotation on the pull request's diff.
import type { Severity } from '../engine';
import type { ReportInput } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** The message after `::`: GitHub decodes `%25`, `%0D` and `%0A` there. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A `key=value` property: as data, and `:` and `,` too, which would end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function githubReport({ reported }: ReportInput): string {
  return reported
    .map(({ path, diagnostic: d }) => {
      const { start, end } = d.range;
      const title = d.code ? `${d.code} (${d.name})` : d.name;
      const properties = [
        ['file', path],
        ['line', start.line + 1],
        ['col', start.character + 1],
        ['endLine', end.line + 1],
        ['endColumn', end.character + 1],
        ['title', title],
      ]
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
      return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}\n`;
    })
    .join('');
}
