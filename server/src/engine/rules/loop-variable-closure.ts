import type { Node } from '../../parser';
import type { ParentLookup } from '../parents';
import { isUnitFunction, type Rule } from '../rule';
import { DEF_BOUND, DEF_GLOBAL, DEF_NONLOCAL, isBinding, type Occurrence, type Scope, type ScopeTree } from '../scope';
import { named } from '../scope/builder';
import type { Fix } from '../types';

/** Calls that keep the callable they receive for later: containers, schedulers, threads, registries. */
const KEEPING_METHODS = new Set([
  'append', 'appendleft', 'add', 'insert', 'extend', 'extendleft', 'setdefault', 'update', 'put', 'put_nowait',
  'register', 'connect', 'call_soon', 'call_soon_threadsafe', 'call_later', 'call_at', 'add_done_callback',
  'addCleanup', 'callback', 'push', 'after', 'after_idle', 'trace_add', 'bind', 'add_reader', 'add_writer',
  'add_signal_handler', 'start_new_thread',
]);
const KEEPING_FUNCTIONS = new Set(['Thread', 'Timer', 'Process', 'partial', 'setattr', 'start_new_thread', 'MethodType']);
/** Keyword arguments that name a callback stored for later. */
const CALLBACK_KEYWORDS = new Set(['target', 'callback', 'command', 'handler', 'default_factory']);
/** Pass-through positions: the closure ends up inside the value built here. */
const CONTAINERS = new Set([
  'parenthesized_expression', 'tuple', 'list', 'set', 'expression_list', 'list_splat', 'dictionary', 'pair',
  'dictionary_splat', 'boolean_operator',
]);
const COLLECTING_COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);
const LOOP_ENDS = new Set(['break_statement', 'return_statement', 'raise_statement']);
/** Decorators that file the function away (web routes, signal receivers, hooks) rather than wrap it. */
const REGISTERING_DECORATOR = /(register|route|connect|command|listen|subscribe|receiver|hook|handler|callback)\w*$|\.on(_\w+)?$/i;

export const loopVariableClosure: Rule = {
  meta: {
    code: 'PP803',
    name: 'loop-variable-closure',
    title: 'Closure made in a loop captures the loop variable, not its value',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['B023'],
    docs: {
      whatItDoes:
        'Flags a `lambda` or nested `def` created inside a loop (or a list, set or dict comprehension) that reads ' +
        'a variable the loop rebinds, when the function outlives the iteration: it is appended to a list, stored ' +
        'under a key, handed to a thread, scheduler or callback registry, or collected by the comprehension.',
      whyIsThisBad:
        'A closure stores the variable, not its value at the moment it was created, and looks the value up only ' +
        'when it is called. By then the loop has moved on, so every function made by the loop sees the last value: ' +
        'three buttons that all print "2", callbacks that all act on the last item. Calling the function right away ' +
        'inside the same iteration is fine, and so is returning it from the loop, which ends the loop.',
      example: [
        'callbacks = []',
        'for name in ["ann", "bob"]:',
        '    callbacks.append(lambda: print("hi", name))',
        '[cb() for cb in callbacks]  # prints "hi bob" twice',
      ].join('\n'),
      useInstead: [
        'callbacks = []',
        'for name in ["ann", "bob"]:',
        '    callbacks.append(lambda name=name: print("hi", name))',
      ].join('\n'),
      fixSafety:
        'Unsafe. The fix adds `name=name` parameters, which evaluate the value when the function is created. The ' +
        'function gains optional parameters: a caller that passes more arguments than before now fills them ' +
        'instead of getting a TypeError. `functools.partial` is an alternative the fix does not choose for you.',
    },
  },

  create(context) {
    const check = (closure: Node) => {
      // A method, a function that is a top-level statement, or a closure outside any loop of
      // its scope: no loop variable changes under it (a method reads its class's names only
      // through `self`), so it needs no scope tree.
      if (isUnitFunction(context.unit, closure) || !insideLoop(closure, context)) return;
      const tree = context.scopes.treeFor(closure);
      const scope = tree.scopeDefinedBy(closure);
      if (!scope?.parent) return;
      const captured: Array<{ name: string; binder: Scope }> = [];
      for (const [name, entry] of scope.symbols) {
        if (entry.flags & (DEF_BOUND | DEF_GLOBAL | DEF_NONLOCAL) || name.startsWith('.')) continue;
        if (entry.scope !== 'free' && entry.scope !== 'global_implicit') continue;
        const binder = bindingScope(scope, name, entry.scope);
        if (!binder) continue;
        const loops = loopsAround(closure, binder, context);
        const bindings = binder.symbols.get(name)?.occurrences.filter(isBinding) ?? [];
        if (loops === null || !loops.some((loop) => bindings.some((b) => within(b.node, loop)))) continue;
        captured.push({ name, binder });
      }
      if (captured.length === 0 || !escapes(closure, tree, context) || endsLoop(closure, captured[0].binder, context)) return;
      const label = closure.type === 'lambda' ? 'this lambda' : `\`${closure.childForFieldName('name')?.text ?? 'this function'}\``;
      for (const { name } of captured) {
        const read = firstRead(scope, name);
        if (!read) continue;
        context.report({
          node: read.node,
          message:
            `${label} reads \`${read.node.text}\` when it is called, after the loop has moved on: every function this loop ` +
            `creates sees the last \`${read.node.text}\`; bind the current value with a default \`${read.node.text}=${read.node.text}\``,
          fix: defaultParameterFix(closure, read.node.text),
        });
      }
    };
    return { lambda: check, function_definition: check };
  },
};

