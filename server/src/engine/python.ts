// Small facts about Python syntax trees that several rules and fixes need.
import type { Node, Tree } from '../parser';
import type { ParentLookup } from './parents';

/** The builtin type a display or comprehension builds (`[]` -> `builtins.list`). */
export const DISPLAY_TYPES: Readonly<Record<string, string>> = {
  list: 'builtins.list',
  list_comprehension: 'builtins.list',
  dictionary: 'builtins.dict',
  dictionary_comprehension: 'builtins.dict',
  set: 'builtins.set',
  set_comprehension: 'builtins.set',
  tuple: 'builtins.tuple',
};

/**
 * The key the analysis cache files a top-level statement under: its exact text, and
 * its column (a statement after `;` does not start its line).
 */
export function regionKey(column: number, statementText: string): string {
  return `${column}\u0000${statementText}`;
}

/** Statements that make up a block or the module, comments left out. */
export function statementsOf(block: Node | null): Node[] {
  if (!block) return [];
  return block.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

const topLevelByTree = new WeakMap<Tree, Node[]>();

/** The module's statements, comments left out: listed once per tree (each listing marshals every one of them). */
export function topLevelStatements(root: Node): Node[] {
  let statements = topLevelByTree.get(root.tree);
  if (!statements) {
    statements = statementsOf(root);
    topLevelByTree.set(root.tree, statements);
  }
  return statements;
}

export function isDocstring(statement: Node | undefined): boolean {
  if (!statement || statement.type !== 'expression_statement' || statement.namedChildCount !== 1) return false;
  const expr = statement.namedChild(0)!;
  return expr.type === 'string' || expr.type === 'concatenated_string';
}

export function isImport(statement: Node): boolean {
  return (
    statement.type === 'import_statement' ||
    statement.type === 'import_from_statement' ||
    statement.type === 'future_import_statement'
  );
}

/** `...`, `pass` or a docstring alone: a body that only marks a place (stubs, protocols, abstract methods). */
export function isStubBody(block: Node): boolean {
  return statementsOf(block).every(
    (s) =>
      s.type === 'pass_statement' ||
      isDocstring(s) ||
      (s.type === 'expression_statement' && s.namedChildCount === 1 && s.namedChild(0)!.type === 'ellipsis'),
  );
}

/** Identifiers a target binds: `a`, `a, (b, *c)`, `[a, b]`; attributes and subscripts bind nothing. */
export function boundNames(target: Node): Node[] {
  switch (target.type) {
    case 'identifier':
      return [target];
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'expression_list':
    case 'tuple':
    case 'list':
    case 'list_splat_pattern':
    case 'parenthesized_expression':
      return target.namedChildren.flatMap((c) => (c ? boundNames(c) : []));
    default:
      return [];
  }
}

/** The dotted text of `a`, `a.b.c`; null for anything else (calls, subscripts...). */
export function dottedName(node: Node): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    const head = object ? dottedName(object) : null;
    return head && attribute ? `${head}.${attribute.text}` : null;
  }
  return null;
}

/** Nearest ancestor of one of the given types. */
export function enclosing(node: Node, types: readonly string[]): Node | null {
  for (let p = node.parent; p; p = p.parent) {
    if (types.includes(p.type)) return p;
  }
  return null;
}

/** Leading-underscore structure of a name, the facts behind PEP 8's naming conventions. */
export type UnderscoreForm = 'throwaway' | 'dunder' | 'mangled' | 'internal' | 'trailing';

export function underscoreForm(name: string): UnderscoreForm | null {
  if (/^_+$/.test(name)) return name === '_' ? 'throwaway' : null;
  if (/^__\w*[^_\W]\w*__$/.test(name) && name.length > 4) return 'dunder';
  if (name.startsWith('__') && !name.endsWith('__')) return 'mangled';
  if (name.startsWith('_')) return 'internal';
  if (name.endsWith('_')) return 'trailing';
  return null;
}

/**
 * The name CPython stores for `__x` written inside class `className`
 * (leading underscores of the class name dropped; no mangling for an all-underscore class name).
 */
export function mangle(name: string, className: string): string | null {
  const stripped = className.replace(/^_+/, '');
  if (!stripped || underscoreForm(name) !== 'mangled') return null;
  return `_${stripped}${name}`;
}

/** A comparison with one operator (`a == b`, `x is not y`); null for chains such as `a < b < c`, whose rewrite is never obvious. */
export function singleComparison(comparison: Node): { left: Node; operator: Node; right: Node } | null {
  const operands = comparison.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const operators = comparison.childrenForFieldName('operators');
  if (operands.length !== 2 || operators.length !== 1 || !operators[0]) return null;
  return { left: operands[0], operator: operators[0], right: operands[1] };
}

/** The arguments of a call, in order, comments left out; null when one is `*x` or `**x`, or the call takes a bare generator. */
export function plainArguments(call: Node): { positional: Node[]; keywords: Array<{ name: string; value: Node; node: Node }> } | null {
  const list = call.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return null;
  const positional: Node[] = [];
  const keywords: Array<{ name: string; value: Node; node: Node }> = [];
  for (const arg of list.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return null;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name');
      const value = arg.childForFieldName('value');
      if (!name || !value) return null;
      keywords.push({ name: name.text, value, node: arg });
    } else {
      if (keywords.length > 0) return null;
      positional.push(arg);
    }
  }
  return { positional, keywords };
}

