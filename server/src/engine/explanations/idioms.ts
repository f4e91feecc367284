// Decorators and standard-library idioms, keyed by qualified name
// (`functools.partial`, `collections.abc.Mapping`; builtins as `builtins.property`).
// Data only. The hover resolves a name through the module's imports to one of
// these keys; `options` are shown for the keyword arguments a call passes.
import { LIBRARY, lines, type Explanation } from './entry';

const DECORATORS: Record<string, Explanation> = {
  'builtins.classmethod': {
    summary: 'Makes a method receive the class (`cls`) instead of an instance; the usual tool for alternative constructors.',
    trigger: 'Applied when the class body runs; at call time, `Cls.method(...)` and `obj.method(...)` both pass the class (a subclass when called on one).',
    partners: ['builtins.staticmethod'],
    example: lines(
      'class Color:',
      '    def __init__(self, r, g, b): self.rgb = (r, g, b)',
      '    @classmethod',
      '    def from_hex(cls, text):',
      '        return cls(*bytes.fromhex(text.lstrip("#")))  # cls: a subclass gets a subclass',
    ),
    docs: `${LIBRARY}/functions.html#classmethod`,
  },
  'builtins.staticmethod': {
    summary: 'A plain function kept in a class namespace: it receives neither the instance nor the class.',
    trigger: 'Applied when the class body runs; calls pass only the explicit arguments.',
    partners: ['builtins.classmethod'],
    example: lines(
      'class Temperature:',
      '    @staticmethod',
      '    def to_fahrenheit(celsius):',
      '        return celsius * 9 / 5 + 32',
      'print(Temperature.to_fahrenheit(100))',
    ),
    docs: `${LIBRARY}/functions.html#staticmethod`,
  },
  'builtins.property': {
    summary: 'Turns a method into a computed attribute read as `obj.name`; add `.setter`/`.deleter` to control writes and deletes.',
    trigger: '`obj.name` calls the getter; without a setter, `obj.name = v` raises `AttributeError`. Start with a plain attribute and switch to a property later without changing callers.',
    partners: ['property.setter', 'property.deleter', '__get__', 'functools.cached_property'],
    example: lines(
      'class Circle:',
      '    def __init__(self, radius): self._radius = radius',
      '    @property',
      '    def radius(self):',
      '        return self._radius',
    ),
    docs: `${LIBRARY}/functions.html#property`,
  },
  'property.setter': {
    title: '`@name.setter`',
    summary: 'Adds the function that runs on `obj.name = value` to an existing property; a good place for validation.',
    trigger: '`obj.name = value`. The setter function must have the same name as the property, or it becomes a second, separate attribute.',
    partners: ['builtins.property', 'property.deleter', '__set__'],
    aliases: ['setter'],
    example: lines(
      'class Circle:',
      '    @property',
      '    def radius(self): return self._radius',
      '    @radius.setter',
      '    def radius(self, value):',
      '        if value < 0: raise ValueError("radius must be >= 0"); self._radius = value',
    ),
    docs: `${LIBRARY}/functions.html#property.setter`,
  },
  'property.deleter': {
    title: '`@name.deleter`',
    summary: 'Adds the function that runs on `del obj.name` to an existing property.',
    trigger: '`del obj.name`. Like the setter, it must reuse the property\'s name.',
    partners: ['builtins.property', 'property.setter', '__delete__'],
    aliases: ['deleter'],
    example: lines(
      'class Cache:',
      '    @property',
      '    def data(self): return self._data',
      '    @data.deleter',
      '    def data(self): self._data = None',
    ),
    docs: `${LIBRARY}/functions.html#property.deleter`,
  },
  'dataclasses.dataclass': {
    summary: 'Writes `__init__`, `__repr__` and `__eq__` (and optionally ordering, hashing, slots) from the class\'s annotated fields.',
    trigger: 'Applied once when the class is created; it reads the class annotations in order. Mutable defaults are rejected: use `field(default_factory=...)`.',
    partners: ['dataclasses.field', '__post_init__', '__match_args__', 'collections.namedtuple', 'dataclasses.asdict', 'dataclasses.replace', 'dataclasses.fields'],
    example: lines(
      'from dataclasses import dataclass',
      '@dataclass(frozen=True)',
      'class Reading:',
      '    sensor: str',
      '    values: tuple[float, ...] = ()',
    ),
    docs: `${LIBRARY}/dataclasses.html#dataclasses.dataclass`,
    options: {
      frozen: 'when true, assigning to a field raises `FrozenInstanceError`, and (with `eq`) instances get a `__hash__`, so they can be set members and dict keys. Fields should hold immutable values (tuple, frozenset), or hashing fails.',
      eq: 'true by default: generates `__eq__` comparing the fields as a tuple; a mutable (not frozen) class then gets `__hash__ = None`.',
      order: 'when true, generates `__lt__`, `__le__`, `__gt__`, `__ge__` comparing the fields in definition order (requires `eq=True`).',
      slots: 'when true (3.10+), builds the class with `__slots__` for the fields: smaller instances, no accidental new attributes.',
      init: 'when false, no `__init__` is generated (write your own).',
      repr: 'when false, no `__repr__` is generated.',
      unsafe_hash: 'when true, `__hash__` is generated even for a mutable class; safe only if the hashed fields never change.',
      kw_only: 'when true (3.10+), every field becomes a keyword-only `__init__` parameter.',
      match_args: 'true by default: sets `__match_args__` so positional class patterns such as `case Reading(sensor, values)` work.',
    },
  },
  'dataclasses.field': {
    summary: 'Customises one dataclass field: a default factory, or leaving it out of `__init__`, `__repr__`, comparisons or hashing.',
    trigger: 'Read by `@dataclass` when the class is created; `default_factory` is called once per new instance.',
    partners: ['dataclasses.dataclass'],
    example: lines(
      'from dataclasses import dataclass, field',
      '@dataclass',
      'class Order:',
      '    items: list[str] = field(default_factory=list)  # a new list per order',
      '    note: str = field(default="", repr=False)',
    ),
    docs: `${LIBRARY}/dataclasses.html#dataclasses.field`,
    options: {
      default_factory: 'a zero-argument callable run for every new instance, so each one gets its own list/dict/set instead of one shared object.',
      default: 'the field\'s default; must not be a mutable list, dict or set.',
      init: 'when false, the field is not an `__init__` parameter (set it in `__post_init__`).',
      repr: 'when false, the field is left out of `__repr__` (secrets, large data).',
      compare: 'when false, the field is left out of `__eq__` and the ordering methods.',
      hash: 'when false, the field is left out of `__hash__`.',
      kw_only: 'when true, this field becomes a keyword-only `__init__` parameter.',
    },
  },
};

