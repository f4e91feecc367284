// `# noqa` suppression comments, with Ruff's conventions: a bare `# noqa` hides
// every diagnostic starting on that line; `# noqa: PP401, B006` hides those codes
// (a rule's Ruff/Pylint peer codes count as its own); `# pythonic: noqa` on a line of
// its own hides every diagnostic in the file, `# pythonic: noqa: PP401` that code's. A line that cannot hold a
// comment (it ends inside a multi-line string, or with a `\` continuation) hands
// its suppressions to the first line after it that can (`commentLine`).
import type { Rule } from './rule';
import type { SourceFile } from './source';
import type { Diagnostic, TextEdit } from './types';

const NOQA = /#\s*noqa(?::\s*(?<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;
/** `# pythonic: noqa` (the whole file) or `# pythonic: noqa: PP401, PP402` (those codes), on a line of its own. */
const FILE_NOQA = /^[ \t\f]*#[ \t]*pythonic[ \t]*:[ \t]*noqa(?:[ \t]*:[ \t]*(?<codes>[A-Z]+[0-9]+(?:[ \t,]+[A-Z]+[0-9]+)*))?/i;

/** A `# noqa` comment, and what it hid. */
export interface NoqaDirective {
  line: number;
  /** Columns of the `# noqa...` text in the line. */
  start: number;
  end: number;
  /** Null for a bare `# noqa`. */
  codes: NoqaCode[] | null;
  /** Whether it hid any diagnostic. */
  used: boolean;
}

export interface NoqaCode {
  /** Upper-cased. */
  code: string;
  used: boolean;
}

type FileExemption = Set<string> | 'all' | null;

/**
 * The suppression comments of one file. `filter` hides what they name and records which
 * comments and codes hid something, for `unused-noqa` (PP001).
 */
export class Suppressions {
  private readonly byLine = new Map<number, NoqaDirective | null>();
  private readonly file: FileExemption;

  constructor(
    private readonly source: SourceFile,
    private readonly rules: ReadonlyMap<string, Rule>,
  ) {
    this.file = fileExemption(source);
  }

  /** Whether a `# pythonic: noqa` comment exempts the file from some rule or all of them. */
  get exemptsAnything(): boolean {
    return this.file !== null;
  }

  /** Whether `# pythonic: noqa` exempts the whole file, or `# pythonic: noqa: CODES` names `code` (or a peer of it). */
  exemptsFile(code: string): boolean {
    return this.file === 'all' || (this.file !== null && this.names(this.file, code).length > 0);
  }

  /** The diagnostics no suppression comment hides. */
  filter(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter((d) => {
      if (this.exemptsFile(d.code)) return false;
      const line = d.range.start.line;
      if (this.hides(d.code, line)) return false;
      const comment = commentLine(this.source, line);
      return comment === line || !this.hides(d.code, comment);
    });
  }

  /** Every `# noqa` comment of the file, in line order. */
  directives(): NoqaDirective[] {
    const found: NoqaDirective[] = [];
    for (let line = 0; line < this.source.lineCount; line++) {
      if (!/#\s*noqa/i.test(this.source.lineText(line))) continue;
      const directive = this.directiveOn(line);
      if (directive) found.push(directive);
    }
    return found;
  }

  private directiveOn(line: number): NoqaDirective | null {
    if (!this.byLine.has(line)) this.byLine.set(line, parseLine(line, this.source));
    return this.byLine.get(line)!;
  }

  /** Whether the comment on `line` hides `code`; marks what hid it as used. */
  private hides(code: string, line: number): boolean {
    const directive = this.directiveOn(line);
    if (!directive) return false;
    if (directive.codes === null) return (directive.used = true);
    const matching = directive.codes.filter((c) => this.names(new Set([c.code]), code).length > 0);
    for (const c of matching) c.used = directive.used = true;
    return matching.length > 0;
  }

  /** The codes of `codes` that mean `code`: itself, or one of its rule's Ruff/Pylint peers. */
  private names(codes: ReadonlySet<string>, code: string): string[] {
    const peers = this.rules.get(code)?.meta.peers ?? [];
    return [code, ...peers.map((p) => p.toUpperCase())].filter((c) => codes.has(c));
  }
}

function fileExemption(source: SourceFile): FileExemption {
  if (!/pythonic\s*:\s*noqa/i.test(source.text)) return null;
  let codes: Set<string> | null = null;
  for (let line = 0; line < source.lineCount; line++) {
    const match = FILE_NOQA.exec(source.lineText(line));
    if (!match) continue;
    const column = match[0].indexOf('#');
    if (source.tree.rootNode.descendantForPosition({ row: line, column })?.type !== 'comment') continue;
    if (!match.groups?.codes) return 'all';
    codes ??= new Set();
    for (const code of splitCodes(match.groups.codes)) codes.add(code);
  }
  return codes;
}

function splitCodes(list: string): string[] {
  return list.split(/[\s,]+/).map((c) => c.toUpperCase());
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

function parseLine(line: number, source: SourceFile): NoqaDirective | null {
  const text = source.lineText(line);
  const match = NOQA.exec(text);
  if (!match) return null;
  // The `#` must start a real comment, not sit inside a string literal.
  const node = source.tree.rootNode.descendantForPosition({ row: line, column: match.index });
  if (node?.type !== 'comment') return null;
  const codes = match.groups?.codes;
  return {
    line,
    start: match.index,
    end: match.index + match[0].length,
    codes: codes ? splitCodes(codes).map((code) => ({ code, used: false })) : null,
    used: false,
  };
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
