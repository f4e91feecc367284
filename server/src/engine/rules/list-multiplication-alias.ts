import type { Node } from '../../parser';
import { MUTATING_METHODS } from '../class-summary';
import { mutableConstructorOf, qualifiedName } from '../module-facts';
import { ancestors } from '../parents';
import { dottedName, statementsOf } from '../python';
import { DEF_BOUND } from '../scope/model';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

export const listMultiplicationAlias: Rule = {
  meta: {
    code: 'PP404',
    name: 'list-multiplication-alias',
    title: 'List of mutable objects built by multiplication',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `[element] * n` and `n * [element]` when the element is a fresh mutable object (a list, dict or set ' +
        'display or comprehension, a call such as `list()`, `dict()`, `set()` or `deque()`, or itself a ' +
        'multiplied list such as `[[0] * width] * height`), the result is bound to a name, and the same function ' +
        'then changes one of its elements in place: `grid[i][j] = v`, `grid[i].append(v)`, `del grid[i][j]`, ' +
        '`grid[i] += [v]`. A multiplied list that is only read, handed to another function, or whose elements are ' +
        'replaced whole behaves as if its elements were distinct, so it is left alone.',
      whyIsThisBad:
        'Multiplying a list copies references, not objects: the element is built once and the result holds that one ' +
        'object `n` times. `grid = [[0] * 3] * 3` looks like three rows but is one row seen three times, so ' +
        '`grid[0][0] = 1` changes the first cell of every row. Immutable elements (`[0] * n`, `[None] * n`) are ' +
        'fine, since nobody can change them in place.',
      example: ['def board_with_centre(size):', '    board = [[" "] * size] * size', '    board[size // 2][size // 2] = "X"  # marks the centre of every row', '    return board'].join('\n'),
      useInstead: ['def board_with_centre(size):', '    board = [[" "] * size for _ in range(size)]', '    board[size // 2][size // 2] = "X"', '    return board'].join('\n'),
      fixSafety:
        'Unsafe: the fix writes `[element for _ in range(n)]`, which builds a new element for every position, so ' +
        'code that relied on the positions sharing one object behaves differently. The element is also evaluated ' +
        '`n` times instead of once, and after `n` rather than before it when the list came first. The fix is not ' +
        'offered when that could matter: when the element calls anything but `range()` or a container constructor ' +
        'over displays, iterates over something other than `range()` or a display, or reads a name that `n` could ' +
        'change; nor at class level when the element reads a name bound in the class body, which the ' +
        'comprehension could not see.',
    },
  },

  create(context) {
    return {
      binary_operator(node) {
        // A list operand opens or closes the expression: most operators are ruled out by the text alone.
        const { text } = context.source;
        if (text[node.startIndex] !== '[' && text[node.endIndex - 1] !== ']') return;
        if (node.childForFieldName('operator')?.type !== '*') return;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (!left || !right) return;
        const listFirst = left.type === 'list';
        const list = listFirst ? left : right.type === 'list' ? right : null;
        const count = listFirst ? right : left;
        if (!list || count.type === 'list') return;
        const element = onlyElement(list);
        if (!element || !isFreshMutable(element, context)) return;
        const target = boundTarget(node, context);
        if (!target || !rowsChanged(target, context)) return;
        context.report({
          node,
          message:
            `\`${target.text}\` holds the same \`${short(element.text)}\` object at every position, and this code changes ` +
            'one of them in place, which changes them all; build one per position with a comprehension',
          fix: buildFix({ node, element, count, listFirst, context }),
        });
      },
    };
  },
};

function namedOf(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

function unparenthesized(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && namedOf(n).length === 1) n = namedOf(n)[0];
  return n;
}

/** The single element of `[element]`, or null. */
function onlyElement(list: Node): Node | null {
  const elements = namedOf(list);
  return elements.length === 1 ? elements[0] : null;
}

function isListMultiplication(node: Node): boolean {
  if (node.type !== 'binary_operator' || node.childForFieldName('operator')?.type !== '*') return false;
  return node.childForFieldName('left')?.type === 'list' || node.childForFieldName('right')?.type === 'list';
}

