// The knowledge base: every explanation table merged under one key space, and
// the lookups the hover and `pythonic explain` share. Keys never collide across
// tables (dunders, bare keywords and concepts, dotted qualified names); a test checks it.
import { distance } from 'fastest-levenshtein';
import { underscoreForm } from '../python';
import { BUILTIN_TYPES } from './builtin-types';
import { CONCEPTS, CONCURRENCY_AND_TYPES } from './concurrency';
import { BUILTIN_CONSTANTS, BUILTIN_FUNCTIONS } from './builtins';
import { SPECIAL_METHODS } from './dunders';
import type { Explanation, ExplanationKind } from './entry';
import { IDIOMS } from './idioms';
import { KEYWORDS } from './keywords';
import { SPECIAL_ATTRIBUTES } from './special-attributes';
import { STDLIB } from './stdlib';
import {
  AUGMENTED_ASSIGNMENT_TRIGGERS,
  BINARY_OPERATOR_TRIGGERS,
  COMPARISON_TRIGGERS,
  UNARY_OPERATOR_TRIGGERS,
} from './triggers';
import { UNDERSCORE_FORMS } from './underscores';

export type { Explanation, ExplanationKind } from './entry';

export interface KnowledgeEntry {
  key: string;
  kind: ExplanationKind;
  entry: Explanation;
}

const TABLES: ReadonlyArray<readonly [ExplanationKind, Readonly<Record<string, Explanation>>]> = [
  ['special method', SPECIAL_METHODS],
  ['special attribute', SPECIAL_ATTRIBUTES],
  ['keyword', KEYWORDS],
  ['library', IDIOMS],
  ['library', STDLIB],
  ['builtin type', BUILTIN_TYPES],
  ['library', CONCURRENCY_AND_TYPES],
  ['concept', CONCEPTS],
  ['builtin function', BUILTIN_FUNCTIONS],
  ['builtin constant', BUILTIN_CONSTANTS],
];

export const KNOWLEDGE_BASE: ReadonlyMap<string, KnowledgeEntry> = new Map(
  TABLES.flatMap(([kind, table]) => Object.entries(table).map(([key, entry]) => [key, { key, kind, entry }] as const)),
);

/** Every dunder name the tables know: the data model's methods and attributes. */
export const KNOWN_DUNDERS: ReadonlySet<string> = new Set([...Object.keys(SPECIAL_METHODS), ...Object.keys(SPECIAL_ATTRIBUTES)]);

/** `builtins.property` reads as `property`; everything else as its key. */
export function displayName(key: string): string {
  return key.startsWith('builtins.') ? key.slice('builtins.'.length) : key;
}

const OPERATOR_KEYS: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...BINARY_OPERATOR_TRIGGERS, ...AUGMENTED_ASSIGNMENT_TRIGGERS, ...COMPARISON_TRIGGERS }),
);

/** The explanation of a name written with underscores (`_x`, `x_`, `__x`, `_`), with `{name}` filled in. */
export function underscoreEntry(name: string): KnowledgeEntry | null {
  const form = underscoreForm(name);
  if (!form || form === 'dunder') return null;
  const { title, ...rest } = UNDERSCORE_FORMS[form];
  const fill = (text: string) => text.replaceAll('{name}', name);
  return { key: name, kind: 'naming', entry: { ...rest, title: fill(title), summary: fill(rest.summary), trigger: fill(rest.trigger) } };
}

/**
 * Entries for what a reader typed: an exact key, a builtin (`property`), an
 * operator (`+`), an alias (`else` gives all three `else` entries), the tail of
 * a dotted name (`partial`, `abc.Mapping`), an underscore form (`_private`).
 */
export function lookup(query: string): KnowledgeEntry[] {
  const q = query.trim();
  const exact = KNOWLEDGE_BASE.get(q) ?? KNOWLEDGE_BASE.get(`builtins.${q}`);
  if (exact) return [exact];
  const operator = OPERATOR_KEYS.get(q) ?? UNARY_OPERATOR_TRIGGERS[q];
  if (operator) return [KNOWLEDGE_BASE.get(operator)!];
  const all = [...KNOWLEDGE_BASE.values()];
  const byAlias = all.filter((e) => e.entry.aliases?.includes(q));
  if (byAlias.length) return byAlias;
  const bySuffix = all.filter((e) => e.key.endsWith(`.${q}`));
  if (bySuffix.length) return bySuffix;
  const lower = q.toLowerCase();
  const folded = all.filter((e) => e.key.toLowerCase() === lower || e.key.toLowerCase().endsWith(`.${lower}`));
  if (folded.length) return folded;
  const underscore = underscoreEntry(q);
  return underscore ? [underscore] : [];
}

/** Names a reader may have meant, closest first (at most `limit`), from `extra` and every lookup name. */
export function suggest(query: string, extra: readonly string[] = [], limit = 3): string[] {
  const names = new Set<string>(extra);
  for (const { key, entry } of KNOWLEDGE_BASE.values()) {
    names.add(displayName(key));
    if (key.includes('.')) names.add(key.slice(key.lastIndexOf('.') + 1));
    for (const alias of entry.aliases ?? []) names.add(alias);
  }
  const budget = Math.max(2, Math.floor(query.length / 3));
  return [...names]
    .map((name) => ({ name, cost: distance(query, name) }))
    .filter(({ cost }) => cost <= budget)
    .sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}

/** The known dunder nearest to an unknown one (`__innit__` -> `__init__`), if any is within two edits. */
export function nearestDunder(name: string): string | null {
  let best: string | null = null;
  let bestCost = 3;
  for (const known of KNOWN_DUNDERS) {
    const cost = distance(name, known);
    if (cost < bestCost) [best, bestCost] = [known, cost];
  }
  return best;
}
