// A class at a glance, for rules that judge a class as a whole (eq-without-hash,
// mutable class attributes, ...) or a method in the light of its class: built from
// the class body's own statements and the methods' signatures.
//
// Two questions read method bodies: `MethodSummary.selfAttributes()` (what one method
// does with `self`) and `ClassSummary.attributeUse(name)` (what all the methods do to
// `self.<name>`). Both are answered from `MethodFacts`, which depend on a method's text
// alone (so the engine keeps them under that text from one analysis to the next), and
// both go through one `BodyQuestions` channel: for the class around a unit the engine
// records each question and its answer, and reuses the unit only while every answer is
// still the same (analyze.ts, `ClassBodies`). So a method unit is re-analysed when the
// class's skeleton changes or an answer it used does, not when another method's body
// changes in a way nobody asked about.
import { Query, type Language, type Node } from '../parser';
import { firstParameter } from './methods';
import { boundNames, statementsOf } from './python';

/** What a method's body does with its first parameter. */
export interface SelfAttributes {
  /** Attributes it assigns (`self.x = ...`, `self.x += ...`, `self.a, self.b = ...`), in order, once each. */
  assigned: string[];
  /** Attributes it reads (`self.x`, `self.f()`; `vars(self)` reads `__dict__`), in order, once each. */
  read: string[];
  /** Those of `read` it calls (`self.f()`): methods, most likely, rather than state. */
  called: string[];
}

export interface MethodSummary {
  name: string;
  /** The decorators' expressions as written (`staticmethod`, `property`, `x.setter`). */
  decorators: string[];
  /** The parameter list as written, parentheses included. */
  parameters: string;
  /** Whether it is an `async def` (read from the signature). */
  isAsync: boolean;
  node: Node;
  /** The member statement: `node`, or the `decorated_definition` around it. */
  statement: Node;
  /** Reads the method's body (classes nested in it left out); asked of the class around a unit, the answer is recorded. */
  selfAttributes(): SelfAttributes;
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
   * Every name the class's own code mentions, other than as the name of a `def` or `class`,
   * an attribute or a keyword argument: class-level statements (targets included) and the
   * methods' decorators, parameters and annotations. Collected on first use.
   */
  readonly mentionedNames: ReadonlySet<string>;
  /**
   * How the methods' bodies use `self.<name>` (`cls.<name>` in class methods); asked of
   * the class around a unit, the question and its answer are recorded.
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

/** What one method does with its first parameter: derived from the method's text alone. */
export interface MethodFacts {
  name: string;
  /** `static`: no `self` (a `staticmethod`); `class`: the first parameter is the class. */
  kind: 'instance' | 'class' | 'static';
  /** Attribute -> the operations that change it in place, each once, in order of appearance. */
  mutated: Map<string, string[]>;
  /** Attributes the method binds with a plain `=` (`self.x = ...`). */
  bound: Set<string>;
  /** What the body does with the first parameter, whatever the method's kind. */
  self: SelfAttributes;
}

/** Methods that change a container in place when called on it (list, dict, set, deque, bytearray). */
export const MUTATING_METHODS: ReadonlySet<string> = new Set([
  'append', 'extend', 'insert', 'remove', 'pop', 'clear', 'sort', 'reverse',
  'update', 'setdefault', 'popitem', 'add', 'discard',
  'difference_update', 'intersection_update', 'symmetric_difference_update',
  'appendleft', 'extendleft', 'popleft', 'rotate', '__setitem__', '__delitem__',
]);

const SELF_ATTRIBUTE = '(attribute object: (identifier) @object attribute: (identifier) @attribute)';
/** One pattern per way of changing an attribute of the first parameter; the index says which (see `methodFacts`). */
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

/** The facts of `method`, a `function_definition` or `decorated_definition` in a class body. */
export function methodFacts(method: Node): MethodFacts {
  const fn = method.type === 'decorated_definition' ? method.childForFieldName('definition')! : method;
  const name = fn.childForFieldName('name')?.text ?? '';
  const decorators = decoratorsOf(method);
  const kind = decorators.includes('staticmethod')
    ? 'static'
    : decorators.includes('classmethod') || ['__new__', '__init_subclass__', '__class_getitem__'].includes(name) ? 'class' : 'instance';
  const facts: MethodFacts = { name, kind, mutated: new Map(), bound: new Set(), self: selfAttributesOf(fn) };
  const body = fn.childForFieldName('body');
  const receiver = firstParameter(fn).name?.text;
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
        if (object?.type === 'identifier' && object.text === receiver && !inNested(target!)) facts.bound.add(target!.childForFieldName('attribute')!.text);
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
          facts.bound.add(attribute);
          break;
      }
    });
  }
  return facts;
}

