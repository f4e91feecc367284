// Finds the explanation for the syntax under the cursor: a name (definition,
// reference, attribute, import, keyword argument), a keyword in its context,
// an operator, a literal display or a string. Returns knowledge-base entries
// plus what this use adds (options passed, the mangled name); the prose comes
// from the tables in `explanations/`.
import type { Node } from '../parser';
import {
  displayName,
  KNOWLEDGE_BASE,
  KNOWN_DUNDERS,
  nearestDunder,
  underscoreEntry,
  type KnowledgeEntry,
} from './explanations';
import { PROPERTY_DECORATOR_ATTRIBUTES } from './explanations/idioms';
import type { RenderOptions } from './explanations/render';
import {
  AUGMENTED_ASSIGNMENT_TRIGGERS,
  BINARY_OPERATOR_TRIGGERS,
  CALL_TRIGGERS,
  COMPARISON_TRIGGERS,
  SUBSCRIPT_TRIGGERS,
  UNARY_OPERATOR_TRIGGERS,
} from './explanations/triggers';
import { UNDERSCORE_FORMS, UNDERSCORE_NOTES } from './explanations/underscores';
import { qualifiedName, type ModuleView } from './module-facts';
import { DISPLAY_TYPES, isDocstring, mangle, underscoreForm } from './python';

export interface Found {
  item: KnowledgeEntry;
  render: RenderOptions;
}

export interface NodeExplanation {
  found: Found[];
  /** The node the explanation is about (its range is the hover range). */
  node: Node;
}

/** The module's names are scanned only when a name needs resolving through imports. */
export type NamesSource = () => ModuleView;

const plain = (key: string): Found[] => {
  const item = KNOWLEDGE_BASE.get(key);
  return item ? [{ item, render: {} }] : [];
};

/** Keywords whose entry does not depend on where they stand. */
const CONTEXT_FREE_KEYWORDS = new Set([
  'global', 'nonlocal', 'del', 'lambda', 'with', 'try', 'finally', 'except', 'raise', 'assert', 'await',
  'while', 'if', 'elif', 'return', 'pass', 'break', 'continue', 'class', 'def', 'import', 'as', 'and', 'or', 'match', 'case',
]);

/** Constants the grammar parses as literals rather than names. */
const CONSTANT_LITERALS: Readonly<Record<string, string>> = { none: 'builtins.None', true: 'builtins.True', false: 'builtins.False' };

export function explainNode(node: Node, names: NamesSource): NodeExplanation | null {
  if (node.type === 'identifier') return withNode(node, identifier(node, names));
  const parent = node.parent;
  if (!parent) return null;
  if (node.type === 'string' || parent.type === 'string') return stringLiteral(node.type === 'string' ? node : parent);
  if (DISPLAY_TYPES[node.type]) return withNode(node, plain(DISPLAY_TYPES[node.type]));
  if (CONSTANT_LITERALS[node.type]) return withNode(node, plain(CONSTANT_LITERALS[node.type]));
  if (node.isNamed) return null;
  return withNode(node, token(node, parent));
}

function withNode(node: Node, found: Found[]): NodeExplanation | null {
  return found.length ? { found, node } : null;
}

function token(node: Node, parent: Node): Found[] {
  const type = node.type;
  if (CONTEXT_FREE_KEYWORDS.has(type)) return plain(type);
  switch (parent.type) {
    case 'binary_operator':
      return plain(BINARY_OPERATOR_TRIGGERS[type] ?? '');
    case 'unary_operator':
      return plain(UNARY_OPERATOR_TRIGGERS[type] ?? '');
    case 'augmented_assignment':
      return plain(AUGMENTED_ASSIGNMENT_TRIGGERS[type] ?? '');
    case 'comparison_operator':
      return plain(type === 'is' ? 'is' : (COMPARISON_TRIGGERS[type] ?? ''));
    case 'is not':
      return plain('is not');
    case 'not in':
      return plain(COMPARISON_TRIGGERS['not in']);
    case 'not_operator':
      return type === 'not' ? plain('not') : [];
    case 'import_from_statement':
    case 'future_import_statement':
      return type === 'from' ? plain('from') : [];
    case 'raise_statement':
      return type === 'from' ? plain('raise') : [];
    case 'conditional_expression':
      return type === 'else' ? plain('if') : [];
    case 'list_splat_pattern':
      return plain('*args');
    case 'dictionary_splat_pattern':
      return plain('**kwargs');
    case 'keyword_separator':
      return plain('*');
    case 'positional_separator':
      return plain('/');
    case 'list_splat':
      return plain('*iterable');
    case 'dictionary_splat':
      return plain('**mapping');
    case 'subscript':
      return type === '[' || type === ']' ? plain(subscriptUse(parent)) : [];
    case 'else_clause':
      return type === 'else' ? plain(ELSE_OWNERS[parent.parent?.type ?? ''] ?? '') : [];
    case 'yield':
      return plain(parent.children.some((c) => c?.type === 'from') ? 'yield from' : 'yield');
    case 'for_statement':
    case 'for_in_clause':
      return type === 'async' ? plain('async for') : type === 'for' ? plain('for') : [];
    case 'with_statement':
      return type === 'async' ? plain('async with') : [];
    case 'function_definition':
      return type === 'async' ? plain('async') : [];
    default:
      return DISPLAY_TYPES[parent.type] && /^[[\](){},]$/.test(type) ? plain(DISPLAY_TYPES[parent.type]) : [];
  }
}