const FUNCTOOLS: Record<string, Explanation> = {
  'functools.wraps': {
    summary: 'Copies a wrapped function\'s name, docstring, module and signature info onto the wrapper a decorator returns.',
    trigger: 'Applied when the decorator builds its wrapper; sets `__wrapped__` so `inspect` and debuggers see the original.',
    partners: ['__wrapped__', 'functools.partial'],
    example: lines(
      'import functools',
      'def logged(func):',
      '    @functools.wraps(func)',
      '    def wrapper(*args, **kwargs):',
      '        print("calling", func.__name__); return func(*args, **kwargs)',
      '    return wrapper',
    ),
    docs: `${LIBRARY}/functools.html#functools.wraps`,
  },
  'functools.partial': {
    summary: 'Freezes some arguments of a function, giving a new callable that needs only the rest.',
    trigger: 'Calling the partial object calls the function with the frozen arguments first, then the new ones (later keywords override frozen ones).',
    partners: ['functools.wraps', 'operator.methodcaller', 'functools.partialmethod'],
    example: lines(
      'import functools',
      'from_hex = functools.partial(int, base=16)',
      'print(from_hex("ff"))  # 255, same as int("ff", base=16)',
    ),
    docs: `${LIBRARY}/functools.html#functools.partial`,
  },
  'functools.lru_cache': {
    summary: 'Memoises a function: results are stored by arguments, keeping at most `maxsize` recent ones.',
    trigger: 'Each call looks the arguments up first (they must be hashable); `f.cache_info()` and `f.cache_clear()` manage the cache.',
    partners: ['functools.cache'],
    example: lines(
      'import functools',
      '@functools.lru_cache(maxsize=256)',
      'def fib(n):',
      '    return n if n < 2 else fib(n - 1) + fib(n - 2)',
    ),
    docs: `${LIBRARY}/functools.html#functools.lru_cache`,
    options: {
      maxsize: 'how many results to keep, dropping the least recently used first; `None` keeps everything.',
      typed: 'when true, `f(1)` and `f(1.0)` are cached separately.',
    },
  },
  'functools.cache': {
    summary: 'An unbounded memoising cache (3.9+), the same as `lru_cache(maxsize=None)` but simpler and faster.',
    trigger: 'Each call looks its (hashable) arguments up first; the cache grows forever, so use it for small argument spaces.',
    partners: ['functools.lru_cache'],
    example: lines(
      'from functools import cache',
      '@cache',
      'def factorial(n):',
      '    return n * factorial(n - 1) if n else 1',
    ),
    docs: `${LIBRARY}/functools.html#functools.cache`,
  },
  'functools.total_ordering': {
    summary: 'Class decorator that fills in the missing rich comparisons from `__eq__` and one of `__lt__`, `__le__`, `__gt__`, `__ge__`.',
    trigger: 'Applied when the class is created. The derived methods are slower than hand-written ones.',
    partners: ['__lt__'],
    example: lines(
      'from functools import total_ordering',
      '@total_ordering',
      'class Version:',
      '    def __init__(self, *parts): self.parts = parts',
      '    def __eq__(self, other): return self.parts == other.parts',
      '    def __lt__(self, other): return self.parts < other.parts',
    ),
    docs: `${LIBRARY}/functools.html#functools.total_ordering`,
  },
  'functools.singledispatch': {
    summary: 'Turns a function into a generic function that picks an implementation by the type of its first argument.',
    trigger: 'Each call dispatches on `type(first_arg)` along its MRO; add implementations with `@func.register`.',
    example: lines(
      'from functools import singledispatch',
      '@singledispatch',
      'def describe(value): return "something"',
      '@describe.register',
      'def _(value: int): return "an integer"',
    ),
    docs: `${LIBRARY}/functools.html#functools.singledispatch`,
  },
  'functools.cached_property': {
    summary: 'A property computed once per instance and then stored in the instance `__dict__`.',
    trigger: 'The first read computes it; later reads find the stored value. Needs an instance `__dict__` (not with `__slots__` only).',
    partners: ['builtins.property'],
    example: lines(
      'from functools import cached_property',
      'class Report:',
      '    def __init__(self, rows): self.rows = rows',
      '    @cached_property',
      '    def total(self): return sum(self.rows)',
    ),
    docs: `${LIBRARY}/functools.html#functools.cached_property`,
  },
  'functools.reduce': {
    summary: 'Folds an iterable into one value by applying a two-argument function cumulatively, left to right.',
    trigger: 'Consumes the whole iterable when called. `sum`, `max`, `any`, `math.prod` or a loop are often clearer.',
    partners: ['itertools.accumulate', 'operator.add'],
    example: lines(
      'from functools import reduce',
      'import operator',
      'print(reduce(operator.mul, [1, 2, 3, 4], 1))  # 24',
    ),
    docs: `${LIBRARY}/functools.html#functools.reduce`,
  },
};

