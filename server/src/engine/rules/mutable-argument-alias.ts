import type { Node } from '../../parser';
import { operationCode } from '../class-summary';
import { moduleImportEdit } from '../fixes';
import { mutableConstructorOf, type ModuleView } from '../module-facts';
import { namesBodyMayBind, type Rule, type RuleContext } from '../rule';
import { DEF_BOUND, isBinding, type Scope } from '../scope/model';
import type { Fix, TextEdit } from '../types';

/** Annotations naming a mutable container, with the constructor that copies it (`null`: `copy.copy`). */
const MUTABLE_ANNOTATIONS: ReadonlyMap<string, string | null> = new Map([
  ['list', 'list'], ['List', 'list'], ['dict', 'dict'], ['Dict', 'dict'], ['set', 'set'], ['Set', 'set'],
  ['MutableSequence', null], ['MutableMapping', null], ['MutableSet', null], ['bytearray', null],
  ['deque', null], ['Deque', null], ['defaultdict', null], ['DefaultDict', null],
  ['OrderedDict', null], ['Counter', null],
]);

/**
 * Names of objects a caller hands over to be shared: a cache, or a list the caller reads
 * afterwards (`output`, `log`, `events`, `errors`...).
 */
const SHARED_ON_PURPOSE = /cache|^(?:_*)(?:out|outputs?|log|logs|sink|events|errors|warnings|messages|results|calls|collected)$/i;

/** The empty value of each copying constructor, for a `None` that must keep working. */
const EMPTY: Readonly<Record<string, string>> = { list: '[]', dict: '{}', set: 'set()' };

export const mutableArgumentAlias: Rule = {
  meta: {
    code: 'PP402',
    name: 'mutable-argument-alias',
    title: 'Constructor stores a mutable argument that the class changes in place',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `self.name = param` in `__init__` (also `param or []` and `param if param is not None else []`) when ' +
        'a method of the class changes `self.name` in place (`append`, `extend`, `remove`, `pop`, `update`, `add`, ' +
        'an item assignment or deletion, `+=`) and the class makes a container of its own when the caller passes ' +
        'none: a default such as `[]`, a fallback such as `or []`, a guard `if param is None: param = []`, or ' +
        '`self.name = []` in another branch. Without such a fallback, storing the caller\'s object is usually the ' +
        'point (a wrapper, an output list), so it is left alone; so are parameters annotated with something other ' +
        'than a mutable container, values already copied (`list(param)`, `param.copy()`), and names that say the ' +
        'object is shared (`cache`, `output`, `log`, `errors`...).',
      whyIsThisBad:
        'Assignment never copies: the instance keeps the very object the caller passed in. When the class then ' +
        'appends to it or deletes from it, the caller\'s list changes too, and so does every other instance built ' +
        'from the same list. Such changes surface far from their cause, in code that never touched the instance.',
      example: [
        'class Team:',
        '    def __init__(self, members=None):',
        '        self.members = members if members is not None else []',
        '',
        '    def leave(self, name):',
        '        self.members.remove(name)  # also removes it from the caller\'s list',
      ].join('\n'),
      useInstead: [
        'class Team:',
        '    def __init__(self, members=None):',
        '        self.members = list(members) if members is not None else []',
        '',
        '    def leave(self, name):',
        '        self.members.remove(name)',
      ].join('\n'),
      fixSafety:
        'Unsafe: the fix stores a shallow copy, made with the constructor the default or annotation names ' +
        '(`list(...)`, `dict(...)`, `set(...)`) or else with `copy.copy(...)` (importing `copy`); when the ' +
        'parameter defaults to `None` and nothing before the assignment rules `None` out, `list(x)` becomes ' +
        '`list(x) if x is not None else []`. A caller that relied on seeing the changes, or passed an object of ' +
        'another type (a deque where the annotation says list), behaves differently afterwards.',
    },
  },

  create(context) {
    return {
      function_definition(fn) {
        // Read from the source: most functions are ruled out without a question to the tree.
        const start = fn.startIndex;
        if (!/^(?:async\s+)?def\s+__init__\b/.test(context.source.text.slice(start, start + 48))) return;
        const body = fn.childForFieldName('body');
        // A plain method of a class: a decorated `__init__` may be anything.
        const parent = context.parentOf(fn);
        const cls = parent?.type === 'block' ? context.parentOf(parent) : null;
        if (!body || cls?.type !== 'class_definition') return;
        const [receiver, ...parameters] = parametersOf(fn);
        if (!receiver || parameters.length === 0) return;
        const { stores, containerStores } = storesOf(body, receiver.name, new Map(parameters.map((p) => [p.name, p])), context);
        if (stores.length === 0) return;
        const classParent = context.parentOf(cls);
        const summary = context.classSummary(classParent?.type === 'decorated_definition' ? classParent : cls);
        for (const store of stores) {
          if (SHARED_ON_PURPOSE.test(store.attribute) || SHARED_ON_PURPOSE.test(store.parameter.name)) continue;
          const fallbacks = ownFallbacks(store, containerStores, fn, context);
          const constructor = fallbacks.length > 0 ? copierOf(store, fallbacks, context) : undefined;
          if (constructor === undefined) continue;
          const mutation = summary.attributeUse(store.attribute).mutations[0];
          if (!mutation) continue;
          context.report({
            node: store.assignment,
            message:
              `\`self.${store.attribute}\` keeps the very object the caller passed as \`${store.parameter.name}\`, and ` +
              `\`${mutation.method}()\` changes it in place (\`${operationCode(`self.${store.attribute}`, mutation.operation)}\`): ` +
              `the caller's object changes behind its back; store a copy`,
            fix: buildFix(fn, store, constructor, context),
          });
        }
      },
    };
  },
};

