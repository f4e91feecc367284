// `# noqa` suppression comments, with Ruff's conventions: a bare `# noqa` hides
// every diagnostic starting on that line; `# noqa: PP401, B006` hides those codes
// (a rule's Ruff/Pylint peer codes count as its own). A line that cannot hold a
// comment (it ends inside a multi-line string, or with a `\` continuation) hands
// its suppressions to the first line after it that can (`commentLine`).
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
  const suppressed = (d: Diagnostic, line: number) => {
    const codes = suppressionOn(line);
    if (codes === null) return false;
    if (codes === 'all') return true;
    const peers = rules.get(d.code)?.meta.peers ?? [];
    return codes.has(d.code) || peers.some((p) => codes.has(p.toUpperCase()));
  };
  return diagnostics.filter((d) => {
    const line = d.range.start.line;
    if (suppressed(d, line)) return false;
    const comment = commentLine(source, line);
    return comment === line || !suppressed(d, comment);
  });
}

/**
 * The line where a comment about `line` can go: `line` itself, or, when it ends inside a
 * string that goes on or with a `\` that continues it, the first line after it that does not.
 */
export function commentLine(source: SourceFile, line: number): number {
  for (let at = line; at < source.lineCount; at++) {
    if (!takesComment(source, at)) continue;
    return at;
  }
  return line;
}

/** Whether a comment appended to `line` would be read as one: the line ends neither inside a string nor with a `\\` continuation. */
function takesComment(source: SourceFile, line: number): boolean {
  const text = source.lineText(line).replace(/[ \t\f]+$/, '');
  if (text.length === 0) return true;
  if (insideMultiLineString(source, line, text.length - 1)) return false;
  return !text.endsWith('\\') || source.tree.rootNode.descendantForPosition({ row: line, column: text.length - 1 })?.type === 'comment';
}

function insideMultiLineString(source: SourceFile, line: number, column: number): boolean {
  const leaf = source.tree.rootNode.descendantForPosition({ row: line, column });
  if (!leaf) return false;
  // Only a string's content spans lines; an opening quote's string may end further down.
  if (leaf.endPosition.row > line) return true;
  if (leaf.type !== 'string_start' && leaf.type !== 'string_content' && leaf.type !== 'escape_sequence') return false;
  const string = leaf.parent;
  return string !== null && string.endPosition.row > line;
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
 * code to an existing list) at the end of the line, or of the first line after it that
 * can hold a comment (`commentLine`). Null when no line can.
 */
export function noqaEdit(source: SourceFile, diagnosticLine: number, code: string): TextEdit | null {
  const line = commentLine(source, diagnosticLine);
  const text = source.lineText(line);
  const end = { line, character: text.length };
  const existing = NOQA.exec(text);
  if (existing && source.tree.rootNode.descendantForPosition({ row: line, column: existing.index })?.type === 'comment') {
    if (!existing.groups?.codes) return null;
    const at = { line, character: existing.index + existing[0].length };
    return { range: { start: at, end: at }, newText: `, ${code}` };
  }
  if (!takesComment(source, line)) return null;
  const trimmed = text.replace(/\s+$/, '');
  const start = { line, character: trimmed.length };
  return { range: { start, end }, newText: `${trimmed.length ? '  ' : ''}# noqa: ${code}` };
}
