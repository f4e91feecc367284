// A document's text under incremental changes, with the semantics of
// vscode-languageserver-textdocument (positions, clamping, `\r\n`, line offsets), but
// without building the whole string on every change. TextDocument.update concatenates
// and then reads a character, which makes V8 copy the whole text: on a 230 KB file that
// is ~2 ms per change (strings over ~128 KB live in the large-object space), seconds for
// a burst of thousands of changes, and ~40 ms per keystroke at 5 MB. Here the text is a
// list of pieces, joined only when the whole string is asked for (at the next parse).
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** Past this many pieces a change joins them, so finding an offset stays cheap. */
const MAX_PIECES = 256;

const LF = 10;
const CR = 13;

export class TextBuffer {
  private pieces: string[];
  private size: number;
  private lineOffsets: number[] | undefined;

  constructor(text: string) {
    this.pieces = text.length > 0 ? [text] : [];
    this.size = text.length;
  }

  get length(): number {
    return this.size;
  }

  getText(): string {
    if (this.pieces.length > 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0] ?? '';
  }

  /** NaN outside the text, like String.prototype.charCodeAt. */
  charCodeAt(offset: number): number {
    if (offset < 0) return NaN;
    for (const piece of this.pieces) {
      if (offset < piece.length) return piece.charCodeAt(offset);
      offset -= piece.length;
    }
    return NaN;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.size), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.size;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.size;
    const offset = Math.min(lineOffset + position.character, nextLineOffset);
    return this.ensureBeforeEOL(offset, lineOffset);
  }

  /** Applies one change, as TextDocument.update does. */
  apply(change: TextDocumentContentChangeEvent): void {
    if (!('range' in change)) {
      this.pieces = change.text.length > 0 ? [change.text] : [];
      this.size = change.text.length;
      this.lineOffsets = undefined;
      return;
    }
    const range = this.clampLines(wellFormed(change.range));
    const startOffset = this.offsetAt(range.start);
    const endOffset = this.offsetAt(range.end);
    this.splice(startOffset, endOffset, change.text);
    const insertedEndOffset = startOffset + change.text.length;
    const crlfAtStart = this.charCodeAt(startOffset - 1) === CR && this.charCodeAt(startOffset) === LF;
    const crlfAtEnd = this.charCodeAt(insertedEndOffset - 1) === CR && this.charCodeAt(insertedEndOffset) === LF;
    if (crlfAtStart || crlfAtEnd) {
      // A CRLF pair across an edit boundary is not in the inserted text's line offsets.
      this.lineOffsets = undefined;
      return;
    }
    const lineOffsets = this.lineOffsets;
    if (!lineOffsets) return;
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = computeLineOffsets(change.text, false, startOffset);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
    } else if (added.length < 10000) {
      lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
    }
    const diff = change.text.length - (endOffset - startOffset);
    if (diff !== 0) {
      const offsets = this.lineOffsets!;
      for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += diff;
    }
  }

  /**
   * Positions past the last line mean the end of the text. TextDocument keeps their line
   * numbers for its line bookkeeping and can leave holes in its line offsets; here they
   * become the last line's end, the same offset, with the lines counted right.
   */
  private clampLines(range: Range): Range {
    const lastLine = this.getLineOffsets().length - 1;
    const clamp = (p: Position) => (p.line > lastLine ? { line: lastLine, character: this.size } : p);
    return range.start.line > lastLine || range.end.line > lastLine ? { start: clamp(range.start), end: clamp(range.end) } : range;
  }

  private splice(start: number, end: number, text: string): void {
    const next: string[] = [];
    let pos = 0;
    let inserted = false;
    for (const piece of this.pieces) {
      const from = pos;
      const to = pos + piece.length;
      pos = to;
      if (to <= start || (inserted && from >= end)) {
        next.push(piece);
        continue;
      }
      if (from < start) next.push(piece.slice(0, start - from));
      if (!inserted) {
        if (text.length > 0) next.push(text);
        inserted = true;
      }
      if (to > end) next.push(from >= end ? piece : piece.slice(end - from));
    }
    if (!inserted && text.length > 0) next.push(text);
    this.pieces = next.length > MAX_PIECES ? [next.join('')] : next;
    this.size += text.length - (end - start);
  }

  private getLineOffsets(): number[] {
    this.lineOffsets ??= computeLineOffsets(this.getText(), true);
    return this.lineOffsets;
  }

  private ensureBeforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

function isEOL(char: number): boolean {
  return char === CR || char === LF;
}

function computeLineOffsets(text: string, isAtLineStart: boolean, textOffset = 0): number[] {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
