// A class at a glance, for rules that judge a class as a whole (eq-without-hash,
// mutable class attributes, ...) or a method in the light of its class: built from
// the class body's own statements and the methods' signatures, never their bodies.
// A method unit that asks for its class's summary is re-analysed when the class's
// skeleton changes, not when another method's body does. The one fact taken from
// method bodies, what each does with `self` (`selfAttributes`), is computed only
// when asked, and a unit that asks about a method outside itself records the
// answer: it is re-analysed when that answer changes (analyze.ts `bodyReadsStill`).
import type { Node } from '../parser';
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
  node: Node;
  /** Reads the method's body (classes nested in it left out); asked from another unit, the answer is recorded. */
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

/** Attribute targets of an assignment's left side: `self.x`, `self.a, self.b`, `(self.a, [self.b])`. */
function attributeTargets(target: Node, into: Node[]): void {
  if (target.type === 'attribute') into.push(target);
  else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern'].includes(target.type)) {
    for (const c of target.namedChildren) if (c) attributeTargets(c, into);
  }
}

/** What `fn` (a `function_definition`) does with its first parameter; classes nested in it are left out. */
export function selfAttributesOf(fn: Node): SelfAttributes {
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

/**
 * The methods a class body defines directly, in order, as `function_definition`s (their
 * decorators are on the parent): the same list, index for index, as a summary's `methods`.
 */
export function methodDefinitions(cls: Node): Node[] {
  const methods: Node[] = [];
  for (const member of statementsOf(cls.childForFieldName('body'))) {
    const definition = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    if (definition?.type === 'function_definition' && definition.childForFieldName('name')) methods.push(definition);
  }
  return methods;
}

/**
 * `statement` is the class statement, with its decorators if it has any. `onBodyRead`
 * hears every `selfAttributes` answer, with the method's index in `methods`.
 */
export function summarizeClass(statement: Node, onBodyRead?: (method: number, answer: SelfAttributes) => void): ClassSummary {
  const cls = statement.type === 'decorated_definition' ? statement.childForFieldName('definition')! : statement;
  // What `mentionedNames` walks, when first asked: class-level statements whole, methods' signatures only.
  const mentionSources: Node[] = [];
  let mentioned: Set<string> | null = null;
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
  };
  for (const member of statementsOf(cls.childForFieldName('body'))) {
    const definition = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    const name = definition?.childForFieldName('name')?.text;
    if (definition?.type === 'function_definition' && name) {
      summary.boundNames.push(name);
      const index = summary.methods.length;
      let known: SelfAttributes | undefined;
      const selfAttributes = (): SelfAttributes => {
        if (!known) {
          known = selfAttributesOf(definition);
          onBodyRead?.(index, known);
        }
        return known;
      };
      summary.methods.push({ name, decorators: decoratorsOf(member), parameters: definition.childForFieldName('parameters')?.text ?? '()', node: definition, selfAttributes });
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
