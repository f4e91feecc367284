// A class at a glance, for rules that judge a class as a whole (eq-without-hash,
// mutable class attributes, ...) or a method in the light of its class: built from
// the class body's own statements and the methods' signatures, never their bodies.
// A method unit that asks for its class's summary is re-analysed when the class's
// skeleton changes, not when another method's body does.
//
// The one exception is `attributeUse(name)`: what the methods' bodies do to
// `self.<name>`. It is computed only when a rule asks, per method from the method's
// text alone (so it can be kept under that text between analyses), and for the class
// around a unit the engine records the name asked about and the answer given, and
// reuses the unit only while the answer stays the same (analyze.ts, `ClassBodies`).
import { Query, type Language, type Node } from '../parser';
import { boundNames, statementsOf } from './python';

export interface MethodSummary {
  name: string;
  /** The decorators' expressions as written (`staticmethod`, `property`, `x.setter`). */
  decorators: string[];
  /** The parameter list as written, parentheses included. */
  parameters: string;
  node: Node;
  /** The member statement: `node`, or the `decorated_definition` around it. */
  statement: Node;
}

export interface ClassSummary {
  name: string;
  /** The base classes and keywords as written (`(Base, metaclass=Meta)`), or '' . */
  bases: string;
  decorators: string[];
  methods: MethodSummary[];
  /** Every name bound or declared directly in the class body: methods, nested classes, assignment targets. */
  boundNames: string[];
  /**
   * How the methods' bodies use `self.<name>` (`cls.<name>` in class methods). The only
   * part of the summary read from method bodies: asked of the class around the unit, the
   * question and its answer are recorded, and the unit is re-analysed when an edit
   * anywhere in the class changes the answer.
   */
  attributeUse(name: string): AttributeUse;
}

/** What the methods of a class do to one attribute of their instance. */
export interface AttributeUse {
  /**
   * Instance methods that change `self.<name>` in place, once per method and operation, in
   * method order: the mutating method's name (`append`, `update`...), `[]=` for an item
   * store, `del []` for an item deletion, or the augmented operator (`+=`).
   */
  mutations: Array<{ method: string; operation: string }>;
  /** Instance methods that bind `self.<name> = ...`. */
  assignments: string[];
  /** Class methods that change `cls.<name>` in place: the class shares that object on purpose. */
  classMutations: string[];
}

/** How an operation of `AttributeUse.mutations` on `target` (`self.items`) looks in code. */
export function operationCode(target: string, operation: string): string {
  if (operation === '[]=') return `${target}[...] = ...`;
  if (operation === 'del []') return `del ${target}[...]`;
  if (operation.endsWith('=')) return `${target} ${operation} ...`;
  return `${target}.${operation}(...)`;
}

/** What one method's body does to the attributes of its first parameter: derived from the method's text alone. */
export interface MethodAttributes {
  name: string;
  /** `static`: no `self` (a `staticmethod`); `class`: the first parameter is the class. */
  kind: 'instance' | 'class' | 'static';
  /** Attribute -> the operations that change it in place, each once, in order of appearance. */
  mutated: Map<string, string[]>;
  /** Attributes the method binds (`self.x = ...`). */
  assigned: Set<string>;
}

/** Methods that change a container in place when called on it (list, dict, set, deque, bytearray). */
export const MUTATING_METHODS: ReadonlySet<string> = new Set([
  'append', 'extend', 'insert', 'remove', 'pop', 'clear', 'sort', 'reverse',
  'update', 'setdefault', 'popitem', 'add', 'discard',
  'difference_update', 'intersection_update', 'symmetric_difference_update',
  'appendleft', 'extendleft', 'popleft', '__setitem__', '__delitem__',
]);

const SELF_ATTRIBUTE = '(attribute object: (identifier) @object attribute: (identifier) @attribute)';
/** One pattern per way of using an attribute of the first parameter; the index says which (see `methodAttributes`). */
const PATTERNS = [
  `(call function: (attribute object: ${SELF_ATTRIBUTE} attribute: (identifier) @operation))`,
  `(assignment left: (subscript value: ${SELF_ATTRIBUTE}))`,
  `(assignment left: [(pattern_list) (tuple_pattern) (list_pattern)] @targets)`,
  `(augmented_assignment left: (subscript value: ${SELF_ATTRIBUTE}))`,
  `(delete_statement [(subscript value: ${SELF_ATTRIBUTE}) (expression_list (subscript value: ${SELF_ATTRIBUTE}))])`,
  `(augmented_assignment left: ${SELF_ATTRIBUTE} operator: _ @operation)`,
  `(assignment left: ${SELF_ATTRIBUTE} right: _)`,
  '(class_definition) @nested',
];
const [CALL, ITEM_STORE, TARGETS, ITEM_AUGMENTED, ITEM_DELETE, AUGMENTED, STORE, NESTED_CLASS] = PATTERNS.keys();

const queries = new Map<Language, Query>();

