import type { Node } from '../../parser';
import { calleeQualifiedName, enclosingCoroutine, runningScope } from '../coroutines';
import { boundAround } from '../resolve';
import { importEdit } from '../fixes';
import { ancestors } from '../parents';
import { callsTo, unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/** The loop methods that drive a loop from synchronous code: what `asyncio.run` replaces. */
const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);

const DRIVING_METHODS = new Set(['run_until_complete', 'run_forever']);

export const legacyEventLoop: Rule = {
  meta: {
    code: 'PP902',
    name: 'legacy-event-loop',
    title: '`asyncio.get_event_loop()` where a newer API says what is meant',
    severity: 'warning',
    fix: 'safe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `asyncio.get_event_loop()` (also `from asyncio import get_event_loop`) in two places: in the body ' +
        'of an `async def`, where `asyncio.get_running_loop()` is meant, and in synchronous code that keeps the ' +
        'loop in a variable of its own (or uses it directly) to call `run_until_complete` or `run_forever` on ' +
        'it, which `asyncio.run(main())` replaces (for a module-level `loop = asyncio.get_event_loop()` ' +
        'statement: in a file that calls `run_until_complete` or `run_forever`). Other uses in synchronous code are left alone, and so is ' +
        'synchronous code inside a `try` that catches `RuntimeError`: it handles a missing loop on purpose.',
      whyIsThisBad:
        'Outside a running loop `get_event_loop()` asks the event-loop policy, which has created a loop on ' +
        'demand in the past; that is deprecated since Python 3.12 and an error since 3.14 when no loop was set. ' +
        'A script that drives a loop by hand with `run_until_complete` also never closes it, nor shuts down ' +
        'async generators and the default executor; `asyncio.run()` does all of that. Inside a coroutine ' +
        '`get_running_loop()` says exactly what is wanted, the loop running this code, and fails loudly ' +
        'instead of creating a stray loop when called where no loop runs.',
      example: [
        'import asyncio',
        '',
        'async def fetch_later(url):',
        '    loop = asyncio.get_event_loop()',
        '    return await loop.run_in_executor(None, download, url)',
        '',
        'loop = asyncio.get_event_loop()',
        'loop.run_until_complete(fetch_later("https://example.org"))',
      ].join('\n'),
      useInstead: [
        'import asyncio',
        '',
        'async def fetch_later(url):',
        '    loop = asyncio.get_running_loop()',
        '    return await loop.run_in_executor(None, download, url)',
        '',
        'asyncio.run(fetch_later("https://example.org"))',
      ].join('\n'),
      fixSafety:
        'Safe inside an `async def`: the call becomes `asyncio.get_running_loop()` (or `get_running_loop()`, ' +
        'imported next to `get_event_loop`, when that is how the module spells it). While a loop runs the ' +
        'coroutine, `get_event_loop()` returns that running loop before it ever consults the policy, so both ' +
        'calls give the same object. They differ only when a coroutine is stepped by hand without any event ' +
        'loop (`coro.send(None)`, or under another framework such as trio), where `get_running_loop()` raises ' +
        'instead of creating a loop nothing runs. No fix is offered for synchronous code: moving to ' +
        '`asyncio.run()` changes the structure of the program.',
    },
  },

  create(context) {
    const mentionsLoop = unitTextMatcher(context, /\bget_event_loop\b/);
    return {
      ...callsTo(['get_event_loop'], (call) => {
        if (!mentionsLoop()) return;
        const callee = call.childForFieldName('function');
        const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
        if (last?.text !== 'get_event_loop' || call.childForFieldName('arguments')?.namedChildCount !== 0) return;
        if (calleeQualifiedName(call, context) !== 'asyncio.get_event_loop') return;
        if (enclosingCoroutine(call, context)) {
          context.report({
            node: call,
            message: 'Inside a coroutine, `get_running_loop()` says what is meant: the loop running this code',
            fix: buildFix(call, last, context),
          });
        } else if (drivesLoop(call, context) && !handlesMissingLoop(call, context)) {
          context.report({
            node: call,
            message: 'Driving a loop from `get_event_loop()` by hand is the old way: `asyncio.run(main())` creates the loop, runs the coroutine and closes the loop',
          });
        }
      }),
    };
  },
};

