// When documents are parsed and analysed. A change is applied to the text at once
// (PythonDocument.update) and the document queued; the work happens in turns of the
// event loop (setImmediate), one document per turn, round robin. Each turn is two hops of
// setImmediate: a message read while the last turn ran is dispatched in between, so a
// request waits for at most the one slice of work under way:
//  - a burst of changes is parsed once: a document is reparsed only in a turn with no
//    change handled since the previous turn (vscode-jsonrpc dispatches one message per
//    turn of the loop, so a change in the last turn means more may be queued behind it);
//  - a parse from scratch of a long document (PythonDocument.longParse: opening it, a
//    whole-text change) runs as a generator too, one step per turn (engine `parseInSteps`:
//    a growing prefix reparsed incrementally, ~32,000 characters more per step; its tree is
//    that of one uninterrupted parse). Not by halting tree-sitter and resuming it: where
//    the grammar is ambiguous a resumed parse can settle differently, with no error to
//    show it. The steps share the one parser: between two of them nothing is left
//    half-done inside it, so other documents' parses and restored trees may use it;
//  - the analysis runs as a generator (engine `analyzeInSteps`), ~8 ms of work per turn,
//    so requests about other documents are answered in between;
//  - a change abandons the document's parse in steps (freeing its partial tree) and its
//    analysis in progress; new settings abandon the analysis only. The
//    tree is edited only when the next parse starts, never while a generator over it is
//    suspended; the next analysis reuses the cache of the last completed one, so
//    unchanged units are not redone;
//  - only a completed analysis publishes, for the version it analysed;
//  - requests about a document (hover, code actions) wait until it is analysed at its
//    current text, or until they are cancelled;
//  - trees are kept within a budget (documents.ts TREE_BUDGET_CHARS): once a document is
//    analysed, the trees of the documents used longest ago are freed (their diagnostics
//    and caches stay) and parsed again when a request or a change needs them; a document
//    is parsed only when that fits beside the trees of analyses in progress, or when no
//    other analysis is in progress, so opening many big files does not hold all their trees
//    (a parse in steps counts as holding its tree);
//  - a document over the size limit is neither parsed nor analysed until it shrinks;
//  - neither is a text the engine refuses (refuse-source.ts): one with a NUL byte gets
//    one diagnostic saying Python refuses it, one that is mostly not text a log line.
import type { CancellationToken } from './vscode-languageserver';
import { analyzeEdit, analyzeInSteps, DEFAULT_SETTINGS, type AnalysisResult, type Settings } from '../engine';
import type { Parser } from '../parser';
import { throwIfCancelled } from './cancellation';
import type { DiagnosticsPublisher } from './diagnostics';
import { MAX_DOCUMENT_CHARS, TREE_BUDGET_CHARS, type PythonDocument } from './documents';
import type { Tree } from '../parser';
import type { ServerStats } from './stats';

/** Analysis work per turn of the event loop (one unit may take longer: it is not split). */
const SLICE_MS = 8;

/**
 * How long typing must pause before a document whose diagnostics came from `analyzeEdit` is
 * parsed and analysed whole; `PYTHONIC_CATCH_UP_MS` sets another (tests use it to keep the
 * catch-up from coming before a request, without depending on time).
 */
export const CATCH_UP_DELAY_MS = 250;

interface Job {
  steps: Generator<void, AnalysisResult, void>;
  revision: number;
  version: number;
  /** The whole analysis that follows `analyzeEdit`'s (see `analyseEdit`). */
  catchUp: boolean;
}

export interface SchedulerOptions {
  parser: Promise<Parser>;
  settingsFor: (doc: PythonDocument) => Promise<Settings>;
  /** Where diagnostics go (a notebook's module is published per cell, see notebooks.ts). */
  publisher: Pick<DiagnosticsPublisher, 'publish'>;
  stats: ServerStats;
  /** `CATCH_UP_DELAY_MS` unless given. */
  catchUpDelayMs?: number;
  log: (message: string) => void;
  logError: (message: string, error?: unknown) => void;
}

export class Scheduler {
  private parser: Parser | undefined;
  private parserFailed = false;
  private readonly open = new Set<PythonDocument>();
  /** Documents with work to do, in turn order. */
  private readonly queue = new Set<PythonDocument>();
  /** Suspended analyses, at most one per document. */
  private readonly jobs = new Map<PythonDocument, Job>();
  /** Parses from scratch going in steps (PythonDocument.parseInSteps), at most one per document. */
  private readonly parsing = new Map<PythonDocument, Generator<void, void, void>>();
  private readonly fetchingSettings = new Set<PythonDocument>();
  /** Requests waiting for a document to be up to date. */
  private readonly waiters = new Map<PythonDocument, Set<() => void>>();
  private turnScheduled = false;
  /** Timers that start the catch-up of documents analysed by `analyzeEdit`, once typing pauses. */
  private readonly catchUpTimers = new Map<PythonDocument, ReturnType<typeof setTimeout>>();
  /** Orders uses of trees (PythonDocument.lastUsed). */
  private clock = 0;
  private changeCount = 0;
  private changesSeen = 0;

