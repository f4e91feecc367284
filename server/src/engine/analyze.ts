// The engine's entry point. A file is cut into units (units.ts): each method of a
// top-level class, the class's own body, each top-level function and every other
// top-level statement. Rules declare visitors keyed by node type; one walk of each unit
// (`descendantsOfType`, which the glue rewrite makes read the parser's memory from
// JavaScript) finds every node any rule wants, and the engine hands each to the visitors
// of its type.
//
// Results are cached per unit under its key (its text, and for a method its class
// name) together with every question the unit's rules asked about the rest of the
// module and the answer they got (module-facts.ts `FactsView`), whether they read
// the class summary, and every question they asked about the bodies of the class's
// methods (`selfAttributes`, `attributeUse`: `ClassBodies`). After an edit a unit is
// reused, shifted to its new lines, when its key is unchanged and every recorded
// question still gets the same answer; so typing inside one method re-analyses that
// method, and a new module-level name re-analyses only the units that asked about
// that name.
import type { Language, Node, Point, Tree } from '../parser';
import { answerOf, methodFacts, methodStatements, summarizeClass, type ClassSummary, type MethodFacts } from './class-summary';
import { FactsView, moduleFactsFor, type FactRead, type ModuleFacts } from './module-facts';
import { Suppressions } from './noqa';
import { UnitParents } from './parents';
import { calleeLastName } from './python';
import { TOP_LEVEL_STATEMENT, type Report, type Rule, type RuleContext, type UnitInfo, type Visitor } from './rule';
import { RULES, RULES_BY_CODE } from './rules';
import { buildScopeTree, type ScopeTree } from './scope';
import { bindingSites, type BindingSites } from './scope/maybe-bound';
import { fixSafetyFor, isRuleEnabled, type Settings } from './settings';
import { compareCodes, comparePositions, SourceFile } from './source';
import type { Diagnostic, Position, Range } from './types';
import { classStatementOf, unitsOf, type Segment, type Unit, type UnitMemo } from './units';

export interface RuleError {
  code: string;
  path: string;
  error: unknown;
}

export interface AnalyzeInput {
  tree: Tree;
  text: string;
  settings: Settings;
  /** File path or URI, for logs and `.pyi` detection. */
  path?: string;
  /** The cache returned by the previous analysis of the same document. */
  cache?: AnalysisCache;
  rules?: readonly Rule[];
  onRuleError?: (error: RuleError) => void;
  /**
   * When given, milliseconds spent in each rule's visitors are added to it, keyed by rule
   * code; the work the rules share, which the first rule to ask pays for, is kept apart:
   * building scope trees under `SCOPE_TIMING`, scanning units for binding sites under
   * `BINDING_SITES_TIMING`.
   */
  timing?: Map<string, number>;
  /**
   * The text will not be analysed again (the CLI): the returned cache is left empty, which
   * spares hashing every unit's text and method's text to file results under it.
   */
  once?: boolean;
}

export interface CachedUnit {
  segments: Segment[];
  diagnostics: Diagnostic[];
  /** The questions about the module the unit's rules asked, with their answers. */
  reads: FactRead[];
  /** The class skeleton the unit's rules read through `classSummary`, if they did. */
  skeleton: string | null;
  /** The questions about its class's method bodies the unit's rules asked (see `summarizeClass`), with their answers. */
  bodyReads: BodyRead[];
}

/** A question about the method bodies of a class, and the answer as JSON. */
type BodyRead = readonly [question: string, answer: string];

export interface AnalysisCache {
  fingerprint: string;
  /** Unit head -> unit text -> results, indexed by the unit's ordinal among the units with that head and text. */
  units: Map<string, Map<string, CachedUnit[]>>;
  /** What cutting the file into units learnt about its nodes, for the next cut. */
  memo: UnitMemo;
  /** What each method's body does to `self`, under the method's text, for the next analysis. */
  methodFacts: Map<string, MethodFacts>;
  /** The results `analyzeEdit` made for the unit it re-analysed, looked up before `units` (ordinal 0 only). */
  edited: { head: string; text: string; entry: CachedUnit } | null;
  /** The last analysis of the whole file, which `analyzeEdit` patches. */
  base: EditBase;
}

/**
 * What `analyzeEdit` needs of the last analysis of the whole file: its text and tree (not
 * edited since), module facts, units and their results in document order, and the
 * diagnostics it reported.
 */
