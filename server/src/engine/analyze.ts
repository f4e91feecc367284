// The engine's entry point. A file is analysed one top-level statement (region)
// at a time. Rules declare visitors keyed by node type; one tree-sitter Query
// made of those node types finds, per region, every node any rule wants, and the
// engine hands each to its visitors (measured faster than a TreeCursor walk that
// asks every node for its type: see `npm run bench`). Results are cached per
// region, keyed by the region's exact text, so after an edit only statements
// whose text changed are re-analysed; the rest are reused, shifted to their new
// line. Any change to the module facts or the settings invalidates the cache.
import { Query, type Language, type Node, type Tree } from '../parser';
import { factsFingerprint, moduleFactsFor } from './module-facts';
import { filterSuppressed } from './noqa';
import type { Report, Rule, RuleContext, Visitor } from './rule';
import { regionKey } from './python';
import { RULES, RULES_BY_CODE } from './rules';
import { RegionScopes } from './scope/regions';
import { isRuleEnabled, type Settings } from './settings';
import { comparePositions, SourceFile } from './source';
import type { Diagnostic, Position, Range } from './types';

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
  /** When given, milliseconds spent in each rule's visitors are added to it, keyed by rule code. */
  timing?: Map<string, number>;
}

interface CachedRegion {
  startLine: number;
  diagnostics: Diagnostic[];
}

export interface AnalysisCache {
  fingerprint: string;
  regions: Map<string, CachedRegion[]>;
}

export interface AnalysisResult {
  diagnostics: Diagnostic[];
  cache: AnalysisCache;
  /** Units in the file, and how many of them were analysed rather than reused from the cache. */
  stats: { units: number; analysed: number };
}

