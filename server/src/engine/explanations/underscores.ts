// What leading and trailing underscores mean in a Python name. Data only: the
// hover looks entries up by `underscoreForm(name)`.
import type { UnderscoreForm } from '../python';

export interface UnderscoreEntry {
  /** Heading; `{name}` is replaced with the hovered name. */
  title: string;
  summary: string;
  example: string;
  docs: string;
}

export const UNDERSCORE_FORMS: Record<UnderscoreForm, UnderscoreEntry> = {
  throwaway: {
    title: '`_` — a name for values you do not need',
    summary:
      'A lone underscore says "I have to bind something here, but I will not use it": loop counters, unpacked ' +
      'fields you skip. In the interactive interpreter `_` also holds the last result, and in `match` a bare `_` ' +
      'matches anything without binding.',
    example: 'for _ in range(3):\n    retry()\nfirst, _, last = "Ada Byron King".split()',
    docs: 'https://docs.python.org/3/reference/lexical_analysis.html#reserved-classes-of-identifiers',
  },
  internal: {
    title: '`{name}` — internal by convention',
    summary:
      'One leading underscore marks a name as an implementation detail of its module or class. Python does not ' +
      'enforce it, but `from module import *` skips such names and readers know not to depend on them.',
    example: 'class Cache:\n    def __init__(self):\n        self._store = {}  # not part of the public API',
    docs: 'https://peps.python.org/pep-0008/#descriptive-naming-styles',
  },
  trailing: {
    title: '`{name}` — trailing underscore to avoid a clash',
    summary:
      'A single trailing underscore is the usual way to use a name that would otherwise clash with a keyword ' +
      'or shadow a builtin, such as `class_`, `type_` or `id_`. It has no special meaning to Python.',
    example: 'def render(tag, class_=None):\n    ...',
    docs: 'https://peps.python.org/pep-0008/#descriptive-naming-styles',
  },
  mangled: {
    title: '`{name}` — name-mangled class-private name',
    summary:
      'Two leading underscores (and at most one trailing) inside a class body make Python rewrite the name to ' +
      '`_ClassName{name}`. That keeps a subclass from overwriting it by accident; it is not access control, since ' +
      'the rewritten name still works from outside.',
    example: 'class Account:\n    def __init__(self):\n        self.__pin = 1234   # stored as _Account__pin\n\nAccount()._Account__pin  # still reachable',
    docs: 'https://docs.python.org/3/tutorial/classes.html#private-variables',
  },
  dunder: {
    title: '`{name}` — a special ("dunder") name',
    summary:
      'Names with two underscores on both sides belong to Python itself: the interpreter calls these methods ' +
      'or reads these attributes to implement syntax and builtins (`len(x)` calls `x.__len__()`). Define the ' +
      'ones the data model documents; do not invent new ones.',
    example: 'class Deck:\n    def __init__(self, cards):\n        self._cards = list(cards)\n\n    def __len__(self):\n        return len(self._cards)',
    docs: 'https://docs.python.org/3/reference/datamodel.html#special-method-names',
  },
};
