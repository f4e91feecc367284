// The engine's entry point. A file is analysed one top-level statement (region)
// at a time: each region is walked once with a TreeCursor, dispatching nodes to
// the visitors of every enabled rule. Results are cached per region, keyed by the
// region's exact text, so after an edit only statements whose text changed are
// re-analysed; the rest are reused, shifted to their new line. Any change to the
// module facts or the settings invalidates the whole cache.
import type { Node, Tree } from '../parser';
import { computeModuleFacts, factsFingerprint } from './module-facts';
import { filterSuppressed } from './noqa';
import type { Report, Rule, RuleContext, Visitor } from './rule';
import { RULES, RULES_BY_CODE } from './rules';
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
  /** Regions in the file, and how many of them were analysed rather than reused. */
  stats: { regions: number; analysed: number };
}

export function analyze(input: AnalyzeInput): AnalysisResult {
  const { tree, text, settings } = input;
  const path = input.path ?? '<memory>';
  const source = new SourceFile(text, tree, path);
  const root = tree.rootNode;
  const module = computeModuleFacts(root);
  const rules = (input.rules ?? RULES).filter((r) => isRuleEnabled(r.meta.code, settings));
  const fingerprint = JSON.stringify([settings, rules.map((r) => r.meta.code), factsFingerprint(module), source.isStub]);
  const previous = input.cache?.fingerprint === fingerprint ? input.cache.regions : undefined;

  let current: Diagnostic[] = [];
  const failed = new Set<string>();
  const context = (rule: Rule): RuleContext => ({
    source,
    module,
    settings,
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
  const safeVisit = ({ rule, visit }: { rule: Rule; visit: Visitor }, node: Node) => {
    try {
      visit(node);
    } catch (error) {
      // One failing rule must not hide the others; report it once per analysis.
      if (!failed.has(rule.meta.code)) {
        failed.add(rule.meta.code);
        input.onRuleError?.({ code: rule.meta.code, path, error });
      }
    }
  };

  const regions = new Map<string, CachedRegion[]>();
  const diagnostics: Diagnostic[] = [];
  let analysed = 0;
  let count = 0;
  for (const region of root.namedChildren) {
    if (!region || region.type === 'comment') continue;
    count++;
    const key = `${region.startPosition.column}\u0000${text.slice(region.startIndex, region.endIndex)}`;
    const startLine = region.startPosition.row;
    const reused = previous?.get(key)?.shift();
    let found: Diagnostic[];
    if (reused) {
      found = reused.startLine === startLine ? reused.diagnostics : reused.diagnostics.map((d) => shiftDiagnostic(d, reused.startLine, startLine - reused.startLine));
    } else {
      analysed++;
      current = [];
      walkRegion(region, dispatch, safeVisit);
      found = current;
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
    stats: { regions: count, analysed },
  };
}

function walkRegion(region: Node, dispatch: Map<string, Array<{ rule: Rule; visit: Visitor }>>, visit: (h: { rule: Rule; visit: Visitor }, node: Node) => void): void {
  if (dispatch.size === 0) return;
  const cursor = region.walk();
  try {
    for (;;) {
      const handlers = dispatch.get(cursor.nodeType);
      if (handlers) {
        const node = cursor.currentNode;
        for (const handler of handlers) visit(handler, node);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
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
    fix: report.fix ?? null,
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