/** Expressions that bring their own brackets: they may span lines anywhere. */
const BRACKETED = new Set([
  'parenthesized_expression', 'list', 'dictionary', 'set', 'tuple',
  'list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'generator_expression',
]);

/** Primaries: what `.name`, `[i]` or `(...)` may follow without parentheses (`1 .real` is a syntax error, `(1).real` is not). */
const PRIMARIES = new Set([...BRACKETED, 'identifier', 'attribute', 'subscript', 'call', 'string', 'true', 'false', 'none']);

/**
 * Whether a line break inside the expression would end the statement once it stands outside the
 * brackets it was written in: `f(\n1)` keeps its breaks inside its own parentheses, `a\n.b` does not.
 */
function breaksLines(node: Node): boolean {
  if (BRACKETED.has(node.type) || node.type === 'string' || node.startPosition.row === node.endPosition.row) return false;
  const sameRow = (a: Node | null, b: Node | null) => a !== null && b !== null && a.endPosition.row === b.startPosition.row;
  switch (node.type) {
    case 'call': {
      const fn = node.childForFieldName('function');
      return !fn || breaksLines(fn) || !sameRow(fn, node.childForFieldName('arguments'));
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      return !object || breaksLines(object) || object.endPosition.row !== node.endPosition.row;
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const open = node.children.find((c) => c?.type === '[') ?? null;
      return !value || breaksLines(value) || !sameRow(value, open);
    }
    default:
      return true;
  }
}

/** The expression's text, parenthesized when `.name` cannot follow it as it is (`a + b`, `1`, a call split across lines). */
export function primaryText(node: Node): string {
  return PRIMARIES.has(node.type) && !breaksLines(node) ? node.text : `(${node.text})`;
}

/** The expression's text to stand alone after `return` or `=`, parenthesized when it spans lines or is a bare walrus. */
export function standaloneText(node: Node): string {
  return node.type === 'named_expression' || breaksLines(node) ? `(${node.text})` : node.text;
}

/** The assignment whose value the expression is, through parentheses (`f = (lambda: 0)`), or null. */
export function assignmentOfValue(value: Node, parents: ParentLookup): Node | null {
  let parent = parents.parentOf(value);
  while (parent?.type === 'parenthesized_expression') {
    value = parent;
    parent = parents.parentOf(value);
  }
  return parent?.type === 'assignment' && parent.childForFieldName('right')?.id === value.id ? parent : null;
}

/**
 * The plain (ASCII) name a call's text starts with, read without asking the tree: `f` for `f(x)`,
 * null for `a.f(x)`. A cheap first test for visitors of every call, to be confirmed on the tree:
 * the outer call of `f(a)(b)` answers `f` too. (A scan rather than a sticky pattern: it runs on
 * every call, and each match of a pattern allocates its result.)
 */
export function calleeName(call: Node, text: string): string | null {
  const start = call.startIndex;
  let end = start;
  while (isAsciiNameCharacter(text.charCodeAt(end))) end++;
  // A name does not start with a digit.
  if (end === start || isDigit(text.charCodeAt(start))) return null;
  let at = end;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return text.charCodeAt(at) === 40 ? text.slice(start, end) : null;
}

/**
 * The name a call's callee ends in, as written: `open` for `open(...)` and for
 * `io.open(...)` (an attribute ends with its name); null for other callees (`f()(...)`,
 * `a[0](...)`). Read from the text (the same as the tree's, offset for offset) back from the
 * callee's end, over the characters a name may have.
 */
export function calleeLastName(call: Node, text: string): string | null {
  const fn = call.childForFieldName('function');
  if (!fn) return null;
  const type = fn.type;
  if (type === 'identifier') return text.slice(fn.startIndex, fn.endIndex);
  if (type !== 'attribute') return null;
  const end = fn.endIndex;
  let start = end;
  while (start > fn.startIndex && isNameCharacter(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/**
 * Where `word` first appears in `text` from `from`, ending by `to`, with no ASCII letter, digit
 * or `_` touching it (what the pattern `\bword\b` finds for a word of name characters); -1 when
 * it does not. `indexOf` finds it several times faster than the pattern.
 */
export function indexOfAsciiWord(text: string, word: string, from = 0, to = text.length): number {
  for (let at = text.indexOf(word, from); at >= 0 && at + word.length <= to; at = text.indexOf(word, at + 1)) {
    if (!isAsciiNameCharacter(text.charCodeAt(at - 1)) && !isAsciiNameCharacter(text.charCodeAt(at + word.length))) return at;
  }
  return -1;
}

/** ASCII letters, digits and `_`, and every character beyond ASCII (a name's, in valid code). */
export function isNameCharacter(c: number): boolean {
  return isAsciiNameCharacter(c) || c > 127;
}

/** A character an ASCII name may have: a letter, a digit or `_` (false for NaN, past the text's end). */
export function isAsciiNameCharacter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Code on one line, cut to `limit` characters with `...`, for quoting in a message. */
export function oneLine(text: string, limit = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > limit ? `${flat.slice(0, limit - 3)}...` : flat;
}

/** Splits annotation text such as `a | b` or `a, b` at `separator` where no `[` or `(` is open; pieces trimmed. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}