const OPERATOR: Record<string, Explanation> = {
  'operator.itemgetter': {
    summary: 'Builds a fast callable that fetches `obj[key]` (or a tuple of several keys); a named alternative to `lambda x: x[k]`.',
    trigger: 'Calling the getter indexes its argument. Common as `key=` for `sorted`, `min`, `max`.',
    partners: ['operator.attrgetter', 'operator.methodcaller', 'lambda'],
    example: lines(
      'from operator import itemgetter',
      'people = [("ada", 36, "london"), ("bob", 29, "paris")]',
      'by_age = sorted(people, key=itemgetter(1))',
      'names_and_cities = list(map(itemgetter(0, 2), people))',
    ),
    docs: `${LIBRARY}/operator.html#operator.itemgetter`,
  },
  'operator.attrgetter': {
    summary: 'Builds a callable that reads an attribute (dotted paths allowed); the named form of `lambda o: o.attr`.',
    trigger: 'Calling the getter reads the attribute(s) of its argument.',
    partners: ['operator.itemgetter', 'operator.methodcaller'],
    example: lines(
      'from operator import attrgetter',
      'from datetime import date',
      'days = [date(2024, 5, 1), date(2023, 1, 9)]',
      'print(sorted(days, key=attrgetter("year", "month")))',
    ),
    docs: `${LIBRARY}/operator.html#operator.attrgetter`,
  },
  'operator.methodcaller': {
    summary: 'Builds a callable that calls a named method with fixed arguments; the named form of `lambda o: o.m(args)`.',
    trigger: 'Calling it calls the method on its argument.',
    partners: ['operator.itemgetter', 'operator.attrgetter', 'functools.partial'],
    example: lines(
      'from operator import methodcaller',
      'strip_dots = methodcaller("strip", ".")',
      'print(list(map(strip_dots, ["..a", "b.."])))  # [\'a\', \'b\']',
    ),
    docs: `${LIBRARY}/operator.html#operator.methodcaller`,
  },
};

const COLLECTIONS: Record<string, Explanation> = {
  'collections.deque': {
    summary: 'A double-ended queue: O(1) appends and pops at both ends (a list is O(n) at the front); `maxlen` makes it a ring buffer.',
    trigger: 'Use it for queues and sliding windows; `append`/`popleft` are thread-safe. Indexing the middle is O(n).',
    partners: ['builtins.list'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'from collections import deque',
      'recent = deque(maxlen=3)',
      'for page in ["a", "b", "c", "d"]:',
      '    recent.append(page)',
      'print(recent.popleft())  # -> b',
    ),
    docs: `${LIBRARY}/collections.html#collections.deque`,
  },
  'collections.Counter': {
    summary: 'A dict subclass that counts hashable items; missing keys count as 0.',
    trigger: 'Build it from an iterable or mapping; `most_common()`, `+`, `-`, `&`, `|` work on counts. Replaces the `d[k] = d.get(k, 0) + 1` pattern.',
    partners: ['collections.defaultdict', 'collections.Counter.most_common'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'from collections import Counter',
      'words = "the cat and the hat".split()',
      'counts = Counter(words)',
      'print(counts.most_common(1))  # [(\'the\', 2)]',
    ),
    docs: `${LIBRARY}/collections.html#collections.Counter`,
  },
  'collections.defaultdict': {
    summary: 'A dict that creates a missing key\'s value with a factory (`list`, `set`, `int`...) on first access.',
    trigger: '`d[key]` for a missing key calls the factory (through `__missing__`); `d.get(key)` and `key in d` do not.',
    partners: ['collections.Counter', '__missing__', 'itertools.groupby'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'from collections import defaultdict',
      'by_letter = defaultdict(list)',
      'for word in ["apple", "avocado", "banana"]:',
      '    by_letter[word[0]].append(word)',
    ),
    docs: `${LIBRARY}/collections.html#collections.defaultdict`,
  },
  'collections.OrderedDict': {
    summary: 'A dict with order-sensitive equality and `move_to_end`/`popitem(last=False)`; plain dicts keep insertion order since 3.7.',
    trigger: 'Reach for it when the order matters for equality or you need to reorder (LRU caches).',
    partners: ['builtins.dict'],
    mutability: { mutable: true, hashable: 'never' },
    example: lines(
      'from collections import OrderedDict',
      'lru = OrderedDict(a=1, b=2, c=3)',
      'lru.move_to_end("a")',
      'lru.popitem(last=False)  # drops "b", the least recently used',
    ),
    docs: `${LIBRARY}/collections.html#collections.OrderedDict`,
  },
  'collections.namedtuple': {
    summary: 'Creates a tuple subclass whose items also have names: immutable, hashable, and light as a tuple.',
    trigger: 'Called once to create the class; instances unpack and index like tuples. `typing.NamedTuple` is the annotated spelling; dataclasses suit mutable records.',
    partners: ['builtins.tuple', 'dataclasses.dataclass', 'typing.NamedTuple'],
    example: lines(
      'from collections import namedtuple',
      'Point = namedtuple("Point", ["x", "y"])',
      'p = Point(3, 4)',
      'print(p.x, p[1], p._replace(x=0))',
    ),
    docs: `${LIBRARY}/collections.html#collections.namedtuple`,
  },
  'collections.ChainMap': {
    summary: 'Views several mappings as one: lookups search them in order, writes go to the first.',
    trigger: 'Each lookup walks the maps; nothing is copied, so changes to the underlying dicts show through.',
    partners: ['builtins.dict'],
    example: lines(
      'from collections import ChainMap',
      'defaults = {"color": "red", "user": "guest"}',
      'cli_args = {"user": "ada"}',
      'settings = ChainMap(cli_args, defaults)',
      'print(settings["user"], settings["color"])  # -> ada red',
    ),
    docs: `${LIBRARY}/collections.html#collections.ChainMap`,
  },
  'collections.UserDict': {
    summary: 'A dict wrapper meant for subclassing: its methods go through your overrides (subclassing `dict` directly skips them).',
    trigger: 'Subclass it and override `__setitem__`/`__getitem__`; `update()`, `setdefault()` and the constructor then use yours. The data lives in `self.data`.',
    partners: ['collections.UserList', 'collections.UserString', 'builtins.dict'],
    example: lines(
      'from collections import UserDict',
      'class LowerKeys(UserDict):',
      '    def __setitem__(self, key, value):',
      '        super().__setitem__(key.lower(), value)',
      'print(LowerKeys({"A": 1}))  # {\'a\': 1}: the constructor used the override',
    ),
    docs: `${LIBRARY}/collections.html#collections.UserDict`,
  },
  'collections.UserList': {
    summary: 'A list wrapper meant for subclassing; the data lives in `self.data` and methods go through your overrides.',
    trigger: 'Subclass it instead of `list` when you override methods that other methods should respect.',
    partners: ['collections.UserDict', 'collections.UserString', 'builtins.list'],
    example: lines(
      'from collections import UserList',
      'class Stack(UserList):',
      '    def push(self, item):',
      '        self.append(item)',
    ),
    docs: `${LIBRARY}/collections.html#collections.UserList`,
  },
  'collections.UserString': {
    summary: 'A str wrapper meant for subclassing; the text lives in `self.data`.',
    trigger: 'Subclass it to add or change string behaviour without fighting `str`\'s C implementation.',
    partners: ['collections.UserDict', 'collections.UserList', 'builtins.str'],
    example: lines(
      'from collections import UserString',
      'class Slug(UserString):',
      '    def __init__(self, text):',
      '        super().__init__(text.lower().replace(" ", "-"))',
    ),
    docs: `${LIBRARY}/collections.html#collections.UserString`,
  },
};

