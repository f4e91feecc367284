import damerauLevenshtein from 'talisman/metrics/damerau-levenshtein';
import type { Node } from '../../parser';
import { KNOWN_DUNDERS } from '../explanations';
import { boundNames, statementsOf, underscoreForm } from '../python';
import { TextHits } from '../name-index';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

/**
 * Dunders that Python, the standard library or widely used libraries read or set, on top
 * of the data-model names the hover tables explain (`KNOWN_DUNDERS`).
 */
const RECOGNISED_ELSEWHERE: ReadonlySet<string> = new Set([
  // Python itself: type internals, exceptions, generics and typing.
  '__base__', '__basicsize__', '__itemsize__', '__flags__', '__dictoffset__', '__weakrefoffset__', '__text_signature__',
  '__orig_bases__', '__orig_class__', '__parameters__', '__args__', '__origin__', '__type_params__', '__unpacked__',
  '__total__', '__required_keys__', '__optional_keys__', '__final__', '__typing_subst__', '__typing_unpacked_tuple_args__',
  '__typing_is_unpacked_typevartuple__', '__typing_prepare_subst__', '__notes__', '__traceback__', '__cause__',
  '__context__', '__suppress_context__', '__buffer__', '__release_buffer__', '__replace__', '__firstlineno__',
  '__static_attributes__', '__annotate__', '__getformat__',
  // The standard library: abc, inspect, copyreg, enum, dataclasses, doctest and unittest, sqlite3, warnings, datetime.
  '__isabstractmethod__', '__signature__', '__slotnames__', '__members__', '__dataclass_fields__', '__dataclass_params__',
  '__test__', '__conform__', '__adapt__', '__warningregistry__', '__getinitargs__',
  // NumPy and the array protocols.
  '__array__', '__array_interface__', '__array_struct__', '__array_priority__', '__array_ufunc__', '__array_function__',
  '__array_finalize__', '__array_wrap__', '__array_prepare__', '__array_namespace__', '__dlpack__', '__dlpack_device__',
  '__cuda_array_interface__', '__dataframe__', '__arrow_array__', '__arrow_c_array__', '__arrow_c_stream__',
  '__arrow_c_schema__', '__geo_interface__', '__torch_function__', '__torch_dispatch__',
  // HTML-safe strings (Django, MarkupSafe), rich, sympy, attrs, pydantic, SQLAlchemy.
  '__html__', '__html_format__', '__rich__', '__rich_console__', '__rich_measure__', '__rich_repr__', '__sympy__',
  '__attrs_attrs__', '__attrs_post_init__', '__attrs_pre_init__', '__attrs_init__', '__get_validators__',
  '__get_pydantic_core_schema__', '__get_pydantic_json_schema__', '__tablename__', '__table_args__', '__mapper_args__',
  '__abstract__', '__clause_element__',
]);

/**
 * Python 2 names that Python 3 never calls: what took over (`successors`, written out in
 * `instead`), and whether renaming the method to the one successor keeps its meaning.
 */
const PYTHON2_NAMES: Readonly<Record<string, { successors: string[]; instead: string; rename: boolean }>> = {
  __nonzero__: { successors: ['__bool__'], instead: '`__bool__`', rename: true },
  __unicode__: { successors: ['__str__'], instead: '`__str__`', rename: true },
  __div__: { successors: ['__truediv__'], instead: '`__truediv__`', rename: true },
  __rdiv__: { successors: ['__rtruediv__'], instead: '`__rtruediv__`', rename: true },
  __idiv__: { successors: ['__itruediv__'], instead: '`__itruediv__`', rename: true },
  __long__: { successors: ['__int__'], instead: '`__int__`', rename: true },
  __cmp__: {
    successors: ['__eq__', '__lt__', '__le__', '__gt__', '__ge__'],
    instead: 'the rich comparisons (`__eq__`, `__lt__`, ... or `functools.total_ordering`)',
    rename: false,
  },
  __coerce__: { successors: [], instead: 'operators that return `NotImplemented` for operands they do not handle', rename: false },
  __getslice__: { successors: ['__getitem__'], instead: '`__getitem__`, which receives a `slice` object', rename: false },
  __setslice__: { successors: ['__setitem__'], instead: '`__setitem__`, which receives a `slice` object', rename: false },
  __delslice__: { successors: ['__delitem__'], instead: '`__delitem__`, which receives a `slice` object', rename: false },
  __hex__: { successors: ['__index__'], instead: '`__index__`', rename: false },
  __oct__: { successors: ['__index__'], instead: '`__index__`', rename: false },
  __metaclass__: { successors: [], instead: 'a `metaclass=` keyword in the class header', rename: false },
};

