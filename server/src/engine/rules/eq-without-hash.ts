import type { Node } from '../../parser';
import type { ClassSummary, MethodSummary, SelfAttributes } from '../class-summary';
import type { ModuleView } from '../module-facts';
import { ancestors } from '../parents';
import { isDocstring, isStubBody, statementsOf } from '../python';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

/** Class decorators known to leave `__eq__` and `__hash__` alone; any other decorator may write them (dataclasses, attrs). */
const HARMLESS_DECORATORS = new Set(['total_ordering', 'functools.total_ordering', 'final', 'typing.final', 'typing_extensions.final']);

/** Methods that set an object up rather than change it: assigning attributes there does not make instances mutable. */
const SETUP_METHODS = new Set(['__init__', '__new__', '__post_init__', '__setstate__', '__init_subclass__']);

/** Methods that change a container in place: a class that has them is mutable even without `self.x = ...`. */
const MUTATORS = new Set([
  '__setitem__', '__delitem__', '__iadd__', '__isub__', '__ior__', '__iand__', '__ixor__', '__imul__',
  'append', 'extend', 'insert', 'add', 'remove', 'discard', 'pop', 'popitem', 'clear', 'update', 'setdefault',
]);

/** Bases whose instances are unhashable already: an `__eq__` added on top changes nothing. */
const UNHASHABLE_BASES = new Set([
  'list', 'dict', 'set', 'bytearray', 'deque', 'defaultdict', 'OrderedDict', 'Counter',
  'UserDict', 'UserList', 'MutableMapping', 'MutableSet', 'MutableSequence',
  // These ABCs define `__eq__` themselves, so their subclasses are unhashable already.
  'Mapping', 'Set', 'AbstractSet',
]);

export const eqWithoutHash: Rule = {
  meta: {
    code: 'PP301',
    name: 'eq-without-hash',
    title: 'Class defines `__eq__` without `__hash__`',
    severity: 'information',
    fix: 'unsafe',
    peers: ['PLW1641'],
    docs: {
      whatItDoes:
        'Flags a class whose body defines `__eq__` but neither defines nor assigns `__hash__`, when the class looks ' +
        'like a value: its `__eq__` compares attributes of `self`, and no method other than `__init__` (or ' +
        '`__new__`, `__post_init__`, `__setstate__`) assigns attributes or changes the object in place (`append`, ' +
        '`add`, `update`, `__setitem__`...). Mutable objects are right to be unhashable and are left alone, as are ' +
        'dataclasses and other decorated classes (the decorator decides about hashing), enums, protocols, ' +
        'abstract classes, subclasses of unhashable containers (`list`, `dict`, `Mapping`...), wildcards whose ' +
        '`__eq__` compares no state (`return True`), classes local to a function, and `.pyi` stubs.',
      whyIsThisBad:
        'When a class body defines `__eq__` and says nothing about `__hash__`, Python quietly sets `__hash__` to ' +
        '`None`, even when a base class had a working one. Instances then raise `TypeError: unhashable type` as ' +
        'soon as they are put in a set or used as a dict key, or passed to `functools.lru_cache`. For objects ' +
        'whose state changes after creation that is the right outcome, but it is worth saying so in the class; ' +
        'for value objects it is usually an oversight that shows up far from the class.',
      example: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x = x',
        '        self.y = y',
        '',
        '    def __eq__(self, other):',
        '        return (self.x, self.y) == (other.x, other.y)',
        '',
        'visited = {Point(0, 0)}  # TypeError: unhashable type',
      ].join('\n'),
      useInstead: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x = x',
        '        self.y = y',
        '',
        '    def __eq__(self, other):',
        '        return (self.x, self.y) == (other.x, other.y)',
        '',
        '    def __hash__(self):',
        '        return hash((self.x, self.y))',
      ].join('\n'),
      fixSafety:
        'Unsafe. The fix adds, right after `__eq__`, a `__hash__` that hashes the tuple of the attributes ' +
        '`__init__` assigns and `__eq__` reads, so that objects that compare equal hash alike. When `__eq__` reads ' +
        'none of them (it compares properties or class attributes), the fix writes `__hash__ = None` instead, ' +
        'which keeps today\'s behaviour and states it. A new `__hash__` makes instances hashable where they were ' +
        'not: check that the hashed attributes never change once the object exists (mutating an object inside a ' +
        'set or a dict key loses it there), and that none holds a list or a dict, or hashing fails at run time. ' +
        'No fix is offered for a one-line `__eq__`.',
    },
  },

  create(context) {
    // Asked once per analysis: most files define no `__eq__` at all.
    const { text } = context.source;
    if (context.source.isStub || !context.source.mayContain('__eq__')) return {};
    return {
      class_definition(cls) {
        if (!text.slice(cls.startIndex, cls.endIndex).includes('__eq__')) return;
        const parent = context.parentOf(cls);
        const statement = parent?.type === 'decorated_definition' ? parent : cls;
        const summary = context.classSummary(statement);
        if (!summary.boundNames.includes('__eq__') || summary.boundNames.includes('__hash__')) return;
        if (summary.decorators.some((d) => !HARMLESS_DECORATORS.has(d))) return;
        if (bindsHashConditionally(cls, context) || hasExemptBase(summary, context.module)) return;
        // A class local to a function is a helper or a test double; nothing outside hashes it.
        for (const above of ancestors(cls, context)) if (above.type === 'function_definition') return;
        // `__eq__ = ...` says nothing we can read; an abstract class leaves hashing to its subclasses.
        const eq = lastMethod(summary, '__eq__');
        if (!eq || summary.methods.some(isAbstract)) return;
        // An `__eq__` that compares no state of `self` makes a wildcard or a sentinel (`ANY`, `ALWAYS_EQ`).
        // An object that changes after `__init__`, or whose `__eq__` compares whatever attributes it
        // happens to have (`vars(self)`), is right to be unhashable: its hash would change in a set.
        const compared = eq.selfAttributes();
        if (!comparesState(compared, summary) || compared.read.includes('__dict__') || isMutable(summary)) return;
        // `Point.__hash__ = ...` after the class.
        if (context.module.assignedAttributes(summary.name).includes('__hash__')) return;
        const name = cls.childForFieldName('name');
        if (!name) return;
        context.report({
          node: name,
          message:
            `\`${summary.name}\` defines \`__eq__\` but not \`__hash__\`, so Python sets \`__hash__\` to None: its instances ` +
            'cannot go in a set or be dict keys. Define `__hash__` from what `__eq__` compares, or write `__hash__ = None` to show it is meant',
          fix: buildFix(cls, summary, eq, context),
        });
      },
    };
  },
};

