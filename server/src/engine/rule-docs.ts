// Markdown for a rule, rendered from its metadata: `pythonic rule`, the generated
// `docs/rules/*.md` and the hover on a diagnostic all come from here.
import type { Rule } from './rule';
import type { FixSafety } from './types';

const FIX_LABEL = { safe: 'safe fix available', unsafe: 'unsafe fix available', none: 'no automatic fix' } as const;

const FIX_HOVER = {
  safe: 'Quick fix available; it is safe, so *Fix all* applies it too.',
  unsafe: 'Quick fix available; it may change behaviour, so it is applied only when you pick it.',
  none: 'No automatic fix for this one.',
} as const;

function python(code: string): string {
  return ['```python', code, '```'].join('\n');
}

export function ruleDocsMarkdown(rule: Rule): string {
  const { meta } = rule;
  const peers = meta.peers.length ? meta.peers.map((p) => `\`${p}\``).join(', ') : 'none';
  return [
    `# ${meta.code} ${meta.name}`,
    '',
    `**${meta.title}** · default severity: ${meta.severity} · ${FIX_LABEL[meta.fix]} · nearest Ruff/Pylint rules: ${peers}`,
    '',
    ...(meta.optIn ? [`**Opt-in:** not in the default selection. Turn it on by naming it: \`select = ["PP", "${meta.code}"]\` in \`[tool.pythonic]\`, \`"pythonic.select": ["PP", "${meta.code}"]\` in VS Code, or \`--select PP,${meta.code}\`.`, ''] : []),
    '## What it does',
    '',
    meta.docs.whatItDoes,
    '',
    '## Why is this bad?',
    '',
    meta.docs.whyIsThisBad,
    '',
    '## Example',
    '',
    python(meta.docs.example),
    '',
    '## Use instead',
    '',
    python(meta.docs.useInstead),
    '',
    '## Fix safety',
    '',
    meta.docs.fixSafety,
    '',
    '## Suppressing it',
    '',
    `Add \`# noqa: ${meta.code}\` to the line${meta.peers.length ? ` (\`# noqa: ${meta.peers[0]}\` works too)` : ''}, or list \`${meta.code}\` in \`pythonic.ignore\` / \`--ignore\`.`,
    '',
  ].join('\n');
}

/**
 * The shorter form shown when hovering a diagnostic: why, and a bad/good pair. The
 * diagnostic's own message is left out: editors show it right above the hover.
 * `fix` is the safety of the diagnostic's own fix: a rule may offer a safe fix in
 * one place and an unsafe one in another.
 */
export function ruleHoverMarkdown(rule: Rule, fix: FixSafety | null): string {
  const { meta } = rule;
  return [
    `**${meta.code} ${meta.title}** (\`${meta.name}\`)`,
    '',
    meta.docs.whyIsThisBad,
    '',
    'Instead of:',
    python(meta.docs.example),
    'write:',
    python(meta.docs.useInstead),
    fix ? FIX_HOVER[fix] : 'No automatic fix for this one.',
  ].join('\n');
}
