import type { Node } from '../../parser';
import { ancestors } from '../parents';
import { firstParameter, lastPart, methodOf, type Method } from '../methods';
import { statementsOf } from '../python';
import type { Rule, RuleContext } from '../rule';
import { DEF_BOUND, isBinding, type Scope, type ScopeTree } from '../scope';

export const classmethodHardcodesClass: Rule = {
  meta: {
    code: 'PP305',
    name: 'classmethod-hardcodes-class',
    title: 'Classmethod builds its own class by name',
    severity: 'information',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a call `C(...)` inside a `@classmethod` of class `C` whose result the method returns, either ' +
        'directly or through a local variable. Calls whose result is only compared or stored elsewhere, ' +
        'classes marked `@final`, and names the method or the module rebinds are left alone.',
      whyIsThisBad:
        'An alternative constructor is inherited: `Subclass.from_row(...)` runs the same code with `cls` ' +
        'bound to the subclass. Naming the class instead of using `cls` makes every subclass get an instance ' +
        'of the base class back, without its overridden methods or extra attributes, and nothing fails ' +
        'until the missing behaviour is needed.',
      example: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x, self.y = x, y',
        '',
        '    @classmethod',
        '    def origin(cls):',
        '        return Point(0, 0)  # Point3D.origin() is a plain Point',
      ].join('\n'),
      useInstead: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x, self.y = x, y',
        '',
        '    @classmethod',
        '    def origin(cls):',
        '        return cls(0, 0)',
      ].join('\n'),
      fixSafety:
        'Unsafe. The class name becomes the classmethod\'s first parameter, so a subclass now builds an ' +
        'instance of itself: its `__init__` runs instead of the base class\'s, and may expect other ' +
        'arguments. No fix is offered when the method has no first parameter or a nested scope rebinds it.',
    },
  },

  create(context) {
    return {
      // Decorators are far fewer than functions: start from `@classmethod`.
      decorator(decorator) {
        if (!/^@\s*(?:builtins\s*\.\s*)?classmethod\s*$/.test(decorator.text)) return;
        const fn = context.parentOf(decorator)?.childForFieldName('definition');
        if (fn?.type !== 'function_definition') return;
        const method = methodOf(fn, context);
        if (!method) return;
        const summary = context.classSummary(method.classNode);
        const className = summary.name;
        if (!className || summary.decorators.some((d) => lastPart(d) === 'final')) return;
        const body = fn.childForFieldName('body');
        if (!body || !body.text.includes(className) || !alwaysReturnsValue(body)) return;
        let tree: ScopeTree | null = null;
        for (const id of body.descendantsOfType('identifier')) {
          if (id?.text !== className) continue;
          const call = context.parentOf(id);
          if (call?.type !== 'call' || call.childForFieldName('function')?.id !== id.id) continue;
          // The call must belong to this method, not to a method of a class nested in it.
          if (enclosingMethod(call, context)?.fn.id !== fn.id) continue;
          tree ??= context.scopes.treeFor(fn);
          if (!namesTheClass(id, fn, method, tree, context) || !isReturned(call, tree, context)) continue;
          const receiver = receiverName(call, fn, tree);
          context.report({
            node: id,
            message: `\`${className}(...)\` names the class, so calling this classmethod on a subclass still returns an instance of \`${className}\`${receiver ? `: use \`${receiver}(...)\`` : ''}`,
            fix: receiver === null ? null : { title: `Use \`${receiver}(...)\``, safety: 'unsafe', edits: [{ range: context.source.rangeOf(id), newText: receiver }] },
          });
        }
      },
    };
  },
};

/**
 * Whether the method ends every path with a value, as an alternative constructor does; one
 * that may return `None` (a bare `return`, `return None`, or falling off its end) is a
 * lookup or a simplification hook (sympy's `eval`), free to return any class it likes.
 */
function alwaysReturnsValue(body: Node): boolean {
  const statements = statementsOf(body);
  const last = statements[statements.length - 1];
  if (!last || (last.type !== 'return_statement' && last.type !== 'raise_statement')) return false;
  return !body.descendantsOfType('return_statement').some((r) => {
    const value = r?.namedChild(0);
    return !value || value.type === 'none';
  });
}

/** The method whose body holds `node` (across nested functions and lambdas, not nested classes). */
function enclosingMethod(node: Node, context: RuleContext): Method | null {
  for (const p of ancestors(node, context)) {
    if (p.type === 'class_definition') return null;
    if (p.type !== 'function_definition') continue;
    const method = methodOf(p, context);
    if (method) return method;
  }
  return null;
}

