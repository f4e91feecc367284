import type { NoqaDirective } from '../noqa';
import type { Report, Rule, SuppressionContext } from '../rule';
import type { TextEdit } from '../types';

/** Our own codes: the only ones this rule judges. Another tool's code (`E501`, `F401`) may well hide something of its own. */
const OURS = /^PP\d{3}$/;

export const unusedNoqa: Rule = {
  meta: {
    code: 'PP001',
    name: 'unused-noqa',
    title: '`# noqa` comment that hides nothing',
    severity: 'information',
    fix: 'safe',
    optIn: true,
    peers: ['RUF100'],
    docs: {
      whatItDoes:
        'Flags the Pythonic codes in `# noqa: PP401, E501` that hide nothing: the rule does not report on that ' +
        'line, is not enabled, or does not exist. Codes of other tools (`E501`, `F401`, and the Ruff or Pylint peers ' +
        'of our rules) are never reported, since that tool may need them, and neither is a bare `# noqa`: flake8, ' +
        'Ruff and Pylint read it too, so it may hide their findings even where it hides none of ours (unlike Ruff\'s ' +
        'RUF100, which can see every finding a bare `# noqa` could hide). Opt-in: it only makes sense when every ' +
        'rule you care about runs, so select it by its code or with `ALL`.',
      whyIsThisBad:
        'A suppression outlives the problem it hid. Once the code is fixed, the comment stays and silently hides ' +
        'the next real problem on that line, and readers keep wondering what it was for.',
      example: ['def total(prices):  # noqa: PP301', '    return sum(prices)'].join('\n'),
      useInstead: ['def total(prices):', '    return sum(prices)'].join('\n'),
      fixSafety:
        'Safe. The fix removes the unused codes from the list, or the whole `# noqa` when nothing is left; any ' +
        'other comment on the line stays, and a line that held only the `# noqa` is removed.',
    },
  },

  create: () => ({}),

  checkSuppressions(context) {
    const reports: Report[] = [];
    for (const directive of context.directives) {
      const report = reportFor(directive, context);
      if (report) reports.push(report);
    }
    return reports;
  },
};

function reportFor(directive: NoqaDirective, context: SuppressionContext): Report | null {
  const range = { start: { line: directive.line, character: directive.start }, end: { line: directive.line, character: directive.end } };
  // A bare `# noqa` speaks to every linter: whatever it hides may be another tool's.
  if (directive.codes === null) return null;
  // A comment that names this rule asks it to stay quiet about that very line.
  if (directive.codes.some((c) => c.code === unusedNoqa.meta.code)) return null;
  const unused = directive.codes.filter((c) => !c.used && OURS.test(c.code));
  if (unused.length === 0) return null;
  const described = unused.map(({ code }) => (!context.isKnown(code) ? `${code} (no such rule)` : !context.isEnabled(code) ? `${code} (not enabled)` : code));
  const kept = directive.codes.filter((c) => !unused.includes(c)).map((c) => c.code);
  const message =
    unused.length === 1 ? `\`# noqa\` code ${described[0]} hides nothing on this line` : `\`# noqa\` codes ${described.join(', ')} hide nothing on this line`;
  const title = kept.length ? `Remove ${unused.map((c) => c.code).join(', ')} from the \`# noqa\`` : 'Remove the unused `# noqa`';
  return { range, message, fix: { title, safety: 'safe', edits: [rewrite(directive, kept, context)] } };
}

/** The line with the `# noqa` naming only `kept`, or without it (keeping any other comment); a line left empty goes. */
function rewrite(directive: NoqaDirective, kept: readonly string[], { source }: SuppressionContext): TextEdit {
  const { line } = directive;
  const text = source.lineText(line);
  const before = text.slice(0, directive.start);
  const after = text.slice(directive.end).trim();
  if (kept.length > 0) {
    const at = { start: { line, character: directive.start }, end: { line, character: directive.end } };
    return { range: at, newText: `# noqa: ${kept.join(', ')}` };
  }
  const rest = after === '' ? '' : after.startsWith('#') ? after : `# ${after}`;
  const code = before.trimEnd();
  if (code === '' && rest === '') {
    // The whole line goes, with its line break.
    if (line + 1 < source.lineCount) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
    const previous = line - 1;
    const start = previous >= 0 ? { line: previous, character: source.lineText(previous).length } : { line, character: 0 };
    return { range: { start, end: { line, character: text.length } }, newText: '' };
  }
  const newText = code === '' ? before + rest : rest === '' ? code : `${code}  ${rest}`;
  return { range: { start: { line, character: 0 }, end: { line, character: text.length } }, newText };
}
