// Counters of what the server did, answered to the `pythonic/internalStats` request.
// Tests assert behaviour by these counts (how many parses, analyses, fix-all runs),
// never by wall-clock time.

export const INTERNAL_STATS_REQUEST = 'pythonic/internalStats';

export interface ServerStats {
  /** didOpen and didChange notifications applied. */
  changes: number;
  /** Parses: `incrementalParses` of them reused the previous tree. */
  parses: number;
  incrementalParses: number;
  /** Turns given to parses from scratch done in steps (documents.ts STEPPED_PARSE_MIN_CHARS), and such parses dropped because the text changed. */
  parseSteps: number;
  parsesAbandoned: number;
  /** Analyses started, run to the end, or dropped because the document changed (or its settings did). */
  analysesStarted: number;
  analysesCompleted: number;
  analysesAbandoned: number;
  /** Units (top-level statements) analysed rather than reused from the cache. */
  unitsAnalysed: number;
  /** Changes analysed from the edited unit alone (engine `analyzeEdit`), and the whole analyses that followed once typing paused. */
  editsAnalysedAlone: number;
  catchUps: number;
  /** Catch-ups whose diagnostics differed from those `analyzeEdit` had published (it should never happen). */
  catchUpCorrections: number;
  /** Turns of the event loop given to analysis (each at most one slice of work). */
  slices: number;
  /** publishDiagnostics notifications sent. */
  publishes: number;
  /** Calls to the engine's fixAll (the expensive part of a fix-all code action). */
  fixAllComputations: number;
  /** Requests answered with RequestCancelled. */
  requestsCancelled: number;
  /** Requests currently waiting for their document to be parsed and analysed. */
  requestsWaiting: number;
  /** Times a document went over the size limit. */
  overLimit: number;
  /** Trees freed to stay within the tree budget, and parsed again for a request. */
  treesReleased: number;
  treesRestored: number;
  /** The most characters of open documents that held a tree at once (checked after each parse). */
  peakTreeChars: number;
}

export function newStats(): ServerStats {
  return {
    changes: 0,
    parses: 0,
    incrementalParses: 0,
    parseSteps: 0,
    parsesAbandoned: 0,
    analysesStarted: 0,
    analysesCompleted: 0,
    analysesAbandoned: 0,
    unitsAnalysed: 0,
    editsAnalysedAlone: 0,
    catchUps: 0,
    catchUpCorrections: 0,
    slices: 0,
    publishes: 0,
    fixAllComputations: 0,
    requestsCancelled: 0,
    requestsWaiting: 0,
    overLimit: 0,
    treesReleased: 0,
    treesRestored: 0,
    peakTreeChars: 0,
  };
}
