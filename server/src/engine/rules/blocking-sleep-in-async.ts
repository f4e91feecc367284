import type { Node } from '../../parser';
import { calleeQualifiedName, enclosingCoroutine } from '../coroutines';
import { boundAround } from '../resolve';
import { moduleImportEdit } from '../fixes';
import { callsTo, unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/** Parents in which `await x` must be parenthesised to stay the same primary: `(await x).attr`, `(await x)[0]`, `(await x)()`. */
const PRIMARY_PARENTS = new Set(['attribute', 'subscript', 'call']);

/** Async libraries with a `sleep` of their own, under which `asyncio.sleep` would not work. */
const OTHER_LIBRARIES = ['trio', 'anyio', 'curio'];

export const blockingSleepInAsync: Rule = {
  meta: {
    code: 'PP901',
    name: 'blocking-sleep-in-async',
    title: '`time.sleep()` inside an `async def`',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['ASYNC251'],
    docs: {
      whatItDoes:
        'Flags a call of `time.sleep` (however it is imported: `import time`, `import time as t`, ' +
        '`from time import sleep`) in the body of an `async def`. Calls in a nested ordinary `def`, a `lambda`, ' +
        'a class body or a generator expression are left alone: that code may run in a worker thread. ' +
        'A parameter or local variable that rebinds `time` or `sleep` is not the module.',
      whyIsThisBad:
        'A coroutine shares its thread with every other task of the event loop, and the loop can only switch ' +
        'tasks at an `await`. `time.sleep` holds the thread for the whole delay: no other task runs, no timeout ' +
        'fires and no network traffic is handled until it returns. `await asyncio.sleep(...)` waits the same ' +
        'time while letting the loop run the rest.',
      example: [
        'import time',
        '',
        'async def poll(client):',
        '    while not await client.ready():',
        '        time.sleep(0.5)',
      ].join('\n'),
      useInstead: [
        'import asyncio',
        '',
        'async def poll(client):',
        '    while not await client.ready():',
        '        await asyncio.sleep(0.5)',
      ].join('\n'),
      fixSafety:
        'Unsafe: `time.sleep(x)` becomes `await asyncio.sleep(x)` (and `import asyncio` is added when the ' +
        'module lacks it). Other tasks now run during the pause, which may be exactly what the blocking call ' +
        'was keeping out (code that relied on nothing else happening in between), the pause can be cancelled, ' +
        'and `asyncio.sleep` only works under an asyncio loop: in a file that mentions trio, anyio or curio the ' +
        'message names that library\'s `sleep` instead and no fix is offered. No fix is offered either when the ' +
        'name `asyncio` means something else in the module or the function, or the call has keyword arguments.',
    },
  },

  create(context) {
    const mentionsSleep = unitTextMatcher(context, /\bsleep\b/);
    const mentionsAsync = unitTextMatcher(context, /\basync\b/);
    return {
      ...callsTo(['sleep'], (call) => {
        if (!mentionsSleep() || !mentionsAsync()) return;
        const callee = call.childForFieldName('function');
        const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
        if (last?.text !== 'sleep' || calleeQualifiedName(call, context) !== 'time.sleep') return;
        if (!enclosingCoroutine(call, context)) return;
        // In a trio, anyio or curio program the cure is that library's own sleep, not asyncio's.
        const otherLibrary = OTHER_LIBRARIES.find((name) => context.module.wordCount(name) > 0);
        const cure = otherLibrary ? `\`await ${otherLibrary}.sleep(...)\`` : '`await asyncio.sleep(...)`';
        context.report({
          node: call,
          message: `\`${callee!.text}()\` blocks the event loop: no other task runs until it returns; use ${cure}`,
          fix: otherLibrary ? null : buildFix(call, context),
        });
      }),
    };
  },
};

function buildFix(call: Node, context: RuleContext): Fix | null {
  const { source, module } = context;
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list' || args.namedChildren.some((a) => a?.type === 'keyword_argument' || a?.type === 'dictionary_splat')) return null;
  // The new `asyncio` must be the module: neither bound otherwise at module level nor in a function around the call.
  const imported = module.importOf('asyncio') === 'asyncio';
  if ((imported ? module.bindingCount('asyncio') !== 1 : module.bindingCount('asyncio') > 0) || boundAround(call, 'asyncio', context)) return null;
  const parent = context.parentOf(call);
  const awaited = `await asyncio.sleep${source.textOf(args)}`;
  const edits: TextEdit[] = [{ range: source.rangeOf(call), newText: parent && PRIMARY_PARENTS.has(parent.type) ? `(${awaited})` : awaited }];
  const importLine = moduleImportEdit('asyncio', source, module);
  if (importLine) edits.push(importLine);
  return { title: 'Use `await asyncio.sleep(...)`', safety: 'unsafe', edits };
}
