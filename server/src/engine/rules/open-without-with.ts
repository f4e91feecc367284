import type { Node } from '../../parser';
import { ancestors } from '../parents';
import { resolveName } from '../resolve';
import { callsTo, unitTextMatcher, type Rule, type RuleContext } from '../rule';
import { statementsOf } from '../python';
import type { Scope } from '../scope';

const OPENERS = new Set(['builtins.open', 'io.open']);
const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);
/** Where a value still is the value itself: `return f, name`, `(f)`. */
/** Calls that keep the file they receive, to close it later. */
const KEEPING_CALLS = new Set([
  'closing', 'enter_context', 'push', 'callback', 'append', 'appendleft', 'add', 'extend', 'insert', 'setdefault',
  'register', 'put', 'put_nowait', 'addCleanup',
]);
/** Names of calls that build an object around a file: classes, wrappers, pipes. */
const WRAPPER = /^_*[A-Z]|[Ww]rap|[Pp]ipe/;
const CONTAINERS = new Set(['tuple', 'list', 'set', 'expression_list', 'parenthesized_expression', 'pair', 'dictionary']);

export const openWithoutWith: Rule = {
  meta: {
    code: 'PP603',
    name: 'open-without-with',
    title: 'File opened without `with` and not closed in a `finally`',
    severity: 'warning',
    fix: 'none',
    peers: ['SIM115'],
    docs: {
      whatItDoes:
        'Flags `f = open(...)` as a statement in a function when the function neither closes `f` in a ' +
        '`finally` block, nor uses it in `with f:`, nor hands it on: returns or yields it, stores it on an ' +
        'object or in a container, passes it to `contextlib.closing`, `ExitStack.enter_context` or another call ' +
        'that keeps it, or registers `f.close` as a callback.',
      whyIsThisBad:
        'A file object holds an operating-system handle until it is closed. Without `with`, the `f.close()` at the ' +
        'end is skipped whenever something in between raises, and the file stays open until the garbage collector ' +
        'gets to it: written data may not reach the disk yet, Windows refuses to delete or rename the file, and a ' +
        'long-running program can run out of file handles. `with open(...) as f:` closes it on every way out.',
      example: [
        'def first_line(path):',
        '    f = open(path)',
        '    line = f.readline()',
        '    f.close()',
        '    return line',
      ].join('\n'),
      useInstead: ['def first_line(path):', '    with open(path) as f:', '        return f.readline()'].join('\n'),
      fixSafety:
        'No fix: where the `with` block should end depends on how long the file is needed, which only the ' +
        'author knows.',
    },
  },

  create(context) {
    const opens = unitTextMatcher(context, /\bopen\s*\(/);
    return {
      ...callsTo(['open'], (call) => {
        // `open(...)` or `io.open(...)`, checked on the text before any node is asked for.
        const { text } = context.source;
        if (!opens() || !(text.startsWith('open', call.startIndex) || text.startsWith('io.open', call.startIndex))) return;
        const fn = call.childForFieldName('function');
        if (!fn || (fn.type === 'identifier' ? fn.text !== 'open' : fn.type !== 'attribute' || fn.text !== 'io.open')) return;
        const assignment = context.parentOf(call);
        const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === call.id ? assignment.childForFieldName('left') : null;
        const statement = target ? context.parentOf(assignment!) : null;
        if (target?.type !== 'identifier' || statement?.type !== 'expression_statement') return;
        if (!inFunction(call, context)) return;
        const name = resolveName(fn, context);
        if (!name || !OPENERS.has(name)) return;
        const fate = fateOf(target, statement, context);
        if (fate === 'kept') return;
        context.report({
          node: call,
          message:
            fate === 'closed'
              ? `\`${target.text}.close()\` is skipped when anything before it raises: open the file with \`with open(...) as ${target.text}:\``
              : `\`${target.text}\` is never closed here: open the file with \`with open(...) as ${target.text}:\`, which closes it however the block ends`,
        });
      }),
    };
  },
};

function inFunction(node: Node, context: RuleContext): boolean {
  for (const p of ancestors(node, context)) {
    if (p.type === 'function_definition') return true;
    if (p.type === 'class_definition') return false;
  }
  return false;
}

type Fate = 'kept' | 'closed' | 'open';
/** What one read does: `handed` is passing the file to a call whose result is kept in a name (`reader = Reader(f)`). */
type UseFate = 'kept' | 'closed' | 'handed' | null;

/**
 * What the function does with the file: `kept` when something else takes care of closing
 * it (returned, stored, closed in a `finally` or right away, `with f:`, handed on);
 * `closed` when it is closed outside a `finally`; `open` when it is never closed.
 */
function fateOf(target: Node, statement: Node, context: RuleContext): Fate {
  const tree = context.scopes.treeFor(target);
  const occurrence = tree.occurrenceOf(target);
  const entry = occurrence?.scope.symbols.get(occurrence.name);
  if (!occurrence || !entry || entry.scope !== 'local') return 'kept';
  // A nested function that reads the file decides its fate elsewhere.
  if (capturedBelow(occurrence.scope, occurrence.name)) return 'kept';
  let closed = false;
  let handed = false;
  const loop = enclosingLoop(statement, context);
  for (const use of entry.occurrences) {
    // Reads before the opening see an earlier value (`path = open(path)`), unless a loop brings them round again.
    if (use.kind !== 'read' || (use.node.startIndex < statement.endIndex && !(loop && loop.startIndex <= use.node.startIndex))) continue;
    const fate = useFate(use.node, statement, context);
    if (fate === 'kept') return 'kept';
    if (fate === 'closed') closed = true;
    if (fate === 'handed') handed = true;
  }
  // A file handed to a wrapper and never closed here is the wrapper's to close (an asyncio transport,
  // a reader object); one the function closes itself is its own.
  return closed ? 'closed' : handed ? 'kept' : 'open';
}

function enclosingLoop(node: Node, context: RuleContext): Node | null {
  for (const p of ancestors(node, context)) {
    if (p.type === 'for_statement' || p.type === 'while_statement') return p;
    if (SCOPES.has(p.type)) return null;
  }
  return null;
}

function capturedBelow(scope: Scope, name: string): boolean {
  return scope.children.some((child) => child.symbols.get(name)?.scope === 'free' || capturedBelow(child, name));
}

/** What one read of the name does with the file. */
function useFate(read: Node, openStatement: Node, context: RuleContext): UseFate {
  const parent = context.parentOf(read);
  if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === read.id) {
    const call = context.parentOf(parent);
    // A method handed over to be called later (`atexit.register(f.close)`, `setwriter(f.write)`) keeps the file alive.
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== parent.id) return escapes(parent, context);
    if (parent.childForFieldName('attribute')?.text !== 'close') return null;
    return inFinally(call, context) || closesRightAway(call, openStatement, context) ? 'kept' : 'closed';
  }
  return escapes(read, context);
}