  constructor(private readonly options: SchedulerOptions) {
    options.parser.then(
      (parser) => {
        this.parser = parser;
        this.scheduleTurn();
      },
      () => {
        // Logged by the server; without a parser nothing will ever be analysed, so nobody waits.
        this.parserFailed = true;
        this.queue.clear();
        for (const doc of this.open) this.wake(doc);
      },
    );
  }

  opened(doc: PythonDocument): void {
    this.open.add(doc);
    this.changed(doc);
  }

  /** The document's text changed (or it was just opened). */
  changed(doc: PythonDocument): void {
    this.options.stats.changes++;
    this.changeCount++;
    this.abandon(doc);
    this.abandonParse(doc);
    if (doc.tooBig) {
      this.overLimit(doc);
      return;
    }
    if (doc.overLimit) {
      doc.overLimit = false;
      this.options.log(`${doc.uri} is under the size limit again (${doc.length} characters); analysing it`);
    }
    this.enqueue(doc);
  }

  /** The document's settings changed: analyse it again. */
  reanalyse(doc: PythonDocument): void {
    this.abandon(doc);
    doc.analysedRevision = -1;
    if (!doc.overLimit) this.enqueue(doc);
  }

  closed(doc: PythonDocument): void {
    this.open.delete(doc);
    clearTimeout(this.catchUpTimers.get(doc));
    this.catchUpTimers.delete(doc);
    this.abandon(doc);
    this.abandonParse(doc);
    this.queue.delete(doc);
    this.wake(doc);
  }

  /** Whether requests about the document can be answered now: parsed and analysed at its current text. */
  isCurrent(doc: PythonDocument): boolean {
    return !this.open.has(doc) || doc.overLimit || this.parserFailed || doc.analysed;
  }

  /**
   * Resolves once the document is current (see `isCurrent`); throws RequestCancelled as soon
   * as the request is cancelled, including when it already was.
   */
  async untilCurrent(doc: PythonDocument, token: CancellationToken): Promise<void> {
    const { stats } = this.options;
    throwIfCancelled(token, stats);
    while (!this.isCurrent(doc)) {
      stats.requestsWaiting++;
      try {
        await new Promise<void>((resolve) => {
          const waiters = this.waiters.get(doc) ?? new Set<() => void>();
          this.waiters.set(doc, waiters);
          const wake = () => {
            cancelled.dispose();
            resolve();
          };
          const cancelled = token.onCancellationRequested(() => {
            waiters.delete(wake);
            cancelled.dispose();
            resolve();
          });
          waiters.add(wake);
        });
      } finally {
        stats.requestsWaiting--;
      }
      throwIfCancelled(token, stats);
    }
  }

  /**
   * The document's tree for a request, parsed again if the budget freed it or if it is behind
   * a text `analyzeEdit` analysed; marks it as just used. Call only once the document is
   * current (`untilCurrent`).
   */
  treeFor(doc: PythonDocument): Tree | null {
    doc.lastUsed = ++this.clock;
    const before = doc.tree;
    const behind = before !== null && doc.needsParse;
    const tree = doc.treeFor(this.parser);
    if (behind && !doc.needsParse) this.options.stats.parses++; // behind the text analyzeEdit analysed: parsed for the request
    if (tree && !before) {
      this.options.stats.treesRestored++;
      this.options.stats.peakTreeChars = Math.max(this.options.stats.peakTreeChars, this.treeChars().held);
    }
    this.trimTrees(doc);
    return tree;
  }

  /** Characters of the open documents that hold a tree, and those of them whose analysis is not finished. */
  private treeChars(): { held: number; inFlight: number } {
    let held = 0;
    let inFlight = 0;
    for (const d of this.open) {
      if (!d.tree && !this.parsing.has(d)) continue;
      held += d.length;
      if (!d.analysed) inFlight += d.length;
    }
    return { held, inFlight };
  }

  /** Frees the trees of analysed documents used longest ago, `keep` aside, until the rest (and `room` more characters) fit the budget. */
  private trimTrees(keep: PythonDocument, room = 0): void {
    let held = this.treeChars().held + room;
    if (held <= TREE_BUDGET_CHARS) return;
    const releasable = [...this.open].filter((d) => d !== keep && d.tree && d.analysed && !this.jobs.has(d)).sort((a, b) => a.lastUsed - b.lastUsed);
    for (const d of releasable) {
      if (held <= TREE_BUDGET_CHARS) break;
      held -= d.length;
      d.releaseTree();
      this.options.stats.treesReleased++;
    }
  }

