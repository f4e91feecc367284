import type { Node } from '../../parser';
import { reindentLines } from '../fixes';
import { ancestors } from '../parents';
import { statementsOf } from '../python';
import { unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Fix } from '../types';

const SCOPES = new Set(['function_definition', 'class_definition', 'lambda']);

export const lockWithoutWith: Rule = {
  meta: {
    code: 'PP604',
    name: 'lock-without-with',
    title: '`acquire()` and `release()` without `with` or `try`/`finally`',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `x.acquire()` followed later in the same block by `x.release()` when no `try` around them releases ' +
        '`x` in its `finally` or `except`. Code that manages the lock by hand on purpose is left alone: nothing ' +
        'between the two calls (waiting for the lock to be free), the same object acquired or released elsewhere in ' +
        'the block, or a `return`, `break` or `continue` that leaves while holding it. `if x.acquire(blocking=False):` ' +
        "and other uses of `acquire`'s result are a different pattern.",
      whyIsThisBad:
        'If anything between the two calls raises, `release()` never runs and the lock stays held: every other ' +
        'thread that wants it then waits forever, and the program hangs far away from the exception that caused ' +
        'it. A lock, semaphore or condition used in a `with` statement is released on every way out of the block.',
      example: [
        'import threading',
        '',
        'lock = threading.Lock()',
        '',
        'def deposit(account, amount):',
        '    lock.acquire()',
        '    account.balance += amount',
        '    lock.release()',
      ].join('\n'),
      useInstead: [
        'import threading',
        '',
        'lock = threading.Lock()',
        '',
        'def deposit(account, amount):',
        '    with lock:',
        '        account.balance += amount',
      ].join('\n'),
      fixSafety:
        'Unsafe: the statements between the two calls move into `with x:`. The lock is now released when one of ' +
        'them raises, which the original did not do (that is the bug being fixed, but code may have relied on ' +
        'it), and `with` calls `__enter__`/`__exit__`, which an object with only `acquire` and ' +
        '`release` methods lacks. No fix is offered when the two calls share their lines with other code or the ' +
        'statements in between hold a string literal spanning several lines.',
    },
  },

  create(context) {
    // Most files acquire nothing: then no block (there are many) is even visited.
    if (!context.source.mayContain('.acquire(')) return {};
    const acquires = unitTextMatcher(context, /\.acquire\(\s*\)/);
    return {
      block(block) {
        if (!acquires()) return;
        const statements = statementsOf(block);
        const pairs: Array<{ receiver: string; acquire: number; release: number }> = [];
        for (let i = 0; i < statements.length; i++) {
          const acquire = methodCall(statements[i], 'acquire');
          if (!acquire) continue;
          const j = statements.findIndex((s, k) => k > i && methodCall(s, 'release')?.receiver === acquire.receiver);
          if (j < 0) continue;
          pairs.push({ receiver: acquire.receiver, acquire: i, release: j });
          i = j;
        }
        for (const { receiver, acquire, release } of pairs) {
          const between = statements.slice(acquire + 1, release);
          // The author manages the lock by hand on purpose (lock tests, hand-over between threads) when
          // nothing is in between (`lock.acquire(); lock.release()` waits for the lock to be free), when
          // the block acquires or releases the same object elsewhere than in its pairs, or when the code
          // in between leaves the block holding it.
          const paired = pairs.filter((p) => p.receiver === receiver).length * 2;
          if (between.length === 0 || callsOn(block, receiver, ['acquire', 'release']).length > paired) continue;
          if (between.some((s) => leavesBlock(s, context)) || protectedByTry(block, receiver, context)) continue;
          context.report({
            node: statements[acquire].namedChild(0)!,
            message: `If anything before \`${receiver}.release()\` raises, the lock stays held: use \`with ${receiver}:\``,
            fix: buildFix({ block, acquire: statements[acquire], release: statements[release], between, receiver, context }),
          });
        }
      },
    };
  },
};