/** Scopes from the one holding `node` out to the method's own, both included. */
function scopesUpTo(node: Node, fn: Node, tree: ScopeTree): Scope[] {
  const methodScope = tree.scopeDefinedBy(fn);
  const scopes: Scope[] = [];
  for (let s: Scope | null = tree.scopeContaining(node); s; s = s.parent) {
    scopes.push(s);
    if (s === methodScope) return scopes;
  }
  return [];
}

/** Whether the identifier still means the class: nothing between the call and the module binds the name anew. */
function namesTheClass(id: Node, fn: Node, method: Method, tree: ScopeTree, context: RuleContext): boolean {
  const scopes = scopesUpTo(id, fn, tree);
  if (scopes.length === 0 || scopes.some((s) => ((s.symbols.get(id.text)?.flags ?? 0) & DEF_BOUND) !== 0)) return false;
  // A top-level class rebound at module level (`C = wrap(C)`, two definitions) may be something else by then.
  let statement = method.classNode;
  const parent = context.parentOf(statement);
  if (parent?.type === 'decorated_definition') statement = parent;
  const classAtTop = context.parentOf(statement)?.type === 'module';
  return !classAtTop || context.module.bindingCount(id.text) === 1;
}

/**
 * What receives the value of `node`: parentheses and the branches of a conditional
 * expression pass it through unchanged. Returns the receiver and its child on the way.
 */
function valueHolder(node: Node, context: RuleContext): { holder: Node; child: Node } | null {
  let at = node;
  for (;;) {
    const parent = context.parentOf(at);
    if (!parent) return null;
    if (parent.type === 'parenthesized_expression' || (parent.type === 'conditional_expression' && parent.namedChild(1)?.id !== at.id)) {
      at = parent;
      continue;
    }
    return { holder: parent, child: at };
  }
}

function isReturnValue(node: Node, context: RuleContext): boolean {
  const found = valueHolder(node, context);
  if (!found) return false;
  const { holder, child } = found;
  return holder.type === 'return_statement' || (holder.type === 'lambda' && holder.childForFieldName('body')?.id === child.id);
}

/** Whether the call's result is what the method (or a function or lambda inside it) returns, directly or through a local name. */
function isReturned(call: Node, tree: ScopeTree, context: RuleContext): boolean {
  if (isReturnValue(call, context)) return true;
  const found = valueHolder(call, context);
  if (!found || found.holder.type !== 'assignment' || found.holder.childForFieldName('right')?.id !== found.child.id) return false;
  const target = found.holder.childForFieldName('left');
  if (target?.type !== 'identifier') return false;
  const occurrence = tree.occurrenceOf(target);
  const entry = occurrence?.scope.symbols.get(occurrence.name);
  if (!occurrence || occurrence.scope.type !== 'function' || !entry) return false;
  // `obj = Base(...); obj.__class__ = cls`: the base class's constructor is chosen on purpose.
  if (entry.occurrences.some((o) => o.kind === 'read' && isClassAssignment(o.node, context))) return false;
  return entry.occurrences.some((o) => o.kind === 'read' && isReturnValue(o.node, context));
}

function isClassAssignment(name: Node, context: RuleContext): boolean {
  const attribute = context.parentOf(name);
  if (attribute?.type !== 'attribute' || attribute.childForFieldName('attribute')?.text !== '__class__') return false;
  const assignment = context.parentOf(attribute);
  return assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === attribute.id;
}

/** The classmethod's first parameter, when the call can use it: named plainly and bound nowhere else on the way. */
function receiverName(call: Node, fn: Node, tree: ScopeTree): string | null {
  const first = firstParameter(fn);
  if (first.kind !== 'positional') return null;
  const name = first.name!.text;
  const methodScope = tree.scopeDefinedBy(fn);
  const entry = methodScope?.symbols.get(name);
  if (!entry || entry.occurrences.filter(isBinding).length !== 1 || entry.occurrences.some((o) => o.kind === 'delete' || o.kind === 'global' || o.kind === 'nonlocal')) return null;
  const scopes = scopesUpTo(call, fn, tree);
  if (scopes.slice(0, -1).some((s) => ((s.symbols.get(name)?.flags ?? 0) & DEF_BOUND) !== 0 || s.symbols.get(name)?.occurrences.some((o) => o.kind === 'global'))) return null;
  return name;
}