/** The abstract base classes of `collections.abc`: what to implement, and what you get for free. */
const ABCS: ReadonlyArray<{ name: string; abstract: string; mixins: string; sample: string; partners?: string[] }> = [
  { name: 'Container', abstract: '`__contains__`', mixins: 'nothing', sample: '"abc"' },
  { name: 'Hashable', abstract: '`__hash__`', mixins: 'nothing', sample: '(1, 2)', partners: ['__hash__'] },
  { name: 'Iterable', abstract: '`__iter__`', mixins: 'nothing', sample: '{"a": 1}', partners: ['__iter__', 'collections.abc.Iterator', 'typing.Iterable'] },
  { name: 'Iterator', abstract: '`__next__`', mixins: '`__iter__`', sample: 'iter([1, 2])', partners: ['__next__', 'collections.abc.Iterable', 'typing.Iterator'] },
  { name: 'Reversible', abstract: '`__reversed__`', mixins: 'nothing', sample: '[1, 2]' },
  { name: 'Generator', abstract: '`send`, `throw`', mixins: '`close`, `__iter__`, `__next__`', sample: '(n for n in range(3))', partners: ['yield', 'typing.Generator'] },
  { name: 'Sized', abstract: '`__len__`', mixins: 'nothing', sample: '{1, 2}' },
  { name: 'Callable', abstract: '`__call__`', mixins: 'nothing', sample: 'print', partners: ['typing.Callable'] },
  { name: 'Collection', abstract: '`__contains__`, `__iter__`, `__len__`', mixins: 'nothing', sample: '[1, 2]' },
  { name: 'Sequence', abstract: '`__getitem__`, `__len__`', mixins: '`__contains__`, `__iter__`, `__reversed__`, `index`, `count`', sample: '"text"', partners: ['collections.abc.MutableSequence'] },
  { name: 'MutableSequence', abstract: '`__getitem__`, `__setitem__`, `__delitem__`, `__len__`, `insert`', mixins: '`append`, `reverse`, `extend`, `pop`, `remove`, `__iadd__`', sample: '[1, 2]', partners: ['collections.abc.Sequence'] },
  { name: 'ByteString', abstract: '`__getitem__`, `__len__`', mixins: 'the `Sequence` methods (deprecated since 3.12; use `bytes | bytearray`)', sample: 'b"data"' },
  { name: 'Set', abstract: '`__contains__`, `__iter__`, `__len__`', mixins: 'comparisons, `&`, `|`, `-`, `^`, `isdisjoint`', sample: 'frozenset({1})', partners: ['collections.abc.MutableSet'] },
  { name: 'MutableSet', abstract: '`__contains__`, `__iter__`, `__len__`, `add`, `discard`', mixins: '`clear`, `pop`, `remove`, `|=`, `&=`, `^=`, `-=`', sample: '{1, 2}', partners: ['collections.abc.Set'] },
  { name: 'Mapping', abstract: '`__getitem__`, `__iter__`, `__len__`', mixins: '`__contains__`, `keys`, `items`, `values`, `get`, `__eq__`, `__ne__`', sample: '{"a": 1}', partners: ['collections.abc.MutableMapping', 'builtins.dict'] },
  { name: 'MutableMapping', abstract: '`__getitem__`, `__setitem__`, `__delitem__`, `__iter__`, `__len__`', mixins: '`pop`, `popitem`, `clear`, `update`, `setdefault`', sample: '{"a": 1}', partners: ['collections.abc.Mapping'] },
  { name: 'MappingView', abstract: 'nothing', mixins: '`__len__`', sample: '{"a": 1}.keys()' },
  { name: 'ItemsView', abstract: 'nothing', mixins: '`__contains__`, `__iter__`, set operations', sample: '{"a": 1}.items()' },
  { name: 'KeysView', abstract: 'nothing', mixins: '`__contains__`, `__iter__`, set operations', sample: '{"a": 1}.keys()' },
  { name: 'ValuesView', abstract: 'nothing', mixins: '`__contains__`, `__iter__`', sample: '{"a": 1}.values()' },
  { name: 'Awaitable', abstract: '`__await__`', mixins: 'nothing', sample: 'asyncio.sleep(0)', partners: ['__await__'] },
  { name: 'Coroutine', abstract: '`send`, `throw`', mixins: '`close`', sample: 'asyncio.sleep(0)' },
  { name: 'AsyncIterable', abstract: '`__aiter__`', mixins: 'nothing', sample: 'ticks()', partners: ['__aiter__'] },
  { name: 'AsyncIterator', abstract: '`__anext__`', mixins: '`__aiter__`', sample: 'ticks()', partners: ['__anext__'] },
  { name: 'AsyncGenerator', abstract: '`asend`, `athrow`', mixins: '`aclose`, `__aiter__`, `__anext__`', sample: 'ticks()' },
];