function isFreshMutable(element: Node, context: RuleContext): boolean {
  const e = unparenthesized(element);
  return isListMultiplication(e) || mutableConstructorOf(e, context.module) !== null;
}

/**
 * The target the multiplied list ends up in: `grid = [[0] * w] * h`, also through
 * parentheses, a concatenation (`rows = first + [[]] * n`) or an enclosing multiplied
 * list or comprehension (`[[[0] * 2] * 3] * 4`). Null when it goes anywhere else: a
 * call's argument, a comparison, a `return`.
 */
function boundTarget(node: Node, context: RuleContext): Node | null {
  let child = node;
  for (let p = context.parentOf(node); p; child = p, p = context.parentOf(p)) {
    if (p.type === 'parenthesized_expression' || p.type === 'list' || p.type === 'list_comprehension') continue;
    if (p.type === 'binary_operator' && ['+', '*'].includes(p.childForFieldName('operator')?.type ?? '')) continue;
    if (p.type !== 'assignment' || p.childForFieldName('right')?.id !== child.id) return null;
    const left = p.childForFieldName('left');
    return left && (left.type === 'identifier' || (left.type === 'attribute' && dottedName(left) !== null)) ? left : null;
  }
  return null;
}

/**
 * Whether the unit changes a row of `target` in place: `grid[i][j] = v`, `grid[i][j] += v`,
 * `del grid[i][j]`, `grid[i].append(v)`, `grid[i] += [v]`. Only then is the sharing seen:
 * a multiplied list that is only read, or whose rows are replaced whole, behaves as if
 * its rows were distinct.
 */
function rowsChanged(target: Node, context: RuleContext): boolean {
  const name = target.text;
  return codeAround(target, context).some((root) =>
    root.descendantsOfType('subscript').some((row) => row !== null && row.childForFieldName('value')?.text === name && changedInPlace(row, context)),
  );
}

/**
 * Where to look for the changes: the function around the binding; at class level the
 * class's own statements (its methods are units of their own); else the unit's statement.
 */
function codeAround(node: Node, context: RuleContext): Node[] {
  for (const a of ancestors(node, context)) {
    if (a.type === 'function_definition') return [a];
    if (a.type === 'class_definition') {
      const isMethod = (s: Node) => (s.type === 'decorated_definition' ? s.childForFieldName('definition')?.type : s.type) === 'function_definition';
      return statementsOf(a.childForFieldName('body')).filter((s) => !isMethod(s));
    }
  }
  return [context.unit.node];
}

function changedInPlace(row: Node, context: RuleContext): boolean {
  const parent = context.parentOf(row);
  if (!parent) return false;
  const isLeftOf = (n: Node | null) => n !== null && (n.type === 'assignment' || n.type === 'augmented_assignment') && n.childForFieldName('left')?.id === row.id;
  if (parent.type === 'augmented_assignment' && isLeftOf(parent)) return true;
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === row.id) {
    const method = parent.childForFieldName('attribute')?.text ?? '';
    return MUTATING_METHODS.has(method) && context.parentOf(parent)?.type === 'call';
  }
  if (parent.type !== 'subscript' || parent.childForFieldName('value')?.id !== row.id) return false;
  // `row[j]`: stored into, deleted, or itself a row that changes.
  let holder = context.parentOf(parent);
  if (holder?.type === 'pattern_list' || holder?.type === 'expression_list' || holder?.type === 'tuple_pattern') holder = context.parentOf(holder);
  if (holder && (holder.type === 'assignment' || holder.type === 'augmented_assignment')) {
    const left = holder.childForFieldName('left');
    if (left && left.startIndex <= parent.startIndex && parent.endIndex <= left.endIndex) return true;
  }
  if (holder?.type === 'delete_statement') return true;
  return changedInPlace(parent, context);
}

function short(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 30 ? `${oneLine.slice(0, 27)}...` : oneLine;
}

interface FixInput {
  node: Node;
  element: Node;
  count: Node;
  listFirst: boolean;
  context: RuleContext;
}

