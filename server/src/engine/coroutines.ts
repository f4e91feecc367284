// Where code runs, for the async rules: which function executes a node (a default value
// runs in the scope around its `def`, a lambda's body when the lambda is called), whether
// that function is a coroutine, whether a dotted callee names what the module imports, and
// which calls make a coroutine.
import type { Node } from '../parser';
import type { ClassSummary } from './class-summary';
import { firstParameter, methodOf } from './methods';
import { qualifiedName } from './module-facts';
import { dottedName } from './python';
import type { RuleContext } from './rule';
import type { ParentLookup } from './parents';
import { isBinding } from './scope/model';

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


// Which calls make a coroutine, as far as one module can tell: calls of a module-level
// `async def` (`fetch(...)`) and of an `async def` method of the class around the call
// (`self.fetch(...)`, `cls.fetch(...)`). Calls of anything else (imported functions,
// other objects' methods) are unknown and never reported (PP903, PP905).

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

function moduleCoroutine(name: Node, context: RuleContext): boolean {
  // The fact is cheap to ask, the scope tree is not: ask it first.
  return context.module.coroutineFunction(name.text) && readsModuleName(name, context);
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