export interface EditBase {
  text: string;
  tree: Tree;
  source: SourceFile;
  facts: ModuleFacts;
  units: Unit[];
  entries: CachedUnit[];
  diagnostics: Diagnostic[];
  /** A `# pythonic: noqa` comment exempts the file from some or all rules. */
  fileExempt: boolean;
  /** The tree has a syntax error. */
  hasError: boolean;
  /** The text has a lone `\r` (parsed as `pythonLines(text)`). */
  loneCR: boolean;
  /** Which questions the units asked. */
  index: ReadIndex;
}

/** Module questions whose answers read the bodies of functions and methods too (see `analyzeEdit`). */
export const WHOLE_TEXT_QUESTIONS: ReadonlySet<string> = new Set(['wordCount', 'privateOwners', 'asyncDefNamed', 'coroutineFunction']);

/** Which module questions the units of a whole analysis asked (see `analyzeEdit`). */
export interface ReadIndex {
  /** Arguments of the questions whose answers read the bodies of functions too, with how many units asked. */
  wholeText: Map<string, number>;
  /** The longest statement text a `lineTail` question was asked about (-1: none). */
  longestLineTail: number;
  /** Start offsets of the class statements some unit of which asked about its methods' bodies. */
  classesWithBodyReads: Set<number>;
}

export interface AnalysisResult {
  diagnostics: Diagnostic[];
  cache: AnalysisCache;
  /** Units in the file, and how many of them were analysed rather than reused from the cache. */
  stats: { units: number; analysed: number };
}

type Handler = { rule: Rule; visit: Visitor };

/** The `timing` key for building scope trees. */
export const SCOPE_TIMING = 'scope trees';
/** The `timing` key for scanning units for the places that may bind names. */
export const BINDING_SITES_TIMING = 'binding sites';

