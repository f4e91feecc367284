// What a name in the code refers to, for rules that care whether `isinstance`, `hash`
// or `list` is the builtin or something the file rebinds.
import type { Node } from '../parser';
import { qualifiedName } from './module-facts';
import { dottedName } from './python';
import type { RuleContext } from './rule';
import { DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL, type Scope } from './scope';

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
 * lead to the module). The code need not mention the name yet: for names a fix writes.
 */
export function boundAround(node: Node, name: string, context: RuleContext): boolean {
  const tree = context.scopes.treeFor(node);
  let first = true;
  for (let scope: Scope | null = tree.scopeContaining(node); scope && scope.type !== 'module'; scope = scope.parent, first = false) {
    // A class body's names are visible in the class body itself, not in functions nested in it.
    if (scope.type === 'class' && !first) continue;
    const entry = scope.symbols.get(name);
    if (!entry) continue;
    if (entry.flags & DEF_GLOBAL) return false;
    if (entry.flags & (DEF_BOUND | DEF_NONLOCAL) || entry.scope === 'local' || entry.scope === 'cell' || entry.scope === 'free') return true;
  }
  return false;
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
