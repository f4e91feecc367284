// What a name means at one place of the unit being analysed, for rules that care whether
// `isinstance`, `hash` or `list` is the builtin or something the file rebinds, and for
// fixes that write a name (`list`, `Mapping`, `asyncio`) and must know it is free there.
// Python looks a name up in the scope the code runs in, then in the enclosing functions
// (a class body is seen only by its own statements, never by the functions inside it),
// then in the module, then in `builtins`: the scope tree answers for the unit, the class
// summary for the rest of a class body, and the recorded module facts for the module.
import type { Node } from '../parser';
import { qualifiedName } from './module-facts';
import { dottedName } from './python';
import type { RuleContext } from './rule';
import { DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL, type Scope } from './scope';
import { mayBind } from './scope/maybe-bound';

/**
 * The qualified name an identifier or dotted name refers to: `builtins.hash`,
 * `collections.deque` (through the module's imports), or null when a function, class or
 * comprehension around it binds the first name, or the module binds it otherwise.
 * Ask after a cheap check of the text: the unit's scope tree is built on first use.
 */
export function resolveName(node: Node, context: RuleContext): string | null {
  if (!dottedName(node)) return null;
  let head = node;
  while (head.type === 'attribute') head = head.childForFieldName('object')!;
  // The scope tree sees the unit's text: when nothing there may bind the name, it has no answer but the module's.
  const sites = context.bindingSites();
  if (sites && !mayBind(sites, head.text)) return qualifiedName(node, context.module);
  const occurrence = context.scopes.treeFor(head).occurrenceOf(head);
  if (occurrence) {
    const entry = occurrence.scope.symbols.get(occurrence.name);
    const scope = entry?.scope;
    // A name the function (or an enclosing one) binds, or a class body binds before the read.
    if (occurrence.scope.type !== 'module' && (scope === 'local' || scope === 'free' || scope === 'cell')) return null;
  }
  return qualifiedName(node, context.module);
}

/** True when `node` is a name for the builtin `name` (`len`, `isinstance`), not a rebinding of it. */
export function isBuiltin(node: Node, name: string, context: RuleContext): boolean {
  return node.type === 'identifier' && node.text === name && resolveName(node, context) === `builtins.${name}`;
}

/**
 * Whether `name`, if written where `node` stands, would find a binding of a function, class
 * or comprehension around `node` rather than the module's (explicit `global` declarations
 * lead to the module). The code need not mention the name yet: for names a fix writes. A
 * method unit sees its class body's other names through the class summary, and a function
 * the names its enclosing functions bind outside the unit through `enclosingBound`.
 */
export function boundAround(node: Node, name: string, context: RuleContext): boolean {
  const tree = context.scopes.treeFor(node);
  const innermost = tree.scopeContaining(node);
  for (let scope: Scope | null = innermost; scope && scope.type !== 'module'; scope = scope.parent) {
    // A class body's names are visible in the class body itself, not in functions nested in it.
    if (scope.type === 'class' && scope !== innermost) continue;
    const entry = scope.symbols.get(name);
    if (entry) {
      if (entry.flags & DEF_GLOBAL) return false;
      if (entry.flags & (DEF_BOUND | DEF_NONLOCAL) || entry.scope === 'local' || entry.scope === 'cell' || entry.scope === 'free') return true;
    }
    if (scope.enclosingBound?.has(name)) return true;
    if (scope.type === 'class' && classNames(scope.node, context).has(name)) return true;
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

/**
 * The qualified name that `name`, if written where `node` stands, would refer to
 * (`builtins.callable`, `operator.itemgetter` through an import), or null when a
 * function, class or comprehension around `node` binds it, or the module binds it otherwise.
 */
export function resolveNameAt(node: Node, name: string, context: RuleContext): string | null {
  if (boundAround(node, name, context)) return null;
  const imported = context.module.importOf(name);
  if (imported) return context.module.bindingCount(name) === 1 ? imported : null;
  return context.module.bindingCount(name) === 0 ? `builtins.${name}` : null;
}

/** Whether `name` at `node` is the builtin of that name: nothing around it and nothing at module level binds it. */
export function isBuiltinAt(node: Node, name: string, context: RuleContext): boolean {
  return context.module.bindingCount(name) === 0 && !boundAround(node, name, context);
}

/**
 * Whether a fix may write `name` at `node` meaning `qualified` (`numbers`, `collections.abc.Mapping`):
 * 'imported' when the module already imports it under that name, 'free' when nothing binds the
 * name (the fix adds the import), null when something else has the name.
 */
export function nameAvailability(node: Node, name: string, qualified: string, context: RuleContext): 'imported' | 'free' | null {
  if (boundAround(node, name, context)) return null;
  if (context.module.importOf(name) === qualified) return 'imported';
  return context.module.bindingCount(name) === 0 ? 'free' : null;
}