/** `x.acquire()` or `x.release()` with no arguments, as a statement of its own: the call and `x` as written. */
function methodCall(statement: Node, method: string): { call: Node; receiver: string } | null {
  if (statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return null;
  const call = statement.namedChild(0);
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== method) return null;
  const args = call!.childForFieldName('arguments');
  const receiver = fn.childForFieldName('object');
  if (args?.type !== 'argument_list' || args.namedChildCount > 0 || !receiver || !isDotted(receiver)) return null;
  return { call: call!, receiver: receiver.text };
}

function isDotted(node: Node): boolean {
  if (node.type === 'identifier') return true;
  const object = node.childForFieldName('object');
  return node.type === 'attribute' && object !== null && isDotted(object);
}

/** Any `x.release()` (or `x.acquire()`) call inside the node. */
function callsOn(node: Node, receiver: string, methods: readonly string[]): Node[] {
  return node.descendantsOfType('call').filter((call) => {
    const fn = call.childForFieldName('function');
    return fn?.type === 'attribute' && methods.includes(fn.childForFieldName('attribute')?.text ?? '') && fn.childForFieldName('object')?.text === receiver;
  });
}

/** A `try` around the block whose `finally` or `except` releases the lock. */
function protectedByTry(block: Node, receiver: string, context: RuleContext): boolean {
  for (const p of ancestors(block, context)) {
    if (SCOPES.has(p.type)) return false;
    if (p.type !== 'try_statement') continue;
    const handlers = p.namedChildren.filter((c): c is Node => c !== null && (c.type === 'finally_clause' || c.type === 'except_clause'));
    if (handlers.some((h) => callsOn(h, receiver, ['release']).length > 0)) return true;
  }
  return false;
}

/** A `return`, or a `break` or `continue` of a loop around the block, in the statement (not in a nested function). */
function leavesBlock(statement: Node, context: RuleContext): boolean {
  const exits = statement.descendantsOfType(['return_statement', 'break_statement', 'continue_statement']);
  if (['return_statement', 'break_statement', 'continue_statement'].includes(statement.type)) exits.push(statement);
  return exits.some((exit) => {
    for (let p = context.parentOf(exit); p && p.id !== context.parentOf(statement)?.id; p = context.parentOf(p)) {
      if (SCOPES.has(p.type)) return false;
      if (exit.type !== 'return_statement' && (p.type === 'for_statement' || p.type === 'while_statement')) return false;
    }
    return true;
  });
}

interface FixInput {
  block: Node;
  acquire: Node;
  release: Node;
  between: Node[];
  receiver: string;
  context: RuleContext;
}

function buildFix({ block, acquire, release, between, receiver, context }: FixInput): Fix | null {
  const { source } = context;
  const row = acquire.startPosition.row;
  const releaseRow = release.startPosition.row;
  const indent = source.indentOf(row);
  // Each call alone on its line (a comment after `acquire()` may stay, on the `with` line).
  const afterAcquire = source.lineText(row).slice(acquire.endPosition.column).trim();
  const afterRelease = source.lineText(releaseRow).slice(release.endPosition.column).trim();
  if (indent.length !== acquire.startPosition.column || acquire.endPosition.row !== row || (afterAcquire && !afterAcquire.startsWith('#'))) return null;
  if (source.indentOf(releaseRow).length !== release.startPosition.column || release.endPosition.row !== releaseRow || afterRelease) return null;
  if (between[0].startPosition.row === row || between[between.length - 1].endPosition.row === releaseRow) return null;
  const header = context.parentOf(block);
  const outer = header ? source.indentOf(header.startPosition.row) : '';
  const unit = indent.startsWith(outer) && indent.length > outer.length ? indent.slice(outer.length) : indent.includes('\t') ? '\t' : '    ';
  const lines = reindentLines({ source, nodes: between, firstRow: row + 1, lastRow: releaseRow - 1, from: indent, to: indent + unit });
  if (!lines) return null;
  const withLine = `${indent}with ${receiver}:${afterAcquire ? `  ${afterAcquire}` : ''}`;
  return {
    title: `Hold \`${receiver}\` in a \`with\` block`,
    safety: 'unsafe',
    edits: [
      {
        range: { start: { line: row, character: 0 }, end: { line: releaseRow, character: source.lineText(releaseRow).length } },
        newText: [withLine, ...lines].join(source.eol),
      },
    ],
  };
}
