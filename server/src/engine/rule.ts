// The shape of a rule module: metadata and docs (one source for `pythonic rule`,
// hovers, generated docs and `codeDescription` links), and `create`, which returns
// visitors keyed by tree-sitter node type. The engine walks each analysed region
// once and calls every interested visitor; rules never walk the tree themselves.
import type { Node } from '../parser';
import type { ModuleFacts } from './module-facts';
import type { RegionScopes } from './scope/regions';
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
  docs: RuleDocs;
}

export interface Report {
  node?: Node;
  range?: Range;
  message: string;
  fix?: Fix | null;
}

export interface RuleContext {
  source: SourceFile;
  module: ModuleFacts;
  settings: Settings;
  /** Scope trees (CPython symtable semantics) of the statement being analysed. */
  scopes: RegionScopes;
  report(report: Report): void;
}

export type Visitor = (node: Node) => void;

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Partial<Record<string, Visitor>>;
}