interface Parameter {
  name: string;
  default: Node | null;
  annotation: Node | null;
}

/** Plain parameters of a `def` (not `*args`, `**kwargs`), in order. */
function parametersOf(fn: Node): Parameter[] {
  const out: Parameter[] = [];
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') out.push({ name: p.text, default: null, annotation: null });
    else if (p.type === 'typed_parameter' && p.namedChild(0)?.type === 'identifier') {
      out.push({ name: p.namedChild(0)!.text, default: null, annotation: p.childForFieldName('type') });
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const name = p.childForFieldName('name');
      if (name?.type === 'identifier') out.push({ name: name.text, default: p.childForFieldName('value'), annotation: p.childForFieldName('type') });
    } else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'keyword_separator' || p.type === 'positional_separator') {
      if (out.length === 0) return [];
    }
  }
  return out;
}

interface Store {
  assignment: Node;
  attribute: string;
  parameter: Parameter;
  /** The right-hand side. */
  value: Node;
  /** The parameter as it stands in the value: the whole value, or one branch of it. */
  read: Node;
  /** The fresh object the value falls back on (`x or []`), if any. */
  fallback: Node | null;
  form: 'plain' | 'or' | 'conditional';
}

/**
 * `self.attr = <param>` (and its `or []` / `if ... is not None else []` forms) anywhere in
 * the body but nested scopes; and the attributes given a new empty container (`self.attr = []`).
 */
function storesOf(body: Node, receiver: string, parameters: Map<string, Parameter>, context: RuleContext): { stores: Store[]; containerStores: Map<string, Node[]> } {
  const stores: Store[] = [];
  const containerStores = new Map<string, Node[]>();
  const { text } = context.source;
  const module = context.module;
  const visit = (block: Node) => {
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      // The statement's first word tells what it can be, without asking the tree about every line.
      const head = text.slice(statement.startIndex, statement.startIndex + receiver.length + 1);
      if (head === `${receiver}.`) {
        for (let a = statement.namedChild(0); a?.type === 'assignment'; a = a.childForFieldName('right')) {
          const store = storeOf(a, receiver, parameters, module);
          if (store) stores.push(store);
          const left = a.childForFieldName('left');
          const value = a.childForFieldName('right');
          if (left?.type === 'attribute' && left.childForFieldName('object')?.text === receiver && value && mutableConstructorOf(value, module)) {
            const attribute = left.childForFieldName('attribute')!.text;
            containerStores.set(attribute, [...(containerStores.get(attribute) ?? []), value]);
          }
        }
        continue;
      }
      if (!COMPOUND_START.test(text.slice(statement.startIndex, statement.startIndex + 16))) continue;
      for (const child of statement.namedChildren) {
        if (child?.type === 'block') visit(child);
        else if (child && (child.type.endsWith('_clause') || child.type === 'case_clause')) {
          for (const grand of child.namedChildren) if (grand?.type === 'block') visit(grand);
        }
      }
    }
  };
  visit(body);
  return { stores, containerStores };
}

/** Statements with blocks that run as part of the function (not nested `def`s and classes). */
const COMPOUND_START = /^(?:if|try|with|for|while|match|async\s+(?:with|for))\b/;

