// Analysing an edit inside one function or method without the whole tree.
//
// Tree-sitter's incremental reparse costs time in proportion to the number of
// statements in the edited block: in a class of 2,000 methods it is ~12 ms, however
// small the edit, while the method alone parses in ~0.1 ms. So when every change since
// the last whole analysis lies inside the body of one method (or top-level function) and
// keeps the number of lines, `analyzeEdit` parses only that method (with its class
// statement's header, through `includedRanges`), analyses it as the unit it is, and
// puts its diagnostics in place of the old ones. The caller brings the whole tree and
// analysis up to date later, once per burst of edits (the language server does it when
// idle, or before a request that needs the tree).
//
// It declines (returns null, and the caller analyses the whole file) whenever the
// result could differ from a whole analysis:
//  - the text of the last whole analysis had a syntax error (its units may not be the
//    statements the code means);
//  - the changes leave the body of the unit, change its signature or its number of
//    lines, or touch a `\r`; they change whose `__init__` an `__init__` calls (module facts
//    read that);
//  - the piece does not parse cleanly into exactly that one method;
//  - the changed lines hold `noqa`, `global`, `nonlocal`, `del`, `globals` or `exec`,
//    or a keyword that makes a scope, an import or a generator appears or goes;
//  - some unit asked a question whose answer reads function bodies (`wordCount`,
//    `privateOwners`, `asyncDefNamed`, `coroutineFunction`) about a word on the changed
//    lines, or `lineTail` about a statement as long as the unit;
//  - the unit reads its class (summary or other methods' bodies), before or now; or a
//    unit of its class asked about the methods' bodies and what this method does to
//    `self` (`methodFacts`) changed;
//  - it reports outside its own lines, or the file has a `# pythonic: noqa` exemption.
// Everything else a unit may read (module-level bindings, imports, signatures of
// top-level functions) no edit inside a function body can change, and positions
// outside the edited lines do not move.
import type { Parser, Tree } from '../parser';
import { compareDiagnostics, OutsideTheUnit, Session, WHOLE_TEXT_QUESTIONS, type AnalysisCache, type AnalysisResult, type AnalyzeInput, type CachedUnit } from './analyze';
import { methodFacts, type ClassSummary, type MethodFacts } from './class-summary';
import { initCalls } from './module-facts';
import { SourceFile } from './source';
import type { Diagnostic } from './types';
import { classStatementOf, type Unit } from './units';

/** One change, as a tree edit gives it: offsets in the text before it, and where the new text ends. */
export interface TextChange {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
}

export interface AnalyzeEditInput extends Omit<AnalyzeInput, 'tree' | 'cache'> {
  parser: Parser;
  /** The tree the whole analysis in `cache` was made from, not edited since. */
  tree: Tree;
  /** The cache of the last analysis (whole, or by `analyzeEdit` since it). */
  cache: AnalysisCache;
  /** Every change since that whole analysis, in order, each against the text the one before left. */
  changes: readonly TextChange[];
}

/** Words whose appearance on a changed line may change what the module facts say. */
const MODULE_WORDS: ReadonlySet<string> = new Set(['global', 'nonlocal', 'del', 'globals', 'exec']);

/** Keywords that make or mark a scope, an import or a generator: one appearing or going changes more than the line. */
const KEYWORDS: ReadonlySet<string> = new Set(['def', 'class', 'lambda', 'async', 'await', 'yield', 'import', 'from', 'global', 'nonlocal', 'del']);

const WORD = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]+/gu;

/** How many edits `analyzeEdit` handled and declined since the process started, and why it last declined (tests read them). */
export const editStats = { analysed: 0, declined: 0, lastDecline: '' };

/** The result of analysing the file after `changes`, re-analysing one unit; null when a whole analysis is needed. */
export function analyzeEdit(input: AnalyzeEditInput): AnalysisResult | null {
  const result = tryEdit(input);
  if (result) editStats.analysed++;
  return result;
}

function decline(reason: string): null {
  editStats.declined++;
  editStats.lastDecline = reason;
  return null;
}

