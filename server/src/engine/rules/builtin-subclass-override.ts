import type { Node } from '../../parser';
import { qualifiedName } from '../module-facts';
import { boundByEnclosingFunction, nameFromModule } from '../name-access';
import type { Rule, RuleContext } from '../rule';

interface Bypass {
  /** What reaches the data without calling the override, for the message. */
  bypassedBy: string;
  /** Overriding one of these too shows the class already routes that path through its own code. */
  coveredBy: readonly string[];
  /** What to do instead, for the message. */
  cure: string;
  /** The `collections` class whose methods route the bypassing calls through the override: the fix's new base. */
  userClass: 'UserDict' | 'UserList' | null;
}

type Builtin = 'dict' | 'list' | 'str';

const BUILD_ON_MUTABLE_SEQUENCE = 'override those too, or build on `collections.abc.MutableSequence`, whose `append`, `extend` and `+=` all go through `insert`';

/**
 * Per built-in, the overrides its other methods bypass (the C implementation never
 * calls back into Python), and the sibling overrides that show the author took care
 * of it: a `dict` subclass overriding `__setitem__` and `update` knows `update` does
 * not call `__setitem__`. Names the built-in lacks (`str.append`) are new methods, not
 * overrides. `get` is left out: no method of `dict` (nor of `UserDict`) calls it, and
 * overriding it usually extends its signature rather than changing what `d[key]` means.
 * So is `str.__getitem__`: a `str` subclass overrides it to return its own type for
 * slices, which iteration (single characters) does not need.
 */
const BYPASSES: Readonly<Record<Builtin, Readonly<Record<string, Bypass>>>> = {
  dict: {
    __getitem__: {
      bypassedBy: '`dict.get`, `pop` and `setdefault` read values',
      coveredBy: ['get'],
      cure: 'derive from `collections.UserDict`, whose `get`, `pop` and `setdefault` go through `__getitem__`',
      userClass: 'UserDict',
    },
    __setitem__: {
      bypassedBy: 'the `dict` constructor, `update` and `setdefault` store items',
      coveredBy: ['update'],
      cure: 'derive from `collections.UserDict`, whose constructor, `update` and `setdefault` go through `__setitem__`',
      userClass: 'UserDict',
    },
    __delitem__: {
      bypassedBy: '`dict.pop`, `popitem` and `clear` remove items',
      coveredBy: ['pop', 'popitem', 'clear'],
      cure: 'derive from `collections.UserDict`, whose `pop`, `popitem` and `clear` go through `__delitem__`',
      userClass: 'UserDict',
    },
    update: {
      bypassedBy: 'the `dict` constructor stores its arguments',
      coveredBy: ['__init__', '__setitem__'],
      cure: 'derive from `collections.UserDict`, whose constructor calls `update`',
      userClass: 'UserDict',
    },
    __contains__: {
      bypassedBy: '`d[key]` and `get` look keys up',
      coveredBy: ['__getitem__'],
      cure: 'override `__getitem__` and `get` to match',
      userClass: null,
    },
  },
  list: {
    __getitem__: {
      bypassedBy: 'iteration, `in`, `index` and `pop` read items',
      coveredBy: ['__iter__'],
      cure: 'override `__iter__` too, or derive from `collections.UserList`, whose iteration goes through `__getitem__`',
      userClass: 'UserList',
    },
    __setitem__: {
      bypassedBy: 'the `list` constructor, `append`, `extend`, `insert` and `+=` store items',
      coveredBy: ['append', 'extend', 'insert'],
      cure: 'override those too',
      userClass: null,
    },
    __delitem__: {
      bypassedBy: '`list.pop`, `remove` and `clear` remove items',
      coveredBy: ['pop', 'remove', 'clear'],
      cure: 'override those too, or build on `collections.abc.MutableSequence`, whose `pop`, `remove` and `clear` go through `__delitem__`',
      userClass: null,
    },
    __contains__: {
      bypassedBy: '`list.index`, `count` and `remove` compare items',
      coveredBy: ['index', 'count', 'remove'],
      cure: 'override those to match',
      userClass: null,
    },
    append: {
      bypassedBy: 'the `list` constructor, `extend`, `insert` and `+=` add items',
      coveredBy: ['extend', 'insert', '__iadd__'],
      cure: BUILD_ON_MUTABLE_SEQUENCE,
      userClass: null,
    },
    extend: {
      bypassedBy: 'the `list` constructor, `+=`, `append` and `insert` add items',
      coveredBy: ['append', 'insert', '__iadd__'],
      cure: BUILD_ON_MUTABLE_SEQUENCE,
      userClass: null,
    },
    insert: {
      bypassedBy: '`list.append`, `extend` and `+=` add items',
      coveredBy: ['append', 'extend'],
      cure: BUILD_ON_MUTABLE_SEQUENCE,
      userClass: null,
    },
  },
  str: {
    __contains__: {
      bypassedBy: '`str.find`, `index` and `count` search',
      coveredBy: ['find', 'index', 'count'],
      cure: 'override those to match',
      userClass: null,
    },
  },
};