function storeOf(assignment: Node, receiver: string, parameters: Map<string, Parameter>, module: ModuleView): Store | null {
  const left = assignment.childForFieldName('left');
  const value = assignment.childForFieldName('right');
  const object = left?.type === 'attribute' ? left.childForFieldName('object') : null;
  if (object?.type !== 'identifier' || object.text !== receiver || !value) return null;
  const attribute = left!.childForFieldName('attribute')!.text;
  const parameterNamed = (n: Node | null) => (n?.type === 'identifier' && n.text !== receiver ? parameters.get(n.text) ?? null : null);
  const plain = parameterNamed(value);
  if (plain) return { assignment, attribute, parameter: plain, value, read: value, fallback: null, form: 'plain' };
  if (value.type === 'boolean_operator' && value.childForFieldName('operator')?.type === 'or') {
    const parameter = parameterNamed(value.childForFieldName('left'));
    const fallback = value.childForFieldName('right');
    if (parameter && fallback && isFreshContainer(fallback, module, parameter.name)) return { assignment, attribute, parameter, value, read: value.childForFieldName('left')!, fallback, form: 'or' };
  }
  if (value.type === 'conditional_expression') {
    const [whenTrue, condition, whenFalse] = value.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    if (!whenTrue || !condition || !whenFalse) return null;
    const test = noneTest(condition);
    if (!test) return null;
    // `p if p is not None else []` / `p if p else []`, or the same the other way round.
    const [read, fallback] = test.present ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
    const parameter = parameterNamed(read);
    if (parameter && parameter.name === test.name && isFreshContainer(fallback, module, parameter.name)) return { assignment, attribute, parameter, value, read, fallback, form: 'conditional' };
  }
  return null;
}

/** `x is not None` / `x` (present: true), `x is None` / `not x` (present: false). */
function noneTest(condition: Node): { name: string; present: boolean } | null {
  if (condition.type === 'identifier') return { name: condition.text, present: true };
  if (condition.type === 'not_operator') {
    const argument = condition.childForFieldName('argument');
    return argument?.type === 'identifier' ? { name: argument.text, present: false } : null;
  }
  const m = /^(\w+) is (not )?None$/.exec(condition.text);
  return condition.type === 'comparison_operator' && m ? { name: m[1], present: m[2] !== undefined } : null;
}

/** A new container made from nothing the parameter gives (`[]`, `{}`, `set()`, `defaultdict(list)`); `list(items)` is a copy. */
function isFreshContainer(node: Node, module: ModuleView, parameter: string): boolean {
  if (!mutableConstructorOf(node, module)) return false;
  // (an attribute's name, as in `self.items`, is not a read of the parameter)
  return !(node.type === 'identifier' ? [node] : node.descendantsOfType('identifier')).some((id) => id?.text === parameter && id.previousSibling?.type !== '.');
}

const COPIER: Readonly<Record<string, string>> = { 'builtins.list': 'list', 'builtins.dict': 'dict', 'builtins.set': 'set' };

/**
 * The new containers the instance makes for itself when the caller passes none: the
 * default (`items=[]`), the store's fallback (`items or []`), a guard's (`if items is
 * None: items = []`), another branch's store (`self.items = []`). Without one, a stored
 * argument is usually meant to be shared: a list the caller reads afterwards, a mapping
 * the class wraps, a connection. Also empty when `__init__` binds the parameter to
 * anything else (`items = list(items)` copies already; other values cannot be followed).
 */
function ownFallbacks(store: Store, containerStores: Map<string, Node[]>, fn: Node, context: RuleContext): Node[] {
  const { parameter } = store;
  const fresh = (node: Node) => isFreshContainer(node, context.module, parameter.name);
  const fallbacks = [...(containerStores.get(store.attribute) ?? [])];
  // `self.items = list(items) if copy else items`: copying is an option the class offers.
  if (!fallbacks.every(fresh)) return [];
  if (store.fallback) fallbacks.push(store.fallback);
  if (parameter.default && parameter.default.type !== 'none') {
    if (!mutableConstructorOf(parameter.default, context.module)) return [];
    fallbacks.push(parameter.default);
  }
  // The function's other bindings of the parameter: none (and no scope tree needed) unless its body may bind the name.
  const bound = namesBodyMayBind(fn, context);
  if (bound && !bound.has(parameter.name)) return fallbacks;
  const scope = context.scopes.treeFor(fn).scopeDefinedBy(fn);
  for (const o of scope?.symbols.get(parameter.name)?.occurrences ?? []) {
    if (!isBinding(o) || o.binding === 'parameter') continue;
    const assignment = context.parentOf(o.node);
    const value = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === o.node.id ? assignment.childForFieldName('right') : null;
    if (!value || !fresh(value)) return [];
    fallbacks.push(value);
  }
  return fallbacks;
}

