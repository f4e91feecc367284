import type { Node } from '../../parser';
import { MUTATING_METHODS } from '../class-summary';
import { importEdit } from '../fixes';
import { mutableConstructorOf } from '../module-facts';
import { ancestors } from '../parents';
import { isDocstring, isImport, isStubBody, oneLine, splitTopLevel, statementsOf } from '../python';
import type { Rule, RuleContext } from '../rule';
import { targetMinor } from '../settings';
import type { Fix, TextEdit } from '../types';

/** Annotations promising the function only reads the argument: a shared default is then harmless. */
const READ_ONLY_TYPES = new Set([
  'Sequence', 'Mapping', 'Iterable', 'Iterator', 'Collection', 'Container', 'Reversible',
  'AbstractSet', 'KeysView', 'ValuesView', 'ItemsView', 'MappingProxyType',
  'tuple', 'Tuple', 'frozenset', 'FrozenSet',
]);

export const mutableDefaultArgument: Rule = {
  meta: {
    code: 'PP401',
    name: 'mutable-default-argument',
    title: 'Mutable default argument',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['B006'],
    docs: {
      whatItDoes:
        'Flags a parameter whose default is a fresh mutable object: a list, dict or set display or comprehension, ' +
        'a call such as `list()`, `dict()`, `set()`, `bytearray()`, `deque()`, `defaultdict()`, `OrderedDict()` or ' +
        '`Counter()`, or a module-level name bound to one of those. Parameters whose name starts with an ' +
        'underscore (`_cache={}`), defaults that alias a global of the same name (`registry=registry`), and a ' +
        'lower-case module-level container that the function neither changes nor stores, returns or yields ' +
        '(`namespace=global_namespace`, a registry shared on purpose) are left ' +
        'alone: callers never pass them, so sharing is the point. Annotations that promise read-only use ' +
        '(`Sequence`, `Mapping`, `Iterable`, `tuple`, `frozenset`) and `.pyi` stubs are not flagged either.',
      whyIsThisBad:
        'Python evaluates a default once, when the `def` statement runs, not on every call. Every call that omits ' +
        'the argument receives that same object, so a change made during one call is still there in the next one. ' +
        'When the object is also stored on an instance, separate instances end up sharing it.',
      example: [
        'class Playlist:',
        '    def __init__(self, songs=[]):',
        '        self.songs = songs',
        '',
        '    def add(self, song):',
        '        self.songs.append(song)  # every default Playlist grows together',
      ].join('\n'),
      useInstead: [
        'class Playlist:',
        '    def __init__(self, songs=None):',
        '        if songs is None:',
        '            songs = []',
        '        self.songs = songs',
      ].join('\n'),
      fixSafety:
        'Unsafe. The default becomes `None` and an `if x is None:` guard creates the object inside the function, ' +
        'after the docstring and any leading imports. Callers that pass `None` on purpose, or code that relied on ' +
        'the shared object (a hand-made cache), behave differently afterwards. The annotation `T` becomes `T | None` ' +
        '(`Optional[T]` when the target version is below 3.10). No fix is offered for a one-line `def`.',
    },
  },

  create(context) {
    return {
      function_definition(fn) {
        const parameters = fn.childForFieldName('parameters');
        if (!parameters || context.source.isStub) return;
        for (const param of parameters.namedChildren) {
          if (param?.type !== 'default_parameter' && param?.type !== 'typed_default_parameter') continue;
          const name = param.childForFieldName('name');
          const value = param.childForFieldName('value');
          if (name?.type !== 'identifier' || !value) continue;
          // `_cache={}`, `_nil=[]`: an underscore says callers never pass it, so the shared object is deliberate.
          if (name.text.startsWith('_')) continue;
          const annotation = param.childForFieldName('type');
          if (annotation && isReadOnlyAnnotation(context.source.textOf(annotation))) continue;
          const mutable = describeMutable(value, name.text, fn, context);
          if (!mutable) continue;
          const functionName = fn.childForFieldName('name')?.text ?? 'the function';
          context.report({
            node: value,
            message: `\`${name.text}\` defaults to ${mutable.description}, made once when \`${functionName}\` is defined and shared by every call that leaves the argument out`,
            fix: buildFix({ fn, name: name.text, value, annotation, replacement: mutable.replacement, context }),
          });
        }
      },
    };
  },
};