/** `if ...: def __hash__` or `__hash__ = ...` inside a class-level `if`/`try`: the class may well define it. */
function bindsHashConditionally(cls: Node, context: RuleContext): boolean {
  return statementsOf(cls.childForFieldName('body')).some(
    (s) => !['function_definition', 'decorated_definition', 'class_definition', 'expression_statement'].includes(s.type) && context.source.textOf(s).includes('__hash__'),
  );
}

/** `@abstractmethod`; for `__eq__`, also a body that only marks the place (`...`, `pass`, `raise NotImplementedError`). */
function isAbstract(method: MethodSummary): boolean {
  if (method.decorators.some((d) => /(?:^|\.)abstract\w*$/.test(d))) return true;
  if (method.name !== '__eq__') return false;
  const body = method.node.childForFieldName('body');
  if (!body) return true;
  if (isStubBody(body)) return true;
  return statementsOf(body).every((s) => isDocstring(s) || (s.type === 'raise_statement' && /^raise\s+NotImplementedError\b/.test(s.text)));
}

/** Whether `__eq__` reads an attribute of `self` that is neither called nor a plain method (properties count as state). */
function comparesState(eq: SelfAttributes, summary: ClassSummary): boolean {
  const behaviour = new Set(summary.methods.filter((m) => !m.decorators.some((d) => /(?:^|\.)(?:cached_)?property$/.test(d))).map((m) => m.name));
  for (const name of eq.called) behaviour.add(name);
  return eq.read.some((a) => !behaviour.has(a));
}

/** The class has a mutating method, or some method other than `__init__` and its kin assigns an attribute of `self`. */
function isMutable(summary: ClassSummary): boolean {
  return (
    summary.methods.some((m) => MUTATORS.has(m.name)) ||
    summary.methods.some((m) => !SETUP_METHODS.has(m.name) && m.selfAttributes().assigned.length > 0)
  );
}

