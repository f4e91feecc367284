// How a fix can name something a module exports (`wraps`, `field`, `UserDict`) at a
// given place: through an import the file already has, or a new one. Shared by the
// fixes that add a decorator, a default factory or a base class; each one declines
// rather than use a name that means something else where the new code runs.
import type { Node } from '../parser';
import { importEdit } from './fixes';
import { ancestors } from './parents';
import type { RuleContext } from './rule';
import type { TextEdit } from './types';

/** Whether a function around `node` binds `name` (or takes it from a further function): there it is not the module's name. */
export function boundByEnclosingFunction(name: string, node: Node, context: RuleContext): boolean {
  for (const p of ancestors(node, context)) {
    if (p.type !== 'function_definition' && p.type !== 'lambda') continue;
    const entry = context.scopes.treeFor(p).scopeDefinedBy(p)?.symbols.get(name);
    if (entry && entry.scope !== 'global_implicit' && entry.scope !== 'global_explicit') return true;
  }
  return false;
}

export interface NameAccess {
  /** What the new code writes: `wraps`, or `functools.wraps`. */
  text: string;
  /** The import to add, if any. */
  edit: TextEdit | null;
}

/**
 * How code at `node` can name `module.name` (a module of one segment): the name when
 * it is already imported, merged into an existing `from module import ...`, the dotted
 * name when the module itself is imported, else a new `from module import name`. Null
 * when every way is taken by another binding: at module level, in a function around
 * `node`, or in `classNames` (the class body the code runs in, when it does).
 */
export function nameFromModule(module: string, name: string, node: Node, context: RuleContext, classNames: readonly string[] = []): NameAccess | null {
  const facts = context.module;
  const free = (local: string) => !classNames.includes(local) && !boundByEnclosingFunction(local, node, context);
  if (!free(name)) return moduleAccess(module, name, node, context, classNames);
  if (facts.importOf(name) === `${module}.${name}`) return { text: name, edit: null };
  const existing = facts.fromImport(module);
  // With `from module import *` the name is there already (all three modules list theirs in `__all__`).
  if (existing?.star && facts.bindingCount(name) === 0) return { text: name, edit: null };
  if (existing && facts.bindingCount(name) === 0) return { text: name, edit: importEdit(module, name, context.source, facts) };
  const dotted = moduleAccess(module, name, node, context, classNames);
  if (dotted) return dotted;
  if (facts.bindingCount(name) > 0) return null;
  return { text: name, edit: importEdit(module, name, context.source, facts) };
}

/** `module.name` when `import module` binds the module and nothing nearer hides it. */
function moduleAccess(module: string, name: string, node: Node, context: RuleContext, classNames: readonly string[]): NameAccess | null {
  if (context.module.importOf(module) !== module || classNames.includes(module) || boundByEnclosingFunction(module, node, context)) return null;
  return { text: `${module}.${name}`, edit: null };
}
