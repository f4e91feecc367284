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
    'Rules marked *opt-in* are left out of the default selection (`select = ["PP"]`): they',
    'flag matters of style more often than bugs. Name one by its full code to turn it on',
    '(`select = ["PP", "PP206"]`), or select `ALL`.',
    '',
    '| code | name | title | default severity | fix | selection |',
    '|---|---|---|---|---|---|',
  ];
  for (const rule of RULES) {
    const { code, name, title, severity, fix, optIn } = rule.meta;
    files.set(`docs/rules/${code}.md`, ruleDocsMarkdown(rule));
    index.push(`| [${code}](${code}.md) | \`${name}\` | ${title} | ${severity} | ${fix} | ${optIn ? 'opt-in' : 'default'} |`);
  }
  files.set('docs/rules/README.md', index.join('\n') + '\n');
  return files;
}