/** `def name` or `async def name` at a definition's start. */
const DEF_NAME = /(?:async[ \t]+)?def[ \t]+([^\s(]+)/y;
/** A line that starts by assigning an underscore-wrapped name; the match starts at the line's start. */
const UNDERSCORE_ASSIGNMENT = /^[ \t]*_\w*_[ \t]*[=:,]/gm;

const KNOWN: ReadonlySet<string> = new Set([...KNOWN_DUNDERS, ...RECOGNISED_ELSEWHERE]);

/** The known dunders closest to `name` within two edits (several when they tie). */
export function nearestKnownDunders(name: string): string[] {
  let best: string[] = [];
  let bestCost = 2;
  for (const known of KNOWN) {
    if (Math.abs(known.length - name.length) > bestCost) continue;
    // Optimal string alignment: a swap of two neighbouring characters is one edit, so
    // `__itre__` is one slip from `__iter__`, not two.
    const cost = damerauLevenshtein(name, known);
    if (cost < bestCost) [best, bestCost] = [[known], cost];
    else if (cost === bestCost) best.push(known);
  }
  return best.sort();
}

interface Verdict {
  /** The names Python would call in its place; a class that defines one of them keeps this name on purpose. */
  meant: string[];
  /** What the message says Python 3 uses instead, for Python 2 names. */
  python2?: string;
  /** The one name the definition may be renamed to. */
  rename: string | null;
}

/**
 * What an underscore-wrapped name defined in a class (or a module-level `def`) was meant
 * to be, or null when it is fine: a known name, or one close to none (a library's own
 * protocol, such as pydantic's `__get_validators__`).
 */
function judge(name: string): Verdict | null {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeAfresh(name);
    verdicts.set(name, verdict);
  }
  return verdict;
}

/** Verdicts by name: the same few dozen names come back in every file. */
const verdicts = new Map<string, Verdict | null>();

function judgeAfresh(name: string): Verdict | null {
  if (underscoreForm(name) === 'dunder') {
    if (KNOWN.has(name)) return null;
    const legacy = PYTHON2_NAMES[name];
    if (legacy) return { meant: legacy.successors, python2: legacy.instead, rename: legacy.rename ? legacy.successors[0] : null };
    const near = nearestKnownDunders(name);
    return near.length === 0 ? null : { meant: near, rename: near.length === 1 ? near[0] : null };
  }
  // One underscore too many or too few on one side (`__init_`, `_repr__`); `_missing_`-style names are enum's own.
  const match = /^(_+)([A-Za-z0-9]\w*?[A-Za-z0-9]|[A-Za-z0-9])(_+)$/.exec(name);
  if (!match || match[1].length + match[3].length < 3) return null;
  const dunder = `__${match[2]}__`;
  return KNOWN.has(dunder) ? { meant: [dunder], rename: dunder } : null;
}

