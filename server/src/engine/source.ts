// Read-only view of one file's text and tree, handed to every rule.
import type { Node, Tree } from '../parser';
import type { Position, Range } from './types';

export class SourceFile {
  private lineStarts: number[] | undefined;
  private lspStarts: number[] | undefined;
  private loneCr: boolean | undefined;

  constructor(
    readonly text: string,
    readonly tree: Tree,
    /** File path or URI; used in logs and to recognise `.pyi` stubs. */
    readonly path: string,
  ) {}

  get isStub(): boolean {
    return this.path.endsWith('.pyi');
  }

  textOf(node: Node): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  /**
   * True when the text breaks lines with a lone `\r` (old Mac files): LSP and Python count it as a
   * line break, tree-sitter's rows do not, so positions are then computed from offsets instead.
   */
  get hasLoneCarriageReturn(): boolean {
    this.loneCr ??= /\r(?!\n)/.test(this.text);
    return this.loneCr;
  }

  rangeOf(node: Node): Range {
    if (this.hasLoneCarriageReturn) {
      this.lspStarts ??= lineStartsOf(this.text, true);
      return { start: offsetToPosition(this.text, node.startIndex, this.lspStarts), end: offsetToPosition(this.text, node.endIndex, this.lspStarts) };
    }
    return nodeRange(node);
  }

  private starts(): number[] {
    this.lineStarts ??= lineStartsOf(this.text);
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  lineText(line: number): string {
    const starts = this.starts();
    if (line < 0 || line >= starts.length) return '';
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length;
    return this.text.slice(starts[line], end).replace(/\r$/, '');
  }

  /** Leading whitespace of a line, exactly as written (spaces or tabs). */
  indentOf(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))![0];
  }

  offsetAt(position: Position): number {
    return positionToOffset(this.text, position, this.starts());
  }

  /** The line break the file already uses, so inserted lines match. */
  get eol(): string {
    const nl = this.text.indexOf('\n');
    return nl > 0 && this.text[nl - 1] === '\r' ? '\r\n' : '\n';
  }
}

/** A node's range in tree-sitter's own rows and UTF-16 columns (LSP positions unless the text has lone `\r` breaks). */
export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Offsets where lines start: after each `\n`, and with `lspBreaks` also after a lone `\r`, as LSP counts lines. */
export function lineStartsOf(text: string, lspBreaks = false): number[] {
  const starts = [0];
  if (!lspBreaks) {
    // indexOf finds line breaks far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Clamps out-of-range positions to the text, as LSP asks of servers. */
export function positionToOffset(text: string, position: Position, starts = lineStartsOf(text)): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const lineStart = starts[position.line];
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : text.length;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

export function offsetToPosition(text: string, offset: number, starts = lineStartsOf(text)): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const line = lastAtOrBefore(starts, clamped);
  return { line, character: clamped - starts[line] };
}

/** The index of the last of the ascending `starts` at or before `offset` (0 when none is). */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}
