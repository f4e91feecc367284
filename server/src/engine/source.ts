// Read-only view of one file's text and tree, handed to every rule.
//
// One line model everywhere: Python, LSP and this engine all end a line at `\n`,
// `\r\n` or a lone `\r`. Tree-sitter's rows count only `\n`, so the engine parses and
// analyses `pythonLines(text)`, where each lone `\r` is a `\n`: the same length and
// offsets, and rows that are the editor's lines. Edits computed on it apply to the
// original text by position (`lineStartsOf` counts the same breaks), so the user's
// own line breaks stay as they are.
import type { Node, Parser, Tree } from '../parser';
import type { Position, Range } from './types';

/** `text` with every lone `\r` turned into `\n`: what Python reads (universal newlines), offset for offset. */
export function pythonLines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/**
 * Parses `text` as the engine sees it (`pythonLines`); `old` is an edited tree of the previous
 * text, to reuse. The parser is reset afterwards, which frees what the parse left in it: a
 * parse of a long file left for the next parse to free makes that one slower, and the next
 * is often `analyzeEdit`'s parse of one method (0.15 ms alone, 0.4 ms after a 20,000-line file).
 */
export function parsePython(parser: Parser, text: string, old?: Tree | null): Tree | null {
  const tree = parser.parse(pythonLines(text), old);
  parser.reset();
  return tree;
}

/**
 * What a whole analysis with a cache knows from the previous text of the same document
 * (`SourceFile.after`): its `mayContain` answers, and the stretch of the new text that
 * differs from it. No reference to the previous text or file is kept.
 */
interface Prior {
  answers: ReadonlyMap<string | RegExp, boolean>;
  start: number;
  end: number;
}

/** How a file made by `SourceFile.edited` differs from the one it was made from. */
interface EditedFrom {
  from: SourceFile;
  /** The stretch of the new text that differs. */
  start: number;
  end: number;
}

export class SourceFile {
  private lineStarts: number[] | undefined;
  /** `text` as given, with any lone `\r` read as `\n` (see `pythonLines`). */
  readonly text: string;
  private readonly seen = new Map<string | RegExp, boolean>();
  private prior: Prior | null = null;

  constructor(
    text: string,
    readonly tree: Tree,
    /** File path or URI; used in logs and to recognise `.pyi` stubs. */
    readonly path: string,
    private readonly editedFrom: EditedFrom | null = null,
  ) {
    this.text = editedFrom ? text : pythonLines(text);
  }

  /**
   * The file after an edit that changed only `[start, end)` of `text` (a text without a lone
   * `\r`) and moved no line break to another line (`analyzeEdit`): it answers `mayContain`
   * and finds lines from what `from` already knows, without reading the whole text again.
   */
  static edited(from: SourceFile, text: string, tree: Tree, start: number, end: number): SourceFile {
    return new SourceFile(text, tree, from.path, { from, start, end });
  }

  /**
   * A file whose text replaced `previous`'s in the same document (a whole analysis with a
   * cache). It answers `mayContain` exactly, like a new file, but a word `previous` lacked
   * is looked for only around the stretch that changed: the rules' early exits would
   * otherwise read a long file once per word at every analysis (~0.1 ms each in
   * `_pydecimal.py`, a fifth of the cost of a new module-level name there).
   */
  static after(previous: SourceFile | undefined, text: string, tree: Tree, path: string): SourceFile {
    const file = new SourceFile(text, tree, path);
    if (previous) file.prior = { answers: previous.seen, ...changedStretch(previous.text, file.text) };
    return file;
  }

  /**
   * Whether the text may contain `what` (a string, or a match of a pattern): a rule's early
   * exit for files that cannot concern it. True whenever the text contains it; for a file
   * made by `edited`, also when the file it was made from did.
   */
  mayContain(what: string | RegExp): boolean {
    let found = this.seen.get(what);
    if (found === undefined) {
      const edit = this.editedFrom;
      const prior = this.prior;
      if (edit) found = edit.from.mayContain(what) || contains(this.text.slice(edit.start, edit.end), what);
      else if (prior && typeof what === 'string' && prior.answers.get(what) === false) {
        // The previous text lacked it, and the text before and after the stretch is the same:
        // an occurrence now must overlap the stretch.
        found = contains(this.text.slice(Math.max(0, prior.start - what.length + 1), prior.end + what.length - 1), what);
      } else found = contains(this.text, what);
      this.seen.set(what, found);
    }
    return found;
  }

  get isStub(): boolean {
    return this.path.endsWith('.pyi');
  }

  textOf(node: Node): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  rangeOf(node: Node): Range {
    return nodeRange(node);
  }

  private starts(): number[] {
    this.lineStarts ??= this.editedFrom ? this.shiftedStarts(this.editedFrom) : lineStartsOf(this.text);
    return this.lineStarts;
  }

  /** The line starts of an edited file: those of the file it was made from, moved by the edit after its line. */
  private shiftedStarts({ from, start }: EditedFrom): number[] {
    const starts = from.starts().slice();
    const delta = this.text.length - from.text.length;
    for (let line = lastAtOrBefore(starts, start) + 1; line < starts.length; line++) starts[line] += delta;
    return starts;
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

const CHUNK = 4096;

/**
 * Where `after` differs from `before`: `after` is `before` with `before`'s stretch between the
 * common head and tail replaced by `after`'s `[start, end)`. Compared a chunk at a time
 * (string equality is a memory compare), then a character at a time: ~0.05 ms for 230 kB.
 */
export function changedStretch(before: string, after: string): { start: number; end: number } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let tail = 0;
  while (tail + CHUNK <= room && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: after.length - tail };
}

function contains(text: string, what: string | RegExp): boolean {
  if (typeof what === 'string') return text.includes(what);
  what.lastIndex = 0;
  return what.test(text);
}

/** A node's range in tree-sitter's rows and UTF-16 columns: LSP positions, for a tree parsed by `parsePython`. */
export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Offsets where lines start: after each `\n`, `\r\n` and lone `\r`, as Python and LSP count lines. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
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

/**
 * Orders rule codes (ASCII capitals and digits: by code unit they sort as by locale).
 * Not `localeCompare`, whose first call loads ICU's collation data: about 8 ms of the
 * language server's start, spent sorting the rule list.
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}
