// Where code runs, for the async rules: which function executes a node (a default value
// runs in the scope around its `def`, a lambda's body when the lambda is called), whether
// that function is a coroutine, and whether a dotted callee names what the module imports.
import type { Node } from '../parser';
import { qualifiedName } from './module-facts';
import { dottedName } from './python';
import type { RuleContext } from './rule';
import type { ParentLookup } from './parents';
import type { Scope } from './scope/model';

/** `async def`: the keyword is the first token of the `function_definition`. */
export function isAsyncFunction(node: Node): boolean {
  return node.type === 'function_definition' && node.firstChild?.type === 'async';
}

/**
 * The construct whose own code runs `node` when it executes: the innermost `def` or `lambda`
 * whose body holds it, a class body, or a generator expression (whose elements run whenever
 * it is iterated); null at module level. List, set and dict comprehensions run at once, so
 * they are transparent; parameters' defaults and annotations belong to the scope around the `def`.
 */
export function runningScope(node: Node, parents: ParentLookup): Node | null {
  let child = node;
  for (let p = parents.parentOf(node); p; child = p, p = parents.parentOf(p)) {
    switch (p.type) {
      case 'function_definition':
      case 'lambda':
      case 'class_definition':
        if (p.childForFieldName('body')?.id === child.id) return p;
        break;
      case 'generator_expression':
        // The first iterable is evaluated where the generator expression is written.
        if (!isFirstIterable(p, child)) return p;
        break;
    }
  }
  return null;
}

function isFirstIterable(generator: Node, child: Node): boolean {
  if (child.type !== 'for_in_clause') return false;
  const first = generator.namedChildren.find((c) => c?.type === 'for_in_clause');
  return first?.id === child.id;
}

/** The `async def` whose own body runs `node` (not a nested `def`, `lambda`, class or generator expression), or null. */
export function enclosingCoroutine(node: Node, parents: ParentLookup): Node | null {
  const scope = runningScope(node, parents);
  return scope && isAsyncFunction(scope) ? scope : null;
}

/** Whether the identifier reads the module-level binding: no function, class or comprehension around it binds the name. */
export function readsModuleName(identifier: Node, context: RuleContext): boolean {
  const occurrence = context.scopes.treeFor(identifier).occurrenceOf(identifier);
  if (!occurrence) return false;
  if (occurrence.scope.type === 'module') return true;
  const entry = occurrence.scope.symbols.get(occurrence.name);
  return entry?.scope === 'global_implicit' || entry?.scope === 'global_explicit';
}

/**
 * The qualified name of a callee such as `time.sleep`, `t.sleep` or `sleep` (`time.sleep` when the
 * module imports it so), or null when the head of the name is bound in a function or class
 * around it (a parameter called `time`) or more than once at module level, or is not a plain dotted name.
 */
export function calleeQualifiedName(call: Node, context: RuleContext): string | null {
  const callee = call.childForFieldName('function');
  if (!callee || !dottedName(callee)) return null;
  let head = callee;
  while (head.type === 'attribute') head = head.childForFieldName('object')!;
  // `import time` and then `time = FakeClock()`: the import no longer tells what the name holds.
  if (!readsModuleName(head, context) || context.module.bindingCount(head.text) > 1) return null;
  return qualifiedName(callee, context.module);
}

/**
 * Whether `name`, written at `node`, would read the module-level binding: no function,
 * comprehension or class around it binds the name (or could, as an enclosing function's local).
 * For code a fix inserts, where no identifier exists yet to ask the scope tree about.
 */
export function nameIsGlobalAt(name: string, node: Node, context: RuleContext): boolean {
  for (let scope: Scope | null = context.scopes.treeFor(node).scopeContaining(node); scope; scope = scope.parent) {
    if (scope.type === 'module') return true;
    const entry = scope.symbols.get(name);
    if (entry && entry.scope !== 'global_implicit' && entry.scope !== 'global_explicit') return false;
    if (scope.enclosingBound?.has(name)) return false;
  }
  return true;
}
