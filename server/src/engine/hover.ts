// Hover content: finds what is under the cursor and assembles sections from the
// rule metadata and the explanation tables. No prose lives here. Each section
// source returns zero or more sections; the hover joins them in order, so a new
// source (e.g. scope information) is one more line in `hover()`.
import type { Node, Tree } from '../parser';
import { explainNode } from './explain-node';
import { renderExplanation } from './explanations/render';
import { moduleViewFor } from './module-facts';
import { ruleHoverMarkdown } from './rule-docs';
import { RULES_BY_CODE } from './rules';
import { scopeHover } from './scope/hover';
import { nodeRange, rangeContains } from './source';
import type { Diagnostic, Position, Range } from './types';

export interface HoverInput {
  tree: Tree;
  position: Position;
  /** Diagnostics currently shown for the document. */
  diagnostics: readonly Diagnostic[];
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface HoverSection {
  markdown: string;
  range: Range;
}

const SECTION_SEPARATOR = '\n\n---\n\n';

export function hover({ tree, position, diagnostics }: HoverInput): HoverResult | null {
  const node = tree.rootNode.descendantForPosition({ row: position.line, column: position.character });
  const explained = node ? explanationSections(tree, node) : [];
  const sections: HoverSection[] = [
    ...diagnosticSections(diagnostics, position),
    ...explained,
    ...(node ? scopeSections(tree, node, explained.length > 0) : []),
  ];
  if (sections.length === 0) return null;
  return { markdown: sections.map((s) => s.markdown).join(SECTION_SEPARATOR), range: sections[0].range };
}

/** The rule's why, example and fix safety for each diagnostic at the position. */
function diagnosticSections(diagnostics: readonly Diagnostic[], position: Position): HoverSection[] {
  return diagnostics
    .filter((d) => rangeContains(d.range, position))
    .flatMap((d) => {
      const rule = RULES_BY_CODE.get(d.code);
      return rule ? [{ markdown: ruleHoverMarkdown(rule, d.fix?.safety ?? null), range: d.range }] : [];
    });
}

/** Where the name under the cursor lives (local, global, free, builtin...), from the scope analysis. */
function scopeSections(tree: Tree, node: Node, explained: boolean): HoverSection[] {
  const section = scopeHover(tree, node, { explained });
  return section ? [section] : [];
}

/** Knowledge-base entries for the name, keyword, operator or literal under the cursor. */
function explanationSections(tree: Tree, node: Node): HoverSection[] {
  const explained = explainNode(node, () => moduleViewFor(tree));
  if (!explained) return [];
  const range = nodeRange(explained.node);
  return explained.found.map(({ item, render }) => ({ markdown: renderExplanation(item, render), range }));
}