/** Analyses the whole file at once (the CLI, fix-all, tests). */
export function analyze(input: AnalyzeInput): AnalysisResult {
  const steps = analyzeInSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * What the bodies of each top-level class's methods do with `self`: the questions of
 * `summarizeClass` (a method's `selfAttributes`, `attributeUse(name)`), the only ones
 * about a class that read other units (a method's class-mates, or the class unit's
 * methods). A unit that asks records the question and the answer
 * (`CachedUnit.bodyReads`); it is reused only while every such answer is still the same,
 * re-asked here against the current methods. So an edit that adds a mutation of
 * `self.items` in any method re-analyses the units that asked about `items`, and other
 * edits do not. Asking costs little: a method's facts depend on its text alone and are
 * kept under that text from one analysis to the next, so after an edit only the edited
 * method is read again, and only for classes some unit asks about.
 */
class ClassBodies {
  /** The method statements of each class asked about, by the `class_definition`'s id. */
  private readonly methods = new Map<number, Node[]>();
  /** Answers as JSON by class id and question: the units of one class often ask the same. */
  private readonly answers = new Map<string, string>();
  /** The facts used in this analysis, for the next one. */
  readonly next = new Map<string, MethodFacts>();

  /** With `once`, facts are kept by method node for this analysis only (`next` stays empty). */
  private readonly byNode = new Map<number, MethodFacts>();

  constructor(
    private readonly previous: Map<string, MethodFacts> | undefined,
    private readonly once = false,
  ) {}

  private readonly facts = (method: Node): MethodFacts => {
    if (this.once) {
      let facts = this.byNode.get(method.id);
      if (!facts) this.byNode.set(method.id, (facts = methodFacts(method)));
      return facts;
    }
    const text = method.text;
    const known = this.next.get(text) ?? this.previous?.get(text) ?? methodFacts(method);
    this.next.set(text, known);
    return known;
  };

  /** The answer as recorded: JSON, computed once per class and question in an analysis. */
  answer(classNode: Node, question: string): string {
    const key = `${classNode.id} ${question}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      let methods = this.methods.get(classNode.id);
      if (!methods) this.methods.set(classNode.id, (methods = methodStatements(classNode)));
      this.answers.set(key, (answer = answerOf(question, methods, this.facts)));
    }
    return answer;
  }

  answersStill(classNode: Node, reads: readonly BodyRead[]): boolean {
    return reads.every(([question, answer]) => this.answer(classNode, question) === answer);
  }
}

/** What the rules' contexts read while one unit is analysed. */
class UnitState {
  /** Milliseconds spent on work the rules share (the scope tree, the binding sites), when timing. */
  sharedMs = 0;
  reads: FactRead[] = [];
  skeleton: string | null = null;
  bodyReads: BodyRead[] = [];
  diagnostics: Diagnostic[] = [];
  private scopeTree: ScopeTree | null = null;
  /** Undefined until asked for; null when the scan has no answer. */
  private sites: BindingSites | null | undefined;
  private unitParents: UnitParents | null = null;
  readonly info: UnitInfo;

  constructor(
    readonly unit: Unit,
    private readonly view: FactsView,
    /** Null: the unit may not read its class (`Session.analyseUnit`). */
    private readonly bodies: ClassBodies | null,
    private readonly timing: Map<string, number> | undefined,
    /** Summaries already made in this analysis, by class node id: every method of a class asks for the same one. */
    private readonly summaries: Map<number, ClassSummary>,
  ) {
    this.info = { kind: unit.kind, node: unit.node, statementIndex: unit.statementIndex };
  }

  /** The unit's parent index, made when something first asks for a parent. */
  get parents(): UnitParents {
    this.unitParents ??= new UnitParents(this.unit.node, this.unit.above);
    return this.unitParents;
  }

  /** The unit's scope tree: a method is analysed inside its class statement with the other members left out. */
  scopes(): ScopeTree {
    this.scopeTree ??= this.shared(SCOPE_TIMING, () => this.buildScopes());
    return this.scopeTree;
  }

  /** Where the unit's text may bind names (`scope/maybe-bound.ts`), scanned once however many rules ask. */
  bindingSites(text: string): BindingSites | null {
    if (this.sites === undefined) this.sites = this.shared(BINDING_SITES_TIMING, () => bindingSites(text, this.unit.node.startIndex, this.unit.node.endIndex));
    return this.sites;
  }

  /** `work`, whose time (when timing) goes under `key` rather than to the rule that asked first. */
  private shared<T>(key: string, work: () => T): T {
    if (!this.timing) return work();
    const started = performance.now();
    const result = work();
    const spent = performance.now() - started;
    this.sharedMs += spent;
    this.timing.set(key, (this.timing.get(key) ?? 0) + spent);
    return result;
  }

  private buildScopes(): ScopeTree {
    const { unit } = this;
    const futureAnnotations = this.view.futureAnnotations();
    const parents = this.parents;
    if (unit.kind === 'method') {
      return buildScopeTree(classStatementOf(unit)!, { futureAnnotations, parents, member: unit.node });
    }
    if (unit.kind === 'class') {
      const bodiless = new Set(unit.methods.map((m) => (m.type === 'decorated_definition' ? m.childForFieldName('definition')?.id : m.id) ?? -1));
      return buildScopeTree(unit.node, { futureAnnotations, parents, bodiless });
    }
    return buildScopeTree(unit.node, { futureAnnotations, parents });
  }

  summary(classStatement: Node): ClassSummary {
    const { unit } = this;
    // The class around the unit, asked for by its `class_definition` or by its statement (with decorators).
    const ownStatement = classStatementOf(unit);
    const own = unit.classNode && (classStatement.id === unit.classNode.id || classStatement.id === ownStatement?.id);
    if (own && !this.bodies) throw new OutsideTheUnit('classSummary');
    if (own && unit.kind === 'method') this.skeleton = unit.skeleton;
    if (own && this.bodies) {
      const bodies = this.bodies;
      const classNode = unit.classNode!;
      const ask = (question: string): string => {
        const answer = bodies.answer(classNode, question);
        if (!this.bodyReads.some(([asked]) => asked === question)) this.bodyReads.push([question, answer]);
        return answer;
      };
      return summarizeClass(ownStatement!, ask);
    }
    // Any other class must lie inside the unit: a summary of a class elsewhere would not be recorded.
    const first = unit.segments[0].startIndex;
    const last = unit.segments[unit.segments.length - 1].endIndex;
    if (classStatement.startIndex < first || classStatement.endIndex > last) {
      throw new Error('classSummary: only the class around the unit or a class inside it');
    }
    return this.summarize(classStatement);
  }

  private summarize(statement: Node): ClassSummary {
    let summary = this.summaries.get(statement.id);
    if (!summary) this.summaries.set(statement.id, (summary = summarizeClass(statement)));
    return summary;
  }
}

/**
 * What one analysis sets up before it visits units: the rules' contexts (bound to the
 * unit being analysed) and the dispatch from node types to visitors. `analyzeInSteps`
 * makes one per analysis of the whole file, `analyzeEdit` one per edit it handles.
 */
/** The rules \`settings\` enable and the fingerprint of a cached analysis under them: worked out once per settings object (every file of a \`check\` run shares one). */
const ENABLED = new WeakMap<Settings, Map<readonly Rule[], { rules: Rule[]; fingerprints: [string, string] }>>();

function enabledRules(all: readonly Rule[], settings: Settings, isStub: boolean): { rules: Rule[]; fingerprint: string } {
  let byList = ENABLED.get(settings);
  if (!byList) ENABLED.set(settings, (byList = new Map()));
  let known = byList.get(all);
  if (!known) {
    const rules = all.filter((r) => isRuleEnabled(r.meta, settings));
    const codes = rules.map((r) => r.meta.code);
    known = { rules, fingerprints: [JSON.stringify([settings, codes, false]), JSON.stringify([settings, codes, true])] };
    byList.set(all, known);
  }
  return { rules: known.rules, fingerprint: known.fingerprints[isStub ? 1 : 0] };
}

/** What a rule sees of the analysis: one per rule and file, reading the unit of the moment from the session. */
class SessionContext implements RuleContext {
  readonly source: SourceFile;
  readonly module: FactsView;
  readonly settings: Settings;
  readonly scopes: RuleContext['scopes'];

  constructor(
    private readonly session: Session,
    private readonly rule: Rule,
  ) {
    this.source = session.source;
    this.module = session.moduleView;
    this.settings = session.settings;
    this.scopes = { treeFor: () => session.state.scopes() };
  }

  get unit(): UnitInfo {
    return this.session.state.info;
  }

  parentOf(node: Node): Node | null {
    return this.session.state.parents.parentOf(node);
  }

  bindingSites(): BindingSites | null {
    return this.session.state.bindingSites(this.source.text);
  }

  classSummary(cls: Node): ClassSummary {
    return this.session.state.summary(cls);
  }

  report(report: Report): void {
    this.session.state.diagnostics.push(toDiagnostic(this.rule, report, this.settings, this.source));
  }
}

export class Session {
  readonly rules: Rule[];
  readonly fingerprint: string;
  /** The module facts as the rules see them: each question is recorded for the unit being analysed, unless the text is analysed once. */
  readonly moduleView: FactsView;
  readonly settings: Settings;
  /** The unit being analysed. */
  state!: UnitState;
  private readonly failed = new Set<string>();
  private readonly topLevelHandlers: Handler[];
  private readonly found: Dispatch | null;
  private readonly handlersBySymbol: Handler[][];
  /** The visitors of the calls to each name (`callsTo`), and which symbols are calls. */
  private readonly byCallee = new Map<string, Handler[]>();
  private readonly callSymbols: boolean[] = [];
  private readonly path: string;

  constructor(
    private readonly input: AnalyzeInput,
    readonly source: SourceFile,
    readonly facts: ModuleFacts,
  ) {
    const settings = (this.settings = input.settings);
    const path = (this.path = input.path ?? '<memory>');
    ({ rules: this.rules, fingerprint: this.fingerprint } = enabledRules(input.rules ?? RULES, settings, source.isStub));
    // A text analysed once (the CLI) keeps no cache, so nothing reads what the units asked.
    this.moduleView = input.once === true ? new FactsView(facts) : new FactsView(facts, (read) => this.state.reads.push(read));
    const dispatch = new Map<string, Handler[]>();
    for (const rule of this.rules) {
      let visitors: ReturnType<Rule['create']>;
      try {
        visitors = rule.create(new SessionContext(this, rule));
      } catch (error) {
        input.onRuleError?.({ code: rule.meta.code, path, error });
        continue;
      }
      for (const key in visitors) {
        const visit = visitors[key];
        if (!visit) continue;
        const callee = key.startsWith('call[') ? CALLEE_KEY.exec(key)?.[1] : undefined;
        const into = callee === undefined ? dispatch : this.byCallee;
        const name = callee ?? key;
        const list = into.get(name) ?? [];
        list.push({ rule, visit });
        into.set(name, list);
      }
    }
    this.topLevelHandlers = dispatch.get(TOP_LEVEL_STATEMENT) ?? [];
    // Calls are found when a rule wants every call or the calls to some name.
    if (this.byCallee.size > 0 && !dispatch.has('call')) dispatch.set('call', []);
    const nodeTypes = [...dispatch.keys()].filter((type) => type !== TOP_LEVEL_STATEMENT).sort();
    this.found = dispatchFor(source.tree.language, nodeTypes, (type) => {
      for (const { rule } of dispatch.get(type) ?? []) {
        input.onRuleError?.({ code: rule.meta.code, path, error: new Error(`visitor for unknown node type '${type}'`) });
      }
    });
    this.handlersBySymbol = [];
    for (const [symbol, type] of this.found?.symbols ?? []) {
      this.handlersBySymbol[symbol] = dispatch.get(type)!;
      if (type === 'call') this.callSymbols[symbol] = true;
    }
  }

  /** Hands a found node to its visitors, and a call also to the visitors of the name its callee ends in. */
  private readonly hand = (node: Node): void => {
    const typeId = node.typeId;
    const wanted = this.handlersBySymbol[typeId];
    if (wanted) for (const handler of wanted) this.safeVisit(handler, node);
    if (this.callSymbols[typeId] === true && this.byCallee.size > 0) {
      const name = calleeLastName(node, this.source.text);
      const named = name === null ? undefined : this.byCallee.get(name);
      if (named) for (const handler of named) this.safeVisit(handler, node);
    }
  };

  /** Hands `node` to one visitor; a rule that throws is reported (once per analysis) and the others go on. */
  private readonly safeVisit = (handler: Handler, node: Node): void => {
    if (this.input.timing) return this.timedVisit(handler, node);
    try {
      handler.visit(node);
    } catch (error) {
      this.visitFailed(handler.rule, error);
    }
  };

  /** `safeVisit` adding the visitor's time, less the shared work it did (scope trees, binding sites), to the rule's (`PYTHONIC_TIMING`). */
  private timedVisit(handler: Handler, node: Node): void {
    const timing = this.input.timing!;
    const started = performance.now();
    const sharedBefore = this.state.sharedMs;
    try {
      handler.visit(node);
    } catch (error) {
      this.visitFailed(handler.rule, error);
    }
    const code = handler.rule.meta.code;
    timing.set(code, (timing.get(code) ?? 0) + performance.now() - started - (this.state.sharedMs - sharedBefore));
  }

  private visitFailed(rule: Rule, error: unknown): void {
    if (error instanceof OutsideTheUnit) throw error;
    // One failing rule must not hide the others; report it once per analysis.
    if (!this.failed.has(rule.meta.code)) {
      this.failed.add(rule.meta.code);
      this.input.onRuleError?.({ code: rule.meta.code, path: this.path, error });
    }
  }

  /** Runs every rule on one unit. `bodies` null: the unit may not read its class (`analyzeEdit`; reading it throws `OutsideTheUnit`). */
  analyseUnit(unit: Unit, bodies: ClassBodies | null, summaries: Map<number, ClassSummary>): CachedUnit {
    const state = (this.state = new UnitState(unit, this.moduleView, bodies, this.input.timing, summaries));
    if (unit.statementIndex !== null) for (const handler of this.topLevelHandlers) this.safeVisit(handler, unit.node);
    if (this.found) visitUnit(unit, this.found.names, this.hand);
    return { segments: unit.segments, diagnostics: state.diagnostics, reads: state.reads, skeleton: state.skeleton, bodyReads: state.bodyReads };
  }
}

/** Thrown when `analyzeEdit`'s unit reads its class (the summary or the other methods' bodies): the edit needs a whole analysis. */
export class OutsideTheUnit extends Error {}

/**
 * The same analysis, pausing after each unit it analyses: a caller that must stay
 * responsive (the language server) runs it in slices and drops it when the text changes.
 * The tree must not be edited while the generator is suspended.
 */
export function* analyzeInSteps(input: AnalyzeInput): Generator<void, AnalysisResult, void> {
  const { tree, text, settings } = input;
  const source = SourceFile.after(input.cache?.base.source, text, tree, input.path ?? '<memory>');
  const root = tree.rootNode;
  const facts = moduleFactsFor(tree);
  const session = new Session(input, source, facts);
  const previous = input.cache?.fingerprint === session.fingerprint ? input.cache : undefined;
  const plainView = new FactsView(facts);
  const summaries = new Map<number, ClassSummary>();

  const once = input.once === true;
  const { units, memo } = unitsOf(root, text, input.cache?.memo, once);
  const bodies = new ClassBodies(input.cache?.methodFacts, once);
  const cache = new Map<string, Map<string, CachedUnit[]>>();
  const entries: CachedUnit[] = [];
  const index: ReadIndex = { wholeText: new Map(), longestLineTail: -1, classesWithBodyReads: new Set() };
  const diagnostics: Diagnostic[] = [];
  let analysed = 0;
  for (const unit of units) {
    const reused = previous && cachedUnit(previous, unit);
    let entry: CachedUnit;
    if (
      reused &&
      (reused.skeleton === null || reused.skeleton === unit.skeleton) &&
      plainView.answersStill(reused.reads) &&
      (reused.bodyReads.length === 0 || bodies.answersStill(unit.classNode!, reused.bodyReads))
    ) {
      const moved = reused.segments.some((s, i) => s.startRow !== unit.segments[i].startRow);
      entry = moved ? { ...reused, segments: unit.segments, diagnostics: shiftDiagnostics(reused.diagnostics, reused.segments, unit.segments) } : reused;
    } else {
      analysed++;
      entry = session.analyseUnit(unit, bodies, summaries);
      yield;
    }
    diagnostics.push(...entry.diagnostics);
    if (once) continue;
    let byText = cache.get(unit.head);
    if (!byText) cache.set(unit.head, (byText = new Map()));
    let list = byText.get(unit.text);
    if (!list) byText.set(unit.text, (list = []));
    list[unit.ordinal] = entry;
    entries.push(entry);
    indexReads(index, unit, entry);
  }

  const suppressions = new Suppressions(source, RULES_BY_CODE);
  const kept = suppress(diagnostics, suppressions, source, session.rules, settings);
  // With `once`, no units: an edit to this text then declines (`unitAt`) and asks for a whole analysis.
  const base: EditBase = { text, tree, source, facts, units: once ? [] : units, entries, diagnostics: kept, fileExempt: suppressions.exemptsAnything, hasError: root.hasError, loneCR: source.text !== text, index };
  return {
    diagnostics: kept,
    cache: { fingerprint: session.fingerprint, units: cache, memo, methodFacts: bodies.next, edited: null, base },
    stats: { units: units.length, analysed },
  };
}

/** Adds what one unit asked to the index `analyzeEdit` consults. */
function indexReads(index: ReadIndex, unit: Unit, entry: CachedUnit): void {
  for (const [, question, argument] of entry.reads) {
    if (WHOLE_TEXT_QUESTIONS.has(question)) index.wholeText.set(argument, (index.wholeText.get(argument) ?? 0) + 1);
    else if (question === 'lineTail') index.longestLineTail = Math.max(index.longestLineTail, argument.length);
  }
  const classStatement = classStatementOf(unit);
  if (entry.bodyReads.length > 0 && classStatement) index.classesWithBodyReads.add(classStatement.startIndex);
}

/** The cached results of a unit with this head, text and ordinal: `analyzeEdit`'s result for its unit, or the last whole analysis's. */
function cachedUnit(cache: AnalysisCache, unit: Unit): CachedUnit | undefined {
  const edited = cache.edited;
  if (edited && unit.ordinal === 0 && edited.head === unit.head && edited.text === unit.text) return edited.entry;
  return cache.units.get(unit.head)?.get(unit.text)?.[unit.ordinal];
}

/**
 * The diagnostics `# noqa` comments leave, sorted, with the reports of the rules about
 * those comments (`checkSuppressions`), which only a file-level exemption hides.
 */
function suppress(diagnostics: Diagnostic[], suppressions: Suppressions, source: SourceFile, rules: readonly Rule[], settings: Settings): Diagnostic[] {
  const kept = suppressions.filter(diagnostics);
  const checkers = rules.filter((r) => r.checkSuppressions);
  if (checkers.length > 0) {
    const enabled = new Set(rules.map((r) => r.meta.code));
    const context = { source, directives: suppressions.directives(), isKnown: (code: string) => RULES_BY_CODE.has(code), isEnabled: (code: string) => enabled.has(code) };
    for (const rule of checkers) {
      if (suppressions.exemptsFile(rule.meta.code)) continue;
      kept.push(...rule.checkSuppressions!(context).map((report) => toDiagnostic(rule, report, settings, source)));
    }
  }
  return kept.sort(compareDiagnostics);
}

/** The order of a file's diagnostics: by start, then by code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return comparePositions(a.range.start, b.range.start) || compareCodes(a.code, b.code);
}

/**
 * What the dispatch looks for: the node types' names, as `descendantsOfType` takes them,
 * and the symbol ids that are those types. `descendantsOfType` matches a name whether the
 * node is named or anonymous (the keyword `type` and the node `type`), so each found
 * node's symbol picks its visitors, and an id not listed here has none.
 */
interface Dispatch {
  names: string[];
  symbols: Map<number, string>;
}

/** A visitor key for the calls to one name (\`callsTo\`): \`call[callee=open]\`. */
const CALLEE_KEY = /^call\[callee=([^\]]+)\]$/;

/** Dispatches, one per grammar and set of node types (the glue keeps `descendantsOfType`'s symbol ids per list of names). */
const dispatches = new Map<Language, Map<string, Dispatch>>();

function dispatchFor(language: Language, types: string[], onUnknown: (type: string) => void): Dispatch | null {
  const key = types.join(' ');
  const forLanguage = dispatches.get(language) ?? new Map<string, Dispatch>();
  dispatches.set(language, forLanguage);
  const cached = forLanguage.get(key);
  if (cached) return cached;
  const names: string[] = [];
  const symbols = new Map<number, string>();
  for (const type of types) {
    // A named node type if the grammar has one by that name, else an anonymous one (a keyword or an operator).
    const named = language.idForNodeType(type, true) !== null;
    if (!named && language.idForNodeType(type, false) === null) {
      onUnknown(type);
      continue;
    }
    names.push(type);
    for (let id = 0; id < language.nodeTypeCount; id++) {
      if (language.nodeTypeForId(id) === type && language.nodeTypeIsNamed(id) === named) symbols.set(id, type);
    }
  }
  if (names.length === 0) return null;
  const dispatch = { names, symbols };
  forLanguage.set(key, dispatch);
  return dispatch;
}

/**
 * Hands every wanted node of the unit to its visitors, in document order (a node before
 * the nodes inside it); a class unit skips the methods, which are units of their own.
 */
function visitUnit(unit: Unit, names: string[], hand: (node: Node) => void): void {
  if (unit.kind !== 'class') {
    for (const node of unit.node.descendantsOfType(names)) hand(node);
    return;
  }
  // The gaps between the methods. Nodes that span several gaps (the class itself, its body) are found once per gap.
  const seen = new Set<number>();
  const gap = (from: Point, to: Point) => {
    if (from.row === to.row && from.column >= to.column) return;
    for (const node of unit.node.descendantsOfType(names, from, to)) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      hand(node);
    }
  };
  let from = unit.node.startPosition;
  for (const method of unit.methods) {
    gap(from, method.startPosition);
    from = method.endPosition;
  }
  gap(from, unit.node.endPosition);
}

function toDiagnostic(rule: Rule, report: Report, settings: Settings, source: SourceFile): Diagnostic {
  const range = report.range ?? (report.node ? source.rangeOf(report.node) : undefined);
  if (!range) throw new Error(`${rule.meta.code} reported without a node or range`);
  return {
    code: rule.meta.code,
    name: rule.meta.name,
    severity: settings.severity[rule.meta.code] ?? rule.meta.severity,
    message: report.message,
    range,
    fix: report.fix ? { ...report.fix, safety: fixSafetyFor(rule.meta.code, report.fix.safety, settings) } : null,
  };
}

/**
 * Moves cached diagnostics with their unit. A line inside one of the unit's old
 * segments moves as that segment moved, and so does the line just after the unit
 * (where a fix appends to a class's last member); a line before the unit (the module
 * header, where fixes add imports) stays put.
 */
function shiftDiagnostics(diagnostics: Diagnostic[], from: readonly Segment[], to: readonly Segment[]): Diagnostic[] {
  const single = from.length === 1;
  const last = from.length - 1;
  const line = (l: number): number => {
    if (single) return l >= from[0].startRow ? l + to[0].startRow - from[0].startRow : l;
    const found = from.findIndex((s) => s.startRow <= l && l <= s.endRow);
    const i = found < 0 && l === from[last].endRow + 1 ? last : found;
    return i < 0 ? l : l + to[i].startRow - from[i].startRow;
  };
  const pos = (p: Position): Position => ({ line: line(p.line), character: p.character });
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  return diagnostics.map((d) => ({
    ...d,
    range: range(d.range),
    fix: d.fix && { ...d.fix, edits: d.fix.edits.map((e) => ({ range: range(e.range), newText: e.newText })) },
  }));
}
