import type { Node } from '../../parser';
import { reindentLines } from '../fixes';
import { ancestors, type ParentLookup } from '../parents';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

const LOOPS = new Set(['for_statement', 'while_statement']);
/** A `break` cannot reach past these. */
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

export const uselessElseOnLoop: Rule = {
  meta: {
    code: 'PP504',
    name: 'useless-else-on-loop',
    title: '`else` on a loop that never breaks',
    severity: 'information',
    fix: 'safe',
    peers: ['PLW0120'],
    docs: {
      whatItDoes:
        'Flags the `else` of a `for` or `while` loop whose body contains no `break` for that loop. A `break` ' +
        'in a nested loop ends the nested loop only, so it does not count.',
      whyIsThisBad:
        "A loop's `else` block runs when the loop ends without `break`. With no `break` in the body, the loop " +
        'always ends that way (or leaves by `return` or an exception, which skip the code after the loop too), ' +
        'so the `else` block is just the code after the loop, wrapped in a clause that makes readers look for ' +
        'a `break` that is not there. It often betrays a misreading: the `else` does not mean "the loop ran ' +
        'zero times".',
      example: [
        'def find(items, wanted):',
        '    for item in items:',
        '        if item == wanted:',
        '            return item',
        '    else:',
        '        raise LookupError(wanted)',
      ].join('\n'),
      useInstead: [
        'def find(items, wanted):',
        '    for item in items:',
        '        if item == wanted:',
        '            return item',
        '    raise LookupError(wanted)',
      ].join('\n'),
      fixSafety:
        'Safe: the `else:` line goes and its block moves out one level, to run after the loop. Without a ' +
        '`break`, the only ways out of the loop are finishing it, which ran the `else` block and now runs the ' +
        'code after the loop, and `return`, `raise` or a `break`/`continue` of an outer loop, which skip both. A ' +
        'comment on the `else:` line is kept on a line of its own. No fix is offered when the block holds a ' +
        'string literal spanning several lines (moving its lines would change its value) or its lines are ' +
        'indented unevenly.',
    },
  },

  create(context) {
    const visit = (loop: Node): void => {
      const elseClause = loop.childForFieldName('alternative');
      const body = loop.childForFieldName('body');
      if (elseClause?.type !== 'else_clause' || !body || hasOwnBreak(loop, body, context)) return;
      const keyword = elseClause.child(0);
      if (keyword?.type !== 'else') return;
      const kind = loop.type === 'for_statement' ? 'for' : 'while';
      context.report({
        node: keyword,
        message: `This \`${kind}\` loop has no \`break\`, so its \`else\` block always runs when the loop ends: write it after the loop instead`,
        fix: dedentFix(loop, elseClause, keyword, context),
      });
    };
    return { for_statement: visit, while_statement: visit };
  },
};

/** Whether some `break` in the body ends this loop (not a nested one, and not across a function). */
function hasOwnBreak(loop: Node, body: Node, parents: ParentLookup): boolean {
  return body.descendantsOfType('break_statement').some((brk) => ownerLoop(brk, parents)?.id === loop.id);
}

function ownerLoop(brk: Node, parents: ParentLookup): Node | null {
  let child = brk;
  for (const p of ancestors(brk, parents)) {
    if (SCOPES.has(p.type)) return null;
    // A `break` in a nested loop's `else` ends the loop around that one.
    if (LOOPS.has(p.type) && p.childForFieldName('body')?.id === child.id) return p;
    child = p;
  }
  return null;
}

function dedentFix(loop: Node, elseClause: Node, keyword: Node, context: RuleContext): Fix | null {
  const { source } = context;
  const block = elseClause.childForFieldName('body');
  const row = keyword.startPosition.row;
  const loopIndent = source.indentOf(loop.startPosition.row);
  if (!block || source.indentOf(row).length !== keyword.startPosition.column || loopIndent.length !== loop.startPosition.column) return null;
  const title = 'Remove the `else:` and run its block after the loop';
  if (block.startPosition.row === row) {
    // `else: stmt`: the statement takes the place of the keyword.
    return {
      title,
      safety: 'safe',
      edits: [{ range: { start: source.rangeOf(keyword).start, end: source.rangeOf(block).start }, newText: '' }],
    };
  }
  const colon = elseClause.child(1);
  if (colon?.type !== ':' || colon.endPosition.row !== row) return null;
  const afterColon = source.lineText(row).slice(colon.endPosition.column).trim();
  if (afterColon && !afterColon.startsWith('#')) return null;
  const lastRow = elseClause.endPosition.row;
  const lines = reindentLines({
    source,
    nodes: [elseClause],
    firstRow: row + 1,
    lastRow,
    from: source.indentOf(block.startPosition.row),
    to: loopIndent,
  });
  if (!lines) return null;
  // A comment after `else:` stays, on a line of its own.
  if (afterColon) lines.unshift(loopIndent + afterColon);
  return {
    title,
    safety: 'safe',
    edits: [{ range: { start: { line: row, character: 0 }, end: { line: lastRow, character: source.lineText(lastRow).length } }, newText: lines.join(source.eol) }],
  };
}
