// A notebook's Python code cells read as one module, the way the kernel runs them:
// the cells' text joined in order, one `\n` between cells, so that cell line k is
// line `firstLine + k` of the module and columns never move. IPython syntax that is
// not Python (magics, shell escapes, help lines) is blanked in that text line by line,
// keeping the line, so the rest of the cell still maps, and nothing is reported on it.
// The CLI (.ipynb files) and the language server (notebook documents) both use it;
// it knows nothing of either, nor of the engine beyond its plain data types.
import type { Diagnostic, Position, Range, TextEdit } from './engine/types';

export interface CellSpan {
  /** The module line holding the cell's first line. */
  firstLine: number;
  lineCount: number;
  /** The length of the cell's last line: where the cell ends. */
  lastLineLength: number;
  /** Cell-relative lines whose IPython syntax was blanked, each with the width of its indentation. */
  blanked: ReadonlyMap<number, number>;
}

export interface NotebookSource {
  /** The module the engine analyses. */
  text: string;
  /** One per cell given, in the same order. */
  cells: CellSpan[];
}

export interface CellPosition {
  cell: number;
  position: Position;
}

const LINE_BREAK = /\r\n|\r|\n/;

export function notebookSource(cells: readonly string[]): NotebookSource {
  const spans: CellSpan[] = [];
  const texts: string[] = [];
  let firstLine = 0;
  for (const cell of cells) {
    const { text, blanked } = blankIPython(cell);
    const lines = cell.split(LINE_BREAK);
    const lineCount = lines.length;
    spans.push({ firstLine, lineCount, lastLineLength: lines[lineCount - 1].length, blanked });
    texts.push(text);
    firstLine += lineCount;
  }
  return { text: texts.join('\n'), cells: spans };
}

/** Where a module position is in the cells; null past the last cell. */
export function toCell(source: NotebookSource, position: Position): CellPosition | null {
  const cell = source.cells.findIndex((c) => position.line >= c.firstLine && position.line < c.firstLine + c.lineCount);
  if (cell < 0) return null;
  return { cell, position: { line: position.line - source.cells[cell].firstLine, character: position.character } };
}

export function toModule(source: NotebookSource, { cell, position }: CellPosition): Position {
  return { line: source.cells[cell].firstLine + position.line, character: position.character };
}

/** A module range inside one cell, as a range of that cell; null when it starts or ends elsewhere. */
export function rangeInCell(source: NotebookSource, cell: number, range: Range): Range | null {
  const start = toCell(source, range.start);
  const end = toCell(source, range.end);
  if (start?.cell !== cell || end?.cell !== cell) return null;
  return { start: start.position, end: end.position };
}

/**
 * A fix's module edits as edits of `cell`; null when one of them reaches outside the cell or
 * into a blanked line past its indentation (the fix was computed against text the cell does
 * not have; inserting a statement before it is fine).
 */
export function editsInCell(source: NotebookSource, cell: number, edits: readonly TextEdit[]): TextEdit[] | null {
  const mapped: TextEdit[] = [];
  const { blanked } = source.cells[cell];
  for (const edit of edits) {
    const range = rangeInCell(source, cell, edit.range);
    if (!range) return null;
    for (let line = range.start.line; line <= range.end.line; line++) {
      const indent = blanked.get(line);
      if (indent !== undefined && (range.end.line > line || range.end.character > indent)) return null;
    }
    mapped.push({ range, newText: edit.newText });
  }
  return mapped;
}

/**
 * The module's diagnostics per cell, with cell ranges. One that starts on a blanked line is
 * dropped; one that runs into the next cell is cut at its own cell's end; a fix is kept only
 * when all its edits stay in the diagnostic's cell (`editsInCell`).
 */
export function diagnosticsByCell(source: NotebookSource, diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const byCell: Diagnostic[][] = source.cells.map(() => []);
  for (const d of diagnostics) {
    const start = toCell(source, d.range.start);
    if (!start || source.cells[start.cell].blanked.has(start.position.line)) continue;
    const span = source.cells[start.cell];
    const end = toCell(source, d.range.end);
    const endPosition = end?.cell === start.cell ? end.position : { line: span.lineCount - 1, character: span.lastLineLength };
    const edits = d.fix && editsInCell(source, start.cell, d.fix.edits);
    byCell[start.cell].push({
      ...d,
      range: { start: start.position, end: endPosition },
      fix: d.fix && edits ? { ...d.fix, edits } : null,
    });
  }
  return byCell;
}

