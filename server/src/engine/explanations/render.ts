// Markdown for one knowledge-base entry: the hover and `pythonic explain` both
// print this, so the terminal and the editor say the same thing.
import type { Mutability } from './entry';
import { displayName, KNOWLEDGE_BASE, type KnowledgeEntry } from './index';
import { CALL_TRIGGERS } from './triggers';

const LABELS = {
  trigger: 'When Python uses it:',
  partners: 'Goes with:',
  calls: 'Calls:',
  mutable: { true: 'mutable', false: 'immutable' },
  hashable: { always: 'hashable', never: 'unhashable', 'when every item is': 'hashable when every item is' },
  usedHere: 'In this call:',
  options: 'Options:',
  docs: 'Python docs',
} as const;

export interface RenderOptions {
  /** Options the code passes (`frozen=True`): only these are listed, with their values. */
  passed?: ReadonlyArray<{ name: string; value: string }>;
  /** List every option (for `pythonic explain`). */
  allOptions?: boolean;
  /** Lines about this particular use, shown after the summary. */
  notes?: readonly string[];
}

function mutabilityLine({ mutable, hashable }: Mutability): string {
  return `**${LABELS.mutable[`${mutable}`]}** · **${LABELS.hashable[hashable]}**`;
}

export function renderExplanation({ key, kind, entry }: KnowledgeEntry, options: RenderOptions = {}): string {
  const heading = entry.title ?? `\`${displayName(key)}\``;
  const out = [`**${heading}** · ${kind}`, '', entry.summary];
  if (entry.mutability) out.push('', mutabilityLine(entry.mutability));
  for (const note of options.notes ?? []) out.push('', note);
  out.push('', `**${LABELS.trigger}** ${entry.trigger}`);
  // A builtin links the special methods it calls instead of the hover showing them in its place.
  const calls = (CALL_TRIGGERS[key] ?? []).flatMap((name) => KNOWLEDGE_BASE.get(name) ?? []);
  if (calls.length) out.push('', `**${LABELS.calls}**`, ...calls.map((d) => `- \`${d.key}\` — ${d.entry.summary}`));
  const partners = (entry.partners ?? []).filter((p) => KNOWLEDGE_BASE.has(p));
  if (partners.length) out.push('', `**${LABELS.partners}** ${partners.map((p) => `\`${displayName(p)}\``).join(', ')}`);
  const passed = (options.passed ?? []).filter(({ name }) => entry.options?.[name]);
  if (passed.length) {
    out.push('', `**${LABELS.usedHere}**`, ...passed.map(({ name, value }) => `- \`${name}=${value}\` — ${entry.options![name]}`));
  } else if (options.allOptions && entry.options) {
    out.push('', `**${LABELS.options}**`, ...Object.entries(entry.options).map(([name, text]) => `- \`${name}\` — ${text}`));
  }
  out.push('', '```python', entry.example, '```', '', `[${LABELS.docs}](${entry.docs})`);
  return out.join('\n');
}
