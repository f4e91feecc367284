// `pythonic explain NAME`: the same markdown the hover shows, for a name typed
// in a terminal — a special name, a keyword, a library name (bare or dotted) or
// a rule code or name. Unknown names come back with the closest known ones.
import { displayName, KNOWLEDGE_BASE, lookup, suggest } from './explanations';
import { renderExplanation } from './explanations/render';
import { ruleDocsMarkdown } from './rule-docs';
import { findRule, RULES } from './rules';

export type ExplainResult = { found: true; markdown: string } | { found: false; suggestions: string[] };

const ENTRY_SEPARATOR = '\n\n---\n\n';

export function explain(query: string): ExplainResult {
  const rule = findRule(query);
  if (rule) return { found: true, markdown: ruleDocsMarkdown(rule) };
  const entries = lookup(query);
  if (entries.length) {
    return { found: true, markdown: entries.map((e) => renderExplanation(e, { allOptions: true })).join(ENTRY_SEPARATOR) + '\n' };
  }
  return { found: false, suggestions: suggest(query, RULES.map((r) => r.meta.code)) };
}

/** Every name `explain` knows, as a reader would type it, with what kind of thing it is. */
export function explainableNames(): Array<{ name: string; kind: string }> {
  return [
    ...RULES.map((r) => ({ name: r.meta.code, kind: 'rule' })),
    ...[...KNOWLEDGE_BASE.values()].map(({ key, kind }) => ({ name: displayName(key), kind })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}