// -- IPython syntax -------------------------------------------------------------------

/** `%%magic` on a cell's first line: the whole cell belongs to the magic (often not Python at all). */
const CELL_MAGIC = /^%%/;
/** `%magic`, `!cmd`, `?name`, `??name` starting a statement. */
const LINE_MAGIC = /^[ \t]*[%!?]/;
/** `name?` or `name??` (help; `*` for wildcard search). */
const HELP_SUFFIX = /^[ \t]*[\w.*]+\?{1,2}[ \t]*$/;
/** `x = !cmd`, `a, b = %magic`: the value comes from IPython. */
const MAGIC_ASSIGNMENT = /^([ \t]*[A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)*[ \t]*=[ \t]*)[%!]/;

/**
 * The cell with IPython syntax replaced by Python of the same line count: a magic or shell
 * statement becomes `pass` at its indentation (so a block around it stays a block), an
 * assignment from one keeps its target (`x = ...`), a cell magic's cell becomes empty lines.
 * A statement is only recognised where one starts: not inside brackets, a string or after `\`.
 */
export function blankIPython(cell: string): { text: string; blanked: Map<number, number> } {
  const parts = cell.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const blanked = new Map<number, number>();
  if (CELL_MAGIC.test(lines[0])) {
    lines.forEach((_, i) => blanked.set(i, 0));
    return { text: parts.map((p, i) => (i % 2 === 0 ? '' : p)).join(''), blanked };
  }
  const scanner = new ContinuationScanner();
  let magicContinues = false;
  lines.forEach((line, i) => {
    const startsStatement = !scanner.continues;
    if (magicContinues || (startsStatement && isIPythonLine(line))) {
      blanked.set(i, magicContinues ? 0 : /^[ \t]*/.exec(line)![0].length);
      lines[i] = magicContinues ? '' : blankLine(line);
      magicContinues = line.endsWith('\\');
      return;
    }
    scanner.scan(line);
  });
  return { text: parts.map((p, i) => (i % 2 === 0 ? lines[i / 2] : p)).join(''), blanked };
}

function isIPythonLine(line: string): boolean {
  return LINE_MAGIC.test(line) || HELP_SUFFIX.test(line) || MAGIC_ASSIGNMENT.test(line);
}

function blankLine(line: string): string {
  const assignment = MAGIC_ASSIGNMENT.exec(line);
  const replacement = assignment ? `${assignment[1]}...` : `${/^[ \t]*/.exec(line)![0]}pass`;
  return replacement.padEnd(line.length, ' ');
}

/** Follows brackets, strings and `\` continuations line by line, to tell where a statement starts. */
class ContinuationScanner {
  private depth = 0;
  /** The quote of a triple-quoted string still open, or null. */
  private openString: string | null = null;
  private backslash = false;

  get continues(): boolean {
    return this.depth > 0 || this.openString !== null || this.backslash;
  }

  scan(line: string): void {
    this.backslash = false;
    let i = 0;
    while (i < line.length) {
      if (this.openString) {
        const close = line.indexOf(this.openString, i);
        const escape = line.indexOf('\\', i);
        if (escape >= 0 && (close < 0 || escape < close)) {
          i = escape + 2;
          continue;
        }
        if (close < 0) return;
        i = close + 3;
        this.openString = null;
        continue;
      }
      const ch = line[i];
      if (ch === '#') return;
      if (ch === '(' || ch === '[' || ch === '{') this.depth++;
      else if (ch === ')' || ch === ']' || ch === '}') this.depth = Math.max(0, this.depth - 1);
      else if (ch === '"' || ch === "'") {
        if (line.startsWith(ch.repeat(3), i)) {
          this.openString = ch.repeat(3);
          i += 3;
          continue;
        }
        i = endOfShortString(line, i);
        continue;
      } else if (ch === '\\' && i === line.length - 1) this.backslash = true;
      i++;
    }
  }
}

/** The index after a one-line string starting with the quote at `start` (the line's end when it is not closed). */
function endOfShortString(line: string, start: number): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === quote) return i + 1;
  }
  return line.length;
}
