import type { Node } from '../../parser';
import { singleComparison, statementsOf } from '../python';
import { unitTextMatcher, type Rule, type RuleContext } from '../rule';

export const manualCounter: Rule = {
  meta: {
    code: 'PP502',
    name: 'manual-counter',
    title: 'Counting by hand with a dict',
    severity: 'information',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags the two hand-written ways of counting in a dict: `d[k] = d.get(k, 0) + 1`, and an `if k in d:` ' +
        'whose branches are `d[k] += 1` and `d[k] = 1` (in either order, also with `not in`). A literal key ' +
        '(`d["hits"]`) names a field of a record-like dict rather than an item being counted, and is left alone.',
      whyIsThisBad:
        'The bookkeeping hides what the code is for, and every copy is a chance to get it slightly wrong (a ' +
        'default of 1, a branch that forgets a key). `collections.Counter` says "this counts" in one word: a key it ' +
        'has not seen counts as 0, `Counter(items)` counts a whole iterable at once, and `most_common()`, ' +
        '`update()` and arithmetic between counters come with it. It is a dict subclass, so code that reads the ' +
        'result keeps working.',
      example: [
        'def word_counts(words):',
        '    counts = {}',
        '    for word in words:',
        '        counts[word] = counts.get(word, 0) + 1',
        '    return counts',
      ].join('\n'),
      useInstead: ['from collections import Counter', '', 'def word_counts(words):', '    return Counter(words)'].join('\n'),
      fixSafety:
        'No fix: the rewrite depends on the code around it (where the dict is created, whether it is a loop ' +
        'over an iterable), and a `Counter` answers 0 instead of raising `KeyError` for a missing key.',
    },
  },

  create(context) {
    const getsPlusOne = unitTextMatcher(context, /\.get\(/);
    const addsOne = unitTextMatcher(context, /\+=?\s*1\b/);
    return {
      assignment(assignment) {
        // d[k] = d.get(k, 0) + 1
        if (!getsPlusOne()) return;
        const left = assignment.childForFieldName('left');
        const right = assignment.childForFieldName('right');
        if (left?.type !== 'subscript' || right?.type !== 'binary_operator') return;
        if (right.childForFieldName('operator')?.type !== '+') return;
        const a = right.childForFieldName('left');
        const b = right.childForFieldName('right');
        const get = a?.type === 'call' ? a : b?.type === 'call' ? b : null;
        const one = get === a ? b : a;
        if (!get || !isOne(one) || !isGetWithZero(get, left, context)) return;
        context.report({
          node: assignment,
          message: `Counting by hand: a \`collections.Counter\` starts every key at 0, so \`${left.text} += 1\` is all it takes`,
        });
      },

      if_statement(statement) {
        // if k in d: d[k] += 1 / else: d[k] = 1, either way round
        if (!addsOne()) return;
        const condition = statement.childForFieldName('condition');
        const single = condition?.type === 'comparison_operator' ? singleComparison(condition) : null;
        if (!single || (single.operator.type !== 'in' && single.operator.type !== 'not in')) return;
        const alternatives = statement.childrenForFieldName('alternative');
        if (alternatives.length !== 1 || alternatives[0]?.type !== 'else_clause') return;
        const consequence = onlyStatement(statement.childForFieldName('consequence'));
        const otherwise = onlyStatement(alternatives[0].childForFieldName('body'));
        if (!consequence || !otherwise) return;
        const [present, absent] = single.operator.type === 'in' ? [consequence, otherwise] : [otherwise, consequence];
        if (isConstantKey(single.left)) return;
        const key = single.left.text;
        const dict = single.right.text;
        if (!isIncrement(present, dict, key, context) || !isSetToOne(absent, dict, key, context)) return;
        const keyword = statement.child(0)!;
        context.report({
          range: { start: context.source.rangeOf(keyword).start, end: context.source.rangeOf(condition!).end },
          message: `Counting by hand: a \`collections.Counter\` starts every key at 0, so \`${dict}[${key}] += 1\` alone does both branches`,
        });
      },
    };
  },
};

function isOne(node: Node | null): boolean {
  return node?.type === 'integer' && node.text === '1';
}

/** The text inside the brackets of `d[k]`, or null for anything else. */
function subscriptKey(node: Node, context: RuleContext): string | null {
  if (node.type !== 'subscript') return null;
  const open = node.children.find((c) => c?.type === '[');
  const close = node.children[node.childCount - 1];
  if (!open || close?.type !== ']') return null;
  return context.source.text.slice(open.endIndex, close.startIndex).trim();
}

function isSubscriptOf(node: Node | null, dict: string, key: string, context: RuleContext): boolean {
  return node !== null && node.type === 'subscript' && node.childForFieldName('value')?.text === dict && subscriptKey(node, context) === key;
}

/** `d.get(k, 0)` for the same `d` and `k` as `target` (`d[k]`). */
function isGetWithZero(call: Node, target: Node, context: RuleContext): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'get') return false;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c?.type !== 'comment') ?? [];
  if (args.length !== 2 || args[1]?.type !== 'integer' || args[1].text !== '0' || !args[0] || isConstantKey(args[0])) return false;
  const dict = fn.childForFieldName('object')?.text;
  return dict !== undefined && isSubscriptOf(target, dict, args[0].text, context);
}

function onlyStatement(block: Node | null): Node | null {
  const statements = statementsOf(block);
  return statements.length === 1 ? statements[0] : null;
}

function expressionOf(statement: Node): Node | null {
  return statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.namedChild(0) : null;
}

/** `d[k] += 1` or `d[k] = d[k] + 1`. */
function isIncrement(statement: Node, dict: string, key: string, context: RuleContext): boolean {
  const expr = expressionOf(statement);
  if (!expr || !isSubscriptOf(expr.childForFieldName('left'), dict, key, context)) return false;
  const right = expr.childForFieldName('right');
  if (expr.type === 'augmented_assignment') return expr.childForFieldName('operator')?.type === '+=' && isOne(right);
  if (expr.type !== 'assignment' || right?.type !== 'binary_operator' || right.childForFieldName('operator')?.type !== '+') return false;
  return isSubscriptOf(right.childForFieldName('left'), dict, key, context) && isOne(right.childForFieldName('right'));
}

/** `d[k] = 1`. */
function isSetToOne(statement: Node, dict: string, key: string, context: RuleContext): boolean {
  const expr = expressionOf(statement);
  return expr?.type === 'assignment' && isSubscriptOf(expr.childForFieldName('left'), dict, key, context) && isOne(expr.childForFieldName('right'));
}

/** Literal keys (`d["index"]`) name fields of a record-like dict, not items being counted or grouped. */
function isConstantKey(key: Node): boolean {
  return ['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none'].includes(key.type);
}
