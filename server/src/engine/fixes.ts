// Edits for fixes: applying them, choosing compatible ones, and the import edit that
// fixes needing a name share. Rules import this; it imports no rule (see fix-all.ts).
import type { Node } from '../parser';
import type { ModuleView } from './module-facts';
import { lineStartsOf, positionToOffset, type SourceFile } from './source';
import type { Diagnostic, Fix, TextEdit } from './types';

/**
 * The edit that makes `name` from `module` available, or null when it already is:
 * merged into the first `from module import ...` when there is one, else a new
 * line after the module docstring and `__future__` imports.
 */
export function importEdit(module: string, name: string, source: SourceFile, facts: ModuleView): TextEdit | null {
  if (facts.importOf(name) === `${module}.${name}`) return null;
  const existing = facts.fromImport(module);
  if (existing?.star) return null;
  if (existing) {
    return { range: { start: existing.appendAt, end: existing.appendAt }, newText: `, ${name}` };
  }
  return headerLine(`from ${module} import ${name}`, source, facts);
}

/** The edit that adds `import module` after the module docstring and `__future__` imports, or null when the module imports it already. */
export function moduleImportEdit(module: string, source: SourceFile, facts: ModuleView): TextEdit | null {
  if (facts.importOf(module) === module) return null;
  return headerLine(`import ${module}`, source, facts);
}

/** A new line with `statement` after the module docstring and `__future__` imports. */
function headerLine(statement: string, source: SourceFile, facts: ModuleView): TextEdit {
  const importLine = facts.importLine();
  const eol = source.eol;
  // A file whose header runs to the end without a newline needs one first.
  const needsBreak = importLine >= source.lineCount;
  // A byte order mark stays first: CPython rejects U+FEFF anywhere else.
  const lineStart = importLine === 0 && source.text.startsWith('\ufeff') ? 1 : 0;
  const position = needsBreak ? { line: source.lineCount - 1, character: source.lineText(source.lineCount - 1).length } : { line: importLine, character: lineStart };
  return { range: { start: position, end: position }, newText: `${needsBreak ? eol : ''}${statement}${eol}` };
}

/** Applies non-overlapping edits (LSP semantics: all ranges refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStartsOf(text);
  const resolved = edits
    .map((e, order) => ({ start: positionToOffset(text, e.range.start, starts), end: positionToOffset(text, e.range.end, starts), text: e.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  for (const e of resolved) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

type Span = [number, number];

function spansOf(fix: Fix, text: string, starts: number[]): Span[] {
  return fix.edits.map((e) => [positionToOffset(text, e.range.start, starts), positionToOffset(text, e.range.end, starts)]);
}

function conflicts(a: Span[], b: Span[]): boolean {
  // Two insertions at one point conflict too: their order would be a guess.
  return a.some(([s1, e1]) => b.some(([s2, e2]) => (s1 < e2 && s2 < e1) || s1 === s2 || e1 === e2));
}

/** The fixes of one pass that can be applied together, in diagnostic order. */
export function compatibleFixes(diagnostics: readonly Diagnostic[], text: string, unsafe: boolean): Fix[] {
  const starts = lineStartsOf(text);
  const chosen: Array<{ fix: Fix; spans: Span[] }> = [];
  for (const d of diagnostics) {
    if (!d.fix || (d.fix.safety === 'unsafe' && !unsafe)) continue;
    const spans = spansOf(d.fix, text, starts);
    if (chosen.some((c) => conflicts(c.spans, spans))) continue;
    chosen.push({ fix: d.fix, spans });
  }
  return chosen.map((c) => c.fix);
}

/**
 * The lines `firstRow..lastRow` (which hold `nodes`) with the leading `from` (the indentation of the statements
 * there) replaced by `to`, for fixes that move a block in or out a level; null when that
 * would change what the code means or cannot be done cleanly: a string literal spans lines
 * there (its continuation lines are part of its value), a line that is not blank or a
 * comment does not start with `from`, or an indentation mixes a space before a tab (whose
 * width depends on the columns before it).
 */
export function reindentLines(input: { source: SourceFile; nodes: readonly Node[]; firstRow: number; lastRow: number; from: string; to: string }): string[] | null {
  const { source, nodes, firstRow, lastRow, from, to } = input;
  const spansLines = (s: Node): boolean => s.startPosition.row !== s.endPosition.row;
  if (nodes.some((n) => (n.type === 'string' && spansLines(n)) || n.descendantsOfType('string').some(spansLines))) return null;
  const lines: string[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const line = source.lineText(row);
    const indent = source.indentOf(row);
    if (indent.includes(' \t')) return null;
    if (/^\s*$/.test(line)) lines.push(line);
    else if (line.startsWith(from)) lines.push(to + line.slice(from.length));
    else if (line.trimStart().startsWith('#')) lines.push(line);
    else return null;
  }
  return lines;
}