/**
 * Whether the value goes somewhere that outlives the statement: returned or yielded, stored
 * in an attribute, a subscript or another name, used as a context manager, or passed to a call
 * that keeps it (`closing(f)`, `stack.enter_context(f)`, `files.append(f)`), to a call in a
 * `finally` (a helper that closes it), or to a call whose own result escapes (`return Wrapper(f)`).
 */
function escapes(value: Node, context: RuleContext, wrapped = false): 'kept' | 'handed' | null {
  let node = value;
  let parent = context.parentOf(node);
  while (parent && CONTAINERS.has(parent.type)) {
    node = parent;
    parent = context.parentOf(parent);
  }
  if (!parent) return null;
  switch (parent.type) {
    case 'return_statement':
    case 'yield':
    case 'with_item':
      return 'kept';
    case 'as_pattern':
      return parent.namedChild(0)?.id === node.id && context.parentOf(parent)?.type === 'with_item' ? 'kept' : null;
    case 'assignment':
      return parent.childForFieldName('right')?.id === node.id ? 'kept' : null;
    case 'keyword_argument':
    case 'argument_list': {
      const call = context.parentOf(parent.type === 'keyword_argument' ? context.parentOf(parent)! : parent);
      if (call?.type !== 'call') return null;
      const fn = call.childForFieldName('function');
      const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
      // `closing(f)`, `files.append(f)`, `source.setByteStream(f)`, a helper called in a `finally`.
      if ((name && (KEEPING_CALLS.has(name) || name.startsWith('set'))) || inFinally(call, context)) return 'kept';
      const wraps = wrapped || (name !== undefined && WRAPPER.test(name));
      const result = context.parentOf(call);
      if (result?.type === 'assignment' && result.childForFieldName('right')?.id === call.id) {
        const left = result.childForFieldName('left');
        if (left?.type === 'attribute' || left?.type === 'subscript') return 'kept';
        // `reader = Reader(f)`, `wrapped = wrap_file(f)`: an object built around the file may own it now.
        return wraps ? 'handed' : null;
      }
      return result?.type === 'expression_statement' ? null : escapes(call, context, wraps);
    }
    default:
      return null;
  }
}

/**
 * `f.close()` as the first statement run after `f = open(...)`, so nothing in between can raise:
 * the next statement, the first one of a `try` that follows, or of the `else` of the `try`
 * whose body the opening ends.
 */
function closesRightAway(close: Node, openStatement: Node, context: RuleContext): boolean {
  const statement = context.parentOf(close);
  const block = context.parentOf(openStatement);
  if (statement?.type !== 'expression_statement' || !block) return false;
  const statements = statementsOf(block);
  const i = statements.findIndex((s) => s.id === openStatement.id);
  let next: Node | undefined = statements[i + 1];
  if (!next) {
    const owner = context.parentOf(block);
    const elseClause = owner?.type === 'try_statement' && owner.childForFieldName('body')?.id === block.id ? owner.namedChildren.find((c) => c?.type === 'else_clause') : null;
    next = elseClause ? statementsOf(elseClause.childForFieldName('body'))[0] : undefined;
  } else if (next.type === 'try_statement') {
    next = statementsOf(next.childForFieldName('body'))[0];
  }
  return next?.id === statement.id;
}

function inFinally(node: Node, context: RuleContext): boolean {
  for (const p of ancestors(node, context)) {
    if (p.type === 'finally_clause') return true;
    if (SCOPES.has(p.type)) return false;
  }
  return false;
}
