// A class at a glance, for rules that judge a class as a whole (eq-without-hash,
// mutable class attributes, ...) or a method in the light of its class: built from
// the class body's own statements and the methods' signatures, never their bodies.
// A method unit that asks for its class's summary is re-analysed when the class's
// skeleton changes, not when another method's body does.
import type { Node } from '../parser';
import { boundNames, statementsOf } from './python';

export interface MethodSummary {
  name: string;
  /** The decorators' expressions as written (`staticmethod`, `property`, `x.setter`). */
  decorators: string[];
  /** The parameter list as written, parentheses included. */
  parameters: string;
  node: Node;
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

/** `statement` is the class statement, with its decorators if it has any. */
export function summarizeClass(statement: Node): ClassSummary {
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
      summary.methods.push({ name, decorators: decoratorsOf(member), parameters: definition.childForFieldName('parameters')?.text ?? '()', node: definition });
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
