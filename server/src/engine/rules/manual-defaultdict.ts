import type { Node } from '../../parser';
import { mutableConstructorOf } from '../module-facts';
import { singleComparison, statementsOf } from '../python';
import { unitTextMatcher, type Rule, type RuleContext } from '../rule';

/** Methods that add to the container just created for the key. */
const FILLING_METHODS = new Set(['append', 'extend', 'insert', 'add', 'update', 'setdefault', 'appendleft']);
/** Empty containers `defaultdict` can make: the constructor and the factory to name. */
const FACTORIES: Readonly<Record<string, string>> = { 'builtins.list': 'list', 'builtins.set': 'set', 'builtins.dict': 'dict' };

export const manualDefaultdict: Rule = {
  meta: {
    code: 'PP503',
    name: 'manual-defaultdict',
    title: 'Creating a missing dict entry by hand before filling it',
    severity: 'information',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `if k not in d: d[k] = []` (or `{}`, `set()`, `list()`, `dict()`) followed right away by code that ' +
        'fills the new container: `d[k].append(x)`, `d[k].add(x)`, `d[k][j] = x`, `d[k] += ...` and the like. A ' +
        'literal key (`if "headers" not in kwargs:`) fills in an optional field of a record-like dict, which ' +
        '`defaultdict` does not fit, and is left alone.',
      whyIsThisBad:
        'Three lines and a second lookup do what the standard library does in one: `collections.defaultdict(list)` ' +
        'creates the empty list the first time a key is used, and `d.setdefault(k, []).append(x)` does it for a ' +
        'plain dict. The hand-written version also invites mistakes such as a different key or dict in the test ' +
        'and in the fill.',
      example: [
        'def group_by_initial(words):',
        '    groups = {}',
        '    for word in words:',
        '        if word[0] not in groups:',
        '            groups[word[0]] = []',
        '        groups[word[0]].append(word)',
        '    return groups',
      ].join('\n'),
      useInstead: [
        'from collections import defaultdict',
        '',
        'def group_by_initial(words):',
        '    groups = defaultdict(list)',
        '    for word in words:',
        '        groups[word[0]].append(word)',
        '    return groups',
      ].join('\n'),
      fixSafety:
        'No fix: `defaultdict` changes the type of the dict everywhere it is used (reading a missing key then ' +
        'adds it instead of raising `KeyError`), and `setdefault` builds the empty container on every call.',
    },
  },

  create(context) {
    const testsMissing = unitTextMatcher(context, /\bnot\s+in\b/);
    return {
      if_statement(statement) {
        if (!testsMissing()) return;
        const found = createsMissingEntry(statement, context);
        const next = found ? nextStatement(statement, context) : null;
        if (!found || !next || !fillsEntry(next, found.dict, found.key, context)) return;
        const condition = statement.childForFieldName('condition')!;
        context.report({
          range: { start: context.source.rangeOf(statement).start, end: context.source.rangeOf(condition).end },
          message:
            `The empty ${found.factory} is created by hand before it is filled: \`collections.defaultdict(${found.factory})\` ` +
            `creates it on first use, or use \`${found.dict}.setdefault(${found.key}, ...)\``,
        });
      },
    };
  },
};

/** The statement after this one in its block (comments skipped), or null. */
function nextStatement(statement: Node, context: RuleContext): Node | null {
  const block = context.parentOf(statement);
  if (block?.type !== 'block') return null;
  let next = statement.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  return next;
}

/** `if k not in d: d[k] = []` with no other branch: the dict, the key and the factory that makes the empty value. */
function createsMissingEntry(statement: Node, context: RuleContext): { dict: string; key: string; factory: string } | null {
  const condition = statement.childForFieldName('condition');
  if (condition?.type !== 'comparison_operator' || statement.childrenForFieldName('alternative').length > 0) return null;
  const single = condition?.type === 'comparison_operator' ? singleComparison(condition) : null;
  if (!single || single.operator.type !== 'not in' || isConstantKey(single.left)) return null;
  const body = statementsOf(statement.childForFieldName('consequence'));
  const expr = body.length === 1 && body[0].type === 'expression_statement' ? body[0].namedChild(0) : null;
  if (expr?.type !== 'assignment') return null;
  const dict = single.right.text;
  const key = single.left.text;
  const value = expr.childForFieldName('right');
  if (!isSubscriptOf(expr.childForFieldName('left'), dict, key, context) || !value || !isEmpty(value)) return null;
  const factory = FACTORIES[mutableConstructorOf(value, context.module) ?? ''];
  return factory ? { dict, key, factory } : null;
}

/** `[]`, `{}`, `list()`, `set()`, `dict()`: an empty container, whatever its constructor. */
function isEmpty(value: Node): boolean {
  if (value.type === 'list' || value.type === 'dictionary') return value.namedChildren.every((c) => c?.type === 'comment');
  const args = value.type === 'call' ? value.childForFieldName('arguments') : null;
  return args?.type === 'argument_list' && args.namedChildren.every((c) => c?.type === 'comment');
}

/** The text inside the brackets of `d[k]`, or null for anything else. */
function subscriptKey(node: Node, context: RuleContext): string | null {
  const open = node.children.find((c) => c?.type === '[');
  const close = node.children[node.childCount - 1];
  if (!open || close?.type !== ']') return null;
  return context.source.text.slice(open.endIndex, close.startIndex).trim();
}

function isSubscriptOf(node: Node | null | undefined, dict: string, key: string, context: RuleContext): boolean {
  return node?.type === 'subscript' && node.childForFieldName('value')?.text === dict && subscriptKey(node, context) === key;
}

/** `d[k].append(x)` and friends, or `d[k][j] = x`: the statement fills the new container. */
function fillsEntry(statement: Node, dict: string, key: string, context: RuleContext): boolean {
  const expr = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  if (expr?.type === 'call') {
    const fn = expr.childForFieldName('function');
    return (
      fn?.type === 'attribute' &&
      FILLING_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') &&
      isSubscriptOf(fn.childForFieldName('object'), dict, key, context)
    );
  }
  if (expr?.type === 'assignment' || expr?.type === 'augmented_assignment') {
    const left = expr.childForFieldName('left');
    if (expr.type === 'augmented_assignment' && isSubscriptOf(left, dict, key, context)) return true;
    return left?.type === 'subscript' && isSubscriptOf(left.childForFieldName('value'), dict, key, context);
  }
  return false;
}

/** Literal keys (`d["index"]`) name fields of a record-like dict, not items being counted or grouped. */
function isConstantKey(key: Node): boolean {
  return ['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none'].includes(key.type);
}