/** Attribute targets of an assignment's left side: `self.x`, `self.a, self.b`, `(self.a, [self.b])`. */
function attributeTargets(target: Node, into: Node[]): void {
  if (target.type === 'attribute') into.push(target);
  else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern'].includes(target.type)) {
    for (const c of target.namedChildren) if (c) attributeTargets(c, into);
  }
}

/** What `fn` (a `function_definition`) does with its first parameter; classes nested in it are left out. */
function selfAttributesOf(fn: Node): SelfAttributes {
  const self = firstParameter(fn).name?.text ?? null;
  const body = fn.childForFieldName('body');
  const result: SelfAttributes = { assigned: [], read: [], called: [] };
  if (!self || !body) return result;
  const nested = body.descendantsOfType('class_definition').map((c) => c && ([c.startIndex, c.endIndex] as const));
  const outside = (n: Node) => !nested.some((r) => r && r[0] <= n.startIndex && n.endIndex <= r[1]);
  const onSelf = (n: Node | null): n is Node => n !== null && n.childForFieldName('object')?.text === self && n.childForFieldName('object')?.type === 'identifier';
  const assigned = new Set<string>();
  const pureTargets = new Set<number>();
  for (const assignment of body.descendantsOfType(['assignment', 'augmented_assignment'])) {
    const left = assignment?.childForFieldName('left');
    // `self.x: int` alone declares, it does not assign.
    if (!assignment || !left || !assignment.childForFieldName('right') || !outside(assignment)) continue;
    const targets: Node[] = [];
    attributeTargets(left, targets);
    for (const t of targets.filter(onSelf)) {
      assigned.add(t.childForFieldName('attribute')!.text);
      if (assignment.type === 'assignment') pureTargets.add(t.startIndex);
    }
  }
  const read = new Set<string>();
  const called = new Set<string>();
  for (const node of body.descendantsOfType(['attribute', 'call'])) {
    if (!node || !outside(node)) continue;
    if (node.type === 'call') {
      const callee = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (callee?.text === 'vars' && args?.namedChildCount === 1 && args.namedChild(0)?.text === self) read.add('__dict__');
      if (callee?.type === 'attribute' && onSelf(callee)) called.add(callee.childForFieldName('attribute')!.text);
    } else if (onSelf(node) && !pureTargets.has(node.startIndex)) {
      read.add(node.childForFieldName('attribute')!.text);
    }
  }
  result.assigned = [...assigned];
  result.read = [...read];
  result.called = [...called];
  return result;
}

/** The answer to `attributeUse(name)` from the facts of each method, in class order. */
export function attributeUseOf(methods: readonly MethodFacts[], name: string): AttributeUse {
  const use: AttributeUse = { mutations: [], assignments: [], classMutations: [] };
  for (const method of methods) {
    const operations = method.mutated.get(name);
    if (method.kind === 'class') {
      if (operations) use.classMutations.push(method.name);
      continue;
    }
    for (const operation of operations ?? []) use.mutations.push({ method: method.name, operation });
    if (method.bound.has(name)) use.assignments.push(method.name);
  }
  return use;
}

function decoratorsOf(statement: Node): string[] {
  if (statement.type !== 'decorated_definition') return [];
  return statement.namedChildren.flatMap((d) => (d?.type === 'decorator' && d.namedChild(0) ? [d.namedChild(0)!.text] : []));
}

