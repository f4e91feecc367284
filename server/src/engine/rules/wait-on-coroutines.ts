import type { Node } from '../../parser';
import { coroutineCallee, enclosingFunction, readsModuleName } from '../coroutines';
import { importEdit } from '../fixes';
import { qualifiedName } from '../module-facts';
import { unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

const WAIT = new Set(['asyncio.wait', 'asyncio.tasks.wait']);
const DISPLAYS = new Set(['list', 'set', 'tuple']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression']);

/** The collection `wait` gets and what it holds: the elements of a display, the body of a comprehension. */
function collectionOf(call: Node): { collection: Node; elements: Node[]; alone: boolean } | null {
  const args = call.childForFieldName('arguments');
  if (!args) return null;
  // `wait(f(x) for x in xs)`: the generator is the argument list itself.
  if (args.type === 'generator_expression') return { collection: args, elements: [args.childForFieldName('body')!], alone: true };
  const items = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const first = items[0];
  if (!first || first.type === 'keyword_argument') return null;
  let elements: Node[];
  if (DISPLAYS.has(first.type)) elements = first.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  else if (COMPREHENSIONS.has(first.type)) elements = [first.childForFieldName('body')!];
  else return null;
  return { collection: first, elements, alone: items.length === 1 };
}

/** Whether `callee` names asyncio's `wait` (under its own name or an alias: `from asyncio import wait as wait_all`). */
function isAsyncioWait(callee: Node, context: RuleContext): boolean {
  const qualified = qualifiedName(callee, context.module);
  if (!qualified || !WAIT.has(qualified)) return false;
  let head = callee;
  while (head.type === 'attribute') head = head.childForFieldName('object')!;
  return readsModuleName(head, context);
}

/** `gather` as the code can name it: the edits that make `callee` say it, or null. */
function gatherEdits(callee: Node, context: RuleContext): TextEdit[] | null {
  const { source, module } = context;
  if (callee.type === 'attribute') return [{ range: source.rangeOf(callee.childForFieldName('attribute')!), newText: 'gather' }];
  const rename = { range: source.rangeOf(callee), newText: 'gather' };
  if (module.importOf('gather') === 'asyncio.gather') return [rename];
  // `gather` must be free to import: bound nowhere at module level nor in the scopes around the call.
  if (module.bindingCount('gather') > 0) return null;
  for (let scope: ReturnType<typeof context.scopes.treeFor>['module'] | null = context.scopes.treeFor(callee).scopeContaining(callee); scope; scope = scope.parent) {
    if (scope.symbols.has('gather')) return null;
  }
  const added = importEdit('asyncio', 'gather', source, module);
  return added ? [rename, added] : null;
}

function fixOf(call: Node, found: { collection: Node; alone: boolean }, context: RuleContext): Fix | null {
  // `timeout=` and `return_when=` have no counterpart in `gather`.
  if (!found.alone) return null;
  const callee = call.childForFieldName('function')!;
  const renamed = gatherEdits(callee, context);
  if (!renamed) return null;
  const { collection } = found;
  const start = context.source.rangeOf(collection).start;
  const spread: TextEdit[] =
    collection.type === 'generator_expression' && collection.id === call.childForFieldName('arguments')?.id
      ? [{ range: context.source.rangeOf(collection), newText: `(*${collection.text})` }]
      : [{ range: { start, end: start }, newText: '*' }];
  return { title: 'Use `asyncio.gather(*...)`', safety: 'unsafe', edits: [...renamed, ...spread] };
}

export const waitOnCoroutines: Rule = {
  meta: {
    code: 'PP905',
    name: 'wait-on-coroutines',
    title: '`asyncio.wait` given coroutines',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `asyncio.wait(...)` whose first argument is a list, set or tuple display, or a comprehension, ' +
        'holding calls of coroutine functions defined in the same module (a module-level `async def`, or an ' +
        '`async def` method of the enclosing class called on `self` or `cls`).',
      whyIsThisBad:
        '`asyncio.wait` works on tasks and futures. It used to wrap bare coroutines in tasks silently, which was ' +
        'deprecated in Python 3.8, and since 3.11 it raises `TypeError` instead. Code written that way fails as ' +
        'soon as it runs on a current Python, and even before, the `done` set held tasks the caller never ' +
        'created, so matching results to inputs was awkward.',
      example: [
        'import asyncio',
        '',
        'async def fetch(url):',
        '    ...',
        '',
        'async def fetch_all(urls):',
        '    done, pending = await asyncio.wait([fetch(u) for u in urls])',
        '    return [task.result() for task in done]',
      ].join('\n'),
      useInstead: [
        'import asyncio',
        '',
        'async def fetch(url):',
        '    ...',
        '',
        'async def fetch_all(urls):',
        '    return await asyncio.gather(*[fetch(u) for u in urls])',
      ].join('\n'),
      fixSafety:
        'Unsafe: the fix calls `asyncio.gather(*...)` instead, which runs the same coroutines but returns ' +
        'something else. `wait` returns a pair of sets of tasks, `(done, pending)`, in no particular order; ' +
        '`gather` returns the list of results in the order of the inputs, and raises the first exception ' +
        'instead of leaving it in a task. Code that unpacks or iterates the result must be adapted by hand. ' +
        'No fix is offered when `wait` gets other arguments (`timeout=`, `return_when=`), which `gather` does ' +
        'not take: there, wrap each coroutine in `asyncio.create_task(...)` instead.',
    },
  },

  create(context) {
    // Coroutine calls need an `async def` in the file, and the call of `wait` is in the unit itself.
    if (!context.source.mayContain('async') || !context.source.mayContain('wait')) return {};
    const mayWait = unitTextMatcher(context, /wait/);
    return {
      call(call) {
        if (!mayWait()) return;
        const callee = call.childForFieldName('function');
        if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute') || !callee.text.includes('wait') || !isAsyncioWait(callee, context)) return;
        const found = collectionOf(call);
        if (!found) return;
        const fn = enclosingFunction(call, context);
        if (!found.elements.some((e) => coroutineCallee(e, fn, context) !== null)) return;
        context.report({
          node: call,
          message: '`asyncio.wait()` takes tasks, not coroutines: since Python 3.11 this raises `TypeError`. Use `asyncio.gather(*...)`, or wrap each call in `asyncio.create_task(...)`',
          fix: fixOf(call, found, context),
        });
      },
    };
  },
};