/**
 * Enums (their members hash by name), protocols (interfaces), metaclasses of enums, unhashable
 * containers, and subclasses of a class of this module that is unhashable on purpose.
 */
function hasExemptBase(summary: ClassSummary, module: ModuleView): boolean {
  const bases = splitArguments(summary.bases);
  const seen = new Set<string>();
  const exempt = (base: string): boolean => {
    const keyword = /^metaclass\s*=\s*(.*)$/s.exec(base);
    const expression = (keyword ? keyword[1] : base).replace(/\[.*$/s, '').trim();
    const last = expression.split('.').pop() ?? '';
    if (/(Enum|Flag|EnumMeta|EnumType)$/.test(last) || ['Protocol', 'ABC', 'ABCMeta'].includes(last)) return true;
    if (!keyword && UNHASHABLE_BASES.has(last) && (expression.includes('.') || !module.moduleClass(last))) return true;
    const head = expression.split('.')[0];
    const imported = module.importOf(head);
    if (imported && (imported === 'enum' || imported.startsWith('enum.'))) return true;
    // A base defined in this file that is itself exempt, or says `__hash__ = None` already.
    if (keyword || expression.includes('.') || seen.has(expression)) return false;
    seen.add(expression);
    const local = module.moduleClass(expression);
    return local !== undefined && (local.unhashable || [...local.bases, ...local.keywords].some(exempt));
  };
  return bases.some(exempt);
}

/** `(A, b.C, metaclass=M)` -> `['A', 'b.C', 'metaclass=M']`. */
function splitArguments(text: string): string[] {
  const inner = text.replace(/^\(/, '').replace(/\)$/, '');
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function lastMethod(summary: ClassSummary, name: string): MethodSummary | undefined {
  return summary.methods.filter((m) => m.name === name).pop();
}

/** The attributes to hash: assigned by `__init__` and read by `__eq__` (no other method reassigns them). */
function hashedAttributes(summary: ClassSummary, eq: MethodSummary): string[] {
  const init = lastMethod(summary, '__init__');
  if (!init) return [];
  const compared = new Set(eq.selfAttributes().read);
  return init.selfAttributes().assigned.filter((a) => compared.has(a));
}

function buildFix(cls: Node, summary: ClassSummary, eq: MethodSummary, context: RuleContext): Fix | null {
  const { source } = context;
  if (cls.hasError) return null;
  const body = eq.node.childForFieldName('body');
  const firstStatement = body?.namedChildren.find((c) => c !== null && c.type !== 'comment');
  // A one-line `def __eq__(...): return ...` leaves no body indentation to copy.
  if (!body || !firstStatement || firstStatement.startPosition.row === eq.node.startPosition.row) return null;
  const indent = source.indentOf(eq.node.startPosition.row);
  const bodyIndent = source.indentOf(firstStatement.startPosition.row);
  if (!bodyIndent.startsWith(indent) || bodyIndent === indent || eq.node.startPosition.column !== indent.length) return null;
  // The line after the method: a position inside the class's own unit, which moves with it when a method above grows.
  const endRow = eq.node.endPosition.row;
  if (endRow + 1 >= source.lineCount) return null;
  const eol = source.eol;
  const hashed = hashedAttributes(summary, eq);
  const at = { line: endRow + 1, character: 0 };
  if (hashed.length === 0) {
    return {
      title: 'Write `__hash__ = None`: instances stay unhashable, on purpose',
      safety: 'unsafe',
      edits: [{ range: { start: at, end: at }, newText: `${eol}${indent}__hash__ = None${eol}` }],
    };
  }
  const fields = hashed.map((a) => `self.${a}`);
  const value = fields.length === 1 ? fields[0] : `(${fields.join(', ')})`;
  return {
    title: `Add \`__hash__\` hashing ${hashed.map((a) => `\`${a}\``).join(', ')}`,
    safety: 'unsafe',
    edits: [
      {
        range: { start: at, end: at },
        newText: `${eol}${indent}def __hash__(self):${eol}${bodyIndent}return hash(${value})${eol}`,
      },
    ],
  };
}