function within(node: Node, container: Node): boolean {
  return container.startIndex <= node.startIndex && node.endIndex <= container.endIndex;
}

/** The scope whose variable a free (or module-level) name of the closure is. */
function bindingScope(closure: Scope, name: string, kind: string): Scope | null {
  for (let s = closure.parent; s; s = s.parent) {
    if (s.type === 'class') return null;
    const entry = s.symbols.get(name);
    if (kind === 'global_implicit') {
      if (s.type === 'module') return entry?.occurrences.some(isBinding) ? s : null;
      if (!s.comprehension) return null;
      continue;
    }
    if (entry && (entry.scope === 'local' || entry.scope === 'cell')) return s;
    if (entry && entry.flags & DEF_NONLOCAL) return null;
  }
  return null;
}

/**
 * Whether a loop or a comprehension encloses the closure inside its own scope: the only
 * loops `loopsAround` counts. Without one the closure needs no scope tree.
 */
function insideLoop(closure: Node, parents: ParentLookup): boolean {
  for (let p = parents.parentOf(closure); p; p = parents.parentOf(p)) {
    if (p.type === 'for_statement' || p.type === 'while_statement' || COLLECTING_COMPREHENSIONS.has(p.type)) return true;
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return false;
  }
  return false;
}

/**
 * The loops between the closure and the scope that binds the name: `for`/`while`
 * bodies, and collecting comprehensions. Null when another function stands in
 * between (that function is the closure to look at).
 */
function loopsAround(closure: Node, binder: Scope, parents: ParentLookup): Node[] | null {
  const loops: Node[] = [];
  let child = closure;
  for (let p = parents.parentOf(closure); p && p.id !== binder.node.id; child = p, p = parents.parentOf(p)) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return null;
    if ((p.type === 'for_statement' || p.type === 'while_statement') && child.id === p.childForFieldName('body')?.id) loops.push(p);
    // A comprehension's first iterable runs once, outside the loop it drives.
    if (COLLECTING_COMPREHENSIONS.has(p.type) && child.id !== p.namedChildren.find((c) => c?.type === 'for_in_clause')?.id) loops.push(p);
  }
  if (COLLECTING_COMPREHENSIONS.has(binder.node.type)) loops.push(binder.node);
  return loops;
}

/** A `break`, `return` or `raise` after the closure in the same iteration: the loop variable will not change again. */
function endsLoop(closure: Node, binder: Scope, parents: ParentLookup): boolean {
  for (let n: Node | null = closure; n && n.id !== binder.node.id; n = parents.parentOf(n)) {
    if (n.type === 'for_statement' || n.type === 'while_statement') return false;
    if (parents.parentOf(n)?.type !== 'block') continue;
    for (let s = n.nextNamedSibling; s; s = s.nextNamedSibling) if (LOOP_ENDS.has(s.type)) return true;
  }
  return false;
}

/** Whether the function object outlives the iteration that made it. */
function escapes(closure: Node, tree: ScopeTree, parents: ParentLookup): boolean {
  if (closure.type === 'lambda') return valueEscapes(closure, tree, 0, parents);
  const parent = parents.parentOf(closure);
  const decorated = parent?.type === 'decorated_definition' ? parent : null;
  const decoratorNames = (decorated?.namedChildren ?? []).flatMap((d) => {
    const e = d?.type === 'decorator' ? d.namedChild(0) : null;
    const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
    return callee ? [callee.text] : [];
  });
  if (decoratorNames.some((n) => REGISTERING_DECORATOR.test(n))) return true;
  const name = closure.childForFieldName('name');
  const binding = name ? tree.occurrenceOf(name) : undefined;
  return binding ? nameEscapes(binding, closure, tree, 0, parents) : false;
}

