import type { Node } from '../../parser';
import { mutableConstructorOf, qualifiedName } from '../module-facts';
import { ancestors } from '../parents';
import { statementsOf } from '../python';
import { callsTo, unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Scope } from '../scope';

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

export const listPopFront: Rule = {
  meta: {
    code: 'PP501',
    name: 'list-pop-front',
    title: '`pop(0)` or `insert(0, x)` on a list inside a loop',
    severity: 'information',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `.pop(0)` and `.insert(0, x)` run on every pass of a loop (or comprehension) on a name known to hold ' +
        'a list that lives across the passes: every binding in the function gives it a list display, a list ' +
        'comprehension, `list(...)`, `sorted(...)` or `s.split(...)` (or a parameter annotated `list`), or it is a ' +
        'module-level list, and the loop does not rebind it. Attributes and names of unknown type are left ' +
        'alone: they are often not lists (a dict keyed by 0, a deque, a GUI widget), and a list made afresh on ' +
        'each pass never grows long.',
      whyIsThisBad:
        'A list keeps its items in one block of memory, in order. Taking the first item or putting one in front ' +
        'moves every other item one place, so each call costs as much as the list is long, and a loop that drains ' +
        'or fills a list from the front takes time proportional to the square of its length. A queue that ' +
        'handles 100 000 items this way spends seconds just shifting memory.',
      example: [
        'def breadth_first(start, neighbours):',
        '    queue = [start]',
        '    while queue:',
        '        node = queue.pop(0)',
        '        queue.extend(neighbours(node))',
      ].join('\n'),
      useInstead: [
        'from collections import deque',
        '',
        'def breadth_first(start, neighbours):',
        '    queue = deque([start])',
        '    while queue:',
        '        node = queue.popleft()',
        '        queue.extend(neighbours(node))',
      ].join('\n'),
      fixSafety:
        'No fix: switching to `collections.deque` changes the type every other use of the list sees (a deque ' +
        'cannot be sliced, and `deque.insert(0, x)` is `appendleft(x)`), so the choice is yours.',
    },
  },

  create(context) {
    const mentioned = unitTextMatcher(context, /\.(?:pop\(\s*0\s*\)|insert\(\s*0\s*,)/);
    return {
      ...callsTo(['pop', 'insert'], (call) => {
        if (!mentioned()) return;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'attribute') return;
        const method = fn.childForFieldName('attribute')?.text;
        if (method !== 'pop' && method !== 'insert') return;
        const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a?.type !== 'comment') ?? [];
        if (args.length !== (method === 'pop' ? 1 : 2) || args[0]?.type !== 'integer' || args[0].text !== '0') return;
        const receiver = fn.childForFieldName('object');
        if (receiver?.type !== 'identifier') return;
        const loop = innermostLoop(call, context);
        if (!loop || endsTheLoop(call, loop, context) || !keptListAcrossPasses(receiver, loop, context)) return;
        const name = receiver.text;
        context.report({
          node: call,
          message:
            method === 'pop'
              ? `\`${name}.pop(0)\` in a loop shifts every remaining item on each call; a \`collections.deque\` with \`popleft()\` takes the first item in constant time`
              : `\`${name}.insert(0, ...)\` in a loop shifts every item on each call; a \`collections.deque\` with \`appendleft()\` adds in front in constant time`,
        });
      }),
    };
  },
};

/** The call's statement is followed by `break`, `return` or `raise`: it runs once, on the way out of the loop. */
function endsTheLoop(call: Node, loop: Node, context: RuleContext): boolean {
  let statement = call;
  let block = context.parentOf(call);
  while (block && block.type !== 'block') {
    statement = block;
    block = context.parentOf(block);
  }
  // A call in a `while` condition or a comprehension: the statement is the loop itself, or holds it.
  if (!block || (statement.startIndex <= loop.startIndex && loop.endIndex <= statement.endIndex)) return false;
  const statements = statementsOf(block);
  const next = statements[statements.findIndex((s) => s.id === statement.id) + 1];
  return next !== undefined && ['break_statement', 'return_statement', 'raise_statement'].includes(next.type);
}

