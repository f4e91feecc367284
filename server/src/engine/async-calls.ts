// Which calls make a coroutine, as far as one module can tell: calls of a module-level
// `async def` (`fetch(...)`) and of an `async def` method of the class around the call
// (`self.fetch(...)`, `cls.fetch(...)`). Shared by coroutine-not-awaited (PP903) and
// wait-on-coroutines (PP905). Calls of anything else (imported functions, other
// objects' methods) are unknown and never reported.
import type { Node } from '../parser';
import type { ClassSummary } from './class-summary';
import { firstParameter, methodOf } from './methods';
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

/** Decorators that leave an `async def` method a coroutine function. */
const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod', 'abstractmethod', 'abc.abstractmethod']);

/**
 * The callee as written (`fetch`, `self.fetch`) when `call` makes a coroutine: the
 * function is a module-level `async def` bound nowhere else, or an `async def` method
 * of the class whose method `fn` is, called on that method's first parameter. `fn` is
 * the `def` the call runs in (`enclosingFunction`), or null at module level.
 */
export function coroutineCallee(call: Node, fn: Node | null, context: RuleContext): string | null {
  if (call.type !== 'call') return null;
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return moduleCoroutine(callee, context) ? callee.text : null;
  if (callee?.type === 'attribute' && fn) return methodCoroutine(callee, fn, context) ? callee.text : null;
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

/** A method as the calls in its body see it: its first parameter, whether that is the class, and its class. */
interface MethodView {
  receiver: string;
  onClass: boolean;
  summary: ClassSummary;
  /** Whether the first parameter is never rebound in the method; asked when first needed. */
  receiverKept?: boolean;
}

/** Per rule context, the unit the views were made for and the views by the id of the `def`. */
const views = new WeakMap<RuleContext, { unit: RuleContext['unit']; byFunction: Map<number, MethodView | null> }>();

function methodView(fn: Node, context: RuleContext): MethodView | null {
  let known = views.get(context);
  if (!known || known.unit !== context.unit) views.set(context, (known = { unit: context.unit, byFunction: new Map() }));
  let view = known.byFunction.get(fn.id);
  if (view === undefined) {
    view = describeMethod(fn, context);
    known.byFunction.set(fn.id, view);
  }
  return view;
}

function describeMethod(fn: Node, context: RuleContext): MethodView | null {
  const method = methodOf(fn, context);
  const receiver = firstParameter(fn).name;
  if (!method || !receiver) return null;
  const summary = context.classSummary(method.classNode);
  const own = summary.methods.find((m) => m.node.id === fn.id);
  if (!own || own.decorators.includes('staticmethod')) return null;
  const onClass = own.decorators.includes('classmethod') || ['__new__', '__init_subclass__', '__class_getitem__'].includes(own.name);
  return { receiver: receiver.text, onClass, summary };
}

function methodCoroutine(callee: Node, fn: Node, context: RuleContext): boolean {
  const receiver = callee.childForFieldName('object');
  const attribute = callee.childForFieldName('attribute')?.text;
  // A class summary costs a walk over the class: first ask whether the file has an `async def` of that name at all.
  if (receiver?.type !== 'identifier' || !attribute || !context.module.asyncDefNamed(attribute)) return false;
  const view = methodView(fn, context);
  if (!view || view.receiver !== receiver.text) return false;
  const { summary, onClass } = view;
  // Exactly one binding of the name in the class body, and it is an `async def`.
  const target = summary.methods.find((m) => m.name === attribute);
  if (!target?.isAsync || summary.boundNames.filter((n) => n === attribute).length !== 1) return false;
  if (!target.decorators.every((d) => TRANSPARENT_DECORATORS.has(d))) return false;
  // `cls.m()` makes a coroutine only when `m` needs no instance.
  if (onClass && !target.decorators.some((d) => d === 'classmethod' || d === 'staticmethod')) return false;
  // The receiver read here must be the method's own first parameter (a comprehension in between is fine).
  const tree = context.scopes.treeFor(receiver);
  const scope = tree.scopeDefinedBy(fn);
  if (view.receiverKept === undefined) {
    const entry = scope?.symbols.get(view.receiver);
    view.receiverKept = entry !== undefined && entry.occurrences.every((o) => !isBinding(o) || o.binding === 'parameter');
  }
  const occurrence = tree.occurrenceOf(receiver);
  if (!view.receiverKept || !occurrence || (occurrence.scope !== scope && !occurrence.scope.comprehension)) return false;
  // An instance attribute of the same name (`self.m = ...` in a method) would hide the method.
  return onClass || summary.attributeUse(target.name).assignments.length === 0;
}
