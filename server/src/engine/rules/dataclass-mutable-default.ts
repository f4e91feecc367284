import type { Node } from '../../parser';
import { dataclassFields, dataclassOptions, keywordArguments } from '../dataclass';
import { mutableConstructorOf, qualifiedName } from '../module-facts';
import { boundByEnclosingFunction, nameFromModule } from '../name-access';
import { dottedName } from '../python';
import type { Rule, RuleContext } from '../rule';
import { targetMinor } from '../settings';
import type { Fix, TextEdit } from '../types';

/**
 * Constructors whose objects every Python version rejects as a dataclass default:
 * before 3.11 `dataclass` refused instances of list, dict and set (subclasses
 * included); 3.11 refuses every unhashable default, which adds deque and bytearray.
 */
const REJECTED_SINCE_37 = new Set(['builtins.list', 'builtins.dict', 'builtins.set', 'collections.OrderedDict', 'collections.Counter', 'collections.defaultdict']);

/** Nodes of a display made of literals only: building it has no effect and reads no name. */
const LITERAL_TYPES = new Set([
  'list', 'dictionary', 'set', 'tuple', 'pair', 'parenthesized_expression', 'integer', 'float', 'string', 'string_start',
  'string_content', 'string_end', 'escape_sequence', 'concatenated_string', 'true', 'false', 'none', 'unary_operator',
  'ellipsis', 'comment',
]);

const EMPTY_DISPLAY_FACTORY: Readonly<Record<string, string>> = { list: 'list', dictionary: 'dict' };

export const dataclassMutableDefault: Rule = {
  meta: {
    code: 'PP308',
    name: 'dataclass-mutable-default',
    title: 'Dataclass field with a mutable default',
    severity: 'error',
    fix: 'safe',
    peers: ['RUF008'],
    docs: {
      whatItDoes:
        'Flags a field of a `@dataclass` class whose default is a list, dict or set display or comprehension, or ' +
        'a call such as `list()`, `dict()`, `set()`, `deque()`, `Counter()` or `bytearray()`, written directly or as ' +
        '`field(default=...)`. `ClassVar` and `InitVar` annotations and unannotated class attributes are not fields ' +
        'and are left alone, as is `field(default_factory=...)`.',
      whyIsThisBad:
        'A default written in the class body is evaluated once, so every instance would start with the same ' +
        'object, and a change made through one instance would show in all of them. `dataclass` knows this and ' +
        'refuses: the decorator raises `ValueError` as soon as the class statement runs, which usually means the ' +
        'module cannot even be imported (for `deque` and `bytearray` only since Python 3.11; before that they are ' +
        'silently shared).',
      example: [
        'from dataclasses import dataclass',
        '',
        '@dataclass',
        'class Basket:',
        '    items: list[str] = []  # ValueError when the class is created',
      ].join('\n'),
      useInstead: [
        'from dataclasses import dataclass, field',
        '',
        '@dataclass',
        'class Basket:',
        '    items: list[str] = field(default_factory=list)',
      ].join('\n'),
      fixSafety:
        'Safe when the default is a list, dict or set (empty, or built from literals only) or a `list()`, `dict()`, ' +
        '`set()`, `OrderedDict()`, `Counter()` or `defaultdict()` call without arguments. For those, `dataclass` ' +
        'raises `ValueError` on every Python version before any instance exists, so no code that ever ran after the ' +
        'class statement can behave differently: the fix turns a program that stopped there into one where each ' +
        'instance gets a fresh object, and building the default had no side effect that would now happen later or ' +
        'not at all. (Only a program that catches the `ValueError` of the class statement itself would notice.) ' +
        'The default becomes `field(default_factory=list)` (`dict`, `set`, the constructor as written) or ' +
        '`field(default_factory=lambda: <display>)`, and `field` is imported: merged into an existing ' +
        '`from dataclasses import ...`, as `dataclasses.field` when the module is imported whole, else a new import. ' +
        'The fix is unsafe when building the default calls code or reads names (`[make()]`, `list(range(n))`, ' +
        'comprehensions): that now happens for each instance instead of once, when the class is created; and for ' +
        '`deque()` and `bytearray()` unless the target version is 3.11 or later, because older versions share them ' +
        'without complaint. No fix is offered when a display reads a name the class body binds (a `lambda` would ' +
        'not see it) or when `field` cannot be named without a clash.',
    },
  },

  create(context) {
    return {
      class_definition(cls) {
        if (context.source.isStub || !dataclassOptions(cls, context)) return;
        let classNames: readonly string[] | undefined;
        for (const field of dataclassFields(cls, context.source)) {
          if (!field.value) continue;
          classNames ??= context.classSummary(cls).boundNames;
          const found = mutableDefault(field.value, classNames, context);
          if (!found) continue;
          const noun = found.constructor.split('.').pop()!;
          context.report({
            node: field.name,
            message:
              `\`${field.name.text}\` defaults to ${noun === 'OrderedDict' ? 'an' : 'a'} ${noun} that every instance would share, so ` +
              '@dataclass raises ValueError when the class is created; give each instance its own with `field(default_factory=...)`',
            fix: buildFix(found, classNames, context),
          });
        }
      },
    };
  },
};

