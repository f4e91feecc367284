// Mutability facts about the builtin containers and text types, shown on a
// literal display (`[1, 2]`, `{"a": 1}`, `"text"`) and on constructor calls
// (`list(...)`). Data only, keyed like the idioms (`builtins.list`).
import { lines, type Explanation } from './entry';

const STDTYPES = 'https://docs.python.org/3/library/stdtypes.html';

export const BUILTIN_TYPES: Readonly<Record<string, Explanation>> = {
  'builtins.list': {
    summary: 'A mutable sequence: items can be added, removed and replaced in place, so lists cannot be hashed.',
    trigger: 'Each `[...]` display, comprehension or `list(...)` call builds a new list; binding it to another name creates an alias, not a copy.',
    partners: ['builtins.tuple', 'collections.deque', 'collections.UserList'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'a = [1, 2]',
      'b = a          # an alias: the same list',
      'b.append(3)',
      'print(a)       # [1, 2, 3]',
      'c = list(a)    # a shallow copy',
    ),
    docs: `${STDTYPES}#list`,
  },
  'builtins.tuple': {
    summary: 'An immutable sequence: hashable when every item is, so `(1, 2)` can be a dict key but `([1], 2)` cannot.',
    trigger: 'Built by commas: `1, 2` is a tuple, and so is `1,`; parentheses are needed for the empty tuple `()` and wherever a comma would mean something else (`f((1, 2))` passes one tuple). Also `tuple(iterable)`. Items themselves may still be mutable objects.',
    partners: ['builtins.list', 'collections.namedtuple'],
    mutability: { mutable: false, hashable: 'when every item is' },
    example: lines(
      'point = (3, 4)',
      'distances = {point: 5.0}   # fine: hashable',
      'pair = ([1], 2)',
      'pair[0].append(9)          # the tuple is fixed, the list inside is not',
    ),
    docs: `${STDTYPES}#tuple`,
  },
  'builtins.dict': {
    summary: 'A mutable mapping from hashable keys to values, kept in insertion order; unhashable itself.',
    trigger: 'Each `{...}` display, comprehension or `dict(...)` call builds a new dict. Check for "dict-like" with `collections.abc.Mapping`, not `dict`.',
    partners: ['collections.abc.Mapping', 'collections.OrderedDict', 'collections.ChainMap', 'collections.UserDict'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'ages = {"ada": 36}',
      'ages["bob"] = 41',
      'merged = ages | {"cy": 9}   # a new dict (3.9+)',
    ),
    docs: `${STDTYPES}#dict`,
  },
  'builtins.set': {
    summary: 'A mutable, unordered collection of unique hashable items; unhashable itself (use `frozenset` for that).',
    trigger: 'Each `{a, b}` display, comprehension or `set(...)` call builds a new set; `{}` is an empty dict, so write `set()`.',
    partners: ['builtins.frozenset'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'seen = {"a", "b"}',
      'seen.add("c")',
      'print(seen & {"a", "z"})  # {\'a\'}, the intersection',
    ),
    docs: `${STDTYPES}#set`,
  },
  'builtins.frozenset': {
    summary: 'An immutable set: hashable, so it can be a set member or dict key.',
    trigger: 'Built only by `frozenset(...)`; there is no literal display.',
    partners: ['builtins.set'],
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'vowels = frozenset("aeiou")',
      'groups = {vowels: "vowels"}',
    ),
    docs: `${STDTYPES}#frozenset`,
  },
  'builtins.str': {
    summary: 'An immutable sequence of Unicode code points; hashable. Every "change" builds a new string.',
    trigger: 'String literals and `str(x)` (which calls `__str__`). Build long strings with `"".join(parts)`, not repeated `+=`.',
    partners: ['builtins.bytes', 'unicodedata.normalize', 'collections.UserString', 'str.encode', 'str.casefold'],
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'name = "ada"',
      'upper = name.upper()   # a new string; name is unchanged',
      'print(", ".join(["a", "b"]))',
    ),
    docs: `${STDTYPES}#text-sequence-type-str`,
  },
  'builtins.bytes': {
    summary: 'An immutable sequence of bytes (0–255); hashable. Decode to get text: `data.decode("utf-8")`.',
    trigger: '`b"..."` literals, `bytes(x)` (which calls `__bytes__`), `str.encode()`, reading a file in binary mode.',
    partners: ['builtins.bytearray', 'builtins.str', 'bytes.decode'],
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'data = "café".encode("utf-8")',
      'print(len(data), data.decode("utf-8"))  # 5 café',
    ),
    docs: `${STDTYPES}#bytes-objects`,
  },
  'builtins.bytearray': {
    summary: 'A mutable sequence of bytes: change it in place, for building binary buffers; unhashable.',
    trigger: 'Only `bytearray(...)` builds one; there is no literal display.',
    partners: ['builtins.bytes'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'buffer = bytearray(b"GIF")',
      'buffer += b"89a"',
      'buffer[0] = ord("g")',
    ),
    docs: `${STDTYPES}#bytearray-objects`,
  },
};
