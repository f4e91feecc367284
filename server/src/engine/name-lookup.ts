// What a name means at one place of the unit being analysed. Rules that recognise a
// builtin by its name (`isinstance`, `float`, `dict`, `type`) ask whether anything
// around the place rebinds it, and fixes that write a name (`list`, `Mapping`,
// `numbers`) ask whether the name is free to use there. Python looks a name up in
// the scope the code runs in, then in the enclosing functions (a class body is seen
// only by its own statements, never by the functions inside it), then in the module,
// then in `builtins`: the scope tree answers for the unit, the class summary for the
// rest of a class body, and the recorded module facts for the module.
import type { Node } from '../parser';
import type { RuleContext } from './rule';
import { DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL } from './scope';

/** Whether a function or class around `node` binds `name` where Python would find it first. */
export function boundAround(name: string, node: Node, context: RuleContext): boolean {
  const tree = context.scopes.treeFor(node);
  const innermost = tree.scopeContaining(node);
  for (let scope = innermost; scope.type !== 'module'; ) {
    // A class body is visible to its own statements only, not to the functions inside it.
    if (scope.type !== 'class' || scope === innermost) {
      const flags = scope.symbols.get(name)?.flags ?? 0;
      if (flags & DEF_GLOBAL) return false;
      if (flags & (DEF_BOUND | DEF_NONLOCAL)) return true;
      // A method is analysed with its class's other members left out: their names come from the summary.
      if (scope.type === 'class' && classNames(scope.node, context).has(name)) return true;
    }
    if (!scope.parent) break;
    scope = scope.parent;
  }
  return false;
}

/** Per unit being analysed (its `UnitInfo` lives as long as that analysis), the names each class binds. */
const classNamesByUnit = new WeakMap<object, Map<number, ReadonlySet<string>>>();

/** The names a class body binds, summarised once per unit: the first summary asked for records the read. */
function classNames(cls: Node, context: RuleContext): ReadonlySet<string> {
  let byClass = classNamesByUnit.get(context.unit);
  if (!byClass) classNamesByUnit.set(context.unit, (byClass = new Map()));
  let names = byClass.get(cls.id);
  if (!names) byClass.set(cls.id, (names = new Set(context.classSummary(cls).boundNames)));
  return names;
}

/** Whether `name` at `node` is the builtin of that name: nothing around it and nothing at module level binds it. */
export function isBuiltinAt(name: string, node: Node, context: RuleContext): boolean {
  return context.module.bindingCount(name) === 0 && !boundAround(name, node, context);
}

/**
 * Whether a fix may write `name` at `node` meaning `qualified` (`numbers`, `collections.abc.Mapping`):
 * 'imported' when the module already imports it under that name, 'free' when nothing binds the
 * name (the fix adds the import), null when something else has the name.
 */
export function nameAvailability(name: string, qualified: string, node: Node, context: RuleContext): 'imported' | 'free' | null {
  if (boundAround(name, node, context)) return null;
  if (context.module.importOf(name) === qualified) return 'imported';
  return context.module.bindingCount(name) === 0 ? 'free' : null;
}
