// Open documents. A change is applied to the text at once (incremental sync, see
// text-buffer.ts) and recorded as a tree edit; the tree itself is only brought up to
// date by `parse`, which the scheduler calls once per burst of changes: the recorded
// edits are replayed on the old tree, in order, and the parser reuses it. The analysis
// state (cache, diagnostics, settings) lives here too.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { refuseSource, type AnalysisCache, type Diagnostic, type Settings, type SourceRefusal } from '../engine';
import { Edit, type Parser, type Point, type Tree } from '../parser';
import { TextBuffer } from './text-buffer';

/** Bigger documents are neither parsed nor analysed: a log line says so and the editor keeps working. */
export const MAX_DOCUMENT_CHARS = 5_000_000;

export class PythonDocument {
  private readonly buffer: TextBuffer;
  private currentVersion: number;
  /** The tree of the text as it was at `treeRevision`; null before the first parse or over the size limit. */
  tree: Tree | null = null;
  /** Bumped by every change notification (LSP versions are the client's; this one is ours). */
  revision = 0;
  private treeRevision = -1;
  /** Tree edits recorded since the last parse, each against the text the previous one left. */
  private edits: Edit[] = [];
  /**
   * Whether the recorded edits can be replayed on the tree: false after a full-text change,
   * and while the text has a lone `\r` (tree-sitter does not count it as a line break, so its
   * points would disagree with the editor's positions the edits are made of).
   */
  private reusable = false;

  cache: AnalysisCache | undefined;
  diagnostics: Diagnostic[] = [];
  /** The revision `diagnostics` were computed for; -1 when they must be computed again. */
  analysedRevision = -1;
  settings: Settings | undefined;
  /** Why the text at the last parse was neither parsed nor analysed (a NUL byte, not text); null when it was parsed. */
  refusal: SourceRefusal | null = null;
  /** Set while the document is over the size limit (so the limit is logged once per crossing). */
  overLimit = false;

  constructor(
    readonly uri: string,
    version: number,
    text: string,
  ) {
    this.buffer = new TextBuffer(text);
    this.currentVersion = version;
  }

  get text(): string {
    return this.buffer.getText();
  }

  get length(): number {
    return this.buffer.length;
  }

  get version(): number {
    return this.currentVersion;
  }

  get tooBig(): boolean {
    return this.buffer.length > MAX_DOCUMENT_CHARS;
  }

  /** The text changed since the last parse (or there never was one). */
  get needsParse(): boolean {
    return this.treeRevision !== this.revision;
  }

  /** Analysed at the current revision (and so parsed at it too, or left without a tree after a failure). */
  get analysed(): boolean {
    return this.analysedRevision === this.revision;
  }

  /** Applies one notification's changes to the text; the tree waits for `parse`. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const text = this.buffer;
    for (const change of changes) {
      if (!('range' in change) || !this.reusable) {
        if (!('range' in change)) this.reusable = false;
        text.apply(change);
        continue;
      }
      // (min and max: a range whose end comes before its start is applied the other way round)
      const [a, b] = [text.offsetAt(change.range.start), text.offsetAt(change.range.end)];
      const startIndex = Math.min(a, b);
      const oldEndIndex = Math.max(a, b);
      const startPosition = toPoint(text.positionAt(startIndex));
      this.edits.push(new Edit({
        startIndex,
        oldEndIndex,
        newEndIndex: startIndex + change.text.length,
        startPosition,
        oldEndPosition: toPoint(text.positionAt(oldEndIndex)),
        newEndPosition: endPointAfter(startPosition, change.text),
      }));
      // One change at a time: each change's range refers to the text after the previous one.
      text.apply(change);
      if (this.leftLoneCarriageReturn(startIndex, change.text)) this.reusable = false;
    }
    if (!this.reusable) this.edits = [];
    this.currentVersion = version;
    this.revision++;
  }

  /**
   * Whether the change just applied at `start` left a lone `\r`: one it inserted, or one
   * before it whose `\n` it removed (the text had none before, or edits would not be recorded).
   */
  private leftLoneCarriageReturn(start: number, inserted: string): boolean {
    const text = this.buffer;
    const lone = (at: number) => text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) !== 10;
    if (lone(start - 1)) return true;
    for (let i = inserted.indexOf('\r'); i >= 0; i = inserted.indexOf('\r', i + 1)) {
      if (lone(start + i)) return true;
    }
    return false;
  }

  /**
   * Brings the tree up to date: replays the recorded edits on the old tree and reparses
   * with it, or parses from scratch when it cannot be reused; leaves no tree for a text the
   * engine refuses (`refusal`). Never call it while an analysis generator over the current
   * tree is suspended. Returns whether the old tree was reused.
   */
  parse(parser: Parser): boolean {
    const text = this.text;
    this.refusal = refuseSource(text);
    if (this.refusal) {
      this.dropTree();
      this.treeRevision = this.revision;
      return false;
    }
    const old = this.reusable ? this.tree : null;
    if (old) for (const edit of this.edits) old.edit(edit);
    const next = parser.parse(text, old);
    this.tree?.delete();
    this.tree = next;
    this.treeRevision = this.revision;
    this.edits = [];
    this.reusable = next !== null && !/\r(?!\n)/.test(text);
    return old !== null;
  }

  /** Forgets the tree and everything computed from it (the document went over the size limit). */
  dropTree(): void {
    this.tree?.delete();
    this.tree = null;
    this.treeRevision = -1;
    this.edits = [];
    this.reusable = false;
    this.cache = undefined;
    this.diagnostics = [];
  }

  dispose(): void {
    this.dropTree();
  }
}

function toPoint(p: { line: number; character: number }): Point {
  return { row: p.line, column: p.character };
}

function endPointAfter(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = 0; i < inserted.length; i++) if (inserted.charCodeAt(i) === 10) rows++;
  return { row: start.row + rows, column: inserted.length - lastBreak - 1 };
}