/** The ABCs whose `__subclasshook__` accepts any class with the right methods; the others need inheritance or `register`. */
const STRUCTURAL_ABCS = new Set([
  'Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Container', 'Callable', 'Collection',
  'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
]);

function abcEntries(): Record<string, Explanation> {
  const entries: Record<string, Explanation> = {};
  for (const abc of ABCS) {
    const setup = abc.sample === 'ticks()'
      ? ['async def ticks():', '    yield 1']
      : abc.sample.startsWith('asyncio') ? ['import asyncio'] : [];
    const check = abc.sample.startsWith('asyncio') ? `print(isinstance(coro := ${abc.sample}, ${abc.name}))  # True` : `print(isinstance(${abc.sample}, ${abc.name}))  # True`;
    entries[`collections.abc.${abc.name}`] = {
      summary: `Abstract base class for ${abc.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} objects: implement ${abc.abstract}; inherit ${abc.mixins}.`,
      trigger: STRUCTURAL_ABCS.has(abc.name)
        ? `\`isinstance(x, ${abc.name})\` tests the interface rather than a concrete type: it accepts subclasses, registered classes, and any class that defines ${abc.abstract} (checked by \`__subclasshook__\`). Subclassing it gives the mixin methods.`
        : `\`isinstance(x, ${abc.name})\` tests the interface rather than a concrete type: it accepts subclasses and classes registered with \`${abc.name}.register(...)\`, but not a class that merely has the right methods. Subclassing it gives the mixin methods.`,
      partners: abc.partners,
      example: lines(
        `from collections.abc import ${abc.name}`,
        ...setup,
        check,
        ...(abc.sample.startsWith('asyncio') ? ['coro.close()'] : []),
      ),
      docs: `${LIBRARY}/collections.abc.html#collections.abc.${abc.name}`,
    };
  }
  return entries;
}

/** The numeric tower of `numbers`, widest first. */
const NUMERIC_TOWER: ReadonlyArray<{ name: string; covers: string; sample: string; rejects: string }> = [
  { name: 'Number', covers: 'every numeric type, including `complex` and `decimal.Decimal`', sample: '3 + 4j', rejects: '"3"' },
  { name: 'Complex', covers: '`complex`, `float`, `int`, `Fraction` (supports `real`, `imag`, `conjugate()`)', sample: '2.5', rejects: '"2.5"' },
  { name: 'Real', covers: '`float`, `int`, `bool` and `Fraction`: use it instead of `float` in `isinstance` checks', sample: '5', rejects: '1j' },
  { name: 'Rational', covers: '`int` and `fractions.Fraction` (have `numerator` and `denominator`)', sample: '5', rejects: '0.5' },
  { name: 'Integral', covers: '`int` and `bool`', sample: 'True', rejects: '2.0' },
];

function numberEntries(): Record<string, Explanation> {
  const entries: Record<string, Explanation> = {};
  NUMERIC_TOWER.forEach((level, i) => {
    const partners = [NUMERIC_TOWER[i - 1], NUMERIC_TOWER[i + 1]].filter(Boolean).map((l) => `numbers.${l.name}`);
    entries[`numbers.${level.name}`] = {
      summary: `ABC of the numeric tower matching ${level.covers}.`,
      trigger: `\`isinstance(x, numbers.${level.name})\`; checking the ABC accepts every type registered at this level, where \`isinstance(5, float)\` would wrongly reject an \`int\`.`,
      partners,
      example: lines(
        'import numbers',
        `print(isinstance(${level.sample}, numbers.${level.name}))  # True`,
        `print(isinstance(${level.rejects}, numbers.${level.name}))  # False`,
      ),
      docs: `${LIBRARY}/numbers.html#numbers.${level.name}`,
    };
  });
  return entries;
}

const COPY_AND_TEXT: Record<string, Explanation> = {
  'copy.copy': {
    summary: 'A shallow copy: a new outer object whose items are the same objects as the original\'s.',
    trigger: 'Calls `__copy__` if defined, else uses `__reduce_ex__`. `list(x)`, `x.copy()` and `x[:]` are shallow copies too.',
    partners: ['copy.deepcopy', '__copy__'],
    example: lines(
      'import copy',
      'grid = [[0, 0], [0, 0]]',
      'clone = copy.copy(grid)',
      'clone[0][0] = 9  # grid[0][0] is 9 too: the rows are shared',
    ),
    docs: `${LIBRARY}/copy.html#copy.copy`,
  },
  'copy.deepcopy': {
    summary: 'A deep copy: recursively copies every nested object, handling cycles through a `memo` dict.',
    trigger: 'Calls `__deepcopy__` if defined. Slower, and copies things you may want shared (caches, connections).',
    partners: ['copy.copy', '__deepcopy__'],
    example: lines(
      'import copy',
      'grid = [[0, 0], [0, 0]]',
      'clone = copy.deepcopy(grid)',
      'clone[0][0] = 9  # grid is untouched',
    ),
    docs: `${LIBRARY}/copy.html#copy.deepcopy`,
  },
  'unicodedata.normalize': {
    summary: 'Puts a string in a Unicode normal form, so visually identical text compares equal; NFC is the usual choice.',
    trigger: 'Call it on text from outside (files, users, the network) before comparing, hashing or storing it.',
    partners: ['builtins.str', 'str.casefold', 'unicodedata.name'],
    example: lines(
      'from unicodedata import normalize',
      'one_code_point, two_code_points = "Zo\\u00eb", "Zoe\\u0308"  # both display as Zoë',
      'print(one_code_point == two_code_points)  # False',
      'print(normalize("NFC", two_code_points) == one_code_point)  # True',
    ),
    docs: `${LIBRARY}/unicodedata.html#unicodedata.normalize`,
  },
};

