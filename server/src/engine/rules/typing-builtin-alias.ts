import type { Node } from '../../parser';
import { importEdit } from '../fixes';
import { qualifiedName } from '../module-facts';
import { boundAround, nameAvailability } from '../resolve';
import type { Rule, RuleContext } from '../rule';
import { targetMinor } from '../settings';
import type { Fix, TextEdit } from '../types';

interface Replacement {
  /** The builtin class, or the class in `collections`. */
  name: string;
  module: 'builtins' | 'collections';
}

/** The deprecated `typing` aliases and the classes that replaced them in Python 3.9 (PEP 585). */
const REPLACEMENTS: ReadonlyMap<string, Replacement> = new Map([
  ['typing.List', { name: 'list', module: 'builtins' }],
  ['typing.Dict', { name: 'dict', module: 'builtins' }],
  ['typing.Set', { name: 'set', module: 'builtins' }],
  ['typing.FrozenSet', { name: 'frozenset', module: 'builtins' }],
  ['typing.Tuple', { name: 'tuple', module: 'builtins' }],
  ['typing.Type', { name: 'type', module: 'builtins' }],
  ['typing.Deque', { name: 'deque', module: 'collections' }],
  ['typing.DefaultDict', { name: 'defaultdict', module: 'collections' }],
]);
const ALIAS_NAMES: ReadonlySet<string> = new Set([...REPLACEMENTS.keys()].map((k) => k.slice('typing.'.length)));
const ALIAS_WORD = new RegExp(`\\b(?:${[...ALIAS_NAMES].join('|')})\\b`);

/** The nodes whose `type` child is an annotation: parameters, a `def`'s return type, `x: T = ...`. */
const ANNOTATED = new Set(['typed_parameter', 'typed_default_parameter', 'function_definition', 'assignment']);
/** Parts of an annotation that are values, not types (`Annotated[...]` metadata, `Literal[...]` strings). */
const VALUES = new Set(['string', 'concatenated_string', 'call', 'lambda', 'keyword_argument', 'comment']);

export const typingBuiltinAlias: Rule = {
  meta: {
    code: 'PP206',
    name: 'typing-builtin-alias',
    title: 'Deprecated `typing` alias of a builtin or `collections` class in an annotation',
    severity: 'information',
    fix: 'unsafe',
    optIn: true,
    peers: ['UP006'],
    docs: {
      whatItDoes:
        'Flags `List`, `Dict`, `Set`, `FrozenSet`, `Tuple`, `Type`, `Deque` and `DefaultDict` from `typing` ' +
        '(imported by name, or written `typing.List` or `t.List` after `import typing as t`) in an annotation of a ' +
        'parameter, a return value or a variable. Runtime uses (`Vector = List[float]`, `cast(List[int], x)`, base ' +
        'classes, `Annotated` metadata), string annotations and names imported under another name are left alone, ' +
        'and so are files whose `target-version` is below Python 3.9.',
      whyIsThisBad:
        'Since Python 3.9 the classes themselves accept type arguments: `list[int]`, `dict[str, float]`, ' +
        '`type[Model]`, `collections.deque[str]`. The `typing` copies exist only for older versions, are ' +
        'deprecated, and make a reader import and learn a second name for every container. They are also not the ' +
        'same objects at run time: `typing.List[int] != list[int]`, and `functools.singledispatch` refuses a ' +
        'bare `List` annotation that it accepts as `list`.',
      example: [
        'from typing import Dict, List',
        '',
        'def group(words: List[str]) -> Dict[str, List[str]]:',
        '    groups: Dict[str, List[str]] = {}',
        '    for word in words:',
        '        groups.setdefault(word[0], []).append(word)',
        '    return groups',
      ].join('\n'),
      useInstead: [
        'def group(words: list[str]) -> dict[str, list[str]]:',
        '    groups: dict[str, list[str]] = {}',
        '    for word in words:',
        '        groups.setdefault(word[0], []).append(word)',
        '    return groups',
      ].join('\n'),
      fixSafety:
        'Safe for annotations Python never evaluates: variables annotated inside a function body, and `.pyi` ' +
        'stubs. Unsafe elsewhere, even under `from __future__ import annotations`: parameter, return, module and ' +
        'class annotations are kept in `__annotations__` (as text under the future import), and whatever reads ' +
        'them back (`typing.get_type_hints`, dataclasses, pydantic, `functools.singledispatch`) then gets ' +
        '`list[int]` instead of `typing.List[int]`, a different object: a `singledispatch` function registered ' +
        'through a bare `List` annotation raises TypeError where `list` works. The alias becomes the builtin, or ' +
        '`deque`/`defaultdict` with `from collections import ...` added. The import from `typing` is dropped when ' +
        'the rewritten name is its only use in the file (the word appears nowhere else, strings and comments ' +
        'included) and the file is not an `__init__.py`; dropping it makes the fix unsafe, since other modules may ' +
        'import the name from this one. A name used several times keeps its import: each fix rewrites one use, so ' +
        '*Fix all* may leave the import unused for an unused-import tool to remove. No fix when the new name means ' +
        'something else where the annotation stands (a parameter, a local variable or a class attribute named ' +
        '`list`, `type`, `deque`, ...).',
    },
  },

  create(context) {
    return {
      type(annotation) {
        if (targetMinor(context.settings) < 9) return;
        // A look at the text turns most annotations away without asking the tree.
        if (!ALIAS_WORD.test(context.source.text.slice(annotation.startIndex, annotation.endIndex))) return;
        const owner = context.parentOf(annotation);
        if (!owner || !ANNOTATED.has(owner.type)) return;
        for (const reference of aliasReferences(annotation)) {
          const replacement = REPLACEMENTS.get(qualifiedName(reference, context.module) ?? '');
          const head = headOf(reference);
          if (!replacement || boundAround(reference, head.text, context)) continue;
          const written = context.source.textOf(reference);
          const target = replacement.module === 'builtins' ? replacement.name : `collections.${replacement.name}`;
          context.report({
            node: reference,
            message: `\`${written}\` is the deprecated \`typing\` alias of \`${target}\`; since Python 3.9 \`${target}\` itself takes type arguments in annotations`,
            fix: buildFix({ reference, head, owner, replacement, context }),
          });
        }
      },
    };
  },
};