export const unknownDunder: Rule = {
  meta: {
    code: 'PP102',
    name: 'unknown-dunder',
    title: 'Special-looking name that Python never uses',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a method or class attribute whose double-underscore name looks like one of Python\'s special names ' +
        'but is not one: a misspelling (`__innit__`, `__len_`, `__itre__`), or a Python 2 name that Python 3 no longer ' +
        'calls (`__nonzero__`, `__div__`, `__unicode__`, `__cmp__`, `__metaclass__`). A name close to no special ' +
        'name is taken for a library\'s own protocol (NumPy\'s `__array_ufunc__`, pydantic\'s `__get_validators__`) ' +
        'and left alone, as is a name the file writes again elsewhere (it is called on purpose), one whose intended ' +
        'twin the class also defines, and module-level metadata such as `__version__` or `__author__`.',
      whyIsThisBad:
        'Python calls special methods by their exact names. A misspelt `__init__` is an ordinary method nobody calls, ' +
        'so the object is built without it and fails later, far from the typo; a misspelt `__eq__` leaves identity ' +
        'comparison in place without a word. Python 2 names are the same trap after a migration: `__nonzero__` is ' +
        'never consulted for truth, so every instance is true. Names with two underscores on each side are reserved ' +
        'for the language, so inventing one also risks a clash with a future Python.',
      example: [
        'class Account:',
        '    def __innit__(self, owner):',
        '        self.owner = owner',
        '',
        'Account("ann")  # TypeError: Account() takes no arguments',
      ].join('\n'),
      useInstead: ['class Account:', '    def __init__(self, owner):', '        self.owner = owner', '', 'Account("ann")'].join('\n'),
      fixSafety:
        'Unsafe: renaming to the intended name is the point, and it changes behaviour, since Python starts calling ' +
        'the method (a `__bool__` that was dead code now decides truth). The fix is offered only when one name is ' +
        'clearly meant; Python 2 methods whose successor takes other arguments (`__getslice__`, `__cmp__`) are ' +
        'reported without a fix.',
    },
  },

  create(context) {
    const examine = (name: Node, classStatement: Node | null) => {
      const written = name.text;
      const verdict = judge(written);
      if (!verdict) return;
      // The intended twin is there already: a helper, an alias (`__req__ = __eq__`) or Python 2 support kept on purpose.
      if (verdict.meant.some((m) => (classStatement ? context.classSummary(classStatement).boundNames.includes(m) : context.module.bindingCount(m) > 0))) return;
      // Named again elsewhere in the file (`Symbol.__xnew__(...)`): a name the code calls itself.
      if (context.module.wordCount(written) > 1) return;
      const meant = verdict.meant.map((m) => `\`${m}\``);
      const message = verdict.python2
        ? `\`${written}\` is a Python 2 name: Python 3 ignores it and uses ${verdict.python2} instead`
        : `\`${written}\` is not a special name Python knows, so Python never uses it; did you mean ${meant.join(' or ')}?`;
      context.report({ node: name, message, fix: verdict.rename ? renameFix(name, verdict.rename, context) : null });
    };
    const { text } = context.source;
    const assignments = new TextHits(() => text, UNDERSCORE_ASSIGNMENT);
    return {
      function_definition(fn) {
        // Read the name from the text: asking the tree costs more, and most names are fine.
        DEF_NAME.lastIndex = fn.startIndex;
        const written = DEF_NAME.exec(text)?.[1];
        if (written && (written[0] !== '_' || written[written.length - 1] !== '_' || !judge(written))) return;
        const name = fn.childForFieldName('name');
        if (!name) return;
        let parent = context.parentOf(fn);
        if (parent?.type === 'decorated_definition') parent = context.parentOf(parent);
        if (parent?.type === 'module') return examine(name, null);
        const owner = parent?.type === 'block' ? context.parentOf(parent) : null;
        if (owner?.type === 'class_definition') examine(name, owner);
      },
      class_definition(cls) {
        const body = cls.childForFieldName('body');
        // Most class bodies assign no underscore-wrapped name at all.
        if (!body || assignments.within(text.lastIndexOf('\n', body.startIndex) + 1, body.endIndex).length === 0) return;
        for (const member of statementsOf(body)) {
          if (member.type !== 'expression_statement') continue;
          for (let e = member.namedChild(0); e?.type === 'assignment'; e = e.childForFieldName('right')) {
            const left = e.childForFieldName('left');
            for (const id of left ? boundNames(left) : []) {
              const text = id.text;
              if (text[0] === '_' && text[text.length - 1] === '_') examine(id, cls);
            }
          }
        }
      },
    };
  },
};

function renameFix(name: Node, to: string, context: RuleContext): Fix {
  return { title: `Rename to \`${to}\``, safety: 'unsafe', edits: [{ range: context.source.rangeOf(name), newText: to }] };
}