const WEAKREF: Record<string, Explanation> = {
  'weakref.ref': {
    summary: 'A reference that does not keep its target alive; calling it returns the object, or `None` once it is collected.',
    trigger: 'Call `r()` each time you need the object. Many builtins (`int`, `list`, `dict`) cannot be weakly referenced.',
    partners: ['weakref.WeakValueDictionary', 'weakref.finalize', '__weakref__', 'weakref.proxy'],
    example: lines(
      'import weakref',
      'class Node: pass',
      'node = Node()',
      'parent = weakref.ref(node)',
      'print(parent() is node)  # True (node is still alive)',
    ),
    docs: `${LIBRARY}/weakref.html#weakref.ref`,
  },
  'weakref.WeakValueDictionary': {
    summary: 'A dict whose values are held weakly: an entry disappears when its value is no longer used elsewhere. Good for caches of live objects.',
    trigger: 'Entries vanish during garbage collection, so iterate over a copy (`list(d.items())`).',
    partners: ['weakref.ref', 'weakref.WeakKeyDictionary'],
    example: lines(
      'import weakref',
      'class Image: pass',
      'cache = weakref.WeakValueDictionary()',
      'img = cache["logo"] = Image()  # gone from cache once img is dropped',
    ),
    docs: `${LIBRARY}/weakref.html#weakref.WeakValueDictionary`,
  },
  'weakref.WeakKeyDictionary': {
    summary: 'A dict whose keys are held weakly: attach data to objects without keeping them alive.',
    trigger: 'An entry disappears when its key object is collected.',
    partners: ['weakref.WeakValueDictionary', 'weakref.WeakSet'],
    example: lines(
      'import weakref',
      'class Widget: pass',
      'notes = weakref.WeakKeyDictionary()',
      'w = Widget()',
      'notes[w] = "created by the toolbar"',
    ),
    docs: `${LIBRARY}/weakref.html#weakref.WeakKeyDictionary`,
  },
  'weakref.WeakSet': {
    summary: 'A set that holds its members weakly; members vanish when collected elsewhere.',
    trigger: 'A member disappears as soon as nothing else refers to it (in CPython at once, when its reference count drops to zero; objects in reference cycles wait for the cycle collector). Useful for tracking live instances or observers.',
    partners: ['weakref.WeakKeyDictionary'],
    example: lines(
      'import weakref',
      'class Listener: pass',
      'listeners = weakref.WeakSet()',
      'keep = Listener()',
      'listeners.add(keep)',
    ),
    docs: `${LIBRARY}/weakref.html#weakref.WeakSet`,
  },
  'weakref.finalize': {
    summary: 'Registers a cleanup callback that runs when an object is collected (or at exit); more reliable than `__del__`.',
    trigger: 'Runs at most once: when the object is garbage-collected, when you call the finalizer, or at interpreter exit.',
    partners: ['weakref.ref', '__del__', 'gc.collect'],
    example: lines(
      'import shutil, tempfile, weakref',
      'class Workspace:',
      '    def __init__(self):',
      '        self.path = tempfile.mkdtemp()',
      '        weakref.finalize(self, shutil.rmtree, self.path)',
    ),
    docs: `${LIBRARY}/weakref.html#weakref.finalize`,
  },
};