function tryEdit(input: AnalyzeEditInput): AnalysisResult | null {
  const { cache, text } = input;
  const base = cache.base;
  if (base.tree !== input.tree) return decline('not the tree of the last whole analysis');
  if (base.hasError) return decline('the last whole analysis was of a text with a syntax error');
  if (base.fileExempt || base.loneCR || input.changes.length === 0) return decline('a file exemption, a lone \\r, or no change');
  const region = merged(input.changes);
  if (base.text.length + (region.newEnd - region.start) - (region.oldEnd - region.start) !== text.length) return decline('the changes do not add up to the text');
  const before = base.text.slice(region.start, region.oldEnd);
  const after = text.slice(region.start, region.newEnd);
  if (before.includes('\r') || after.includes('\r') || lineBreaks(before) !== lineBreaks(after)) return decline('lines added or removed, or a \\r');

  const at = unitAt(base.units, region.start);
  if (at < 0) return decline('before the first unit');
  const unit = base.units[at];
  const entry = base.entries[at];
  if (unit.kind !== 'method' && unit.kind !== 'function') return decline(`in a ${unit.kind} unit`);
  const { startIndex: start, endIndex: oldEnd } = unit.segments[0];
  const definition = unit.node.type === 'decorated_definition' ? unit.node.childForFieldName('definition') : unit.node;
  const body = definition?.childForFieldName('body');
  if (!definition || !body || region.start < body.startIndex || region.oldEnd > oldEnd) return decline('outside the body of one unit');
  if (entry.skeleton !== null || entry.bodyReads.length > 0) return decline('the unit read its class');
  if (/noqa/i.test(unit.text)) return decline('a `noqa` comment');
  // Units with equal text are told apart by their order: this one must be the only one.
  const sameHead = cache.units.get(unit.head);
  if (unit.ordinal !== 0 || (sameHead?.get(unit.text)?.length ?? 0) > 1) return decline('a unit with the same text');

  // The lines the changes touched, before and after.
  const lineStart = base.text.lastIndexOf('\n', region.start - 1) + 1;
  const oldLines = base.text.slice(lineStart, lineEnd(base.text, region.oldEnd));
  const newLines = text.slice(lineStart, lineEnd(text, region.newEnd));
  if (/noqa/i.test(newLines)) return decline('a `noqa` comment');
  const words = new Set<string>();
  const keywords: string[][] = [[], []];
  [oldLines, newLines].forEach((lines, i) => {
    for (const [word] of lines.matchAll(WORD)) {
      words.add(word);
      if (KEYWORDS.has(word)) keywords[i].push(word);
    }
  });
  if (keywords[0].join(' ') !== keywords[1].join(' ') || [...MODULE_WORDS].some((w) => words.has(w))) return decline('a keyword changed, or a word module facts read');

  const index = base.index;
  const classStatement = classStatementOf(unit);
  // Some unit of the class asked what its methods do to `self`: the answers stay while this method's facts do.
  const bodiesAsked = classStatement !== null && index.classesWithBodyReads.has(classStatement.startIndex);
  if (index.longestLineTail >= unit.text.length) return decline('a `lineTail` question');
  const own = new Map<string, number>();
  for (const [, question, argument] of entry.reads) if (WHOLE_TEXT_QUESTIONS.has(question)) own.set(argument, (own.get(argument) ?? 0) + 1);
  for (const word of words) if ((index.wholeText.get(word) ?? 0) > (own.get(word) ?? 0)) return decline(`a question about \`${word}\``);

  // The unit alone (with its class statement's header), parsed from the new text.
  const end = oldEnd + region.newEnd - region.oldEnd;
  const endRow = unit.segments[0].endRow;
  const point = (offset: number, row: number) => ({ row, column: offset - text.lastIndexOf('\n', offset - 1) - 1 });
  const ranges = [{ startIndex: start, endIndex: end, startPosition: unit.node.startPosition, endPosition: point(end, endRow) }];
  const classBody = unit.kind === 'method' ? unit.above[0] : null;
  if (classStatement && classBody) {
    ranges.unshift({ startIndex: classStatement.startIndex, endIndex: classBody.startIndex, startPosition: classStatement.startPosition, endPosition: classBody.startPosition });
  }
  const tree = input.parser.parse(text, null, { includedRanges: ranges });
  if (!tree) return decline('no tree');
  try {
    const edited = unitIn(tree, unit, start, end);
    if (!edited || (edited.text !== unit.text && sameHead?.has(edited.text))) return decline(edited ? 'a unit with the same text' : 'the piece does not parse as the unit');
    const newDefinition = edited.node.type === 'decorated_definition' ? edited.node.childForFieldName('definition') : edited.node;
    const newBody = newDefinition?.childForFieldName('body');
    if (!newBody || text.slice(start, newBody.startIndex) !== base.text.slice(start, body.startIndex)) return decline('the signature changed');
    if (bodiesAsked && factsKey(cache.methodFacts.get(unit.text) ?? methodFacts(unit.node)) !== factsKey(methodFacts(edited.node))) {
      return decline('what the method does to `self` changed, and a unit of its class asked');
    }
    // The module facts describe a class's `__init__` by whose `__init__` it calls.
    if (unit.kind === 'method' && definition.childForFieldName('name')?.text === '__init__' && initCalls(definition).join(' ') !== initCalls(newDefinition!).join(' ')) {
      return decline('the `__init__` calls of `__init__` changed');
    }

    const source = SourceFile.edited(base.source, text, tree, start, end);
    const session = new Session({ ...input, tree, cache: undefined }, source, base.facts);
    if (session.fingerprint !== cache.fingerprint) return decline('other settings or rules');
    let fresh: CachedUnit;
    try {
      fresh = session.analyseUnit(edited, null, new Map<number, ClassSummary>());
    } catch (error) {
      if (error instanceof OutsideTheUnit) return decline('the unit reads its class');
      throw error;
    }
    for (const [, question, argument] of fresh.reads) {
      if (question === 'lineTail' || question === 'deadReads' || (WHOLE_TEXT_QUESTIONS.has(question) && words.has(argument))) return decline(`a question about \`${argument}\``);
    }
    const { startRow } = unit.segments[0];
    if (fresh.diagnostics.some((d) => d.range.start.line < startRow || d.range.end.line > endRow)) return decline('a report outside the unit');

    // The file's diagnostics with the unit's old ones replaced (no `noqa` comment is on its lines).
    const from = firstOnOrAfter(base.diagnostics, startRow);
    let to = from;
    while (to < base.diagnostics.length && base.diagnostics[to].range.start.line <= endRow) to++;
    if (to - from !== entry.diagnostics.length) return decline('other reports on the unit\'s lines');
    const sorted = [...fresh.diagnostics].sort(compareDiagnostics);
    const diagnostics = [...base.diagnostics.slice(0, from), ...sorted, ...base.diagnostics.slice(to)];
    return {
      diagnostics,
      cache: { ...cache, edited: { head: unit.head, text: edited.text, entry: fresh } },
      stats: { units: base.units.length, analysed: 1 },
    };
  } finally {
    tree.delete();
  }
}