function buildFix({ node, element, count, listFirst, context }: FixInput): Fix | null {
  if (node.descendantsOfType('comment').length > 0 || node.hasError) return null;
  if (!evaluatesAlike(element, context)) return null;
  const names = identifiersIn(element);
  // `[e] * n` evaluated `e` first; the comprehension evaluates `n` first. Harmless unless `n` can run code and `e` reads state.
  if (listFirst && names.length > 0 && !isInert(count)) return null;
  if (readsClassNames(element, names, context)) return null;
  const used = new Set(names.map((n) => n.text));
  const variable = ['_', '_i', '_n', '_k'].find((v) => !used.has(v));
  if (!variable) return null;
  const { source } = context;
  return {
    title: 'Build a new element for each position',
    safety: 'unsafe',
    edits: [{ range: source.rangeOf(node), newText: `[${source.textOf(element)} for ${variable} in range(${source.textOf(count)})]` }],
  };
}

/** Identifiers the expression reads (not attribute names, not keyword names). */
function identifiersIn(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'identifier') found.push(node);
  else if (node.type === 'attribute') identifiersIn(node.childForFieldName('object')!, found);
  else if (node.type === 'keyword_argument') identifiersIn(node.childForFieldName('value')!, found);
  else for (const child of namedOf(node)) identifiersIn(child, found);
  return found;
}

const RUNS_CODE = ['call', 'await', 'yield', 'named_expression', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'];

/** Literals, names and operators on them: evaluating it runs no code that could change what the element reads. */
function isInert(node: Node): boolean {
  return !RUNS_CODE.includes(node.type) && node.descendantsOfType(RUNS_CODE).length === 0;
}

/** Arguments a container constructor may copy from, and still give equal copies every time. */
const FRESH_ARGUMENTS = new Set(['list', 'tuple', 'set', 'dictionary', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'call', 'string', 'integer', 'float', 'keyword_argument']);

/**
 * Whether evaluating the element `n` times gives `n` equal objects, as evaluating it once did:
 * no calls but `range()` and container constructors over displays, no comprehension over
 * anything but `range()` or a display (an iterator would be empty the second time), no
 * walrus, `await` or `yield`.
 */
function evaluatesAlike(element: Node, context: RuleContext): boolean {
  const types = ['call', 'await', 'yield', 'named_expression', 'for_in_clause'];
  for (const n of [element, ...element.descendantsOfType(types)]) {
    if (!n || !types.includes(n.type)) continue;
    if (n.type === 'await' || n.type === 'yield' || n.type === 'named_expression') return false;
    if (n.type === 'for_in_clause') {
      const iterable = n.childForFieldName('right');
      if (!iterable || !(isRangeCall(iterable, context) || ['list', 'tuple', 'set', 'string'].includes(iterable.type))) return false;
      continue;
    }
    if (isRangeCall(n, context)) continue;
    // `list(x)` copies whatever `x` yields: the second copy of an iterator would be empty.
    const args = n.childForFieldName('arguments');
    if (mutableConstructorOf(n, context.module) === null || args?.type !== 'argument_list') return false;
    if (!namedOf(args).every((arg) => FRESH_ARGUMENTS.has(arg.type))) return false;
  }
  return true;
}

function isRangeCall(node: Node, context: RuleContext): boolean {
  if (node.type !== 'call') return false;
  const fn = node.childForFieldName('function');
  return fn !== null && qualifiedName(fn, context.module) === 'builtins.range';
}

/** At class level a comprehension cannot see the class's names: the element must not read any. */
function readsClassNames(element: Node, names: Node[], context: RuleContext): boolean {
  if (names.length === 0) return false;
  const tree = context.scopes.treeFor(element);
  return names.some((id) => {
    const occurrence = tree.occurrenceOf(id);
    if (!occurrence) return false;
    for (let scope: typeof occurrence.scope | null = occurrence.scope; scope; scope = scope.parent) {
      if (scope.type === 'class') return ((scope.symbols.get(occurrence.name)?.flags ?? 0) & DEF_BOUND) !== 0;
      if (!scope.comprehension) return false;
    }
    return false;
  });
}