const ELSE_OWNERS: Readonly<Record<string, string>> = {
  if_statement: 'if',
  for_statement: 'for-else',
  while_statement: 'while-else',
  try_statement: 'try-else',
};

function subscriptUse(subscript: Node): string {
  let outer = subscript;
  while (outer.parent && (outer.parent.type === 'pattern_list' || outer.parent.type === 'expression_list')) outer = outer.parent;
  const parent = outer.parent;
  if (parent?.type === 'delete_statement') return SUBSCRIPT_TRIGGERS.delete;
  if ((parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === outer.id) {
    return SUBSCRIPT_TRIGGERS.write;
  }
  return SUBSCRIPT_TRIGGERS.read;
}

function stringLiteral(string: Node): NodeExplanation | null {
  const statement = string.parent;
  if (statement && isDocstring(statement)) return null;
  const content = string.children.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
  if (content === '__main__') return withNode(string, plain('__main__'));
  return withNode(string, plain(stringType(string)));
}

/** `b"..."` is bytes; every other string literal (plain, raw, f-string) is str. */
function stringType(string: Node): 'builtins.bytes' | 'builtins.str' {
  const start = string.children.find((c) => c?.type === 'string_start')?.text ?? '';
  return /b/i.test(start.replace(/["']/g, '')) ? 'builtins.bytes' : 'builtins.str';
}

function identifier(node: Node, names: NamesSource): Found[] {
  const name = node.text;
  const form = underscoreForm(name);
  if (form === 'dunder') return dunder(name);
  const parent = node.parent;
  const qualified = parent ? qualifiedAt(node, parent, names) : null;
  if (qualified) {
    const own = plain(qualified.key);
    // A builtin with an entry of its own names the special methods it calls there;
    // only one without (`abs`, `math.floor`) is explained through them.
    const triggered = own.length === 0 ? (CALL_TRIGGERS[qualified.key] ?? []) : [];
    const found = [...own, ...triggered.flatMap(plain)];
    if (found.length) {
      const passed = qualified.call ? passedOptions(qualified.call) : [];
      return found.map((f) => (passed.length && f.item.entry.options ? { ...f, render: { passed } } : f));
    }
  }
  if (!form) return [];
  const item = underscoreEntry(name)!;
  return [{ item, render: form === 'mangled' ? { notes: [manglingNote(node, name)] } : {} }];
}

function dunder(name: string): Found[] {
  if (KNOWN_DUNDERS.has(name)) return plain(name);
  const { title, ...rest } = UNDERSCORE_FORMS.dunder;
  const suggestion = nearestDunder(name);
  const fill = (text: string) => text.replaceAll('{name}', name);
  const notes = [fill(UNDERSCORE_NOTES.unknownDunder)];
  if (suggestion) notes.push(UNDERSCORE_NOTES.didYouMean.replaceAll('{suggestion}', suggestion));
  return [{ item: { key: name, kind: 'naming', entry: { ...rest, title: fill(title) } }, render: { notes } }];
}

/** Where an identifier names something new rather than referring to a library name. */
const DEFINING_PARENTS = new Set(['function_definition', 'class_definition', 'default_parameter', 'typed_default_parameter']);

interface Qualified {
  key: string;
  /** The call whose keyword arguments select options: `dataclass(frozen=True)`. */
  call: Node | null;
}

/** The qualified name this identifier stands for here, following the module's imports. */
function qualifiedAt(node: Node, parent: Node, names: NamesSource): Qualified | null {
  if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) {
    const call = parent.parent?.parent;
    const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
    const key = fn ? keyOf(fn, names) : null;
    return key && KNOWLEDGE_BASE.get(key)?.entry.options?.[node.text] ? { key, call: call! } : null;
  }
  if (DEFINING_PARENTS.has(parent.type) && parent.childForFieldName('name')?.id === node.id) return null;
  if (parent.type === 'parameters' || parent.type === 'lambda_parameters') return null;
  if (parent.type === 'typed_parameter' && parent.namedChild(0)?.id === node.id) return null;
  if (parent.type === 'aliased_import' || parent.type === 'dotted_name') {
    return importedName(parent);
  }
  let target = node;
  if (parent.type === 'attribute') {
    if (parent.childForFieldName('attribute')?.id !== node.id) return null;
    if (parent.parent?.type === 'decorator' || parent.parent?.parent?.type === 'decorator') {
      const decoratorKey = PROPERTY_DECORATOR_ATTRIBUTES[node.text];
      if (decoratorKey) return { key: decoratorKey, call: null };
    }
    target = parent;
  }
  const key = keyOf(target, names);
  if (!key) return null;
  const call = target.parent?.type === 'call' && target.parent.childForFieldName('function')?.id === target.id ? target.parent : null;
  return { key, call };
}

/** The knowledge-base key an expression names: a qualified name through the imports, or a builtin type's method. */
function keyOf(target: Node, names: NamesSource): string | null {
  return qualifiedName(target, names()) ?? (target.type === 'attribute' ? builtinMethodKey(target, names) : null);
}

/**
 * `b"..".decode`, `"..".casefold`, `str.casefold`: a method of a builtin type,
 * only where the receiver's type is certain (a literal, or the type itself);
 * `data.decode` on an arbitrary name is left alone rather than guessed.
 */
function builtinMethodKey(attribute: Node, names: NamesSource): string | null {
  const receiver = attribute.childForFieldName('object');
  const method = attribute.childForFieldName('attribute')?.text;
  if (!receiver || !method) return null;
  const type = receiver.type === 'string' ? stringType(receiver) : (DISPLAY_TYPES[receiver.type] ?? qualifiedName(receiver, names()));
  if (!type || KNOWLEDGE_BASE.get(type)?.kind !== 'builtin type') return null;
  return `${displayName(type)}.${method}`;
}

/** `from functools import partial` (or `... import partial as p`): the imported name's qualified form. */
function importedName(parent: Node): Qualified | null {
  const item = parent.type === 'aliased_import' ? parent : parent.parent?.type === 'aliased_import' ? parent.parent : parent;
  const statement = item.parent;
  if (statement?.type !== 'import_from_statement') return null;
  const module = statement.childForFieldName('module_name');
  if (!module || module.type !== 'dotted_name' || module.id === item.id) return null;
  const imported = item.type === 'aliased_import' ? item.childForFieldName('name')?.text : item.text;
  return imported ? { key: `${module.text}.${imported}`, call: null } : null;
}

function passedOptions(call: Node): Array<{ name: string; value: string }> {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? [])
    .filter((a): a is Node => a?.type === 'keyword_argument')
    .map((a) => ({ name: a.childForFieldName('name')?.text ?? '', value: a.childForFieldName('value')?.text ?? '' }));
}

/** The innermost class whose body contains the node: the class Python mangles `__x` for. */
function enclosingClassName(node: Node): string | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'class_definition') {
      const body = p.childForFieldName('body');
      if (body && node.startIndex >= body.startIndex) return p.childForFieldName('name')?.text ?? null;
    }
  }
  return null;
}

function manglingNote(node: Node, name: string): string {
  const className = enclosingClassName(node);
  const mangled = className ? mangle(name, className) : null;
  const template = mangled ? UNDERSCORE_NOTES.mangledHere : className ? UNDERSCORE_NOTES.allUnderscoreClass : UNDERSCORE_NOTES.outsideClass;
  return template
    .replaceAll('{class}', className ?? '')
    .replaceAll('{mangled}', mangled ?? '')
    .replaceAll('{name}', name);
}