/**
 * Whether the loop is used for `run_until_complete` or `run_forever`: directly
 * (`get_event_loop().run_forever()`), or through a name that the statement
 * `loop = get_event_loop()` binds once in its scope.
 */
function drivesLoop(call: Node, context: RuleContext): boolean {
  const parent = context.parentOf(call);
  if (parent?.type === 'attribute') return isDrivingCall(parent, context);
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== call.id) return false;
  const target = parent.childForFieldName('left');
  if (target?.type !== 'identifier') return false;
  const occurrence = context.scopes.treeFor(target).occurrenceOf(target);
  const entry = occurrence && occurrence.scope.symbols.get(occurrence.name);
  if (!occurrence || !entry) return false;
  const bindings = entry.occurrences.filter((o) => o.kind !== 'read');
  // Another binding anywhere (in the scope, or at module level for a module-level name) might be the loop that is run.
  if (bindings.length !== 1 || (occurrence.scope.type === 'module' && context.module.bindingCount(target.text) !== 1)) return false;
  const scope = runningScope(call, context);
  const drivenHere = entry.occurrences.some((o) => {
    if (o.kind !== 'read' || runningScope(o.node, context)?.id !== scope?.id) return false;
    const use = context.parentOf(o.node);
    return use?.type === 'attribute' && use.childForFieldName('object')?.id === o.node.id && isDrivingCall(use, context);
  });
  if (drivenHere) return true;
  // `loop = asyncio.get_event_loop()` as a statement of its own at module level: its uses are in other
  // statements, out of this unit's sight. A script that also says `run_until_complete` or
  // `run_forever` somewhere is taken to drive this loop.
  const statement = context.parentOf(parent);
  return (
    statement?.type === 'expression_statement' &&
    statement.id === context.unit.node.id &&
    context.unit.kind === 'statement' &&
    [...DRIVING_METHODS].some((method) => context.module.wordCount(method) > 0)
  );
}

/**
 * Whether a `try` around the call catches `RuntimeError` (or everything): the author
 * handles the case with no loop on purpose, typically by falling back to `asyncio.run`.
 */
function handlesMissingLoop(call: Node, context: RuleContext): boolean {
  let child = call;
  for (const p of ancestors(call, context)) {
    if (SCOPE_TYPES.has(p.type)) return false;
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === child.id) {
      const handlers = p.namedChildren.filter((c): c is Node => c?.type === 'except_clause');
      if (handlers.some(catchesRuntimeError)) return true;
    }
    child = p;
  }
  return false;
}

/** `except:`, `except RuntimeError:`, `except (OSError, Exception) as e:`... */
function catchesRuntimeError(handler: Node): boolean {
  const caught = handler.namedChildren.find((c) => c?.type !== 'block');
  return !caught || /\b(?:RuntimeError|Exception|BaseException)\b/.test(caught.text);
}

/** `<loop>.run_until_complete(...)` or `<loop>.run_forever()`, given the attribute. */
function isDrivingCall(attribute: Node, context: RuleContext): boolean {
  const call = context.parentOf(attribute);
  return call?.type === 'call' && call.childForFieldName('function')?.id === attribute.id && DRIVING_METHODS.has(attribute.childForFieldName('attribute')?.text ?? '');
}

function buildFix(call: Node, name: Node, context: RuleContext): Fix | null {
  const { source, module } = context;
  const edits: TextEdit[] = [{ range: source.rangeOf(name), newText: 'get_running_loop' }];
  if (name.id === call.childForFieldName('function')?.id) {
    // `get_event_loop()` imported from asyncio: `get_running_loop` must be free to import, or be asyncio's already.
    const imported = module.importOf('get_running_loop') === 'asyncio.get_running_loop';
    if ((imported ? module.bindingCount('get_running_loop') !== 1 : module.bindingCount('get_running_loop') > 0) || boundAround(call, 'get_running_loop', context)) return null;
    const importLine = importEdit('asyncio', 'get_running_loop', source, module);
    if (!importLine && !imported) return null;
    if (importLine) edits.push(importLine);
  }
  return { title: 'Use `get_running_loop()`', safety: 'safe', edits };
}