/** Adds the names `node` mentions, as `ClassSummary.mentionedNames` counts them. */
function collectMentions(node: Node, out: Set<string>): void {
  const cursor = node.walk();
  const types: string[] = [];
  for (;;) {
    const type = cursor.nodeType;
    if (type === 'identifier') {
      const field = cursor.currentFieldName;
      const parent = types[types.length - 1];
      const declared = field === 'name' && (parent === 'function_definition' || parent === 'class_definition' || parent === 'keyword_argument');
      if (!declared && !(field === 'attribute' && parent === 'attribute')) out.add(cursor.nodeText);
    }
    if (cursor.gotoFirstChild()) {
      types.push(type);
      continue;
    }
    while (types.length > 0 && !cursor.gotoNextSibling()) {
      cursor.gotoParent();
      types.pop();
    }
    if (types.length === 0) break;
  }
  cursor.delete();
}

/** The answer, as JSON, to a question (see `summarizeClass`) about the methods whose member statements are `methods`, in class order. */
export function answerOf(question: string, methods: readonly Node[], facts: (method: Node) => MethodFacts): string {
  if (question.startsWith('#')) {
    const method = methods[Number(question.slice(1))];
    return JSON.stringify(method ? facts(method).self : null);
  }
  return JSON.stringify(attributeUseOf(methods.map(facts), question.slice(1)));
}

/** The member statements (decorators included) of the methods a class body defines directly, in class order, as a summary's `methods`. */
export function methodStatements(cls: Node): Node[] {
  return statementsOf(cls.childForFieldName('body')).filter((member) => {
    const definition = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    return definition?.type === 'function_definition' && definition.childForFieldName('name') !== null;
  });
}

/**
 * `statement` is the class statement, with its decorators if it has any. Questions about
 * the methods' bodies (`#<method index>` for that method's `selfAttributes`, `.<name>` for
 * `attributeUse(name)`) are answered, as JSON, by `ask`: by default straight from the
 * bodies; the engine passes one that records them.
 */
export function summarizeClass(statement: Node, ask?: (question: string) => string): ClassSummary {
  const cls = statement.type === 'decorated_definition' ? statement.childForFieldName('definition')! : statement;
  // What `mentionedNames` walks, when first asked: class-level statements whole, methods' signatures only.
  const mentionSources: Node[] = [];
  let mentioned: Set<string> | null = null;
  ask ??= (question) => answerOf(question, summary.methods.map((m) => m.statement), methodFacts);
  const summary: ClassSummary = {
    name: cls.childForFieldName('name')?.text ?? '',
    bases: cls.childForFieldName('superclasses')?.text ?? '',
    decorators: decoratorsOf(statement),
    methods: [],
    boundNames: [],
    get mentionedNames() {
      if (!mentioned) {
        mentioned = new Set();
        for (const node of mentionSources) collectMentions(node, mentioned);
      }
      return mentioned;
    },
    attributeUse: (name) => JSON.parse(ask!(`.${name}`)) as AttributeUse,
  };
  for (const member of statementsOf(cls.childForFieldName('body'))) {
    const definition = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = definition?.childForFieldName('name')?.text;
    if (definition?.type === 'function_definition' && name) {
      summary.boundNames.push(name);
      const question = `#${summary.methods.length}`;
      const selfAttributes = () => JSON.parse(ask!(question)) as SelfAttributes;
      summary.methods.push({ name, decorators: decoratorsOf(member), parameters: definition.childForFieldName('parameters')?.text ?? '()', isAsync: definition.child(0)?.type === 'async', node: definition, statement: member, selfAttributes });
      for (const part of [...(member === definition ? [] : member.namedChildren), definition.childForFieldName('parameters'), definition.childForFieldName('return_type')]) {
        if (part && part.type !== 'function_definition') mentionSources.push(part);
      }
      continue;
    }
    mentionSources.push(member);
    if (definition?.type === 'class_definition' && name) {
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