/** What `method` (a `function_definition` or `decorated_definition` in a class body) does to its first parameter's attributes. */
export function methodAttributes(method: Node): MethodAttributes {
  const fn = method.type === 'decorated_definition' ? method.childForFieldName('definition')! : method;
  const name = fn.childForFieldName('name')?.text ?? '';
  const decorators = decoratorsOf(method);
  const kind = decorators.includes('staticmethod')
    ? 'static'
    : decorators.includes('classmethod') || ['__new__', '__init_subclass__', '__class_getitem__'].includes(name) ? 'class' : 'instance';
  const facts: MethodAttributes = { name, kind, mutated: new Map(), assigned: new Set() };
  const body = fn.childForFieldName('body');
  const receiver = receiverOf(fn);
  if (kind === 'static' || !receiver || !body) return facts;
  const language = method.tree.language;
  let query = queries.get(language);
  if (!query) queries.set(language, (query = new Query(language, PATTERNS.join('\n'))));
  const matches = query.matches(body);
  // A class defined inside the method has methods of its own, whose first parameter is another object.
  const nested = matches.filter((m) => m.patternIndex === NESTED_CLASS).map((m) => m.captures[0].node);
  const inNested = (node: Node) => nested.some((c) => c.startIndex <= node.startIndex && node.endIndex <= c.endIndex);
  const mutate = (attribute: string, operation: string) => {
    const operations = facts.mutated.get(attribute);
    if (!operations) facts.mutated.set(attribute, [operation]);
    else if (!operations.includes(operation)) operations.push(operation);
  };
  for (const match of matches) {
    if (match.patternIndex === NESTED_CLASS) continue;
    const captured = (capture: string) => match.captures.find((c) => c.name === capture)!.node;
    if (match.patternIndex === TARGETS) {
      for (const target of captured('targets').namedChildren) {
        const object = target?.type === 'attribute' ? target.childForFieldName('object') : null;
        if (object?.type === 'identifier' && object.text === receiver && !inNested(target!)) facts.assigned.add(target!.childForFieldName('attribute')!.text);
      }
      continue;
    }
    // A pattern may capture several `self.x` (`del self.a[0], self.b[1]`): objects and attributes pair up in order.
    const objects = match.captures.filter((c) => c.name === 'object');
    const attributes = match.captures.filter((c) => c.name === 'attribute');
    objects.forEach(({ node: object }, i) => {
      if (object.text !== receiver || inNested(object)) return;
      const attribute = attributes[i].node.text;
      switch (match.patternIndex) {
        case CALL: {
          const operation = captured('operation').text;
          if (MUTATING_METHODS.has(operation)) mutate(attribute, operation);
          break;
        }
        case ITEM_STORE:
        case ITEM_AUGMENTED:
          mutate(attribute, '[]=');
          break;
        case ITEM_DELETE:
          mutate(attribute, 'del []');
          break;
        case AUGMENTED:
          mutate(attribute, captured('operation').text);
          break;
        case STORE:
          facts.assigned.add(attribute);
          break;
      }
    });
  }
  return facts;
}

/** The name of a method's first parameter (`self`, `cls`), if it is a plain one. */
function receiverOf(fn: Node): string | null {
  const first = fn.childForFieldName('parameters')?.namedChildren.find((p) => p?.type !== 'comment');
  if (first?.type === 'identifier') return first.text;
  const name = first?.type === 'typed_parameter' ? first.namedChild(0) : null;
  return name?.type === 'identifier' ? name.text : null;
}

/** The answer to `attributeUse(name)` from the facts of each method, in class order. */
export function attributeUseOf(methods: readonly MethodAttributes[], name: string): AttributeUse {
  const use: AttributeUse = { mutations: [], assignments: [], classMutations: [] };
  for (const method of methods) {
    const operations = method.mutated.get(name);
    if (method.kind === 'class') {
      if (operations) use.classMutations.push(method.name);
      continue;
    }
    for (const operation of operations ?? []) use.mutations.push({ method: method.name, operation });
    if (method.assigned.has(name)) use.assignments.push(method.name);
  }
  return use;
}

function decoratorsOf(statement: Node): string[] {
  if (statement.type !== 'decorated_definition') return [];
  return statement.namedChildren.flatMap((d) => (d?.type === 'decorator' && d.namedChild(0) ? [d.namedChild(0)!.text] : []));
}

/**
 * `statement` is the class statement, with its decorators if it has any. `attributeUse`
 * answers from the methods' bodies unless the caller answers (and records) it.
 */
export function summarizeClass(statement: Node, attributeUse?: (name: string) => AttributeUse): ClassSummary {
  const cls = statement.type === 'decorated_definition' ? statement.childForFieldName('definition')! : statement;
  let facts: MethodAttributes[] | undefined;
  const summary: ClassSummary = {
    name: cls.childForFieldName('name')?.text ?? '',
    bases: cls.childForFieldName('superclasses')?.text ?? '',
    decorators: decoratorsOf(statement),
    methods: [],
    boundNames: [],
    attributeUse:
      attributeUse ??
      ((name) => {
        facts ??= summary.methods.map((m) => methodAttributes(m.statement));
        return attributeUseOf(facts, name);
      }),
  };
  for (const member of statementsOf(cls.childForFieldName('body'))) {
    const definition = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = definition?.childForFieldName('name')?.text;
    if (definition?.type === 'function_definition' && name) {
      summary.boundNames.push(name);
      summary.methods.push({ name, decorators: decoratorsOf(member), parameters: definition.childForFieldName('parameters')?.text ?? '()', node: definition, statement: member });
    } else if (definition?.type === 'class_definition' && name) {
      summary.boundNames.push(name);
    } else if (member.type === 'expression_statement') {
      const expr = member.namedChild(0);
      if (expr?.type === 'assignment' || expr?.type === 'augmented_assignment') {
        for (let e: Node | null = expr; e && (e.type === 'assignment' || e.type === 'augmented_assignment'); e = e.childForFieldName('right')) {
          const left = e.childForFieldName('left');
          // A chained `a = b = 1` binds both; a bare `x: int` is listed too (it declares the name).
          if (left) for (const id of boundNames(left)) summary.boundNames.push(id.text);
        }
      }
    }
  }
  return summary;
}