/**
 * The constructor that copies the argument: the one the annotation names, else the one
 * every fallback uses (`list`, `dict`, `set`); null for `copy.copy`. Undefined when the
 * annotation names something other than a mutable container: the class then stores an
 * object the caller may well share on purpose.
 */
function copierOf(store: Store, fallbacks: Node[], context: RuleContext): string | null | undefined {
  if (store.parameter.annotation) return annotationKind(store.parameter.annotation.text);
  const made = new Set(fallbacks.map((f) => COPIER[mutableConstructorOf(f, context.module) ?? ''] ?? null));
  return made.size === 1 ? [...made][0] : null;
}

/** The copying constructor of a mutable container annotation (`null`: `copy.copy`); undefined for anything else. */
function annotationKind(annotation: string): string | null | undefined {
  const text = annotation.trim().replace(/^(['"])(.*)\1$/s, '$2').trim();
  const optional = /^(?:typing\.)?Optional\[(.*)\]$/s.exec(text);
  const members = (optional ? optional[1] : text).split('|').map((m) => m.trim()).filter((m) => m !== 'None');
  if (members.length !== 1) return undefined;
  const head = members[0].split('[')[0].trim().split('.').pop()!;
  return MUTABLE_ANNOTATIONS.has(head) ? MUTABLE_ANNOTATIONS.get(head)! : undefined;
}

/** Whether `None` can reach the store: the parameter defaults to `None` and no guard or test around the store rules it out. */
function noneMayReach(fn: Node, store: Store, context: RuleContext): boolean {
  const { parameter } = store;
  if (store.form !== 'plain') return false;
  const optional = parameter.default?.type === 'none' || (parameter.annotation !== null && /\bNone\b|Optional\[/.test(parameter.annotation.text));
  if (!optional) return false;
  // A guard rebinding the parameter (`if x is None: x = []`) comes before the store.
  const scope = context.scopes.treeFor(fn).scopeDefinedBy(fn);
  const guards = scope?.symbols.get(parameter.name)?.occurrences.filter((o) => isBinding(o) && o.binding !== 'parameter') ?? [];
  if (guards.some((o) => o.node.startIndex < store.assignment.startIndex)) return false;
  let child = store.assignment;
  for (let p = context.parentOf(child); p && p.id !== fn.id; child = p, p = context.parentOf(p)) {
    if (p.type !== 'if_statement' && p.type !== 'elif_clause') continue;
    const condition = p.childForFieldName('condition');
    const test = condition ? noneTest(condition) : null;
    if (!test || test.name !== parameter.name) continue;
    const inBody = p.childForFieldName('consequence')?.id === child.id;
    const inElse = child.type === 'else_clause';
    if ((test.present && inBody) || (!test.present && inElse)) return false;
  }
  return true;
}

function buildFix(fn: Node, store: Store, constructor: string | null, context: RuleContext): Fix | null {
  const { source, module } = context;
  const scope = context.scopes.treeFor(fn).scopeDefinedBy(fn);
  const name = store.parameter.name;
  const copier = constructor ?? 'copy';
  // `list` must be the builtin here, `copy` the module (or a name free for it).
  if (boundIn(scope, copier)) return null;
  if (module.bindingCount(copier) > 0 && (constructor !== null || module.importOf('copy') !== 'copy')) return null;
  if (store.value.descendantsOfType('comment').length > 0) return null;
  const copy = (text: string) => (constructor ? `${constructor}(${text})` : `copy.copy(${text})`);
  let edit: TextEdit;
  if (store.form === 'plain') {
    const guarded = constructor !== null && noneMayReach(fn, store, context);
    edit = { range: source.rangeOf(store.value), newText: guarded ? `${copy(name)} if ${name} is not None else ${EMPTY[constructor]}` : copy(name) };
  } else if (store.form === 'or') {
    edit = { range: source.rangeOf(store.value), newText: copy(source.textOf(store.value)) };
  } else {
    edit = { range: source.rangeOf(store.read), newText: copy(name) };
  }
  const edits = [edit];
  if (!constructor) {
    const imported = moduleImportEdit('copy', source, module);
    if (imported) edits.push(imported);
  }
  return { title: `Store a copy of \`${name}\``, safety: 'unsafe', edits };
}

function boundIn(scope: Scope | undefined, name: string): boolean {
  return ((scope?.symbols.get(name)?.flags ?? 0) & DEF_BOUND) !== 0;
}
