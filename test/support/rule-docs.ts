// The rule docs as they should be on disk, generated from rule metadata; the
// docs test compares them with docs/rules/ and `npm run docs` writes them.
import { ruleDocsMarkdown, RULES } from '../../server/src/engine';

export function expectedRuleDocs(): Map<string, string> {
  const files = new Map<string, string>();
  const index = [
    '# Pythonic rules',
    '',
    'Generated from the rule metadata by `npm run docs`; do not edit by hand.',
    '',
    '| code | name | title | default severity | fix |',
    '|---|---|---|---|---|',
  ];
  for (const rule of RULES) {
    const { code, name, title, severity, fix } = rule.meta;
    files.set(`docs/rules/${code}.md`, ruleDocsMarkdown(rule));
    index.push(`| [${code}](${code}.md) | \`${name}\` | ${title} | ${severity} | ${fix} |`);
  }
  files.set('docs/rules/README.md', index.join('\n') + '\n');
  return files;
}
