// `# noqa` suppression comments, with Ruff's conventions: a bare `# noqa` hides
// every diagnostic starting on that line; `# noqa: PP401, B006` hides those codes
// (a rule's Ruff/Pylint peer codes count as its own).
import type { Rule } from './rule';
import type { SourceFile } from './source';
import type { Diagnostic, TextEdit } from './types';

const NOQA = /#\s*noqa(?::\s*(?<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;

export function filterSuppressed(diagnostics: Diagnostic[], source: SourceFile, rules: ReadonlyMap<string, Rule>): Diagnostic[] {
  const byLine = new Map<number, Set<string> | 'all' | null>();
  const suppressionOn = (line: number) => {
    if (!byLine.has(line)) byLine.set(line, parseLine(line, source));
    return byLine.get(line)!;
  };
  return diagnostics.filter((d) => {
    const codes = suppressionOn(d.range.start.line);
    if (codes === null) return true;
    if (codes === 'all') return false;
    const peers = rules.get(d.code)?.meta.peers ?? [];
    return !codes.has(d.code) && !peers.some((p) => codes.has(p.toUpperCase()));
  });
}

function parseLine(line: number, source: SourceFile): Set<string> | 'all' | null {
  const text = source.lineText(line);
  const match = NOQA.exec(text);
  if (!match) return null;
  // The `#` must start a real comment, not sit inside a string literal.
  const node = source.tree.rootNode.descendantForPosition({ row: line, column: match.index });
  if (node?.type !== 'comment') return null;
  const codes = match.groups?.codes;
  if (!codes) return 'all';
  return new Set(codes.split(/[\s,]+/).map((c) => c.toUpperCase()));
}

/**
 * The edit behind "Disable PP401 for this line": appends `# noqa: CODE` (or adds the
 * code to an existing list). Null where a comment cannot go, e.g. inside a multi-line string.
 */
export function noqaEdit(source: SourceFile, line: number, code: string): TextEdit | null {
  const text = source.lineText(line);
  const end = { line, character: text.length };
  const existing = NOQA.exec(text);
  if (existing) {
    if (!existing.groups?.codes) return null;
    const at = { line, character: existing.index + existing[0].length };
    return { range: { start: at, end: at }, newText: `, ${code}` };
  }
  const last = source.tree.rootNode.descendantForPosition({ row: line, column: Math.max(0, text.length - 1) });
  for (let n: typeof last | null = last; n; n = n.parent) {
    if ((n.type === 'string' || n.type === 'concatenated_string') && n.endPosition.row > line) return null;
  }
  const trimmed = text.replace(/\s+$/, '');
  const start = { line, character: trimmed.length };
  return { range: { start, end }, newText: `${trimmed.length ? '  ' : ''}# noqa: ${code}` };
}