export const builtinSubclassOverride: Rule = {
  meta: {
    code: 'PP310',
    name: 'builtin-subclass-override',
    title: "Override on a dict, list or str subclass that the built-in's other methods bypass",
    severity: 'warning',
    fix: 'unsafe',
    peers: ['FURB189'],
    docs: {
      whatItDoes:
        'Flags a class whose only base is the built-in `dict`, `list` or `str` and that overrides `__getitem__`, ' +
        '`__setitem__`, `__delitem__`, `__contains__`, `update`, `append`, `extend` or `insert` while leaving alone ' +
        'the methods that reach the same data another way: a `dict` subclass overriding `__setitem__` but not ' +
        '`update`, `__getitem__` but not `get`, `__delitem__` but none of `pop`, `popitem`, `clear`; a `list` ' +
        'subclass overriding `append` but none of `extend`, `insert`, `__iadd__`, or `__getitem__` without ' +
        '`__iter__`; a `str` subclass overriding `__contains__` but none of `find`, `index`, `count`. A class that ' +
        'also overrides the other path has shown it knows, and is not flagged; nor is one with other bases (they ' +
        'may supply those methods), one that only adds `__missing__`, one that overrides `get` (nothing, not even ' +
        '`UserDict`, routes `d[key]` through `get`), or a `str` subclass overriding `__getitem__` (done to return ' +
        'its own type for slices, which iteration over single characters does not need).',
      whyIsThisBad:
        'The built-in types are written in C, and their methods work on the stored data directly instead of calling ' +
        'each other. A `dict` subclass whose `__setitem__` lower-cases keys still stores mixed-case keys through ' +
        '`update()`, `setdefault()` and the constructor; a `list` subclass whose `append` validates items accepts ' +
        'anything through `extend()` and `+=`. The override works in the one path you tested and is silently ' +
        'skipped in the others. `collections.UserDict` is written in Python on top of `__getitem__`, `__setitem__` ' +
        'and `__delitem__`, so overriding one of those changes every path; `UserList` only routes iteration ' +
        'through `__getitem__`, so for the other `list` overrides the message suggests overriding the bypassing ' +
        'methods too, or building on `collections.abc.MutableSequence`.',
      example: [
        'class LowerDict(dict):',
        '    def __setitem__(self, key, value):',
        '        super().__setitem__(key.lower(), value)',
        '',
        'd = LowerDict()',
        'd.update(Name="Ada")  # stored as "Name"',
      ].join('\n'),
      useInstead: [
        'from collections import UserDict',
        '',
        'class LowerDict(UserDict):',
        '    def __setitem__(self, key, value):',
        '        super().__setitem__(key.lower(), value)',
      ].join('\n'),
      fixSafety:
        'Unsafe. Offered only where the replacement routes the bypassing calls through the override: `dict` ' +
        'subclasses overriding `__getitem__`, `__setitem__`, `__delitem__` or `update` get `UserDict`, `list` ' +
        'subclasses overriding `__getitem__` get `UserList` (imported from `collections`, or spelled ' +
        '`collections.UserDict` when the module imports `collections`). It changes more than the bypassed ' +
        'paths: instances are no longer a `dict` or `list` (`isinstance` checks, `json.dumps` and C functions that ' +
        'demand the real type reject them), the items live in `self.data`, calls written as ' +
        '`dict.__setitem__(self, ...)` fail, and every operation runs Python code, which is slower. No fix is ' +
        'offered when the class defines `__new__` or binds `data` itself.',
    },
  },

  create(context) {
    return {
      class_definition(cls) {
        if (context.source.isStub) return;
        const base = builtinBase(cls, context);
        if (!base) return;
        const summary = context.classSummary(cls);
        const bound = new Set(summary.boundNames);
        const table = BYPASSES[base.builtin];
        const uncovered = Object.keys(table).filter((method) => bound.has(method) && !table[method].coveredBy.some((m) => bound.has(m)));
        if (uncovered.length === 0) return;
        const name = cls.childForFieldName('name');
        if (!name) return;
        const first = uncovered[0];
        const also = uncovered.length > 1 ? ` (also ${uncovered.slice(1).map((m) => `\`${m}\``).join(', ')})` : '';
        const userClass = table[first].userClass;
        const fixable = userClass !== null && uncovered.every((m) => table[m].userClass === userClass) && !bound.has('__new__') && !bound.has('data');
        context.report({
          node: name,
          message: `\`${name.text}\` overrides \`${first}\`${also}, but ${table[first].bypassedBy} without calling it; ${table[first].cure}`,
          fix: fixable ? baseFix(base.node, userClass, context) : null,
        });
      },
    };
  },
};

/**
 * The base when it is the built-in `dict`, `list` or `str` itself (`dict[str, int]`
 * included) and the only one: another base (a mixin, `Mapping`) may supply the methods
 * the override would need.
 */
function builtinBase(cls: Node, context: RuleContext): { node: Node; builtin: Builtin } | null {
  const superclasses = cls.childForFieldName('superclasses');
  if (!superclasses || !/\b(?:dict|list|str)\b/.test(context.source.textOf(superclasses))) return null;
  const bases = superclasses.namedChildren.filter(
    (b): b is Node => b !== null && b.type !== 'comment' && b.type !== 'keyword_argument',
  );
  if (bases.length !== 1) return null;
  const node = bases[0].type === 'subscript' ? bases[0].childForFieldName('value') : bases[0];
  if (node?.type !== 'identifier') return null;
  const text = node.text;
  if (text !== 'dict' && text !== 'list' && text !== 'str') return null;
  if (qualifiedName(node, context.module) !== `builtins.${text}` || boundByEnclosingFunction(text, node, context)) return null;
  return { node, builtin: text };
}

function baseFix(base: Node, replacement: string, context: RuleContext) {
  const access = nameFromModule('collections', replacement, base, context);
  if (!access) return null;
  const edits = [{ range: context.source.rangeOf(base), newText: access.text }];
  if (access.edit) edits.push(access.edit);
  return { title: `Derive from \`${access.text}\``, safety: 'unsafe' as const, edits };
}