/** Analyses the whole file at once (the CLI, fix-all, tests). */
export function analyze(input: AnalyzeInput): AnalysisResult {
  const steps = analyzeInSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same analysis, pausing after each unit it analyses: a caller that must stay
 * responsive (the language server) runs it in slices and drops it when the text changes.
 * The tree must not be edited while the generator is suspended.
 */
export function* analyzeInSteps(input: AnalyzeInput): Generator<void, AnalysisResult, void> {
  const { tree, text, settings } = input;
  const path = input.path ?? '<memory>';
  const source = new SourceFile(text, tree, path);
  const root = tree.rootNode;
  const module = moduleFactsFor(tree);
  const rules = (input.rules ?? RULES).filter((r) => isRuleEnabled(r.meta.code, settings));
  const fingerprint = JSON.stringify([settings, rules.map((r) => r.meta.code), factsFingerprint(module), source.isStub]);
  const previous = input.cache?.fingerprint === fingerprint ? input.cache.regions : undefined;

  const scopes = new RegionScopes(root, module.scope.futureAnnotations);
  let current: Diagnostic[] = [];
  const failed = new Set<string>();
  const context = (rule: Rule): RuleContext => ({
    source,
    module,
    settings,
    scopes,
    report: (report: Report) => current.push(toDiagnostic(rule, report, settings, source)),
  });
  const dispatch = new Map<string, Array<{ rule: Rule; visit: Visitor }>>();
  for (const rule of rules) {
    let visitors: ReturnType<Rule['create']>;
    try {
      visitors = rule.create(context(rule));
    } catch (error) {
      input.onRuleError?.({ code: rule.meta.code, path, error });
      continue;
    }
    for (const [type, visit] of Object.entries(visitors)) {
      if (!visit) continue;
      const list = dispatch.get(type) ?? [];
      list.push({ rule, visit });
      dispatch.set(type, list);
    }
  }
  const timing = input.timing;
  const safeVisit = ({ rule, visit }: { rule: Rule; visit: Visitor }, node: Node) => {
    const started = timing ? performance.now() : 0;
    try {
      visit(node);
      if (timing) timing.set(rule.meta.code, (timing.get(rule.meta.code) ?? 0) + performance.now() - started);
    } catch (error) {
      // One failing rule must not hide the others; report it once per analysis.
      if (!failed.has(rule.meta.code)) {
        failed.add(rule.meta.code);
        input.onRuleError?.({ code: rule.meta.code, path, error });
      }
    }
  };

  const query = dispatchQuery(tree.language, [...dispatch.keys()].sort(), (type) => {
    for (const { rule } of dispatch.get(type) ?? []) {
      input.onRuleError?.({ code: rule.meta.code, path, error: new Error(`visitor for unknown node type '${type}'`) });
    }
  });
  const regions = new Map<string, CachedRegion[]>();
  const taken = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  let analysed = 0;
  let count = 0;
  for (const region of root.namedChildren) {
    if (!region || region.type === 'comment') continue;
    count++;
    const key = regionKey(region.startPosition.column, text.slice(region.startIndex, region.endIndex));
    const startLine = region.startPosition.row;
    // Identical statements (two `pass`es) are matched in order; the previous cache itself is left intact.
    const seen = taken.get(key) ?? 0;
    const reused = previous?.get(key)?.[seen];
    if (reused) taken.set(key, seen + 1);
    let found: Diagnostic[];
    if (reused) {
      found = reused.startLine === startLine ? reused.diagnostics : reused.diagnostics.map((d) => shiftDiagnostic(d, reused.startLine, startLine - reused.startLine));
    } else {
      analysed++;
      current = [];
      visitRegion(region, query, dispatch, safeVisit);
      found = current;
      yield;
    }
    const list = regions.get(key) ?? [];
    list.push({ startLine, diagnostics: found });
    regions.set(key, list);
    diagnostics.push(...found);
  }

  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
  return {
    diagnostics: filterSuppressed(diagnostics, source, RULES_BY_CODE),
    cache: { fingerprint, regions },
    stats: { units: count, analysed },
  };
}

/** Compiled dispatch queries, one per grammar and set of node types; compiling costs more than running. */
const dispatchQueries = new Map<Language, Map<string, Query>>();

function dispatchQuery(language: Language, types: string[], onUnknown: (type: string) => void): Query | null {
  const key = types.join(' ');
  const forLanguage = dispatchQueries.get(language) ?? new Map<string, Query>();
  dispatchQueries.set(language, forLanguage);
  const cached = forLanguage.get(key);
  if (cached) return cached;
  const patterns = types.flatMap((type) => {
    if (language.idForNodeType(type, true) !== null) return [`(${type}) @node`];
    if (language.idForNodeType(type, false) !== null) return [`${JSON.stringify(type)} @node`];
    onUnknown(type);
    return [];
  });
  if (patterns.length === 0) return null;
  const query = new Query(language, patterns.join('\n'));
  forLanguage.set(key, query);
  return query;
}

function visitRegion(region: Node, query: Query | null, dispatch: Map<string, Array<{ rule: Rule; visit: Visitor }>>, visit: (h: { rule: Rule; visit: Visitor }, node: Node) => void): void {
  if (!query) return;
  for (const { node } of query.captures(region)) {
    for (const handler of dispatch.get(node.type) ?? []) visit(handler, node);
  }
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
    // Fixes are computed on tree-sitter rows; with lone-CR line breaks those are not the editor's lines.
    fix: source.hasLoneCarriageReturn ? null : (report.fix ?? null),
  };
}

/** Moves every position at or below `fromLine` by `delta` lines; the module header (imports) stays put. */
function shiftDiagnostic(d: Diagnostic, fromLine: number, delta: number): Diagnostic {
  const pos = (p: Position): Position => (p.line >= fromLine ? { line: p.line + delta, character: p.character } : p);
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  return {
    ...d,
    range: range(d.range),
    fix: d.fix && { ...d.fix, edits: d.fix.edits.map((e) => ({ range: range(e.range), newText: e.newText })) },
  };
}
