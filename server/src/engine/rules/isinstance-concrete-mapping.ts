import type { Node } from '../../parser';
import { importEdit } from '../fixes';
import { boundAround, nameAvailability } from '../resolve';
import { callsTo, type Rule, type RuleContext } from '../rule';
import { brief, className, exactClassCheckVisitor, type ClassFilter } from '../type-checks';
import type { Fix, TextEdit } from '../types';

/** Abstract mapping classes: next to one of them, `dict` is a deliberate fast path or a distinction. */
const ABSTRACT_MAPPINGS = new Set(['Mapping', 'MutableMapping']);

const MAPPING_CLASSES: ClassFilter = {
  accepts: (cls) => ABSTRACT_MAPPINGS.has(className(cls) ?? ''),
  mentioned: /Mapping/,
};

export const isinstanceConcreteMapping: Rule = {
  meta: {
    code: 'PP202',
    name: 'isinstance-concrete-mapping',
    title: '`isinstance(x, dict)` rejects other mappings',
    severity: 'hint',
    fix: 'unsafe',
    optIn: true,
    peers: [],
    docs: {
      whatItDoes:
        'Flags `isinstance(x, dict)`, and `dict` inside a tuple or `|` union of classes passed to `isinstance`. ' +
        'Left alone: checks that also name `Mapping` or `MutableMapping`, checks of an object that the same ' +
        'function also tests against one of those (dicts get a fast path of their own), checks inside `assert` ' +
        'statements and `assert...()` calls, checks inside operator methods such as `__eq__` and `__or__`, and ' +
        'modules that bind `dict` or `isinstance` themselves.',
      whyIsThisBad:
        'The check passes for `dict` and its subclasses (`OrderedDict`, `defaultdict`, `Counter`) only. Many ' +
        'objects that behave like a dictionary are not dicts: `types.MappingProxyType` (a class\'s `__dict__`), ' +
        '`collections.ChainMap`, `collections.UserDict`, `os.environ`, `shelve` objects and any class built on ' +
        '`collections.abc.Mapping`. Code that only looks keys up and iterates over items works with all of them, ' +
        'yet the check turns them away or sends them down the wrong branch. `collections.abc.Mapping` is the class ' +
        'that means "has keys, `[]` lookup, `len` and iteration"; use `MutableMapping` if the code also assigns keys.',
      example: [
        'import os',
        '',
        'def flatten(settings):',
        '    if isinstance(settings, dict):',
        '        return sorted(settings.items())',
        '    return settings',
        '',
        'flatten(os.environ)  # returned unchanged: os.environ is not a dict',
      ].join('\n'),
      useInstead: [
        'from collections.abc import Mapping',
        '',
        'def flatten(settings):',
        '    if isinstance(settings, Mapping):',
        '        return sorted(settings.items())',
        '    return settings',
      ].join('\n'),
      fixSafety:
        'Unsafe. `dict` becomes `Mapping` (with `from collections.abc import Mapping` added or merged into an ' +
        'existing import; a `Mapping` already imported from `collections.abc` or `typing` is reused), so every ' +
        'mapping now passes the check. Code that goes on to use what only a dict has (`copy()`, `setdefault()`, ' +
        '`update()`, assigning keys on a read-only mapping, or handing the object to `json.dumps`) may fail on ' +
        'the mappings it used to turn away, and a later branch meant for them no longer runs. When the code needs a ' +
        'real dict, keep the check and add `# noqa: PP202`.',
    },
  },

  create(context) {
    return {
      ...callsTo(['isinstance'], exactClassCheckVisitor({
        exact: 'dict',
        // A partner anywhere in the check, or in a check of the same object nearby:
        // `if isinstance(x, dict): ... elif isinstance(x, Mapping): ...` tells dicts apart on purpose.
        partners: MAPPING_CLASSES,
        context,
        report: (node, subject) =>
          context.report({
            node,
            message:
              `Only a \`dict\` (or a subclass such as \`OrderedDict\`) passes this check: \`${brief(subject)}\` fails it ` +
              'when it is a `MappingProxyType`, a `ChainMap`, a `UserDict`, `os.environ` or another mapping; ' +
              '`collections.abc.Mapping` accepts them all',
            fix: buildFix(node, context),
          }),
      })),
    };
  },
};

function buildFix(node: Node, context: RuleContext): Fix | null {
  const { source, module } = context;
  const edits: TextEdit[] = [{ range: source.rangeOf(node), newText: 'Mapping' }];
  const availability =
    module.importOf('Mapping') === 'typing.Mapping' && !boundAround(node, 'Mapping', context)
      ? 'imported'
      : nameAvailability(node, 'Mapping', 'collections.abc.Mapping', context);
  if (!availability) return null;
  const imp = availability === 'free' ? importEdit('collections.abc', 'Mapping', source, module) : null;
  if (imp) edits.push(imp);
  return { title: 'Check `collections.abc.Mapping` instead of `dict`', safety: 'unsafe', edits };
}
