// Which calls make a coroutine, as far as one module can tell: calls of a module-level
// `async def` (`fetch(...)`) and of an `async def` method of the class around the call
// (`self.fetch(...)`, `cls.fetch(...)`). Shared by coroutine-not-awaited (PP903) and
// wait-on-coroutines (PP905). Calls of anything else (imported functions, other
// objects' methods) are unknown and never reported.
import type { Node } from '../parser';
import { firstParameter, methodOf } from './methods';
import { isAsyncDef } from './module-facts';
import type { RuleContext } from './rule';
import { isBinding } from './scope/model';

/** The innermost `def` around `node` (comprehensions looked through), or null at module or class level and inside a lambda. */
export function enclosingFunction(node: Node, context: RuleContext): Node | null {
  for (let p = context.parentOf(node); p; p = context.parentOf(p)) {
    if (p.type === 'function_definition') return p;
    if (p.type === 'lambda' || p.type === 'class_definition') return null;
  }
  return null;
}

/** Whether `node` sits directly in the body of an `async def` (not in a nested `def`, lambda or class). */
export function inCoroutine(node: Node, context: RuleContext): boolean {
  const fn = enclosingFunction(node, context);
  return fn !== null && isAsyncDef(fn);
}

/** Decorators that leave an `async def` method a coroutine function. */
const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod', 'abstractmethod', 'abc.abstractmethod']);

/**
 * The callee as written (`fetch`, `self.fetch`) when `call` makes a coroutine: the
 * function is a module-level `async def` bound nowhere else, or an `async def` method
 * of the class whose method the call is in, called on that method's first parameter.
 */
export function coroutineCallee(call: Node, context: RuleContext): string | null {
  if (call.type !== 'call') return null;
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return moduleCoroutine(callee, context) ? callee.text : null;
  if (callee?.type === 'attribute') return methodCoroutine(callee, call, context) ? callee.text : null;
  return null;
}

/** Whether the identifier reads a module-level name (no local, enclosing or `global` binding in between). */
export function readsGlobal(identifier: Node, context: RuleContext): boolean {
  const occurrence = context.scopes.treeFor(identifier).occurrenceOf(identifier);
  if (!occurrence || occurrence.kind !== 'read') return false;
  if (occurrence.scope.type === 'module') return true;
  return occurrence.scope.symbols.get(occurrence.name)?.scope === 'global_implicit';
}

function moduleCoroutine(name: Node, context: RuleContext): boolean {
  // The fact is cheap to ask, the scope tree is not: ask it first.
  return context.module.coroutineFunction(name.text) && readsGlobal(name, context);
}

function methodCoroutine(callee: Node, call: Node, context: RuleContext): boolean {
  const receiver = callee.childForFieldName('object');
  const attribute = callee.childForFieldName('attribute')?.text;
  if (receiver?.type !== 'identifier' || !attribute) return false;
  const fn = enclosingFunction(call, context);
  const method = fn ? methodOf(fn, context) : null;
  if (!fn || !method || firstParameter(fn).name?.text !== receiver.text) return false;
  const summary = context.classSummary(method.classNode);
  const own = summary.methods.find((m) => m.node.id === fn.id);
  if (!own || own.decorators.includes('staticmethod')) return false;
  const onClass = own.decorators.includes('classmethod') || ['__new__', '__init_subclass__', '__class_getitem__'].includes(own.name);
  // Exactly one binding of the name in the class body, and it is an `async def`.
  if (summary.boundNames.filter((n) => n === attribute).length !== 1) return false;
  const target = summary.methods.find((m) => m.name === attribute);
  if (!target?.isAsync || !target.decorators.every((d) => TRANSPARENT_DECORATORS.has(d))) return false;
  // `cls.m()` makes a coroutine only when `m` needs no instance.
  if (onClass && !target.decorators.some((d) => d === 'classmethod' || d === 'staticmethod')) return false;
  // The receiver must still be the method's first parameter.
  const tree = context.scopes.treeFor(receiver);
  const scope = tree.scopeDefinedBy(fn);
  const entry = scope?.symbols.get(receiver.text);
  if (!entry || !entry.occurrences.every((o) => !isBinding(o) || o.binding === 'parameter')) return false;
  const occurrence = tree.occurrenceOf(receiver);
  if (!occurrence || (occurrence.scope !== scope && !occurrence.scope.comprehension)) return false;
  // An instance attribute of the same name (`self.m = ...` in a method) would hide the method.
  return onClass || summary.attributeUse(attribute).assignments.length === 0;
}