/** `List` and `typing.List` inside an annotation, outside the parts that are values. */
function aliasReferences(annotation: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'identifier') {
      if (ALIAS_NAMES.has(node.text)) found.push(node);
    } else if (node.type === 'attribute') {
      if (ALIAS_NAMES.has(node.childForFieldName('attribute')?.text ?? '')) found.push(node);
    } else if (!VALUES.has(node.type)) {
      for (const child of node.namedChildren) if (child) visit(child);
    }
  };
  visit(annotation);
  return found;
}

/** The first name of `a.b.c` (the qualified name was found, so it is made of names). */
function headOf(reference: Node): Node {
  let head = reference;
  while (head.type === 'attribute') head = head.childForFieldName('object')!;
  return head;
}

interface FixInput {
  reference: Node;
  head: Node;
  owner: Node;
  replacement: Replacement;
  context: RuleContext;
}

function buildFix({ reference, head, owner, replacement, context }: FixInput): Fix | null {
  const { source, module } = context;
  const edits: TextEdit[] = [{ range: source.rangeOf(reference), newText: replacement.name }];
  let imp: TextEdit | null = null;
  if (replacement.module === 'builtins') {
    if (module.bindingCount(replacement.name) > 0 || boundAround(reference, replacement.name, context)) return null;
  } else {
    const availability = nameAvailability(reference, replacement.name, `collections.${replacement.name}`, context);
    if (!availability) return null;
    if (availability === 'free') imp = importEdit('collections', replacement.name, source, module);
  }
  const removal = unusedImportRemoval(head.text, context);
  let dropped = false;
  if (removal && imp && samePosition(removal.range.start, imp.range.start)) {
    // `from typing import Deque` alone on its line becomes `from collections import deque`.
    edits.push({ range: removal.range, newText: imp.newText });
    dropped = true;
  } else {
    if (imp) edits.push(imp);
    if (removal && !(imp && inside(imp.range.start, removal.range))) {
      edits.push(removal);
      dropped = true;
    }
  }
  // Dropping a module-level name changes what other modules can import from this one (stubs excepted).
  const safe = !(dropped && !source.isStub) && (source.isStub || isLocalAnnotation(owner, context));
  const target = replacement.module === 'builtins' ? replacement.name : `collections.${replacement.name}`;
  return {
    title: dropped ? `Use \`${target}\` and drop the unused import` : `Use \`${target}\``,
    safety: safe ? 'safe' : 'unsafe',
    edits,
  };
}

/** `x: T = ...` in a function body: Python never evaluates the annotation (stubs never run at all). */
function isLocalAnnotation(owner: Node, context: RuleContext): boolean {
  return owner.type === 'assignment' && context.scopes.treeFor(owner).scopeContaining(owner).type === 'function';
}

/** The edit removing the import of `name` when the reference being fixed is its only use in the file. */
function unusedImportRemoval(name: string, context: RuleContext): TextEdit | null {
  const { module, source } = context;
  if (/(^|[\\/])__init__\.pyi?$/.test(source.path)) return null;
  const imported = module.importOf(name);
  if (imported !== 'typing' && !imported?.startsWith('typing.')) return null;
  // The word twice: once in the import, once in the reference.
  if (module.wordCount(name) !== 2) return null;
  return module.importRemoval(name);
}

function samePosition(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line === b.line && a.character === b.character;
}

function inside(p: TextEdit['range']['start'], range: TextEdit['range']): boolean {
  const after = (x: typeof p, y: typeof p) => x.line > y.line || (x.line === y.line && x.character >= y.character);
  return after(p, range.start) && after(range.end, p);
}