interface Mutable {
  description: string;
  /** What the guard assigns: the default's own text, or a copy of a module-level object. */
  replacement: string;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeMutable(value: Node, parameter: string, fn: Node, context: RuleContext): Mutable | null {
  const constructor = mutableConstructorOf(value, context.module);
  if (constructor) {
    return { description: `${article(constructor.split('.').pop()!)} \`${oneLine(value.text)}\``, replacement: value.text };
  }
  if (value.type !== 'identifier') return null;
  const global = context.module.mutableGlobal(value.text);
  // `registry=registry` keeps a fast local alias of the global on purpose; an enclosing function
  // or class may bind the same name: in both cases stay silent.
  if (
    !global ||
    value.text === parameter ||
    (isSharedRegistry(value.text) && !mutatesOrStores(fn, parameter, context)) ||
    enclosingScopes(fn, context).some((scope) => scope.type !== 'class_definition' || context.classSummary(scope).boundNames.includes(value.text))
  ) {
    return null;
  }
  return {
    description: `the module-level ${global.split('.').pop()} \`${value.text}\``,
    replacement: `${value.text}.copy()`,
  };
}

/**
 * A lower-case module-level container passed as a default (`namespace=global_namespace`) is
 * usually a registry shared on purpose; upper case reads as a constant that should stay as it is.
 */
function isSharedRegistry(name: string): boolean {
  return name === name.toLowerCase();
}

/** Methods that change a list, dict, set, deque or bytearray in place. */
/**
 * Whether the function's own body (not a nested function or class) changes the parameter in
 * place, or stores, returns or yields it, so that callers would see the shared object.
 */
function mutatesOrStores(fn: Node, parameter: string, context: RuleContext): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  const nested = ['function_definition', 'lambda', 'class_definition'];
  return body.descendantsOfType('identifier').some((id) => {
    if (id?.text !== parameter) return false;
    for (let p = context.parentOf(id); p && p.id !== body.id; p = context.parentOf(p)) if (nested.includes(p.type)) return false;
    const parent = context.parentOf(id);
    if (!parent) return false;
    const isTarget = (node: Node): boolean => {
      const holder = context.parentOf(node);
      return (
        ((holder?.type === 'assignment' || holder?.type === 'augmented_assignment') && holder.childForFieldName('left')?.id === node.id) ||
        holder?.type === 'delete_statement'
      );
    };
    switch (parent.type) {
      case 'attribute': {
        const call = context.parentOf(parent);
        const name = parent.childForFieldName('attribute')?.text ?? '';
        return parent.childForFieldName('object')?.id === id.id && call?.type === 'call' && MUTATING_METHODS.has(name);
      }
      case 'subscript':
        return parent.childForFieldName('value')?.id === id.id && isTarget(parent);
      case 'augmented_assignment':
        return parent.childForFieldName('left')?.id === id.id;
      case 'assignment': {
        const left = parent.childForFieldName('left');
        return parent.childForFieldName('right')?.id === id.id && (left?.type === 'attribute' || left?.type === 'subscript');
      }
      case 'return_statement':
      case 'yield':
        return true;
      default:
        return false;
    }
  });
}

/** Functions, lambdas and classes around a `def`, innermost first: the scopes its defaults are evaluated in. */
function enclosingScopes(fn: Node, context: RuleContext): Node[] {
  const scopes: Node[] = [];
  for (const p of ancestors(fn, context)) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') scopes.push(p);
  }
  return scopes;
}