/** The innermost loop in the same function whose every pass runs the call, or null. */
function innermostLoop(node: Node, context: RuleContext): Node | null {
  let child = node;
  for (const p of ancestors(node, context)) {
    if (SCOPES.has(p.type)) return null;
    if (p.type === 'for_statement' && p.childForFieldName('body')?.id === child.id) return p;
    // A while condition is evaluated on every pass too.
    if (p.type === 'while_statement' && p.childForFieldName('alternative')?.id !== child.id) return p;
    // Everything in a comprehension but its first iterable runs once per item.
    if (COMPREHENSIONS.has(p.type) && p.namedChildren.find((c) => c?.type === 'for_in_clause')?.id !== child.id) return p;
    child = p;
  }
  return null;
}

/** Methods of `str` (and `re`, `shlex`) that return a new list. */
const LIST_METHODS = new Set(['split', 'rsplit', 'splitlines']);
/** Annotations that say "a list". */
const LIST_ANNOTATION = /^(?:typing\.)?(?:list|List)(?:\[.*\])?$/s;

/** Whether the value builds a new list: a display or comprehension, `list(...)`, `sorted(...)`, `s.split(...)`. */
function isNewList(value: Node, context: RuleContext): boolean {
  if (mutableConstructorOf(value, context.module) === 'builtins.list') return true;
  if (value.type !== 'call') return false;
  const fn = value.childForFieldName('function');
  if (!fn) return false;
  if (fn.type === 'attribute') return LIST_METHODS.has(fn.childForFieldName('attribute')?.text ?? '');
  return qualifiedName(fn, context.module) === 'builtins.sorted';
}

/**
 * Whether the name holds a list that outlives the passes of `loop`: every binding in its
 * function gives it a new list (or a parameter annotated `list`), or it is a module-level
 * list; and no binding sits inside the loop, which would give each pass a fresh list.
 * Anything else (attributes, names bound to calls of unknown result) may well be a
 * container whose `pop(0)` or `insert(0, x)` is cheap or means something else.
 */
function keptListAcrossPasses(receiver: Node, loop: Node, context: RuleContext): boolean {
  const occurrence = context.scopes.treeFor(receiver).occurrenceOf(receiver);
  if (!occurrence) return false;
  let scope: Scope | null = occurrence.scope;
  let entry = scope.symbols.get(occurrence.name);
  // A free name: the function around that binds it.
  while (scope && entry?.scope === 'free') {
    scope = scope.parent;
    entry = scope?.symbols.get(occurrence.name);
  }
  if (!scope || !entry) return false;
  const bindings = entry.occurrences.filter((o) => o.kind === 'store' || o.kind === 'augmented');
  if (bindings.some((o) => loop.startIndex <= o.node.startIndex && o.node.endIndex <= loop.endIndex)) return false;
  if (scope.type === 'module' || entry.scope === 'global_implicit' || entry.scope === 'global_explicit') {
    return context.module.mutableGlobal(occurrence.name) === 'builtins.list';
  }
  return (
    bindings.length > 0 &&
    bindings.every((o) => {
      if (o.kind === 'augmented' || o.binding === 'annotation') return true;
      const parent = context.parentOf(o.node);
      if (o.binding === 'parameter') {
        const annotation = parent?.type === 'typed_parameter' || parent?.type === 'typed_default_parameter' ? parent.childForFieldName('type') : null;
        return annotation !== null && LIST_ANNOTATION.test(annotation.text.trim());
      }
      if (o.binding !== 'assignment' || parent?.type !== 'assignment' || parent.childForFieldName('left')?.id !== o.node.id) return false;
      const value = parent.childForFieldName('right');
      return value !== null && isNewList(value, context);
    })
  );
}
