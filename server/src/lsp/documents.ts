// Open documents. A change is applied to the text at once (incremental sync, see
// text-buffer.ts) and recorded as a tree edit; the tree itself is only brought up to
// date by `parseSlice`, which the scheduler calls once per burst of changes: the
// recorded edits are replayed on the old tree, in order, and the parser reuses it. A
// parse runs in slices too: each document has its own parser, which tree-sitter lets
// halt part-way and resume. The analysis state (cache, diagnostics, settings) lives here too.
import { performance } from 'node:perf_hooks';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { AnalysisCache, Diagnostic, Settings } from '../engine';
import { Edit, Parser, type Language, type Point, type Tree } from '../parser';
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
  /** This document's parser, so a parse halted part-way can be resumed whatever else is parsed meanwhile. */
  private parser: Parser | null = null;
  /** A parse halted part-way: the text it parses, the tree it reuses, the revision it is for. */
  private parsing: { text: string; old: Tree | null; revision: number } | null = null;

  cache: AnalysisCache | undefined;
  diagnostics: Diagnostic[] = [];
  /** The revision `diagnostics` were computed for; -1 when they must be computed again. */
  analysedRevision = -1;
  settings: Settings | undefined;
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

  /** Applies one notification's changes to the text; the tree waits for `parseSlice`. */
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

  /** A parse was started and not finished. */
  get parseInProgress(): boolean {
    return this.parsing !== null;
  }

  /**
   * Brings the tree up to date, working until `deadline` (performance.now()) at most: the
   * first slice replays the recorded edits on the old tree (or drops it when it cannot be
   * reused), later slices resume where the previous one halted. Never call it while an
   * analysis generator over the tree is suspended. `done` once the tree is up to date;
   * `reused`: the old tree was reused.
   */
  parseSlice(language: Language, deadline: number): { done: boolean; reused: boolean } {
    if (this.parsing && this.parsing.revision !== this.revision) this.abandonParse();
    if (!this.parsing) {
      const old = this.reusable ? this.tree : null;
      if (old) for (const edit of this.edits) old.edit(edit);
      this.edits = [];
      this.parsing = { text: this.text, old, revision: this.revision };
    }
    if (!this.parser) {
      this.parser = new Parser();
      this.parser.setLanguage(language);
    }
    const { text, old } = this.parsing;
    let halted = false;
    const next = this.parser.parse(text, old, {
      progressCallback: () => (halted = performance.now() >= deadline),
    });
    if (!next && halted) return { done: false, reused: old !== null };
    this.parsing = null;
    if (!next) this.parser.reset();
    if (this.tree !== next) this.tree?.delete();
    this.tree = next;
    this.treeRevision = this.revision;
    this.reusable = next !== null && !/\r(?!\n)/.test(text);
    return { done: true, reused: old !== null };
  }

  /**
   * Drops a parse halted part-way (the text changed). The old tree keeps the edits already
   * replayed on it; the next parse replays only the newer ones. Returns whether there was one.
   */
  abandonParse(): boolean {
    if (!this.parsing) return false;
    this.parser?.reset();
    this.parsing = null;
    return true;
  }

  /** Forgets the tree and everything computed from it (the document went over the size limit). */
  dropTree(): void {
    this.abandonParse();
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
    this.parser?.delete();
    this.parser = null;
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
