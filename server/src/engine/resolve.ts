// What a name in the code refers to, for rules that care whether `isinstance`, `hash`
// or `list` is the builtin or something the file rebinds.
import type { Node } from '../parser';
import { qualifiedName } from './module-facts';
import { dottedName } from './python';
import type { RuleContext } from './rule';

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
