import { coroutineCallee, enclosingFunction } from '../coroutines';
import { isAsyncDef } from '../module-facts';
import { unitTextMatcher, type Rule } from '../rule';

const ASYNC_DEF = /\basync\s+def\b/;

export const coroutineNotAwaited: Rule = {
  meta: {
    code: 'PP903',
    name: 'coroutine-not-awaited',
    title: 'Coroutine called without `await`',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a statement inside an `async def` that only calls a coroutine function of the same module — a ' +
        'module-level `async def`, or an `async def` method of the enclosing class called on `self` or `cls` — ' +
        'and drops the result instead of awaiting it. Calls of functions defined elsewhere are not judged.',
      whyIsThisBad:
        'Calling an `async def` function does not run it: it only builds a coroutine object. Unless someone ' +
        'awaits that object or schedules it as a task, its body never executes, and Python merely prints ' +
        '"coroutine ... was never awaited" when the object is garbage-collected. The code reads as if the work ' +
        'happened, and nothing fails where the mistake is.',
      example: [
        'async def save(record):',
        '    ...',
        '',
        'async def handle(record):',
        '    save(record)',
        '    return "stored"',
      ].join('\n'),
      useInstead: [
        'async def save(record):',
        '    ...',
        '',
        'async def handle(record):',
        '    await save(record)',
        '    return "stored"',
      ].join('\n'),
      fixSafety:
        'Unsafe: the fix puts `await` in front of the call, so the coroutine now runs, to completion, before the ' +
        'next statement: its side effects happen, its exceptions propagate, and the caller waits for it. That is ' +
        'almost always what was meant, but it is a change of behaviour, and when the intent was to start the work ' +
        'in the background, `asyncio.create_task` (keeping a reference to the task) is the right cure instead. ' +
        'For a method, the rule reads only its signature, so an `async def` method that is really an async ' +
        'generator (it contains `yield`) is flagged too, and there `await` is wrong: iterate it with `async for`.',
    },
  },

  create(context) {
    // The call must sit in an `async def` of its own unit: a file without one has nothing to report.
    if (!context.source.mayContain('async') || !context.source.mayContain(ASYNC_DEF)) return {};
    const mayHaveCoroutines = unitTextMatcher(context, ASYNC_DEF);
    return {
      expression_statement(statement) {
        if (!mayHaveCoroutines() || statement.namedChildCount !== 1) return;
        const call = statement.namedChild(0)!;
        if (call.type !== 'call') return;
        const fn = enclosingFunction(call, context);
        if (!fn || !isAsyncDef(fn)) return;
        const callee = coroutineCallee(call, fn, context);
        if (!callee) return;
        const start = context.source.rangeOf(call).start;
        context.report({
          node: call,
          message: `\`${callee}(...)\` only creates a coroutine, and nothing awaits it: its body never runs. Add \`await\`, or start it with \`asyncio.create_task\` and keep the task`,
          fix: { title: 'Await the coroutine', safety: 'unsafe', edits: [{ range: { start, end: start }, newText: 'await ' }] },
        });
      },
    };
  },
};