/** Reads of a name bound to the closure, later in the same loop body, that let it escape. */
function nameEscapes(binding: Occurrence, closure: Node, tree: ScopeTree, depth: number, parents: ParentLookup): boolean {
  const entry = binding.scope.symbols.get(binding.name);
  const loop = enclosingLoopNode(closure, binding.scope, parents);
  if (!entry || !loop || depth > 1) return false;
  return entry.occurrences.some((o) => {
    if (o.kind !== 'read' || o.node.startIndex < binding.node.startIndex || !within(o.node, loop)) return false;
    const parent = parents.parentOf(o.node);
    if (parent?.type === 'call' && parent.childForFieldName('function')?.id === o.node.id) return false;
    return valueEscapes(o.node, tree, depth + 1, parents);
  });
}

function enclosingLoopNode(node: Node, scope: Scope, parents: ParentLookup): Node | null {
  for (let p = parents.parentOf(node); p && p.id !== scope.node.id; p = parents.parentOf(p)) {
    if (p.type === 'for_statement' || p.type === 'while_statement' || COLLECTING_COMPREHENSIONS.has(p.type)) return p;
  }
  return COLLECTING_COMPREHENSIONS.has(scope.node.type) ? scope.node : null;
}

function calleeName(call: Node): string | null {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text;
  if (fn?.type === 'attribute') return fn.childForFieldName('attribute')?.text ?? null;
  return null;
}

/** Follows the value the closure is part of until it is kept (escapes), used up, or dropped. */
function valueEscapes(start: Node, tree: ScopeTree, depth: number, parents: ParentLookup): boolean {
  let child = start;
  for (let parent = parents.parentOf(start); parent; child = parent, parent = parents.parentOf(parent)) {
    if (CONTAINERS.has(parent.type)) continue;
    switch (parent.type) {
      case 'conditional_expression':
        if (named(parent)[1]?.id === child.id) return false;
        continue;
      case 'keyword_argument': {
        const keyword = parent.childForFieldName('name')?.text ?? '';
        if (CALLBACK_KEYWORDS.has(keyword) || /^on_/.test(keyword)) return true;
        continue;
      }
      case 'argument_list': {
        const call = parents.parentOf(parent);
        const callee = call?.type === 'call' ? calleeName(call) : null;
        // `await loop.call_soon(...)`-style waiting finishes within the iteration.
        if (call && parents.parentOf(call)?.type === 'await') return false;
        return callee !== null && (KEEPING_METHODS.has(callee) || KEEPING_FUNCTIONS.has(callee));
      }
      case 'assignment': {
        if (parent.childForFieldName('right')?.id !== child.id) return false;
        const left = parent.childForFieldName('left');
        if (left?.type === 'subscript') return true;
        if (left?.type !== 'identifier') return false;
        const binding = tree.occurrenceOf(left);
        return binding ? nameEscapes(binding, start, tree, depth, parents) : false;
      }
      case 'augmented_assignment':
        return parent.childForFieldName('right')?.id === child.id;
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return parent.childForFieldName('body')?.id === child.id;
      default:
        return false;
    }
  }
  return false;
}

/** The first read of the captured name, in the closure or in a function nested in it. */
function firstRead(scope: Scope, name: string): Occurrence | null {
  let best: Occurrence | null = null;
  const visit = (s: Scope) => {
    const entry = s.symbols.get(name);
    if (!entry || (s !== scope && entry.scope !== 'free' && entry.scope !== 'global_implicit')) return;
    for (const o of entry.occurrences) if (o.kind === 'read' && (!best || o.node.startIndex < best.node.startIndex)) best = o;
    s.children.forEach(visit);
  };
  visit(scope);
  return best;
}

/** Adds `name=name` to the closure's parameters, before `**kwargs` if there is one. */
function defaultParameterFix(closure: Node, name: string): Fix | null {
  if (closure.hasError) return null;
  const parameters = closure.childForFieldName('parameters');
  const binding = `${name}=${name}`;
  const insert = (at: { row: number; column: number }, newText: string): Fix => {
    const position = { line: at.row, character: at.column };
    return { title: `Bind \`${name}\` now with a default \`${binding}\``, safety: 'unsafe', edits: [{ range: { start: position, end: position }, newText }] };
  };
  if (!parameters) {
    const keyword = closure.child(0);
    return keyword?.type === 'lambda' ? insert(keyword.endPosition, ` ${binding}`) : null;
  }
  const params = parameters.namedChildren.filter((p): p is Node => p !== null && p.type !== 'comment');
  const kwargs = params.find((p) => p.type === 'dictionary_splat_pattern' || (p.type === 'typed_parameter' && p.namedChild(0)?.type === 'dictionary_splat_pattern'));
  if (kwargs) return insert(kwargs.startPosition, `${binding}, `);
  const last = params[params.length - 1];
  if (last) return insert(last.endPosition, `, ${binding}`);
  const open = parameters.child(0);
  return open?.type === '(' ? insert(open.endPosition, binding) : null;
}
