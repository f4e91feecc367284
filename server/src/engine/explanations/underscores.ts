// What leading and trailing underscores mean in a Python name. Data only: the
// hover looks entries up by `underscoreForm(name)`. `{name}` in any text is
// replaced with the name under the cursor.
import type { UnderscoreForm } from '../python';
import { lines, type Explanation } from './entry';

export interface UnderscoreEntry extends Explanation {
  /** Heading; `{name}` is replaced with the hovered name. */
  title: string;
}

export const UNDERSCORE_FORMS: Record<UnderscoreForm, UnderscoreEntry> = {
  throwaway: {
    title: '`_` — a name for values you do not need',
    summary:
      'A lone underscore says "I have to bind something here, but I will not use it": loop counters, unpacked ' +
      'fields you skip. In the interactive interpreter `_` also holds the last result, and in `match` a bare `_` ' +
      'matches anything without binding.',
    trigger: 'Nothing special at run time outside `match`: it is an ordinary name, read only by people and linters.',
    example: lines('for _ in range(3):', '    print("retry")', 'first, _, last = "Ada Byron King".split()'),
    docs: 'https://docs.python.org/3/reference/lexical_analysis.html#reserved-classes-of-identifiers',
  },
  internal: {
    title: '`{name}` — internal by convention',
    summary:
      'One leading underscore marks a name as an implementation detail of its module or class. Python does not ' +
      'enforce it, but `from module import *` skips such names and readers know not to depend on them.',
    trigger: '`from module import *` leaves it out (unless `__all__` lists it); nothing else changes.',
    partners: ['__all__'],
    example: lines('class Cache:', '    def __init__(self):', '        self._store = {}  # not part of the public API'),
    docs: 'https://peps.python.org/pep-0008/#descriptive-naming-styles',
  },
  trailing: {
    title: '`{name}` — trailing underscore to avoid a clash',
    summary:
      'A single trailing underscore is the usual way to use a name that would otherwise clash with a keyword ' +
      'or shadow a builtin, such as `class_`, `type_` or `id_`. It has no special meaning to Python.',
    trigger: 'Nothing at run time: it is an ordinary name.',
    example: lines('def render(tag, class_=None):', '    return f"<{tag} class={class_}>"'),
    docs: 'https://peps.python.org/pep-0008/#descriptive-naming-styles',
  },
  mangled: {
    title: '`{name}` — name-mangled class-private name',
    summary:
      'Two leading underscores (and at most one trailing) inside a class body make Python rewrite the name to ' +
      '`_ClassName{name}`. That keeps a subclass from overwriting it by accident; it is not access control, since ' +
      'the rewritten name still works from outside.',
    trigger: 'Compile time: every use of the name inside the class body (methods included) is rewritten with the innermost enclosing class\'s name.',
    example: lines(
      'class Account:',
      '    def __init__(self):',
      '        self.__pin = 1234   # stored as _Account__pin',
      '',
      'Account()._Account__pin  # still reachable',
    ),
    docs: 'https://docs.python.org/3/tutorial/classes.html#private-variables',
  },
  dunder: {
    title: '`{name}` — a special ("dunder") name',
    summary:
      'Names with two underscores on both sides belong to Python itself: the interpreter calls these methods ' +
      'or reads these attributes to implement syntax and builtins (`len(x)` calls `x.__len__()`). Define the ' +
      'ones the data model documents; do not invent new ones.',
    trigger: 'Python looks special methods up on the type, not the instance, when it runs the syntax or builtin they implement.',
    example: lines(
      'class Deck:',
      '    def __init__(self, cards):',
      '        self._cards = list(cards)',
      '',
      '    def __len__(self):',
      '        return len(self._cards)',
    ),
    docs: 'https://docs.python.org/3/reference/datamodel.html#special-method-names',
  },
};

/** Lines added to a hover on a `__name` or an unknown dunder, about this very use. */
export const UNDERSCORE_NOTES = {
  /** `{class}` and `{mangled}` are replaced too. */
  mangledHere: 'Here, inside class `{class}`, Python stores and looks it up as `{mangled}`.',
  allUnderscoreClass: 'Class `{class}` has only underscores in its name, so Python does not mangle `{name}` here.',
  outsideClass: 'This use is outside any class body, so Python does not mangle it here.',
  unknownDunder: 'Python defines no special name `{name}`.',
  /** `{suggestion}` is replaced with the closest known dunder. */
  didYouMean: 'Did you mean `{suggestion}`?',
} as const;
