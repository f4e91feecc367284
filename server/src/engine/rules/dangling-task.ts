import type { Node } from '../../parser';
import { calleeQualifiedName } from '../coroutines';
import { unitTextMatcher, type Rule, type RuleContext } from '../rule';

/** The module functions that wrap a coroutine in a task and hand back the only strong reference to it. */
const TASK_FUNCTIONS = new Set(['asyncio.create_task', 'asyncio.ensure_future']);

/** Calls that give an asyncio event loop, whose `create_task` keeps no reference either. */
const LOOP_FUNCTIONS = new Set(['asyncio.get_running_loop', 'asyncio.get_event_loop', 'asyncio.new_event_loop']);

/** Context managers of test frameworks that expect the block to raise. */
const EXPECTS_ERROR = /(?:\bassertRaises\w*|\braises)\s*\(/;

export const danglingTask: Rule = {
  meta: {
    code: 'PP904',
    name: 'dangling-task',
    title: 'Task created and dropped at once',
    severity: 'warning',
    fix: 'none',
    peers: ['RUF006'],
    docs: {
      whatItDoes:
        'Flags `asyncio.create_task(...)` and `asyncio.ensure_future(...)` (also imported by name) used as a ' +
        'statement of their own, so that the task they return is thrown away. `loop.create_task(...)` is ' +
        'flagged too when `loop` visibly comes from `asyncio.get_running_loop()`, `get_event_loop()` or ' +
        '`new_event_loop()`; other objects with a `create_task` method, such as an `asyncio.TaskGroup`, ' +
        'keep their tasks themselves and are left alone, and so is a call in a test that expects it to raise ' +
        '(directly inside `with self.assertRaises(...)` or `with pytest.raises(...)`).',
      whyIsThisBad:
        'The event loop holds its tasks only through weak references. A task nobody else refers to can be ' +
        'garbage-collected while it waits, and then it simply stops: no error, no result, its `finally` blocks ' +
        'maybe never run. Dropping the task also drops its exception, which at best shows up later as a ' +
        '"Task exception was never retrieved" log line.',
      example: [
        'import asyncio',
        '',
        'async def handle(request, audit_log):',
        '    asyncio.create_task(audit_log.write(request))',
        '    return await respond(request)',
      ].join('\n'),
      useInstead: [
        'import asyncio',
        '',
        'background_tasks = set()',
        '',
        'async def handle(request, audit_log):',
        '    task = asyncio.create_task(audit_log.write(request))',
        '    background_tasks.add(task)',
        '    task.add_done_callback(background_tasks.discard)',
        '    return await respond(request)',
      ].join('\n'),
      fixSafety:
        'No fix: where the reference should live (a set, an attribute, an `asyncio.TaskGroup`, an `await` later ' +
        'on) depends on how long the task is meant to run and who should see its result.',
    },
  },

  create(context) {
    // Most files make no task: then no expression statement (there are many) is even visited.
    if (!context.source.mayContain('create_task') && !context.source.mayContain('ensure_future')) return {};
    const mentionsTask = unitTextMatcher(context, /\b(?:create_task|ensure_future)\b/);
    return {
      expression_statement(statement) {
        if (!mentionsTask() || statement.namedChildCount !== 1) return;
        const call = statement.namedChild(0);
        if (call?.type !== 'call') return;
        const callee = call.childForFieldName('function');
        const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
        if (last?.text !== 'create_task' && last?.text !== 'ensure_future') return;
        const qualified = calleeQualifiedName(call, context);
        const spawner = qualified && TASK_FUNCTIONS.has(qualified) ? `${qualified.split('.').pop()}()` : isLoopMethod(callee!, context) ? 'loop.create_task()' : null;
        if (!spawner || expectsError(statement, context)) return;
        context.report({
          node: call,
          message: `The task \`${spawner}\` returns is dropped: the event loop keeps only a weak reference, so it may vanish before it finishes; keep a reference to it`,
        });
      },
    };
  },
};

/** A `with` block, directly around the statement, that expects it to raise (`self.assertRaises(...)`, `pytest.raises(...)`): no task is made. */
function expectsError(statement: Node, context: RuleContext): boolean {
  const block = context.parentOf(statement);
  const around = block?.type === 'block' ? context.parentOf(block) : null;
  if (around?.type !== 'with_statement') return false;
  const clause = around.namedChildren.find((c) => c?.type === 'with_clause');
  return clause != null && EXPECTS_ERROR.test(clause.text);
}

/** `<loop>.create_task`, where `<loop>` is a call that gives asyncio's event loop or a name bound once to one. */
function isLoopMethod(callee: Node, context: RuleContext): boolean {
  if (callee.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'create_task') return false;
  const receiver = callee.childForFieldName('object');
  if (receiver?.type === 'call') return givesLoop(receiver, context);
  if (receiver?.type !== 'identifier') return false;
  const occurrence = context.scopes.treeFor(receiver).occurrenceOf(receiver);
  const entry = occurrence && occurrence.scope.symbols.get(occurrence.name);
  if (!occurrence || !entry || occurrence.kind !== 'read') return false;
  const bindings = entry.occurrences.filter((o) => o.kind !== 'read');
  if (bindings.length !== 1 || (occurrence.scope.type === 'module' && context.module.bindingCount(receiver.text) !== 1)) return false;
  const assignment = context.parentOf(bindings[0].node);
  const value = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === bindings[0].node.id ? assignment.childForFieldName('right') : null;
  return value?.type === 'call' && givesLoop(value, context);
}

function givesLoop(call: Node, context: RuleContext): boolean {
  const qualified = calleeQualifiedName(call, context);
  return qualified !== null && LOOP_FUNCTIONS.has(qualified);
}