  /** Whether `doc` may be parsed now: it fits beside the trees of unfinished analyses, or nothing else is in progress. */
  private mayParse(doc: PythonDocument): boolean {
    this.trimTrees(doc, doc.tree ? 0 : doc.length);
    const { inFlight } = this.treeChars();
    const own = doc.tree && !doc.analysed ? doc.length : 0;
    return inFlight - own === 0 || inFlight - own + doc.length <= TREE_BUDGET_CHARS;
  }

  private wake(doc: PythonDocument): void {
    const waiters = this.waiters.get(doc);
    if (!waiters) return;
    this.waiters.delete(doc);
    for (const wake of waiters) wake();
  }

  /** Drops the document's analysis in progress. */
  private abandon(doc: PythonDocument): void {
    if (this.jobs.delete(doc)) this.options.stats.analysesAbandoned++;
  }

  /** Drops the document's parse in steps, freeing its partial tree: it was of an older text. */
  private abandonParse(doc: PythonDocument): void {
    const parse = this.parsing.get(doc);
    if (!parse) return;
    this.parsing.delete(doc);
    parse.return();
    this.options.stats.parsesAbandoned++;
  }

  private overLimit(doc: PythonDocument): void {
    this.queue.delete(doc);
    if (!doc.overLimit) {
      doc.overLimit = true;
      this.options.stats.overLimit++;
      this.options.log(`${doc.uri} has ${doc.length} characters; not analysed (limit ${MAX_DOCUMENT_CHARS})`);
      doc.dropTree();
      doc.analysedRevision = -1;
      this.options.publisher.publish(doc.uri, doc.version, []);
    }
    this.wake(doc);
  }

  private enqueue(doc: PythonDocument): void {
    this.queue.add(doc);
    this.scheduleTurn();
  }

  private scheduleTurn(): void {
    if (this.turnScheduled || !this.parser || this.queue.size === 0) return;
    this.turnScheduled = true;
    // Two hops: see the header.
    setImmediate(() => setImmediate(() => this.turn()));
  }

  private turn(): void {
    this.turnScheduled = false;
    const quiet = this.changeCount === this.changesSeen;
    this.changesSeen = this.changeCount;
    const doc = this.queue.values().next().value;
    if (!doc) return;
    this.queue.delete(doc);
    let more = false;
    try {
      more = this.step(doc, quiet);
    } catch (error) {
      // A failure must not leave requests waiting: the document counts as analysed, with nothing found.
      this.jobs.delete(doc);
      this.parsing.delete(doc);
      this.options.logError(`could not parse or analyse ${doc.uri}`, error);
      doc.dropTree();
      doc.analysedRevision = doc.revision;
      this.wake(doc);
    }
    if (more) this.queue.add(doc); // at the back: other documents get their turn
    this.scheduleTurn();
  }

  /** One turn of work on the document; returns whether it needs more. */
  private step(doc: PythonDocument, quiet: boolean): boolean {
    if (!this.open.has(doc) || doc.overLimit) return false;
    const { stats } = this.options;
    let job = this.jobs.get(doc);
    if (!job) {
      if (doc.analysed && !(doc.catchUpDue && !this.catchUpTimers.has(doc))) return false;
      if (!doc.settings) {
        this.fetchSettings(doc);
        return false;
      }
      if (doc.needsParse && !doc.analysed && this.analyseEdit(doc, quiet)) return false;
      if (doc.needsParse) return this.parseStep(doc, quiet);
      if (!doc.tree) {
        // No tree: the parser gave up, or the text is refused (only a NUL byte is worth telling the editor about).
        this.finish(doc, doc.revision, doc.version, [], doc.refusal?.kind === 'null-byte' ? [doc.refusal.diagnostic] : []);
        return false;
      }
      job = {
        steps: analyzeInSteps({
          tree: doc.tree,
          text: doc.text,
          settings: doc.settings,
          path: doc.uri,
          cache: doc.cache,
          onRuleError: ({ code, error }) => this.options.logError(`rule ${code} failed on ${doc.uri}`, error),
        }),
        revision: doc.revision,
        version: doc.version,
        catchUp: doc.analysed,
      };
      this.jobs.set(doc, job);
      stats.analysesStarted++;
    }
    stats.slices++;
    const deadline = performance.now() + SLICE_MS;
    for (;;) {
      const next = job.steps.next();
      if (next.done) {
        this.jobs.delete(doc);
        doc.cache = next.value.cache;
        stats.analysesCompleted++;
        if (job.catchUp) {
          stats.catchUps++;
          doc.catchUpDue = false;
          // The same diagnostics, unless analyzeEdit was wrong: then they are published again.
          if (JSON.stringify(next.value.diagnostics) === JSON.stringify(doc.diagnostics)) {
            // Not published again; the tree it parsed still counts against the budget, as after `finish`.
            this.trimTrees(doc);
            return false;
          }
          stats.catchUpCorrections++;
          this.options.log(`the whole analysis of ${doc.uri} differed from the analysis of its edited unit; published again`);
        }
        this.finish(doc, job.revision, job.version, next.value.diagnostics);
        return false;
      }
      stats.unitsAnalysed++;
      if (performance.now() >= deadline) return true;
    }
  }