interface MutableDefault {
  /** The mutable object's expression. */
  value: Node;
  constructor: string;
  /** `field(default=<value>)`: the keyword argument to replace. */
  keyword: Node | null;
}

function isFieldCall(value: Node, context: RuleContext): boolean {
  const callee = value.type === 'call' ? value.childForFieldName('function') : null;
  const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
  return last?.text === 'field' && qualifiedName(callee!, context.module) === 'dataclasses.field';
}

/** A name the class body or a function around it binds is not the builtin or import the module facts see. */
function shadowed(expression: Node, classNames: readonly string[], context: RuleContext): boolean {
  const head = dottedName(expression)?.split('.')[0];
  return head !== undefined && (classNames.includes(head) || boundByEnclosingFunction(head, expression, context));
}

function mutableDefault(value: Node, classNames: readonly string[], context: RuleContext): MutableDefault | null {
  let keyword: Node | null = null;
  let expression = value;
  if (isFieldCall(value, context)) {
    const keywords = keywordArguments(value);
    const given = keywords?.get('default');
    if (!given || keywords!.has('default_factory')) return null;
    keyword = context.parentOf(given);
    expression = given;
  }
  const constructor = mutableConstructorOf(expression, context.module);
  if (!constructor) return null;
  if (expression.type === 'call' && shadowed(expression.childForFieldName('function')!, classNames, context)) return null;
  return { value: expression, constructor, keyword };
}

function hasNoArguments(call: Node): boolean {
  return (call.childForFieldName('arguments')?.namedChildCount ?? 1) === 0;
}

function buildFix(found: MutableDefault, classNames: readonly string[], context: RuleContext): Fix | null {
  const { value, constructor, keyword } = found;
  const { source } = context;
  let factory: string;
  let safe: boolean;
  const emptyDisplay = EMPTY_DISPLAY_FACTORY[value.type] && value.namedChildCount === 0;
  if (emptyDisplay || (value.type === 'call' && hasNoArguments(value))) {
    factory = emptyDisplay ? EMPTY_DISPLAY_FACTORY[value.type] : source.textOf(value.childForFieldName('function')!);
    // `[]` needs the builtin `list` where the class body runs; else a lambda builds the same display.
    if (emptyDisplay && (context.module.bindingCount(factory) > 0 || classNames.includes(factory) || boundByEnclosingFunction(factory, value, context))) {
      factory = `lambda: ${source.textOf(value)}`;
    }
    safe = REJECTED_SINCE_37.has(constructor) || targetMinor(context.settings) >= 11;
  } else {
    // A lambda in a class body does not see the class's names: a display reading one would break.
    if (value.descendantsOfType('identifier').some((id) => id !== null && classNames.includes(id.text))) return null;
    factory = `lambda: ${source.textOf(value)}`;
    safe = REJECTED_SINCE_37.has(constructor) && isLiteralDisplay(value);
  }
  const edits: TextEdit[] = [];
  if (keyword) {
    edits.push({ range: source.rangeOf(keyword), newText: `default_factory=${factory}` });
  } else {
    const field = nameFromModule('dataclasses', 'field', value, context, classNames);
    if (!field) return null;
    edits.push({ range: source.rangeOf(value), newText: `${field.text}(default_factory=${factory})` });
    if (field.edit) edits.push(field.edit);
  }
  return { title: 'Give each instance its own object with `field(default_factory=...)`', safety: safe ? 'safe' : 'unsafe', edits };
}

function isLiteralDisplay(value: Node): boolean {
  if (!LITERAL_TYPES.has(value.type)) return false;
  return value.namedChildren.every((child) => child !== null && isLiteralDisplay(child));
}
