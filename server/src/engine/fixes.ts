// Edits for fixes: applying them, choosing compatible ones, and the import edit that
// fixes needing a name share. Rules import this; it imports no rule (see fix-all.ts).
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
  return lineAtImportLine(`from ${module} import ${name}`, source, facts);
}

/**
 * The edit that adds `import module` (after the module docstring and `__future__`
 * imports), or null when the module already binds that name to it. The caller makes
 * sure nothing else claims the name.
 */
export function importModuleEdit(module: string, source: SourceFile, facts: ModuleView): TextEdit | null {
  if (facts.importOf(module) === module) return null;
  return lineAtImportLine(`import ${module}`, source, facts);
}

function lineAtImportLine(line: string, source: SourceFile, facts: ModuleView): TextEdit {
  const importLine = facts.importLine();
  const eol = source.eol;
  // A file whose header runs to the end without a newline needs one first.
  const needsBreak = importLine >= source.lineCount;
  const position = needsBreak ? { line: source.lineCount - 1, character: source.lineText(source.lineCount - 1).length } : { line: importLine, character: 0 };
  return { range: { start: position, end: position }, newText: `${needsBreak ? eol : ''}${line}${eol}` };
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
