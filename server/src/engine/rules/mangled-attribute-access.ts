import type { Node } from '../../parser';
import { classAround, DYNAMIC, isTarget, TextHits } from '../name-index';
import { mangle, underscoreForm } from '../python';
import { TOP_LEVEL_STATEMENT, type Rule, type RuleContext } from '../rule';

/** `.__name` in the text: where a private attribute may be accessed (the tree confirms each hit). */
const PRIVATE_ACCESS = /\.[ \t]*(__\w*)/g;

export const mangledAttributeAccess: Rule = {
  meta: {
    code: 'PP103',
    name: 'mangled-attribute-access',
    title: 'Private `__name` attribute used outside the class that owns it',
    severity: 'warning',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `obj.__name` (two leading underscores, not two trailing) read outside the class that stores ' +
        '`__name`, a subclass included, and `obj.__name = ...` assigned outside any class when a class of the file ' +
        'stores it. Which classes store a name is learnt from the whole file: attributes they assign (`self.__name ' +
        '= ...`), names bound in their bodies, `__slots__` entries, and the mangled name written out (`_C__name`). A ' +
        'name no class of the file stores is left alone, and so is every use inside the class that stores it.',
      whyIsThisBad:
        'Inside a class body Python renames `__name` to `_Class__name` (name mangling), using the class the code is ' +
        'written in. So a subclass that reads `self.__name` asks for `_Sub__name` and misses the parent\'s ' +
        '`_Base__name`, and code outside every class asks for a plain `__name` that was never set: both end in an ' +
        'AttributeError, or quietly in a second, separate attribute. The double underscore exists to keep a name ' +
        'out of other classes\' way; reaching for it from outside fights that.',
      example: [
        'class Account:',
        '    def __init__(self):',
        '        self.__balance = 0',
        '',
        'class Savings(Account):',
        '    def interest(self):',
        '        return self.__balance * 0.02  # looks up _Savings__balance',
      ].join('\n'),
      useInstead: [
        'class Account:',
        '    def __init__(self):',
        '        self._balance = 0  # one underscore: internal, but shared with subclasses',
        '',
        'class Savings(Account):',
        '    def interest(self):',
        '        return self._balance * 0.02',
      ].join('\n'),
      fixSafety:
        'No automatic fix: either the owner renames the attribute to a single underscore (touching every use), or ' +
        'the caller goes through a method or property of the owning class. The message gives the mangled name ' +
        '`_Class__name` the attribute really has.',
    },
  },

  create(context) {
    const accesses = new TextHits(() => context.source.text, PRIVATE_ACCESS);
    const scan = (unit: Node, skip: () => readonly Node[]) => {
      let skipped: readonly Node[] | undefined;
      for (const m of accesses.within(unit.startIndex, unit.endIndex)) {
        const name = m[1];
        const at = m.index! + m[0].length - name.length;
        if (underscoreForm(name) !== 'mangled') continue;
        skipped ??= skip();
        if (skipped.some((s) => s.startIndex <= at && at < s.endIndex)) continue;
        const id = unit.descendantForIndex(at, at + name.length);
        if (id?.type !== 'identifier' || id.startIndex !== at || id.endIndex !== at + name.length) continue;
        const access = context.parentOf(id);
        if (access?.type === 'attribute' && access.childForFieldName('attribute')?.id === id.id) check(access, name, context);
      }
    };
    // A method unit is the method, with its decorators if it has any.
    const method = (node: Node) => {
      if (context.unit.kind === 'method' && node.id === context.unit.node.id) scan(node, () => []);
    };
    return {
      [TOP_LEVEL_STATEMENT](statement) {
        // A class's own unit leaves its methods to their units.
        scan(statement, () => {
          const cls = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
          return cls?.type === 'class_definition' ? methodsOf(cls) : [];
        });
      },
      function_definition: method,
      decorated_definition: method,
    };
  },
};

/** The members of a class body that are units of their own: its methods, with their decorators. */
function methodsOf(cls: Node): Node[] {
  return (cls.childForFieldName('body')?.namedChildren ?? []).filter((member): member is Node => {
    if (!member) return false;
    const definition = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    return definition?.type === 'function_definition';
  });
}

function check(access: Node, name: string, context: RuleContext): void {
  const owners = context.module.privateOwners(name);
  // No class of the file stores it, or strings name it (it is managed by name at run time, beyond what the text shows).
  if (owners.length === 0 || owners.includes(DYNAMIC)) return;
  const classes = owners.filter((o) => o !== '');
  const within = classAround(access, false, context);
  if (within) {
    const here = mangle(name, within.name);
    const prefix = here ? here.slice(1, -name.length) : '';
    // A class that stores the name owns it (an assignment here makes it this class's own).
    if (owners.includes(prefix) || isTarget(access, context)) return;
    const written = context.source.textOf(access);
    const owner = preferredOwner(classes, within.node, context);
    const elsewhere = owner === null
      ? `\`${name}\` is only ever stored outside a class, unmangled`
      : `\`${name}\` belongs to \`${owner}\`, which stores it as \`_${owner}${name}\``;
    context.report({
      node: access.childForFieldName('attribute') ?? access,
      message:
        `Inside class \`${within.name}\`, \`${written}\` is looked up as \`${here ? written.slice(0, -name.length) + here : written}\`, ` +
        `but ${elsewhere}: a double-underscore name is private to the class that writes it, subclasses included`,
      fix: null,
    });
    return;
  }
  if (classes.length === 0) return;
  const store = isTarget(access, context);
  // Outside a class the name is not mangled: a read is fine where the file also stores it unmangled.
  if (!store && owners.includes('')) return;
  const written = context.source.textOf(access);
  const owner = classes[0];
  context.report({
    node: access.childForFieldName('attribute') ?? access,
    message: store
      ? `Outside a class, \`${written} = ...\` sets an attribute named \`${name}\`, not the \`_${owner}${name}\` that \`${owner}\` uses`
      : `Outside a class, \`${written}\` is not mangled, but \`${owner}\` stores \`${name}\` as \`_${owner}${name}\`: this reads an attribute that is never set`,
    fix: null,
  });
}

/** The owner to name: a base class of the class the access is in, if one of them owns it. */
function preferredOwner(classes: readonly string[], cls: Node, context: RuleContext): string | null {
  if (classes.length === 0) return null;
  const bases = context.classSummary(cls).bases;
  return classes.find((c) => new RegExp(`(?<![A-Za-z0-9_])_*${c}(?![A-Za-z0-9_])`).test(bases)) ?? classes[0];
}
