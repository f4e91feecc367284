import type { Node } from '../../parser';
import { readsModuleName } from '../coroutines';
import { qualifiedName } from '../module-facts';
import { callsTo, unitTextMatcher, type Rule, type RuleContext } from '../rule';

/** What starts worker processes when created, by qualified name (`multiprocessing.dummy.Pool` runs threads and is left out). */
const PROCESS_STARTERS = new Set([
  'concurrent.futures.ProcessPoolExecutor',
  'concurrent.futures.process.ProcessPoolExecutor',
  'multiprocessing.Pool',
  'multiprocessing.pool.Pool',
  'multiprocessing.Process',
  'multiprocessing.context.Process',
]);
const STARTER_NAMES = new Set(['ProcessPoolExecutor', 'Pool', 'Process']);

type Guard = 'main' | 'not-main' | null;

function isMainString(node: Node): boolean {
  return node.type === 'string' && /^(['"])__main__\1$/.test(node.text);
}

/** What a condition says about `__name__`: `main` when it implies `__name__ == "__main__"`, `not-main` when it implies the opposite. */
function guardOf(condition: Node | null): Guard {
  if (!condition) return null;
  if (condition.type === 'parenthesized_expression') return guardOf(condition.namedChild(0));
  if (condition.type === 'not_operator') {
    const inner = guardOf(condition.childForFieldName('argument'));
    return inner === 'main' ? 'not-main' : inner === 'not-main' ? 'main' : null;
  }
  if (condition.type === 'boolean_operator') {
    // `a and b` implies each of them; `a or b` implies neither.
    const operator = condition.childForFieldName('operator')?.type;
    if (operator !== 'and') return null;
    return guardOf(condition.childForFieldName('left')) ?? guardOf(condition.childForFieldName('right'));
  }
  if (condition.type !== 'comparison_operator' || condition.namedChildCount !== 2) return null;
  const [left, right] = [condition.namedChild(0)!, condition.namedChild(1)!];
  const operator = condition.child(1)?.type;
  const named = (n: Node) => n.type === 'identifier' && n.text === '__name__';
  if (!((named(left) && isMainString(right)) || (named(right) && isMainString(left)))) return null;
  return operator === '==' ? 'main' : operator === '!=' ? 'not-main' : null;
}

/**
 * Whether `node` (in a module-level statement) runs only when the module is the main
 * program; null when it is not module-level code at all (inside a `def`, `lambda` or class).
 */
function mainGuarded(node: Node, context: RuleContext): boolean | null {
  let guarded = false;
  let child = node;
  for (let parent = context.parentOf(node); parent; child = parent, parent = context.parentOf(parent)) {
    switch (parent.type) {
      case 'function_definition':
      case 'lambda':
      case 'class_definition':
        return null;
      case 'elif_clause':
        if (child.id === parent.childForFieldName('consequence')?.id && guardOf(parent.childForFieldName('condition')) === 'main') guarded = true;
        break;
      case 'if_statement': {
        if (child.id === parent.childForFieldName('consequence')?.id) {
          if (guardOf(parent.childForFieldName('condition')) === 'main') guarded = true;
          break;
        }
        // In an `elif` or `else`: every condition before it was false.
        const branches = parent.childrenForFieldName('alternative');
        const at = branches.findIndex((b) => b?.id === child.id);
        if (at < 0) break;
        const earlier = [parent.childForFieldName('condition'), ...branches.slice(0, at).map((b) => b?.childForFieldName('condition') ?? null)];
        if (earlier.some((c) => guardOf(c) === 'not-main')) guarded = true;
        break;
      }
    }
  }
  return guarded;
}

export const processPoolWithoutMainGuard: Rule = {
  meta: {
    code: 'PP906',
    name: 'process-pool-without-main-guard',
    title: 'Worker processes started at import time',
    severity: 'warning',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `ProcessPoolExecutor(...)` (from `concurrent.futures`), `multiprocessing.Pool(...)` and ' +
        '`multiprocessing.Process(...)` created by module-level code that is not under ' +
        '`if __name__ == "__main__":`. Code inside functions and classes is not judged, nor a package\'s ' +
        '`__main__.py`, which `multiprocessing` does not run again in its workers.',
      whyIsThisBad:
        'With the *spawn* start method (the default on Windows and macOS) and *forkserver* (the default on ' +
        'Linux from Python 3.14), each worker is a fresh interpreter that imports the main module to find the ' +
        'functions it must run. Module-level code therefore runs again in every worker: the pool creation there ' +
        'tries to start workers of its own, and `multiprocessing` stops it with a `RuntimeError` about the ' +
        '"bootstrapping phase", or the script does its work several times. The same happens to any module a ' +
        'worker imports. A script that works with *fork* on Linux breaks elsewhere.',
      example: [
        'from concurrent.futures import ProcessPoolExecutor',
        '',
        'def square(n):',
        '    return n * n',
        '',
        'with ProcessPoolExecutor() as pool:',
        '    print(list(pool.map(square, range(10))))',
      ].join('\n'),
      useInstead: [
        'from concurrent.futures import ProcessPoolExecutor',
        '',
        'def square(n):',
        '    return n * n',
        '',
        'if __name__ == "__main__":',
        '    with ProcessPoolExecutor() as pool:',
        '        print(list(pool.map(square, range(10))))',
      ].join('\n'),
      fixSafety:
        'There is no fix: moving code under the guard also hides whatever it defines from modules that import ' +
        'this one, and only the author knows which statements belong to the program and which to the module.',
    },
  },

  create(context) {
    const { path } = context.source;
    // A package's `__main__.py` is never run again by `multiprocessing` in its workers (see `multiprocessing.spawn`).
    if ((!context.source.mayContain('Pool') && !context.source.mayContain('Process')) || /(^|[\\/])__main__\.py$/.test(path)) return {};
    const mayStartProcesses = unitTextMatcher(context, /Pool|Process/);
    return {
      ...callsTo(STARTER_NAMES, (call) => {
        if (context.unit.kind !== 'statement' || !mayStartProcesses()) return;
        const callee = call.childForFieldName('function');
        const name = callee?.type === 'identifier' ? callee.text : callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : null;
        if (!callee || !name || !STARTER_NAMES.has(name)) return;
        const qualified = qualifiedName(callee, context.module);
        if (!qualified || !PROCESS_STARTERS.has(qualified)) return;
        if (mainGuarded(call, context) !== false) return;
        let head = callee;
        while (head.type === 'attribute') head = head.childForFieldName('object')!;
        if (!readsModuleName(head, context)) return;
        context.report({
          node: call,
          message: `\`${name}(...)\` at module level starts worker processes on import: workers started with *spawn* or *forkserver* import the main module again and would run it too. Create it under \`if __name__ == "__main__":\` or inside a function`,
        });
      }),
    };
  },
};