  /**
   * At the end of a burst of changes, analyses the edited unit alone when the engine can
   * (`analyzeEdit`: the changes lie in one function or method body and keep its lines),
   * without parsing the whole text; the tree and the whole analysis catch up once typing
   * pauses for `CATCH_UP_DELAY_MS`, or at once when a request needs the tree. Returns
   * whether it did (else the document is parsed and analysed whole, as before).
   */
  private analyseEdit(doc: PythonDocument, quiet: boolean): boolean {
    const changes = doc.editsSinceTree;
    if (!quiet || !changes || changes.length === 0 || !doc.cache || !doc.tree || doc.longParse || this.parsing.has(doc)) return false;
    const result = analyzeEdit({
      parser: this.parser!,
      tree: doc.tree,
      text: doc.text,
      changes,
      cache: doc.cache,
      settings: doc.settings!,
      path: doc.uri,
      onRuleError: ({ code, error }) => this.options.logError(`rule ${code} failed on ${doc.uri}`, error),
    });
    if (!result) return false;
    this.options.stats.editsAnalysedAlone++;
    this.options.stats.unitsAnalysed += result.stats.analysed;
    doc.cache = result.cache;
    this.finish(doc, doc.revision, doc.version, result.diagnostics);
    doc.catchUpDue = true;
    clearTimeout(this.catchUpTimers.get(doc));
    this.catchUpTimers.set(
      doc,
      setTimeout(() => {
        this.catchUpTimers.delete(doc);
        if (this.open.has(doc) && doc.catchUpDue) this.enqueue(doc);
      }, this.options.catchUpDelayMs ?? CATCH_UP_DELAY_MS),
    );
    return true;
  }

  /** One turn of parsing: the whole parse, or one step of a long one (see `PythonDocument.longParse`). */
  private parseStep(doc: PythonDocument, quiet: boolean): true {
    const { stats } = this.options;
    const refusedBefore = doc.refusal?.kind;
    let parse = this.parsing.get(doc);
    if (!parse) {
      // A change was handled since the last turn, so more may be queued behind it: parse the burst at its end.
      if (!quiet) return true;
      // Other documents' analyses hold their trees: let them finish first (they run in the turns between).
      if (!this.mayParse(doc)) return true;
      doc.lastUsed = ++this.clock;
      stats.parses++;
      if (!doc.longParse) {
        if (doc.parse(this.parser!)) stats.incrementalParses++;
        this.parsed(doc, refusedBefore);
        return true;
      }
      parse = doc.parseInSteps(this.parser!);
      this.parsing.set(doc, parse);
    }
    stats.parseSteps++;
    if (parse.next().done) {
      this.parsing.delete(doc);
      this.parsed(doc, refusedBefore);
    }
    return true; // the analysis starts next turn, after any message that arrived meanwhile
  }

  /** Once a parse is complete: the peak of tree characters, and a log line for a text newly refused as not text. */
  private parsed(doc: PythonDocument, refusedBefore: string | undefined): void {
    this.options.stats.peakTreeChars = Math.max(this.options.stats.peakTreeChars, this.treeChars().held);
    const refusal: PythonDocument['refusal'] = doc.refusal;
    if (refusal?.kind === 'not-text' && refusedBefore !== 'not-text') this.options.log(`${doc.uri} is ${refusal.message}; not analysed`);
  }

  /** `published` differs from `diagnostics` only for a refused text: no hover or code action is about its diagnostic. */
  private finish(doc: PythonDocument, revision: number, version: number, diagnostics: PythonDocument['diagnostics'], published = diagnostics): void {
    doc.diagnostics = diagnostics;
    doc.analysedRevision = revision;
    doc.catchUpDue = false;
    this.options.publisher.publish(doc.uri, version, published);
    this.trimTrees(doc);
    this.wake(doc);
  }

  private fetchSettings(doc: PythonDocument): void {
    if (this.fetchingSettings.has(doc)) return;
    this.fetchingSettings.add(doc);
    this.options
      .settingsFor(doc)
      .catch((error: unknown) => {
        this.options.logError(`could not work out the settings for ${doc.uri}`, error);
        doc.settings ??= DEFAULT_SETTINGS;
      })
      .finally(() => {
        this.fetchingSettings.delete(doc);
        // Settings changed while asking: doc.settings is still unset and the next turn asks again.
        if (this.open.has(doc)) this.enqueue(doc);
      });
  }
}
