// The shape of a rule module: metadata and docs (one source for `pythonic rule`,
// hovers, generated docs and `codeDescription` links), and `create`, which returns
// visitors keyed by tree-sitter node type. The engine finds, in each unit it
// analyses (a method, a function, a class's own body, a top-level statement), the
// nodes any rule wants, and calls every interested visitor; rules never walk the
// tree themselves. See README, "Add a rule".
import type { Node } from '../parser';
import type { ClassSummary } from './class-summary';
import type { ModuleView } from './module-facts';
import type { NoqaDirective } from './noqa';
import { indexOfAsciiWord } from './python';
import { namesBoundWhere, type BindingSites } from './scope/maybe-bound';
import type { ScopeTree } from './scope/model';
import type { Settings } from './settings';
import type { SourceFile } from './source';
import type { Fix, FixSafety, Range, Severity } from './types';

export interface RuleDocs {
  /** One or two sentences: what the rule detects. */
  whatItDoes: string;
  /** Why it bites at run time, in plain words. */
  whyIsThisBad: string;
  /** Python code that triggers the rule. */
  example: string;
  /** The same code written the Pythonic way. */
  useInstead: string;
  /** When the fix may change behaviour. */
  fixSafety: string;
}

export interface RuleMeta {
  code: string;
  /** kebab-case, names the pitfall rather than the cure. */
  name: string;
  /** One-line summary, shown as the hover title. */
  title: string;
  severity: Severity;
  fix: FixSafety | 'none';
  /** Nearest Ruff/Pylint codes; `# noqa: <peer>` suppresses this rule too. */
  peers: readonly string[];
  /**
   * Left out of the default selection: the rule runs only when `select` names its full
   * code (or `ALL`). For rules whose reports on real code are more often a matter of
   * taste than a bug; the docs' "What it does" says why it is opt-in.
   */
  optIn?: true;
  docs: RuleDocs;
}

export interface Report {
  node?: Node;
  range?: Range;
  message: string;
  fix?: Fix | null;
}

export type UnitKind = 'statement' | 'function' | 'class' | 'method';

/** The unit being analysed. Its results are cached under its text and the answers it read. */
export interface UnitInfo {
  kind: UnitKind;
  /** The top-level statement, or the method (with its decorators). */
  node: Node;
  /** For top-level statements: their index among the module's statements (`ModuleView.deadReads`). */
  statementIndex: number | null;
}

export interface RuleContext {
  source: SourceFile;
  /** Questions about the rest of the module; each answer is recorded with the unit's results. */
  module: ModuleView;
  settings: Settings;
  readonly unit: UnitInfo;
  /** The scope tree (CPython symtable semantics) of the unit being analysed, built once when first asked for. */
  scopes: { treeFor(node: Node): ScopeTree };
  /** A node's parent; use it instead of `node.parent`, which walks down from the root on every call. */
  parentOf(node: Node): Node | null;
  /**
   * Where the text of the unit being analysed may bind names (`scope/maybe-bound.ts`), scanned
   * once per unit however many rules ask; null when the look has no answer (then build the
   * scope tree). A cheap first look before a scope tree for rules that care about some names only.
   */
  bindingSites(): BindingSites | null;
  /**
   * The summary of a class: the class around the unit (recorded like a module fact, so a
   * method is re-analysed when its class's skeleton changes) or a class inside the unit.
   */
  classSummary(classStatement: Node): ClassSummary;
  report(report: Report): void;
}

export type Visitor = (node: Node) => void;

/**
 * A hook instead of a node type: called once with every top-level statement (a
 * statement, function or class unit), so a rule about module-level statements
 * need not capture every statement type.
 */
export const TOP_LEVEL_STATEMENT = ':top-level-statement';

/**
 * Visitors for the calls whose callee ends in one of `names`: `callsTo(['open'], visit)`
 * gets `open(...)` and `io.open(...)`, not `opener(...)` nor `f()(...)`. Spread them into
 * the object `create` returns. The dispatch reads each call's callee name once and hands
 * the call only to the rules that asked for that name, instead of every rule that wants
 * calls looking at each of them; a rule still checks the callee it needs. Their keys are
 * `call[callee=<name>]`.
 */
export function callsTo(names: Iterable<string>, visit: Visitor): Record<string, Visitor> {
  const visitors: Record<string, Visitor> = {};
  for (const name of names) visitors[`call[callee=${name}]`] = visit;
  return visitors;
}

/** What a rule about suppression comments sees, once the other rules' diagnostics were filtered. */
export interface SuppressionContext {
  source: SourceFile;
  /** Every `# noqa` comment of the file, with what it hid. */
  directives: readonly NoqaDirective[];
  /** Whether `code` names a rule in the registry. */
  isKnown(code: string): boolean;
  /** Whether the rule `code` ran on this file. */
  isEnabled(code: string): boolean;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Partial<Record<string, Visitor>>;
  /** For rules about `# noqa` comments (PP001): called once per file after suppression; reports need a `range`. */
  checkSuppressions?(context: SuppressionContext): Report[];
}

/**
 * Whether `node` is the function a method or function unit is (the unit's node, or the
 * definition inside it when it is decorated), not one nested in it: no function encloses
 * it, and it sits in no loop.
 */
export function isUnitFunction(unit: UnitInfo, node: Node): boolean {
  if (unit.kind !== 'method' && unit.kind !== 'function') return false;
  return unit.node.id === node.id || unit.node.childForFieldName('definition')?.id === node.id;
}

/**
 * The names the body of `fn` (a `def` in the unit being analysed) may bind, by the unit's
 * binding sites: its parameters only when the body binds them again. Null when the look
 * has no answer.
 */
export function namesBodyMayBind(fn: Node, context: RuleContext): Set<string> | null {
  const body = fn.childForFieldName('body');
  const sites = body && context.bindingSites();
  return sites ? namesBoundWhere(sites, body!.startIndex, fn.endIndex, true) : null;
}

/**
 * Whether `name` may be read after `offset` in the unit being analysed: a cheap first look,
 * before a scope tree, for rules about later reads. True when the name appears there as a
 * word (in code, a string or a comment alike), and whenever that text or the name is not
 * plain ASCII (Python folds identifiers to NFKC, so a read may be spelt differently).
 */
export function mayAppearAfter(context: RuleContext, name: string, offset: number): boolean {
  const { text } = context.source;
  const end = context.unit.node.endIndex;
  if (indexOfAsciiWord(text, name, offset, end) >= 0) return true;
  return /[^\x00-\x7f]/.test(name) || /[^\x00-\x7f]/.test(text.slice(offset, end));
}

/**
 * A cheap first look for rules whose pattern needs some text (`.acquire()`, `open(`): whether
 * the source of the unit being analysed matches `pattern`, asked once per unit. Call it in
 * `create` and use the result in visitors, so that units without the text cost one search
 * instead of a look at every node the visitor receives.
 */
export function unitTextMatcher(context: RuleContext, pattern: RegExp): () => boolean {
  let unit: UnitInfo | null = null;
  let matches = false;
  return () => {
    if (context.unit !== unit) {
      unit = context.unit;
      pattern.lastIndex = 0;
      matches = pattern.test(context.source.text.slice(unit.node.startIndex, unit.node.endIndex));
    }
    return matches;
  };
}