function unquote(text: string): string {
  const t = text.trim();
  const m = /^(['"])(.*)\1$/s.exec(t);
  return m ? m[2] : t;
}

/** True when every non-None member of the annotation is a read-only type (`Sequence[int] | None`). */
export function isReadOnlyAnnotation(annotation: string): boolean {
  const members = splitTopLevel(unquote(annotation), '|').filter((m) => m !== 'None');
  if (members.length === 0) return false;
  return members.every((member) => {
    const m = /^(?:typing\.)?(Optional|Union)\[(.*)\]$/s.exec(member);
    if (m) return splitTopLevel(m[2], ',').every((inner) => inner === 'None' || isReadOnlyAnnotation(inner));
    const head = member.split('[')[0].trim().split('.').pop() ?? '';
    return READ_ONLY_TYPES.has(head);
  });
}

function allowsNone(annotation: string): boolean {
  const text = unquote(annotation);
  return splitTopLevel(text, '|').includes('None') || /^(?:typing\.)?Optional\[/.test(text.trim());
}

interface FixInput {
  fn: Node;
  name: string;
  value: Node;
  annotation: Node | null;
  replacement: string;
  context: RuleContext;
}

function buildFix({ fn, name, value, annotation, replacement, context }: FixInput): Fix | null {
  const { source } = context;
  const body = fn.childForFieldName('body');
  const colon = fn.children.find((c) => c?.type === ':');
  if (!body || !colon || fn.hasError) return null;
  const stub = isStubBody(body);
  // `def f(x=[]): return x`: no room for a guard without rewriting the layout; decline.
  if (!stub && body.startPosition.row === colon.startPosition.row) return null;

  const parameterNames = fn.childForFieldName('parameters')!.namedChildren.flatMap((p) => {
    const n = p?.type === 'identifier' ? p : p?.childForFieldName('name') ?? p?.namedChild(0);
    return n?.type === 'identifier' ? [n.text] : [];
  });
  // Moving the default into the body evaluates it in the function's scope, where a parameter or a
  // class attribute of the same name means something else (or nothing): decline rather than guess.
  const shadowed = new Set(parameterNames);
  const owner = enclosingScopes(fn, context)[0];
  if (owner?.type === 'class_definition') for (const n of context.classSummary(owner).boundNames) shadowed.add(n);
  if (value.type !== 'identifier' && value.descendantsOfType('identifier').some((id) => id !== null && shadowed.has(id.text))) return null;

  const edits: TextEdit[] = [{ range: source.rangeOf(value), newText: 'None' }];

  if (annotation && !allowsNone(source.textOf(annotation))) {
    const edit = annotationEdits(annotation, context);
    if (!edit) return null;
    edits.push(...edit);
  }

  if (!stub) {
    const guard = guardEdit({ fn, body, colon, name, replacement, parameterNames, context });
    if (!guard) return null;
    edits.push(guard);
  }
  return { title: `Default \`${name}\` to \`None\` and create the value inside the function`, safety: 'unsafe', edits };
}

function annotationEdits(annotation: Node, context: RuleContext): TextEdit[] | null {
  const { source, module, settings } = context;
  const modern = targetMinor(settings) >= 10;
  const expression = annotation.namedChild(0) ?? annotation;
  const range = source.rangeOf(expression);
  if (expression.type === 'string') {
    const content = expression.children.filter((c) => c?.type === 'string_content');
    const start = expression.children[0];
    const end = expression.children[expression.childCount - 1];
    if (content.length !== 1 || !start || !end || /[a-z]/i.test(start.text)) return null;
    const inner = content[0]!.text;
    const text = modern ? `${inner} | None` : `Optional[${inner}]`;
    const edits: TextEdit[] = [{ range: source.rangeOf(content[0]!), newText: text }];
    const imp = modern ? null : importEdit('typing', 'Optional', source, module);
    return imp ? [...edits, imp] : edits;
  }
  const simple = ['identifier', 'attribute', 'subscript', 'generic_type', 'union_type', 'member_type', 'binary_operator', 'none'];
  if (!simple.includes(expression.type)) return null;
  if (modern) return [{ range, newText: `${source.textOf(expression)} | None` }];
  const imp = importEdit('typing', 'Optional', source, module);
  const edits: TextEdit[] = [{ range, newText: `Optional[${source.textOf(expression)}]` }];
  return imp ? [...edits, imp] : edits;
}

interface GuardInput {
  fn: Node;
  body: Node;
  colon: Node;
  name: string;
  replacement: string;
  parameterNames: string[];
  context: RuleContext;
}

/** `if x is None:` guards for the parameters, written by earlier applications of this fix. */
function isNoneGuard(statement: Node, parameterNames: string[]): boolean {
  if (statement.type !== 'if_statement') return false;
  const condition = statement.childForFieldName('condition')?.text ?? '';
  const m = /^(\w+) is None$/.exec(condition);
  return m !== null && parameterNames.includes(m[1]) && !statement.childForFieldName('alternative');
}

function guardEdit({ fn, body, colon, name, replacement, parameterNames, context }: GuardInput): TextEdit | null {
  const { source } = context;
  const statements = statementsOf(body);
  if (statements.length === 0) return null;
  const first = statements[0];
  const indent = source.indentOf(first.startPosition.row);
  // The body must start on its own line, at its indentation: otherwise we cannot say where a new line goes.
  if (first.startPosition.column !== indent.length) return null;
  // One level of indentation: what the body's adds to the `def`'s column. (The text before
  // the `def` on its line lies outside the function's unit, whose cached results must not
  // depend on it.)
  const defColumn = fn.startPosition.column;
  const unit = indent.length > defColumn ? indent.slice(defColumn) : '    ';

  let i = 0;
  if (isDocstring(first)) i = 1;
  while (i < statements.length && (isImport(statements[i]) || isNoneGuard(statements[i], parameterNames))) i++;

  const eol = source.eol;
  const guard = [`${indent}if ${name} is None:`, `${indent}${unit}${name} = ${replacement}`];
  const previous = i > 0 ? statements[i - 1] : colon;
  if (i < statements.length) {
    const anchor = statements[i];
    const line = previous.endPosition.row + 1;
    if (line > anchor.startPosition.row || source.indentOf(anchor.startPosition.row).length !== anchor.startPosition.column) return null;
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: guard.join(eol) + eol };
  }
  const end = { line: previous.endPosition.row, character: previous.endPosition.column };
  if (source.lineText(end.line).length !== end.character && !/^\s*(#.*)?$/.test(source.lineText(end.line).slice(end.character))) return null;
  const at = { line: end.line, character: source.lineText(end.line).length };
  return { range: { start: at, end: at }, newText: eol + guard.join(eol) };
}
