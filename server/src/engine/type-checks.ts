// The run-time type checks the PP2xx rules read: `isinstance(x, T)` with a class, a
// tuple of classes or an `A | B` union, and `type(x)`; and the places where a check
// that names one exact class is deliberate (an assertion, an operator method, a
// dispatch that gives the other classes a branch of their own).
import type { Node } from '../parser';
import { isBuiltinAt } from './resolve';
import { ancestors } from './parents';
import { dottedName, oneLine } from './python';
import type { RuleContext } from './rule';

/** The arguments of a call, comments left out; null when one is unpacked or passed by keyword. */
function positionalArguments(call: Node): Node[] | null {
  const list = call.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return null;
  const args = list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  return args.some((a) => a.type === 'keyword_argument' || a.type === 'list_splat' || a.type === 'dictionary_splat') ? null : args;
}

export interface IsinstanceCheck {
  /** The object tested. */
  subject: Node;
  /** The classes tested against, out of any tuple, parentheses or `|` union around them, in source order. */
  classes: Node[];
}

/**
 * `isinstance(x, T)`, `isinstance(x, (A, B))`, `isinstance(x, A | B)`; the name `isinstance` is
 * only read, not resolved. `text` is the module's text: most calls are turned away by a look at
 * it, without asking the tree anything.
 */
export function isinstanceCheck(call: Node, text: string): IsinstanceCheck | null {
  if (!text.startsWith('isinstance', call.startIndex)) return null;
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier' || fn.text !== 'isinstance') return null;
  const args = positionalArguments(call);
  if (args?.length !== 2) return null;
  const classes: Node[] = [];
  const collect = (node: Node): void => {
    if (node.type === 'tuple' || node.type === 'parenthesized_expression') {
      for (const c of node.namedChildren) if (c && c.type !== 'comment') collect(c);
    } else if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '|') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left) collect(left);
      if (right) collect(right);
    } else {
      classes.push(node);
    }
  };
  collect(args[1]);
  return { subject: args[0], classes };
}

/** The last part of a class written as a dotted name (`numbers.Real` -> `Real`), or null. */
export function className(node: Node): string | null {
  return dottedName(node)?.split('.').pop() ?? null;
}

/** The object in `type(x)`: a call of `type` with one positional argument (the name `type` is only read). */
export function typeCallSubject(node: Node): Node | null {
  if (node.type !== 'call') return null;
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'identifier' || fn.text !== 'type') return null;
  const args = positionalArguments(node);
  return args?.length === 1 ? args[0] : null;
}

/** `assert_`, `assertTrue`, `self.assertIs`: the unittest and NumPy testing helpers. */
const ASSERTION_CALL = /(^|\.)assert\w*$/;
/** Where an expression's search for its statement stops. */
const BOUNDARIES = new Set(['block', 'module', 'function_definition', 'lambda', 'class_definition', 'decorated_definition']);

/**
 * Whether `node` is part of what an `assert` statement or an `assert...(...)` call states:
 * there a type check says what a value is expected to be (a test pinning down the exact type
 * of a result), not which inputs the code accepts.
 */
export function insideAssertion(node: Node, context: RuleContext): boolean {
  for (const above of ancestors(node, context)) {
    if (above.type === 'assert_statement') return true;
    if (above.type === 'call' && ASSERTION_CALL.test(dottedName(above.childForFieldName('function') ?? above) ?? '')) return true;
    if (BOUNDARIES.has(above.type) || above.type.endsWith('_statement')) return false;
  }
  return false;
}

/**
 * The code a type check belongs to, for looking at the other checks of the same object: the
 * function around it, else the module-level or class-level statement it stands in (never
 * beyond the unit being analysed).
 */
function surroundingCode(node: Node, context: RuleContext): Node {
  let last = node;
  for (const above of ancestors(node, context)) {
    if (above.type === 'function_definition' || above.type === 'module') return above.type === 'module' ? last : above;
    if (above.type === 'block' && context.parentOf(above)?.type === 'class_definition') return last;
    last = above;
  }
  return last;
}

export interface ClassFilter {
  accepts(cls: Node): boolean;
  /** Matches the text of any code that names such a class: where it does not, no call is looked at. */
  mentioned: RegExp;
}

/**
 * Whether the code around `call` also runs `isinstance` on the same object (the same text)
 * with a class the filter accepts: then the check is one branch of a deliberate dispatch.
 */
export function sameObjectCheckedFor(call: Node, subject: Node, filter: ClassFilter, context: RuleContext): boolean {
  const written = subject.text;
  const text = context.source.text;
  const code = surroundingCode(call, context);
  if (!filter.mentioned.test(text.slice(code.startIndex, code.endIndex))) return false;
  for (const other of code.descendantsOfType('call')) {
    if (!other || other.id === call.id) continue;
    const check = isinstanceCheck(other, text);
    if (check && check.subject.text === written && check.classes.some(filter.accepts)) return true;
  }
  return false;
}

/** Comparison and arithmetic dunders, with their reflected (`__radd__`) and in-place (`__iadd__`) forms. */
const OPERATOR_METHOD = /^__[ri]?(eq|ne|lt|le|gt|ge|add|sub|mul|matmul|truediv|floordiv|mod|divmod|pow|lshift|rshift|and|xor|or)__$/;

/**
 * Whether `node` is in an operator method such as `__eq__` or `__or__`: there the types of
 * the operands decide whether the operation is supported (anything else gets
 * `NotImplemented`, so that the other operand is asked), and exact types are a protocol
 * decision, not an oversight.
 */
export function insideOperatorMethod(node: Node, context: RuleContext): boolean {
  for (const above of ancestors(node, context)) {
    if (above.type === 'function_definition') return OPERATOR_METHOD.test(above.childForFieldName('name')?.text ?? '');
    if (above.type === 'lambda' || above.type === 'class_definition') return false;
  }
  return false;
}

export interface ExactClassCheck {
  /** The builtin class the check names (`float`, `dict`). */
  exact: string;
  /** Classes whose presence says the check is deliberate (`int` beside `float`, `Mapping` beside `dict`). */
  partners: ClassFilter;
  context: RuleContext;
  /** Called for each builtin `exact` named in an `isinstance` call that is not deliberate. */
  report(exact: Node, subject: Node): void;
}

/**
 * The `call` visitor of a rule about `isinstance(x, <one exact builtin class>)`: skips
 * checks that also name a partner class, assertions, operator methods and dispatches that
 * check the same object for a partner elsewhere, and rebindings of the names.
 */
export function exactClassCheckVisitor({ exact, partners, context, report }: ExactClassCheck): (call: Node) => void {
  return (call) => {
    const check = isinstanceCheck(call, context.source.text);
    if (!check) return;
    const named = check.classes.filter((c) => c.type === 'identifier' && c.text === exact);
    if (named.length === 0 || check.classes.some(partners.accepts)) return;
    if (insideAssertion(call, context) || insideOperatorMethod(call, context)) return;
    if (sameObjectCheckedFor(call, check.subject, partners, context)) return;
    if (!isBuiltinAt(call, 'isinstance', context)) return;
    for (const node of named) if (isBuiltinAt(node, exact, context)) report(node, check.subject);
  };
}

/** A node's text on one line, cut to 30 characters, for quoting in a message. */
export function brief(node: Node): string {
  return oneLine(node.text, 30);
}
