// The builtin types: containers, text, numbers, `range`, and the roots `type`
// and `object`, with mutability facts where values have them. Shown on a literal
// display (`[1, 2]`, `{"a": 1}`, `"text"`), on constructor calls (`list(...)`)
// and on the bare name (`x: int`). Data only, keyed like the idioms (`builtins.list`).
import { lines, type Explanation } from './entry';

const STDTYPES = 'https://docs.python.org/3/library/stdtypes.html';
const FUNCTIONS = 'https://docs.python.org/3/library/functions.html';

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
  'builtins.int': {
    summary: 'Whole numbers of any size: Python ints never overflow.',
    trigger: '`int(x)` calls `type(x).__int__`, falling back to `__index__`; `int("42")` parses text (another base with `int("ff", 16)`), and `int(-3.9)` truncates toward zero.',
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'print(int("42") + 1, int("ff", 16), int(-3.9))  # 43 255 -3',
      'print(2**100 > 10**30, 7 // 2, -7 // 2)  # True 3 -4: // rounds down',
    ),
    docs: `${FUNCTIONS}#int`,
  },
  'builtins.float': {
    summary: 'Double-precision binary floating-point numbers; most decimal fractions (like 0.1) are stored only approximately.',
    trigger: '`float(x)` calls `type(x).__float__`, falling back to `__index__`; `float("1e3")`, `float("inf")` and `float("nan")` parse text. Compare computed floats with `math.isclose`, not `==`.',
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'import math',
      'print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))  # False True',
      'print(float("1e3"), float(7))  # 1000.0 7.0',
    ),
    docs: `${FUNCTIONS}#float`,
  },
  'builtins.bool': {
    summary: 'The type of `True` and `False`, a subclass of `int`; `bool(x)` gives the truth value of any object.',
    trigger: '`bool(x)`, and every `if`, `while`, `and`, `or` and `not`, calls `type(x).__bool__`; a class without it falls back to `__len__` (non-zero is true), and an object with neither is true.',
    partners: ['builtins.True', 'builtins.False'],
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'class Box:',
      '    def __init__(self, items): self.items = items',
      '    def __len__(self): return len(self.items)',
      'print(bool(Box([])), bool(Box([1])), bool(object()))  # False True True',
      'print(bool(""), bool("0"), bool(0.0))  # False True False',
    ),
    docs: `${FUNCTIONS}#bool`,
  },
  'builtins.range': {
    summary: 'An immutable sequence of integers computed on demand: `range(10**9)` takes as little memory as `range(3)`.',
    trigger: '`range(stop)`, `range(start, stop)` or `range(start, stop, step)`; `stop` itself is excluded. It supports `len()`, indexing, slicing and a fast `in` test for ints.',
    mutability: { mutable: false, hashable: 'always' },
    example: lines(
      'r = range(0, 10, 3)',
      'print(list(r), len(r), r[-1], 9 in r)  # [0, 3, 6, 9] 4 9 True',
      'print(list(range(5)[1:3]))  # [1, 2]: a slice of a range is a range',
    ),
    docs: `${STDTYPES}#ranges`,
  },
  'builtins.type': {
    summary: 'The class of classes: `type(x)` returns the class of `x`, and `type(name, bases, namespace)` creates a new class.',
    trigger: 'With one argument, the exact class (`type(True)` is `bool`, not `int`), so use `isinstance` to test for a kind of object. With three, it does what a `class` statement does; metaclasses are subclasses of `type`.',
    partners: ['builtins.isinstance', 'builtins.object'],
    example: lines(
      'print(type(True), type(True) is int)  # <class \'bool\'> False',
      'Point = type("Point", (), {"x": 0})',
      'print(Point().x, type(Point))  # 0 <class \'type\'>',
    ),
    docs: `${FUNCTIONS}#type`,
  },
  'builtins.object': {
    summary: 'The root of every class: it supplies the defaults for `__eq__` (identity), `__hash__`, `__repr__` and attribute access.',
    trigger: 'Implicit: `class A:` means `class A(object):`. A bare `object()` has no `__dict__` and so takes no attributes, which makes it a cheap unique sentinel.',
    partners: ['builtins.type'],
    example: lines(
      'class A: pass',
      'print(A.__bases__)  # (<class \'object\'>,)',
      'MISSING = object()',
      'print(MISSING == object(), MISSING is MISSING)  # False True',
    ),
    docs: `${FUNCTIONS}#object`,
  },
};