const CONCURRENCY: Record<string, Explanation> = {
  'asyncio.run': {
    summary: 'Runs a coroutine on a fresh event loop and closes the loop afterwards: the one entry point for an asyncio program.',
    trigger: 'Blocks until the coroutine finishes; cannot be called while a loop is already running. Replaces `get_event_loop().run_until_complete(...)`.',
    partners: ['async', 'asyncio.gather'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    await asyncio.sleep(0.1)',
      '    return "done"',
      'print(asyncio.run(main()))',
    ),
    docs: `${LIBRARY}/asyncio-runner.html#asyncio.run`,
  },
  'asyncio.gather': {
    summary: 'Runs awaitables concurrently and returns their results in the order given.',
    trigger: 'Awaiting it waits for all of them; the first exception propagates unless `return_exceptions=True`.',
    partners: ['asyncio.create_task', 'asyncio.wait', 'asyncio.run', 'await'],
    example: lines(
      'import asyncio',
      'async def square(n):',
      '    await asyncio.sleep(0.1); return n * n',
      'async def main():',
      '    print(await asyncio.gather(*(square(n) for n in range(5))))',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.gather`,
  },
  'asyncio.create_task': {
    summary: 'Schedules a coroutine to run concurrently on the running loop and returns its `Task`.',
    trigger: 'The task starts at the next loop iteration. Keep a reference to it (or await it): the loop holds only a weak one, so an unreferenced task can vanish mid-flight.',
    partners: ['asyncio.gather', 'asyncio.wait'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    task = asyncio.create_task(asyncio.sleep(0.1, result="ok"))',
      '    print("scheduled")',
      '    print(await task)',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.create_task`,
  },
  'asyncio.wait': {
    summary: 'Waits for a set of tasks with a condition (`FIRST_COMPLETED`, `FIRST_EXCEPTION`, `ALL_COMPLETED`) and returns `(done, pending)`.',
    trigger: 'Accepts tasks and futures only: passing bare coroutines is an error since 3.11. Use `gather` when you just want all the results.',
    partners: ['asyncio.gather', 'asyncio.create_task'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    tasks = {asyncio.create_task(asyncio.sleep(t)) for t in (0.1, 1)}',
      '    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)',
      '    for task in pending: task.cancel()',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.wait`,
  },
  'asyncio.sleep': {
    summary: 'Suspends the current coroutine for a while without blocking the event loop (unlike `time.sleep`).',
    trigger: 'Awaited inside a coroutine; `asyncio.sleep(0)` just yields to other tasks.',
    partners: ['await'],
    example: lines(
      'import asyncio',
      'async def heartbeat():',
      '    for _ in range(3):',
      '        print("tick")',
      '        await asyncio.sleep(1)',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.sleep`,
  },
  'concurrent.futures.ThreadPoolExecutor': {
    summary: 'A pool of threads for I/O-bound work (network, files); the GIL keeps CPU-bound Python code from running in parallel.',
    trigger: 'Use it as a context manager: leaving the `with` waits for the submitted work. `map()` returns results in input order.',
    partners: ['concurrent.futures.ProcessPoolExecutor', 'concurrent.futures.as_completed'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor',
      'import urllib.request',
      'def fetch(url): return urllib.request.urlopen(url).status',
      'with ThreadPoolExecutor(max_workers=8) as pool:',
      '    statuses = list(pool.map(fetch, ["https://python.org"]))',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.ThreadPoolExecutor`,
  },
  'concurrent.futures.ProcessPoolExecutor': {
    summary: 'A pool of processes for CPU-bound work: real parallelism, at the cost of pickling arguments and results.',
    trigger: 'Worker processes import your main module, so create the pool under `if __name__ == "__main__":`; functions passed must be importable (module-level).',
    partners: ['concurrent.futures.ThreadPoolExecutor', 'multiprocessing.Pool', '__main__'],
    example: lines(
      'from concurrent.futures import ProcessPoolExecutor',
      'def square(n): return n * n',
      'if __name__ == "__main__":',
      '    with ProcessPoolExecutor() as pool:',
      '        print(list(pool.map(square, range(10))))',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor`,
  },
  'concurrent.futures.as_completed': {
    summary: 'Yields futures as they finish, fastest first, so you can handle results without waiting for the slowest.',
    trigger: 'Iterating it blocks until the next future completes; `timeout=` raises `TimeoutError` if they take too long.',
    partners: ['concurrent.futures.ThreadPoolExecutor', 'asyncio.as_completed'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor, as_completed',
      'with ThreadPoolExecutor() as pool:',
      '    futures = {pool.submit(pow, 2, n): n for n in range(5)}',
      '    for future in as_completed(futures):',
      '        print(futures[future], future.result())',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.as_completed`,
  },
  'multiprocessing.Pool': {
    summary: 'A pool of worker processes with `map`, `imap`, `starmap` and `apply_async`; the older sibling of `ProcessPoolExecutor`.',
    trigger: 'Create it under `if __name__ == "__main__":` (child processes import the main module); use it in a `with` block.',
    partners: ['multiprocessing.Process', 'concurrent.futures.ProcessPoolExecutor'],
    example: lines(
      'from multiprocessing import Pool',
      'def square(n): return n * n',
      'if __name__ == "__main__":',
      '    with Pool(4) as pool:',
      '        print(pool.map(square, range(10)))',
    ),
    docs: `${LIBRARY}/multiprocessing.html#multiprocessing.pool.Pool`,
  },
  'multiprocessing.Process': {
    summary: 'Runs a function in a separate process; start it with `start()` and wait with `join()`.',
    trigger: 'Create and start it under `if __name__ == "__main__":`; the target and its arguments must be picklable.',
    partners: ['multiprocessing.Pool', 'threading.Lock'],
    example: lines(
      'from multiprocessing import Process',
      'def work(name): print("hello", name)',
      'if __name__ == "__main__":',
      '    p = Process(target=work, args=("worker",))',
      '    p.start(); p.join()',
    ),
    docs: `${LIBRARY}/multiprocessing.html#multiprocessing.Process`,
  },
  'threading.Lock': {
    summary: 'A mutual-exclusion lock: only one thread at a time runs the guarded block.',
    trigger: 'Use it with `with lock:` so it is released even when the block raises; a bare `acquire()`/`release()` pair leaks the lock on errors.',
    partners: ['with', 'multiprocessing.Process', 'threading.RLock', 'asyncio.Lock'],
    example: lines(
      'import threading',
      'lock = threading.Lock()',
      'balance = 0',
      'def deposit(amount):',
      '    global balance',
      '    with lock: balance += amount',
    ),
    docs: `${LIBRARY}/threading.html#lock-objects`,
  },
  'contextlib.contextmanager': {
    summary: 'Turns a generator function into a context manager: code before `yield` is the setup, code after it the cleanup.',
    trigger: 'Entering the `with` runs up to the `yield` (its value is bound by `as`); leaving resumes after it. Wrap the `yield` in `try`/`finally` so cleanup runs on errors.',
    partners: ['with', '__enter__', 'contextlib.ExitStack', 'contextlib.asynccontextmanager'],
    example: lines(
      'import contextlib, os',
      '@contextlib.contextmanager',
      'def cd(path):',
      '    old = os.getcwd(); os.chdir(path)',
      '    try: yield',
      '    finally: os.chdir(old)',
    ),
    docs: `${LIBRARY}/contextlib.html#contextlib.contextmanager`,
  },
};

const ITERTOOLS: Record<string, Explanation> = {
  'itertools.chain': {
    summary: 'Iterates several iterables one after another as if they were one; `chain.from_iterable` takes them from an iterable.',
    trigger: 'Lazy: items are pulled from each input only as the chain is consumed.',
    partners: ['itertools.zip_longest', 'itertools.islice'],
    example: lines(
      'from itertools import chain',
      'for item in chain([1, 2], (3, 4), "ab"):',
      '    print(item)',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.chain`,
  },
  'itertools.zip_longest': {
    summary: 'Like `zip`, but continues to the longest input, filling gaps with `fillvalue`.',
    trigger: 'Lazy; stops when every input is exhausted.',
    partners: ['itertools.chain'],
    example: lines(
      'from itertools import zip_longest',
      'names, scores = ["ada", "bob", "cy"], [3, 5]',
      'print(list(zip_longest(names, scores, fillvalue=0)))',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.zip_longest`,
  },
  'itertools.dropwhile': {
    summary: 'Skips items while a condition holds, then yields every remaining item (the condition is not checked again).',
    trigger: 'Lazy; the first failing item and everything after it are yielded.',
    partners: ['itertools.takewhile', 'itertools.filterfalse'],
    example: lines(
      'from itertools import dropwhile',
      'log = ["# header", "# more", "data 1", "# not skipped"]',
      'print(list(dropwhile(lambda line: line.startswith("#"), log)))',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.dropwhile`,
  },
  'itertools.takewhile': {
    summary: 'Yields items while a condition holds and stops at the first one that fails.',
    trigger: 'Lazy; the failing item is consumed and lost.',
    partners: ['itertools.dropwhile'],
    example: lines(
      'from itertools import takewhile',
      'print(list(takewhile(lambda n: n < 10, [1, 4, 9, 16, 2])))  # [1, 4, 9]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.takewhile`,
  },
  'itertools.filterfalse': {
    summary: 'The complement of `filter`: yields the items for which the condition is false.',
    trigger: 'Lazy; with `None` as the condition it yields the falsy items.',
    partners: ['itertools.dropwhile'],
    example: lines(
      'from itertools import filterfalse',
      'print(list(filterfalse(str.isdigit, ["1", "a", "2", "b"])))  # [\'a\', \'b\']',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.filterfalse`,
  },
  'itertools.accumulate': {
    summary: 'Yields running totals, or running results of any two-argument function (`max`, `operator.mul`).',
    trigger: 'Lazy; `initial=` adds a starting value in front.',
    partners: ['functools.reduce', 'itertools.starmap'],
    example: lines(
      'from itertools import accumulate',
      'print(list(accumulate([3, 1, 4, 1, 5])))       # running sums',
      'print(list(accumulate([3, 1, 4, 1, 5], max)))  # running maximum',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.accumulate`,
  },
  'itertools.starmap': {
    summary: 'Like `map`, but each item is a tuple of arguments spread into the function: `f(*item)`.',
    trigger: 'Lazy; one call per item.',
    partners: ['itertools.accumulate'],
    example: lines(
      'from itertools import starmap',
      'print(list(starmap(pow, [(2, 3), (10, 2)])))  # [8, 100]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.starmap`,
  },
  'itertools.islice': {
    summary: 'Slices any iterator lazily, including infinite ones (`[a:b:c]` only works on sequences).',
    trigger: 'Consumes the underlying iterator up to the stop position.',
    partners: ['itertools.chain', 'itertools.count'],
    example: lines(
      'from itertools import count, islice',
      'print(list(islice(count(10), 3)))  # [10, 11, 12]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.islice`,
  },
  'itertools.groupby': {
    summary: 'Groups consecutive items with the same key; sort by that key first to group all equal items.',
    trigger: 'Lazy; each group is an iterator that is invalidated when you advance to the next group.',
    partners: ['collections.defaultdict'],
    example: lines(
      'from itertools import groupby',
      'words = sorted(["apple", "bean", "avocado"], key=len)',
      'for length, group in groupby(words, key=len):',
      '    print(length, list(group))',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.groupby`,
  },
};

const ABC_MODULE: Record<string, Explanation> = {
  'abc.ABC': {
    summary: 'A base class whose subclasses can declare `@abstractmethod`s; a class with unimplemented abstract methods cannot be instantiated.',
    trigger: 'Checked when you instantiate a subclass.',
    partners: ['abc.abstractmethod', 'abc.ABCMeta'],
    example: lines(
      'from abc import ABC, abstractmethod',
      'class Shape(ABC):',
      '    @abstractmethod',
      '    def area(self): ...',
    ),
    docs: `${LIBRARY}/abc.html#abc.ABC`,
  },
  'abc.abstractmethod': {
    summary: 'Marks a method that concrete subclasses must override before they can be instantiated.',
    trigger: 'Takes effect only in classes whose metaclass is `ABCMeta` (subclasses of `abc.ABC`).',
    partners: ['abc.ABC'],
    example: lines(
      'from abc import ABC, abstractmethod',
      'class Repository(ABC):',
      '    @abstractmethod',
      '    def get(self, key): ...',
    ),
    docs: `${LIBRARY}/abc.html#abc.abstractmethod`,
  },
};

/** Decorators and library idioms, keyed by qualified name. */
export const IDIOMS: Readonly<Record<string, Explanation>> = {
  ...DECORATORS,
  ...FUNCTOOLS,
  ...OPERATOR,
  ...COLLECTIONS,
  ...abcEntries(),
  ...numberEntries(),
  ...COPY_AND_TEXT,
  ...WEAKREF,
  ...CONCURRENCY,
  ...ITERTOOLS,
  ...ABC_MODULE,
};

/** `@<property>.setter`-style decorators: the attribute name -> the entry it means. */
export const PROPERTY_DECORATOR_ATTRIBUTES: Readonly<Record<string, string>> = {
  setter: 'property.setter',
  deleter: 'property.deleter',
  getter: 'builtins.property',
};
