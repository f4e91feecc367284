// Open documents. A change is applied to the text at once (incremental sync, see
// text-buffer.ts) and recorded as a tree edit; the tree itself is only brought up to
// date by `parse`, which the scheduler calls once per burst of changes: the recorded
// edits are replayed on the old tree, in order, and the parser reuses it (a long text
// parsed from scratch goes through `parseInSteps` instead). The analysis
// state (cache, diagnostics, settings) lives here too.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { parseInSteps, parsePython, refuseSource, type AnalysisCache, type Diagnostic, type Settings, type SourceRefusal } from '../engine';
import { Edit, type Parser, type Point, type Tree } from '../parser';
import { TextBuffer } from './text-buffer';

/** Bigger documents are neither parsed nor analysed: a log line says so and the editor keeps working. */
export const MAX_DOCUMENT_CHARS = 5_000_000;

/**
 * Open documents keep their trees while the texts of those that have one add up to at most
 * this many characters (a tree takes about 15 bytes per character, in WebAssembly memory
 * that never shrinks); beyond it, the trees of the documents used longest ago are dropped
 * and parsed again when next needed. Their analysis results stay.
 */
export const TREE_BUDGET_CHARS = 600_000;

/**
 * A parse from scratch of a longer text goes in steps (`parseInSteps`), so requests about
 * other documents are answered in between; a shorter one takes a few milliseconds.
 */
export const STEPPED_PARSE_MIN_CHARS = 100_000;

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
  /** Whether the recorded edits can be replayed on the tree: false after a full-text change. */
  private reusable = false;
  /** The tree was freed by `releaseTree` while the analysis of the text stayed current. */
  private released = false;

  cache: AnalysisCache | undefined;
  diagnostics: Diagnostic[] = [];
  /** The revision `diagnostics` were computed for; -1 when they must be computed again. */
  analysedRevision = -1;
  settings: Settings | undefined;
  /** Why the text at the last parse was neither parsed nor analysed (a NUL byte, not text); null when it was parsed. */
  refusal: SourceRefusal | null = null;
  /**
   * The diagnostics came from `analyzeEdit` (the edited unit alone): the tree is behind the
   * text, and a whole analysis is due once the typing pauses (scheduler.ts, catch-up).
   */
  catchUpDue = false;
  /** Set while the document is over the size limit (so the limit is logged once per crossing). */
  overLimit = false;
  /** When a request or an analysis last used the tree (a counter, not a time): the budget drops the oldest first. */
  lastUsed = 0;

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
      // The tree is of `pythonLines(text)`: a `\r` just before the change, or a `\n` just after it,
      // may pair up or split (`\r` + `\n`), which changes how that character reads; the tree edit covers it.
      const startIndex = Math.min(a, b) - (text.charCodeAt(Math.min(a, b) - 1) === 13 ? 1 : 0);
      const oldEndIndex = Math.max(a, b) + (text.charCodeAt(Math.max(a, b)) === 10 ? 1 : 0);
      const startPosition = toPoint(text.positionAt(startIndex));
      const oldEndPosition = toPoint(text.positionAt(oldEndIndex));
      // One change at a time: each change's range refers to the text after the previous one.
      text.apply(change);
      const newEndIndex = oldEndIndex + change.text.length - (Math.max(a, b) - Math.min(a, b));
      this.edits.push(new Edit({ startIndex, oldEndIndex, newEndIndex, startPosition, oldEndPosition, newEndPosition: toPoint(text.positionAt(newEndIndex)) }));
    }
    if (!this.reusable) this.edits = [];
    this.currentVersion = version;
    this.revision++;
  }

  /**
   * Brings the tree up to date: replays the recorded edits on the old tree and reparses
   * with it, or parses from scratch when it cannot be reused; leaves no tree for a text the
   * engine refuses (`refusal`). Never call it while an analysis generator over the current
   * tree is suspended. Returns whether the old tree was reused.
   */
  parse(parser: Parser): boolean {
    const text = this.text;
    if (this.refuse(text)) return false;
    const old = this.reusable ? this.tree : null;
    if (old) for (const edit of this.edits) old.edit(edit);
    this.adopt(parsePython(parser, text, old), this.revision);
    return old !== null;
  }

  /**
   * The changes since the tree was parsed, each against the text the one before left, when
   * the tree can be brought up to date with them (what `analyzeEdit` takes); null when not.
   */
  get editsSinceTree(): readonly Edit[] | null {
    return this.reusable && this.tree ? this.edits : null;
  }

  /** Whether the next parse is from scratch over a text long enough to be worth doing in steps (`parseInSteps`). */
  get longParse(): boolean {
    return !(this.reusable && this.tree) && this.length >= STEPPED_PARSE_MIN_CHARS;
  }

  /**
   * `parse` from scratch in steps (engine `parseInSteps`), yielding between them. The tree
   * is the one `parse` would give. A change to the text while it runs makes its result
   * stale: end it (`return()`, which frees the partial tree) and parse again.
   */
  *parseInSteps(parser: Parser): Generator<void, void, void> {
    const text = this.text;
    const revision = this.revision;
    if (this.refuse(text)) return;
    this.adopt(yield* parseInSteps({ parser, text }), revision);
  }

  /** Whether the engine refuses `text` (`refusal`): then there is no tree, and nothing to parse. */
  private refuse(text: string): boolean {
    this.refusal = refuseSource(text);
    if (!this.refusal) return false;
    this.dropTree();
    this.treeRevision = this.revision;
    return true;
  }

  /** Makes `tree`, parsed from the text at `revision`, the document's tree. */
  private adopt(tree: Tree | null, revision: number): void {
    this.released = false;
    this.tree?.delete();
    this.tree = tree;
    this.treeRevision = revision;
    this.edits = [];
    this.reusable = tree !== null;
  }

  /** Forgets the tree and everything computed from it (the document went over the size limit). */
  dropTree(): void {
    this.releaseTree();
    this.released = false;
    this.cache = undefined;
    this.diagnostics = [];
  }

  /**
   * Frees the tree of a document that is parsed and analysed at its current text, keeping
   * the diagnostics and the analysis cache: `restoreTree` parses it again from the text.
   */
  releaseTree(): void {
    const released = this.tree !== null && this.analysed;
    this.tree?.delete();
    this.tree = null;
    this.treeRevision = -1;
    this.edits = [];
    this.reusable = false;
    this.released = released;
  }

  /**
   * The tree of the current text, parsed again if `releaseTree` freed it (the analysis stays
   * valid: the text is the same) or if the analysis was made without it (`catchUpDue`); null
   * when there is none (not parsed yet, refused, too big).
   */
  treeFor(parser: Parser | undefined): Tree | null {
    // Released, or behind a text that `analyzeEdit` analysed without it.
    if (parser && (this.released || (this.needsParse && this.analysed))) this.parse(parser);
    return this.tree;
  }

  dispose(): void {
    this.dropTree();
  }
}

function toPoint(p: { line: number; character: number }): Point {
  return { row: p.line, column: p.character };
}
