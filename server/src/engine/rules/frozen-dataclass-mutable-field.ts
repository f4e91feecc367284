import type { Node } from '../../parser';
import { dataclassFields, dataclassOptions, keywordArguments, literalFlag } from '../dataclass';
import type { ModuleView } from '../module-facts';
import { splitTopLevel } from '../python';
import type { Rule } from '../rule';

/** The mutable containers an annotation may name, by qualified name, with what to use in a frozen class. */
const MUTABLE_TYPES: Readonly<Record<string, { noun: string; instead: string }>> = {
  'builtins.list': { noun: 'list', instead: 'a tuple' },
  'typing.List': { noun: 'list', instead: 'a tuple' },
  'builtins.dict': { noun: 'dict', instead: 'a tuple of pairs or a frozenset of items' },
  'typing.Dict': { noun: 'dict', instead: 'a tuple of pairs or a frozenset of items' },
  'builtins.set': { noun: 'set', instead: 'a frozenset' },
  'typing.Set': { noun: 'set', instead: 'a frozenset' },
};

export const frozenDataclassMutableField: Rule = {
  meta: {
    code: 'PP309',
    name: 'frozen-dataclass-mutable-field',
    title: 'Frozen dataclass field annotated as a list, dict or set',
    severity: 'information',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a field of a `@dataclass(frozen=True)` class annotated `list`, `dict` or `set` (or `List`, `Dict`, ' +
        '`Set` from `typing`, with or without parameters, also inside `Optional[...]` or `... | None`). Fields left ' +
        'out of the hash (`field(hash=False)` or `field(compare=False)`), classes with `eq=False` (which keep ' +
        "`object`'s hash), classes that define their own `__hash__` and `ClassVar` attributes are not flagged.",
      whyIsThisBad:
        'A frozen dataclass promises a value that cannot change, and with `eq=True` it gets a `__hash__` that ' +
        'hashes every compared field. A list, dict or set breaks both promises: `hash(instance)` raises ' +
        '`TypeError`, so instances cannot go into sets or serve as dict keys, and the container itself can still ' +
        'be changed in place (`point.tags.append(...)`), which "frozen" was meant to rule out.',
      example: [
        'from dataclasses import dataclass',
        '',
        '@dataclass(frozen=True)',
        'class Route:',
        '    stops: list[str]',
        '',
        '{Route(["a", "b"])}  # TypeError: unhashable type: \'list\'',
      ].join('\n'),
      useInstead: [
        'from dataclasses import dataclass',
        '',
        '@dataclass(frozen=True)',
        'class Route:',
        '    stops: tuple[str, ...]',
        '',
        '{Route(("a", "b"))}',
      ].join('\n'),
      fixSafety:
        'No fix: changing the annotation alone changes nothing at run time, and the code that builds instances has ' +
        'to pass tuples or frozensets instead.',
    },
  },

  create(context) {
    return {
      class_definition(cls) {
        if (context.source.isStub) return;
        const options = dataclassOptions(cls, context);
        // `eq=False` keeps `object.__hash__`; an option given as an expression may be anything.
        if (!options || options.frozen !== true || options.eq !== true) return;
        const fields = dataclassFields(cls, context.source);
        if (fields.length === 0) return;
        const classNames = context.classSummary(cls).boundNames;
        // A `__hash__` written in the class replaces the generated one.
        if (classNames.includes('__hash__')) return;
        for (const field of fields) {
          if (field.value && !inHash(field.value)) continue;
          const mutable = mutableMember(field.annotation, context.module, classNames);
          if (!mutable) continue;
          const className = cls.childForFieldName('name')?.text ?? 'the class';
          context.report({
            node: field.name,
            message:
              `\`${field.name.text}\` of frozen dataclass \`${className}\` is annotated as a ${mutable.noun}: hashing an instance ` +
              `raises TypeError and the ${mutable.noun} can still change in place; use ${mutable.instead}`,
          });
        }
      },
    };
  },
};

/** Whether the generated `__hash__` hashes the field: not when `field(hash=False)` or `field(compare=False)` says so. */
function inHash(value: Node): boolean {
  if (value.type !== 'call') return true;
  const callee = value.childForFieldName('function');
  const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
  if (last?.text !== 'field') return true;
  const keywords = keywordArguments(value);
  if (!keywords) return false;
  const hash = keywords.get('hash');
  const compare = keywords.get('compare');
  if (hash && hash.type !== 'none') return literalFlag(hash) === true;
  return !compare || literalFlag(compare) === true;
}

/** `List` -> `typing.List` when imported so, `list` -> `builtins.list` unless the module or the class binds it. */
function qualify(dotted: string, facts: ModuleView, classNames: readonly string[]): string | null {
  const [head, ...rest] = dotted.split('.');
  if (classNames.includes(head)) return null;
  const imported = facts.importOf(head);
  if (imported) return [imported, ...rest].join('.');
  if (facts.bindingCount(head) > 0) return null;
  return rest.length === 0 ? `builtins.${head}` : null;
}

/** The mutable container an annotation allows: itself, or a member of a union or `Optional`. */
function mutableMember(annotation: string, facts: ModuleView, classNames: readonly string[]): { noun: string; instead: string } | null {
  for (const member of splitTopLevel(annotation, '|')) {
    const m = /^([\w.]+)\s*(?:\[(.*)\])?$/s.exec(member);
    if (!m) continue;
    const name = qualify(m[1], facts, classNames);
    if (name && MUTABLE_TYPES[name]) return MUTABLE_TYPES[name];
    if ((name === 'typing.Optional' || name === 'typing.Union') && m[2] !== undefined) {
      for (const inner of splitTopLevel(m[2], ',')) {
        const found = mutableMember(inner, facts, classNames);
        if (found) return found;
      }
    }
  }
  return null;
}