/** What a method does to `self`, as text that is equal when the facts are. */
function factsKey(facts: MethodFacts): string {
  return JSON.stringify([facts.name, facts.kind, [...facts.mutated], [...facts.bound], facts.self]);
}

/** The changes as one: where they start, where they end in the text before the first, and in the text after the last. */
function merged(changes: readonly TextChange[]): { start: number; oldEnd: number; newEnd: number } {
  let { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd } = changes[0];
  for (let i = 1; i < changes.length; i++) {
    const c = changes[i];
    // `newEnd` is where the region ends in the text this change applies to.
    const reach = Math.max(newEnd, c.oldEndIndex);
    if (reach > newEnd) oldEnd += reach - newEnd;
    start = Math.min(start, c.startIndex);
    newEnd = reach + c.newEndIndex - c.oldEndIndex;
  }
  return { start, oldEnd, newEnd };
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
}

/** The index of the unit that starts last at or before `offset` (-1: none). Units are in document order. */
function unitAt(units: readonly Unit[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].segments[0].startIndex <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The index of the first diagnostic starting on `line` or after it. */
function firstOnOrAfter(diagnostics: readonly Diagnostic[], line: number): number {
  let lo = 0;
  let hi = diagnostics.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (diagnostics[mid].range.start.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The unit as it stands in the piece parsed alone: the same kind of statement at the same
 * place, and for a method the only member of its class; null when the piece parsed any
 * other way (an error, or text that left the method).
 */
function unitIn(tree: Tree, unit: Unit, start: number, end: number): Unit | null {
  const root = tree.rootNode;
  if (root.hasError) return null;
  const statements = root.namedChildren.filter((n) => n && n.type !== 'comment');
  if (statements.length !== 1) return null;
  let node = statements[0]!;
  let above = [root];
  if (unit.kind === 'method') {
    const classStatement = node;
    const cls = classStatement.type === 'decorated_definition' ? classStatement.childForFieldName('definition') : classStatement;
    const body = cls?.type === 'class_definition' ? cls.childForFieldName('body') : null;
    const members = body?.namedChildren.filter((n) => n && n.type !== 'comment') ?? [];
    if (!cls || !body || members.length !== 1) return null;
    node = members[0]!;
    above = cls === classStatement ? [body, cls, root] : [body, cls, classStatement, root];
  }
  if (node.type !== unit.node.type || node.startIndex !== start || node.endIndex !== end) return null;
  return {
    ...unit,
    node,
    above,
    classNode: unit.kind === 'method' ? above[1] : null,
    segments: [{ ...unit.segments[0], endIndex: end }],
    text: node.text,
    ordinal: 0,
  };
}
