// A `def` seen as a method: the class whose body holds it, whether it is decorated and what
// its first parameter is. Shared by the rules about how methods are bound
// (missing-staticmethod, missing-classmethod, classmethod-hardcodes-class,
// setter-name-mismatch).
import type { Node } from '../parser';
import type { ClassSummary } from './class-summary';
import type { ParentLookup } from './parents';
import { statementsOf, underscoreForm } from './python';
import type { RuleContext, Visitor } from './rule';
import type { SourceFile } from './source';
import type { TextEdit } from './types';

export interface Method {
  fn: Node;
  /** The `decorated_definition` when the method has decorators, else `fn`. */
  statement: Node;
  /** Whether any decorator is written above the method. */
  decorated: boolean;
  /** The `class_definition` whose body holds the method directly. */
  classNode: Node;
}

/** `fn` as a method, or null when it is not written directly in a class body. */
export function methodOf(fn: Node, parents: ParentLookup): Method | null {
  let statement = fn;
  let parent = parents.parentOf(fn);
  if (parent?.type === 'decorated_definition') {
    statement = parent;
    parent = parents.parentOf(parent);
  }
  if (parent?.type !== 'block') return null;
  const classNode = parents.parentOf(parent);
  if (classNode?.type !== 'class_definition') return null;
  return { fn, statement, decorated: statement !== fn, classNode };
}

export type FirstParameterKind =
  /** `def f()` */
  | 'none'
  /** `def f(a, ...)`, `def f(a: int = 1, ...)` */
  | 'positional'
  /** `def f(*args)`: the instance lands in `args` */
  | 'star'
  /** `def f(*, a)` or `def f(**kw)`: no room for the instance */
  | 'keyword';

export interface FirstParameter {
  kind: FirstParameterKind;
  /** The parameter's name, for `positional`. */
  name: Node | null;
}

export function firstParameter(fn: Node): FirstParameter {
  const parameters = fn.childForFieldName('parameters');
  const first = parameters?.namedChildren.find((p) => p !== null && p.type !== 'comment') ?? null;
  if (!first) return { kind: 'none', name: null };
  switch (first.type) {
    case 'identifier':
      return { kind: 'positional', name: first };
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = first.childForFieldName('name');
      return name?.type === 'identifier' ? { kind: 'positional', name } : { kind: 'star', name: null };
    }
    case 'typed_parameter': {
      const inner = first.namedChild(0);
      if (inner?.type === 'identifier') return { kind: 'positional', name: inner };
      return { kind: inner?.type === 'dictionary_splat_pattern' ? 'keyword' : 'star', name: null };
    }
    case 'list_splat_pattern':
      return { kind: 'star', name: null };
    case 'keyword_separator':
    case 'dictionary_splat_pattern':
      return { kind: 'keyword', name: null };
    default:
      // Anything else (a Python 2 tuple parameter, a parse error) is not ours to judge.
      return { kind: 'star', name: null };
  }
}

/** The base classes of a summary, as dotted names with any subscript dropped (`typing.Protocol[T]` -> `typing.Protocol`); keywords left out. */
export function baseNames(summary: ClassSummary): string[] {
  const inner = summary.bases.replace(/^\(/, '').replace(/\)$/, '');
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const ch = inner[i];
    if (ch === '[' || ch === '(' || ch === '{') depth++;
    else if (ch === ']' || ch === ')' || ch === '}') depth--;
    else if ((ch === ',' && depth === 0) || i === inner.length) {
      const part = inner.slice(start, i).replace(/#.*$/gm, '').trim();
      start = i + 1;
      if (!part || part.includes('=') || part.startsWith('*')) continue;
      names.push(part.replace(/\s+/g, '').replace(/\[.*$/s, ''));
    }
  }
  return names;
}

/** The last part of a dotted name. */
export function lastPart(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** Data-model methods that take the class implicitly, whatever their first parameter's name. */
const CLASS_LEVEL_DUNDERS = new Set(['__new__', '__init_subclass__', '__class_getitem__']);

/**
 * A metaclass, as far as the class statement tells: a base `type` (or `EnumType`); a base
 * or class name starting with `Meta` or ending in `Meta`/`Metaclass`; a method whose first
 * parameter is named the way metaclass code names it (`mcs`, `mcls`, `metacls`); or a
 * data-model method such as `__init__` or `__call__` whose first parameter is `cls` (its
 * instances are classes).
 */
export function looksLikeMetaclass(summary: ClassSummary): boolean {
  const metaName = (name: string) => /^Meta[A-Z_]|(?:Meta|Metaclass|MetaClass)$/.test(name);
  if (metaName(summary.name)) return true;
  if (baseNames(summary).some((b) => metaName(lastPart(b)) || b === 'type' || b === 'builtins.type' || lastPart(b) === 'EnumType')) return true;
  return summary.methods.some((m) => {
    if (/^\(\s*(?:mcs|mcls|metacls|meta)\b/.test(m.parameters)) return true;
    return underscoreForm(m.name) === 'dunder' && !CLASS_LEVEL_DUNDERS.has(m.name) && m.decorators.length === 0 && /^\(\s*cls\b/.test(m.parameters);
  });
}

/** The edit that writes `@decorator` on its own line above the method, or null when the `def` does not start its line. */
export function decoratorLineEdit(method: Method, decorator: string, source: SourceFile): TextEdit | null {
  const { statement } = method;
  const row = statement.startPosition.row;
  const indent = source.indentOf(row);
  if (statement.startPosition.column !== indent.length) return null;
  const at = { line: row, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}@${decorator}${source.eol}` };
}

/**
 * Visitors that hand `visit` every undecorated method written directly in a class body,
 * once, without looking at every `def`: a method unit's own function, and the members of
 * each class inside a unit (a class's own unit leaves its methods to their units).
 */
export function undecoratedMethodVisitors(context: RuleContext, visit: (method: Method) => void): Partial<Record<string, Visitor>> {
  return {
    function_definition(fn) {
      const { unit } = context;
      // A decorated method's unit starts at its decorators: then the ids differ, and decorated methods are skipped.
      if (unit.kind !== 'method' || unit.node.id !== fn.id) return;
      const method = methodOf(fn, context);
      if (method) visit(method);
    },
    class_definition(classNode) {
      const { unit } = context;
      if (unit.kind === 'class' && (unit.node.id === classNode.id || context.parentOf(classNode)?.id === unit.node.id)) return;
      for (const member of statementsOf(classNode.childForFieldName('body'))) {
        if (member.type === 'function_definition') visit({ fn: member, statement: member, decorated: false, classNode });
      }
    },
  };
}
