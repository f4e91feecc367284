// Special ("dunder") method names: what each one is for, what calls it, and
// which others it goes with. Data only; `hover.ts` and `pythonic explain` look
// entries up by name. The numeric operator families are expanded from one table
// because their three forms (`__add__`, `__radd__`, `__iadd__`) follow one pattern.
import { lines, type Explanation } from './entry';

const DATA_MODEL = 'https://docs.python.org/3/reference/datamodel.html';
const dm = (name: string) => `${DATA_MODEL}#object.${name}`;

const BASIC: Record<string, Explanation> = {
  __new__: {
    summary: 'Creates and returns the new instance; runs before `__init__` and receives the class, not an instance.',
    trigger: 'Calling the class, `C(...)`. Override it for immutable types (subclasses of `int`, `str`, `tuple`) or to control which object comes back.',
    partners: ['__init__', '__getnewargs__'],
    example: lines(
      'class Celsius(float):',
      '    def __new__(cls, degrees):',
      '        return super().__new__(cls, round(degrees, 1))',
    ),
    docs: dm('__new__'),
  },
  __init__: {
    summary: 'Initialises an instance that `__new__` has just created; it must return `None`.',
    trigger: 'Calling the class, `C(...)`, right after `__new__` returns an instance of `C`.',
    partners: ['__new__'],
    example: lines(
      'class Point:',
      '    def __init__(self, x, y):',
      '        self.x = x',
      '        self.y = y',
    ),
    docs: dm('__init__'),
  },
  __del__: {
    summary: 'Finaliser that may run when the object is about to be destroyed; timing is not guaranteed.',
    trigger: 'The garbage collector, when the last reference goes away (not `del x`, which only removes one name). Prefer `with` or `weakref.finalize` for cleanup.',
    partners: ['weakref.finalize'],
    example: lines(
      'class TempDir:',
      '    def __del__(self):',
      '        print("collected")  # may run late, or never at interpreter exit',
    ),
    docs: dm('__del__'),
  },
  __repr__: {
    summary: 'The unambiguous, developer-facing text of an object; ideally valid Python that rebuilds it.',
    trigger: '`repr(x)`, the interactive prompt, the `!r` conversion in f-strings, and containers showing their items. `str(x)` falls back to it.',
    partners: ['__str__'],
    example: lines(
      'class Point:',
      '    def __init__(self, x, y):',
      '        self.x, self.y = x, y',
      '    def __repr__(self):',
      '        return f"{type(self).__name__}({self.x!r}, {self.y!r})"',
    ),
    docs: dm('__repr__'),
  },
  __str__: {
    summary: 'The readable, user-facing text of an object.',
    trigger: '`str(x)`, `print(x)`, `format(x)` with an empty spec, and f-string fields without a conversion. Without it, `__repr__` is used.',
    partners: ['__repr__', '__format__'],
    example: lines(
      'class Money:',
      '    def __init__(self, cents):',
      '        self.cents = cents',
      '    def __str__(self):',
      '        return f"${self.cents / 100:.2f}"',
    ),
    docs: dm('__str__'),
  },
  __bytes__: {
    summary: 'The object as a `bytes` value.',
    trigger: '`bytes(x)` calls `x.__bytes__()`.',
    example: lines(
      'class Packet:',
      '    def __init__(self, payload):',
      '        self.payload = payload',
      '    def __bytes__(self):',
      '        return len(self.payload).to_bytes(2, "big") + self.payload',
    ),
    docs: dm('__bytes__'),
  },
  __format__: {
    summary: 'Formats the object according to a format spec (the part after `:` in `{x:spec}`).',
    trigger: '`format(x, spec)`, `f"{x:spec}"` and `str.format`.',
    partners: ['__str__'],
    example: lines(
      'class Angle:',
      '    def __init__(self, degrees):',
      '        self.degrees = degrees',
      '    def __format__(self, spec):',
      '        return format(self.degrees, spec) + "°"',
    ),
    docs: dm('__format__'),
  },
  __lt__: {
    summary: 'Rich comparison for `<`; return `NotImplemented` for types you do not handle.',
    trigger: '`a < b`, `sorted()`, `min()`, `max()`, `list.sort()`; `b > a` falls back to it.',
    partners: ['__gt__', '__le__', '__ge__', 'functools.total_ordering'],
    example: lines(
      'class Version:',
      '    def __init__(self, *parts):',
      '        self.parts = parts',
      '    def __lt__(self, other):',
      '        return self.parts < other.parts if isinstance(other, Version) else NotImplemented',
    ),
    docs: dm('__lt__'),
  },
  __le__: {
    summary: 'Rich comparison for `<=`.',
    trigger: '`a <= b`; `b >= a` falls back to it. Not derived from `__lt__` and `__eq__` unless you use `functools.total_ordering`.',
    partners: ['__lt__', '__ge__'],
    example: lines(
      'class Size:',
      '    def __init__(self, n):',
      '        self.n = n',
      '    def __le__(self, other):',
      '        return self.n <= other.n',
    ),
    docs: dm('__le__'),
  },
  __eq__: {
    summary: 'Equality for `==`; by default it compares identity, like `is`.',
    trigger: '`a == b`, `in` on lists and tuples, `list.index`, `list.remove`, dict and set lookups after the hashes match.',
    partners: ['__hash__', '__ne__', 'is'],
    example: lines(
      'class Point:',
      '    def __init__(self, x, y):',
      '        self.x, self.y = x, y',
      '    def __eq__(self, other):',
      '        return (self.x, self.y) == (other.x, other.y) if isinstance(other, Point) else NotImplemented',
    ),
    docs: dm('__eq__'),
  },
  __ne__: {
    summary: 'Inequality for `!=`; by default it negates `__eq__`, so you rarely need to write it.',
    trigger: '`a != b` calls `a.__ne__(b)`; the default returns the opposite of `__eq__`.',
    partners: ['__eq__'],
    example: lines(
      'class Token:',
      '    def __init__(self, text):',
      '        self.text = text',
      '    def __eq__(self, other):',
      '        return isinstance(other, Token) and self.text == other.text',
      '# != now works too: Python inverts __eq__ for you',
    ),
    docs: dm('__ne__'),
  },
  __gt__: {
    summary: 'Rich comparison for `>`; the reflection of `__lt__`.',
    trigger: '`a > b`; `b < a` falls back to it when `b` cannot answer.',
    partners: ['__lt__', '__ge__'],
    example: lines(
      'class Score:',
      '    def __init__(self, points):',
      '        self.points = points',
      '    def __gt__(self, other):',
      '        return self.points > other.points',
    ),
    docs: dm('__gt__'),
  },
  __ge__: {
    summary: 'Rich comparison for `>=`; the reflection of `__le__`.',
    trigger: '`a >= b`; `b <= a` falls back to it.',
    partners: ['__le__', '__gt__', '__lt__'],
    example: lines(
      'class Level:',
      '    def __init__(self, n):',
      '        self.n = n',
      '    def __ge__(self, other):',
      '        return self.n >= other.n',
    ),
    docs: dm('__ge__'),
  },
  __hash__: {
    summary: 'An integer that must stay the same for the object\'s lifetime and agree with `__eq__` (equal objects, equal hashes).',
    trigger: '`hash(x)`, adding to a `set` or `frozenset`, using the object as a `dict` key. Defining `__eq__` alone sets `__hash__` to `None` (unhashable).',
    partners: ['__eq__', 'collections.abc.Hashable'],
    example: lines(
      'class Point:',
      '    def __init__(self, x, y): self.x, self.y = x, y',
      '    def __eq__(self, other):',
      '        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)',
      '    def __hash__(self):',
      '        return hash((self.x, self.y))',
    ),
    docs: dm('__hash__'),
  },
  __bool__: {
    summary: 'Truthiness of the object; must return `True` or `False`.',
    trigger: '`bool(x)`, `if x:`, `while x:`, `and`, `or`, `not`. Without it Python tries `__len__` (zero is false); without both, objects are true.',
    partners: ['__len__'],
    example: lines(
      'class Basket:',
      '    def __init__(self, items):',
      '        self.items = items',
      '    def __bool__(self):',
      '        return bool(self.items)',
    ),
    docs: dm('__bool__'),
  },
};

const ATTRIBUTE_ACCESS: Record<string, Explanation> = {
  __getattr__: {
    summary: 'Fallback for attribute reads that normal lookup could not satisfy; also allowed at module level (PEP 562).',
    trigger: '`obj.name` or `getattr(obj, "name")` only after the instance, its class and the MRO have no `name` (an `AttributeError` from `__getattribute__`).',
    partners: ['__getattribute__', '__setattr__', '__dir__'],
    example: lines(
      'class Settings:',
      '    def __init__(self, values):',
      '        self._values = values',
      '    def __getattr__(self, name):',
      '        try: return self._values[name]',
      '        except KeyError: raise AttributeError(name) from None',
    ),
    docs: dm('__getattr__'),
  },
  __getattribute__: {
    summary: 'Runs for every attribute read on an instance, before any other lookup; easy to make slow or recursive.',
    trigger: 'Every `obj.name`. Call `super().__getattribute__(name)` inside it, never `self.name`, to avoid infinite recursion.',
    partners: ['__getattr__'],
    example: lines(
      'class Traced:',
      '    def __getattribute__(self, name):',
      '        print("reading", name)',
      '        return super().__getattribute__(name)',
    ),
    docs: dm('__getattribute__'),
  },
  __setattr__: {
    summary: 'Intercepts every attribute assignment on an instance.',
    trigger: '`obj.name = value` and `setattr(obj, "name", value)`. Store through `super().__setattr__` or `object.__setattr__` to avoid recursion.',
    partners: ['__getattr__', '__delattr__'],
    example: lines(
      'class ReadOnly:',
      '    def __setattr__(self, name, value):',
      '        if hasattr(self, name):',
      '            raise AttributeError(f"{name} is read-only")',
      '        super().__setattr__(name, value)',
    ),
    docs: dm('__setattr__'),
  },
  __delattr__: {
    summary: 'Intercepts attribute deletion on an instance.',
    trigger: '`del obj.name` and `delattr(obj, "name")`.',
    partners: ['__setattr__', 'del'],
    example: lines(
      'class Guarded:',
      '    def __delattr__(self, name):',
      '        raise AttributeError(f"cannot delete {name}")',
    ),
    docs: dm('__delattr__'),
  },
  __dir__: {
    summary: 'Returns the attribute names to list for the object; modules may define it too.',
    trigger: '`dir(obj)`, and tab completion in shells and editors that call `dir()`.',
    partners: ['__getattr__'],
    example: lines(
      'class Proxy:',
      '    def __init__(self, target):',
      '        self._target = target',
      '    def __dir__(self):',
      '        return sorted(set(dir(type(self))) | set(dir(self._target)))',
    ),
    docs: dm('__dir__'),
  },
};

const DESCRIPTORS: Record<string, Explanation> = {
  __get__: {
    summary: 'Makes a class attribute a descriptor: it computes the value read through an instance or the class.',
    trigger: '`obj.attr` or `Cls.attr` when `attr` is a class attribute whose type defines `__get__`. Functions, `property`, `classmethod` and `staticmethod` all work this way.',
    partners: ['__set__', '__delete__', '__set_name__', 'builtins.property'],
    example: lines(
      'class Double:',
      '    def __get__(self, obj, objtype=None):',
      '        return self if obj is None else obj.value * 2',
      'class Number:',
      '    doubled = Double()',
    ),
    docs: dm('__get__'),
  },
  __set__: {
    summary: 'Makes a descriptor a data descriptor, which takes priority over the instance `__dict__` on reads and handles writes.',
    trigger: '`obj.attr = value` when `attr` is a class attribute whose type defines `__set__`.',
    partners: ['__get__', '__delete__', 'property.setter'],
    example: lines(
      'class Positive:',
      '    def __set_name__(self, owner, name): self.name = "_" + name',
      '    def __get__(self, obj, objtype=None): return getattr(obj, self.name)',
      '    def __set__(self, obj, value):',
      '        if value <= 0: raise ValueError("must be positive")',
      '        setattr(obj, self.name, value)',
    ),
    docs: dm('__set__'),
  },
  __delete__: {
    summary: 'Handles `del obj.attr` for a descriptor stored on the class.',
    trigger: '`del obj.attr` when `attr` is a class attribute whose type defines `__delete__`.',
    partners: ['__get__', '__set__', 'property.deleter'],
    example: lines(
      'class Resettable:',
      '    def __get__(self, obj, objtype=None): return obj.__dict__.get("_v", 0)',
      '    def __delete__(self, obj):',
      '        obj.__dict__.pop("_v", None)',
    ),
    docs: dm('__delete__'),
  },
  __set_name__: {
    summary: 'Tells an object stored in a class body which class and attribute name it was assigned to.',
    trigger: 'The end of a `class` statement: `type.__new__` calls it on every class attribute value that defines it.',
    partners: ['__get__', '__init_subclass__', '__objclass__'],
    example: lines(
      'class Field:',
      '    def __set_name__(self, owner, name):',
      '        self.name = name',
      'class Form:',
      '    email = Field()   # Field.__set_name__(Form, "email") runs here',
    ),
    docs: dm('__set_name__'),
  },
};

const CLASS_CREATION: Record<string, Explanation> = {
  __init_subclass__: {
    summary: 'A hook on the base class that runs whenever a subclass is defined; an implicit classmethod.',
    trigger: 'Each `class Sub(Base, key=value):` statement; keyword arguments in the class header are passed to it.',
    partners: ['__set_name__', '__prepare__'],
    example: lines(
      'class Plugin:',
      '    registry = {}',
      '    def __init_subclass__(cls, name, **kwargs):',
      '        super().__init_subclass__(**kwargs)',
      '        Plugin.registry[name] = cls',
      'class Csv(Plugin, name="csv"): pass',
    ),
    docs: dm('__init_subclass__'),
  },
  __mro_entries__: {
    summary: 'Lets a non-class object appear in a `class` statement\'s bases by naming the real classes to use instead.',
    trigger: 'A `class` statement whose bases include an object that is not a class but defines it, such as `typing.List[int]` or `NamedTuple`.',
    partners: ['__class_getitem__'],
    example: lines(
      'class Alias:',
      '    def __mro_entries__(self, bases):',
      '        return (dict,)',
      'class Config(Alias()):  # really subclasses dict',
      '    pass',
    ),
    docs: `${DATA_MODEL}#resolving-mro-entries`,
  },
  __prepare__: {
    summary: 'A metaclass classmethod that returns the mapping used as the namespace while the class body runs.',
    trigger: 'The start of a `class` statement whose metaclass defines it, before the body executes.',
    partners: ['__init_subclass__', '__classcell__'],
    example: lines(
      'class Recording(type):',
      '    @classmethod',
      '    def __prepare__(mcs, name, bases, **kwargs):',
      '        return {"created_by": "Recording"}',
      'class Model(metaclass=Recording): pass',
    ),
    docs: `${DATA_MODEL}#preparing-the-class-namespace`,
  },
  __instancecheck__: {
    summary: 'Customises `isinstance()` for a class; defined on its metaclass (ABCs use it for virtual subclasses).',
    trigger: '`isinstance(obj, Cls)` when `type(Cls)` defines it.',
    partners: ['__subclasscheck__'],
    example: lines(
      'class EvenMeta(type):',
      '    def __instancecheck__(cls, obj):',
      '        return isinstance(obj, int) and obj % 2 == 0',
      'class Even(metaclass=EvenMeta): pass',
      'assert isinstance(4, Even)',
    ),
    docs: `${DATA_MODEL}#class.__instancecheck__`,
  },
  __subclasscheck__: {
    summary: 'Customises `issubclass()` for a class; defined on its metaclass.',
    trigger: '`issubclass(C, Cls)` when `type(Cls)` defines it; `abc.ABCMeta` implements it with `__subclasshook__` and `register()`.',
    partners: ['__instancecheck__', '__subclasshook__'],
    example: lines(
      'class AnyNumberMeta(type):',
      '    def __subclasscheck__(cls, sub):',
      '        return sub in (int, float, complex)',
      'class AnyNumber(metaclass=AnyNumberMeta): pass',
    ),
    docs: `${DATA_MODEL}#class.__subclasscheck__`,
  },
  __class_getitem__: {
    summary: 'Supports `Cls[...]` on the class itself, for type hints such as `list[int]`; an implicit classmethod.',
    trigger: 'Subscripting a class, `Cls[item]`, when the metaclass has no `__getitem__`.',
    partners: ['__getitem__', '__mro_entries__'],
    example: lines(
      'from types import GenericAlias',
      'class Box:',
      '    __class_getitem__ = classmethod(GenericAlias)',
      'IntBox = Box[int]',
    ),
    docs: dm('__class_getitem__'),
  },
  __subclasshook__: {
    summary: 'Lets an ABC decide whether a class counts as its subclass without registering it; returns `True`, `False` or `NotImplemented`.',
    trigger: '`issubclass()` and `isinstance()` against an `abc.ABC` subclass that defines it (how `collections.abc.Iterable` recognises any class with `__iter__`).',
    partners: ['__subclasscheck__', '__abstractmethods__'],
    example: lines(
      'from abc import ABC',
      'class Closable(ABC):',
      '    @classmethod',
      '    def __subclasshook__(cls, sub):',
      '        return hasattr(sub, "close") or NotImplemented',
    ),
    docs: 'https://docs.python.org/3/library/abc.html#abc.ABCMeta.__subclasshook__',
  },
};

const CALLABLE: Record<string, Explanation> = {
  __call__: {
    summary: 'Makes instances callable like functions, while keeping state in attributes.',
    trigger: '`obj(...)`; `callable(obj)` is true when the type defines it.',
    example: lines(
      'class Multiplier:',
      '    def __init__(self, factor):',
      '        self.factor = factor',
      '    def __call__(self, value):',
      '        return value * self.factor',
      'double = Multiplier(2)',
    ),
    docs: dm('__call__'),
  },
};

const CONTAINERS: Record<string, Explanation> = {
  __len__: {
    summary: 'The number of items; must return an integer >= 0.',
    trigger: '`len(x)`; also truthiness (`if x:`) when there is no `__bool__`.',
    partners: ['__getitem__', '__bool__', '__length_hint__'],
    example: lines(
      'class Playlist:',
      '    def __init__(self, songs):',
      '        self._songs = list(songs)',
      '    def __len__(self):',
      '        return len(self._songs)',
    ),
    docs: dm('__len__'),
  },
  __length_hint__: {
    summary: 'An estimate of the length, used only to pre-size results; may be wrong.',
    trigger: '`operator.length_hint(x)`, which `list(x)` and similar use when `len()` is not available.',
    partners: ['__len__'],
    example: lines(
      'class Countdown:',
      '    def __init__(self, n): self.n = n',
      '    def __iter__(self): return iter(range(self.n, 0, -1))',
      '    def __length_hint__(self): return self.n',
    ),
    docs: dm('__length_hint__'),
  },
  __getitem__: {
    summary: 'Reads `obj[key]`: an index or slice for sequences, a key for mappings.',
    trigger: '`obj[key]`; also iteration and `in` for old-style sequences without `__iter__`/`__contains__`.',
    partners: ['__setitem__', '__delitem__', '__len__', '__missing__', '__class_getitem__'],
    example: lines(
      'class Deck:',
      '    def __init__(self, cards):',
      '        self._cards = list(cards)',
      '    def __getitem__(self, position):',
      '        return self._cards[position]  # slices work too',
    ),
    docs: dm('__getitem__'),
  },
  __setitem__: {
    summary: 'Writes `obj[key] = value` for mutable containers.',
    trigger: '`obj[key] = value`, including slice assignment `obj[i:j] = values`.',
    partners: ['__getitem__', '__delitem__'],
    example: lines(
      'class Grid:',
      '    def __init__(self):',
      '        self._cells = {}',
      '    def __setitem__(self, pos, value):',
      '        self._cells[pos] = value',
    ),
    docs: dm('__setitem__'),
  },
  __delitem__: {
    summary: 'Removes `obj[key]` from a mutable container.',
    trigger: '`del obj[key]` and `del obj[i:j]`.',
    partners: ['__getitem__', '__setitem__', 'del'],
    example: lines(
      'class Registry:',
      '    def __init__(self):',
      '        self._items = {}',
      '    def __delitem__(self, key):',
      '        del self._items[key]',
    ),
    docs: dm('__delitem__'),
  },
  __missing__: {
    summary: 'Supplies a value for a key that a `dict` subclass does not have.',
    trigger: '`d[key]` on a `dict` subclass when `key` is absent (not `d.get(key)`); `collections.defaultdict` is built on it.',
    partners: ['__getitem__', 'collections.defaultdict'],
    example: lines(
      'class ZeroDict(dict):',
      '    def __missing__(self, key):',
      '        return 0',
      'counts = ZeroDict()',
      'counts["a"] += 1',
    ),
    docs: dm('__missing__'),
  },
  __iter__: {
    summary: 'Returns an iterator over the object; a generator function is the simplest way to write it.',
    trigger: '`for` loops, `iter(x)`, unpacking, `list(x)`, comprehensions, `in` (when there is no `__contains__`).',
    partners: ['__next__', '__reversed__', '__contains__', 'collections.abc.Iterable', 'for'],
    example: lines(
      'class Team:',
      '    def __init__(self, members):',
      '        self._members = list(members)',
      '    def __iter__(self):',
      '        yield from self._members',
    ),
    docs: dm('__iter__'),
  },
  __next__: {
    summary: 'Returns the next item of an iterator, or raises `StopIteration` when there are no more.',
    trigger: '`next(it)` and every step of a `for` loop. An iterator\'s `__iter__` returns `self`.',
    partners: ['__iter__', 'collections.abc.Iterator', 'yield', 'builtins.StopIteration'],
    example: lines(
      'class Countdown:',
      '    def __init__(self, n): self.n = n',
      '    def __iter__(self): return self',
      '    def __next__(self):',
      '        if self.n == 0: raise StopIteration',
      '        self.n -= 1; return self.n + 1',
    ),
    docs: 'https://docs.python.org/3/library/stdtypes.html#iterator.__next__',
  },
  __reversed__: {
    summary: 'Returns an iterator that walks the container backwards.',
    trigger: '`reversed(x)`. Without it, `reversed()` uses `__len__` and `__getitem__`.',
    partners: ['__iter__'],
    example: lines(
      'class Timeline:',
      '    def __init__(self, events):',
      '        self._events = list(events)',
      '    def __reversed__(self):',
      '        return reversed(self._events)',
    ),
    docs: dm('__reversed__'),
  },
  __contains__: {
    summary: 'Membership test for `in` and `not in`.',
    trigger: '`item in obj` and `item not in obj`. Without it, Python iterates with `__iter__` (or `__getitem__`) and compares with `==`.',
    partners: ['__iter__'],
    example: lines(
      'class Range2D:',
      '    def __init__(self, width, height):',
      '        self.width, self.height = width, height',
      '    def __contains__(self, point):',
      '        x, y = point',
      '        return 0 <= x < self.width and 0 <= y < self.height',
    ),
    docs: dm('__contains__'),
  },
};

/**
 * The binary operators: name, symbol, the English for the operation, and an
 * example type for which the operation makes sense. Each row yields `__op__`,
 * `__rop__` and (except `divmod`) `__iop__`.
 */
const BINARY_OPERATORS: ReadonlyArray<{ name: string; symbol: string; reads: string; noInPlace?: boolean; call?: string }> = [
  { name: 'add', symbol: '+', reads: 'addition (or concatenation)' },
  { name: 'sub', symbol: '-', reads: 'subtraction (or difference)' },
  { name: 'mul', symbol: '*', reads: 'multiplication (or repetition)' },
  { name: 'matmul', symbol: '@', reads: 'matrix multiplication (no builtin type implements it; NumPy does)' },
  { name: 'truediv', symbol: '/', reads: 'true division' },
  { name: 'floordiv', symbol: '//', reads: 'floor division' },
  { name: 'mod', symbol: '%', reads: 'modulo (or `%`-formatting for strings)' },
  { name: 'divmod', symbol: 'divmod', reads: 'quotient and remainder together', noInPlace: true, call: 'divmod(a, b)' },
  { name: 'pow', symbol: '**', reads: 'exponentiation (`pow(a, b, mod)` passes a third argument)', call: 'a ** b` or `pow(a, b)' },
  { name: 'lshift', symbol: '<<', reads: 'left shift' },
  { name: 'rshift', symbol: '>>', reads: 'right shift' },
  { name: 'and', symbol: '&', reads: 'bitwise and (or set intersection)' },
  { name: 'xor', symbol: '^', reads: 'bitwise exclusive or (or symmetric difference)' },
  { name: 'or', symbol: '|', reads: 'bitwise or (or set and dict union)' },
];

function binaryOperatorEntries(): Record<string, Explanation> {
  const entries: Record<string, Explanation> = {};
  for (const op of BINARY_OPERATORS) {
    const forward = `__${op.name}__`;
    const reflected = `__r${op.name}__`;
    const inPlace = `__i${op.name}__`;
    const expression = op.call ?? `a ${op.symbol} b`;
    entries[forward] = {
      summary: `Implements ${op.reads}: \`${expression}\` calls \`a.${forward}(b)\`.`,
      trigger: `\`${expression}\`. Return \`NotImplemented\` for operands you do not handle so Python can try \`b.${reflected}(a)\`.`,
      partners: op.noInPlace ? [reflected] : [reflected, inPlace],
      example: lines(
        'class Meters:',
        '    def __init__(self, n): self.n = n',
        `    def ${forward}(self, other):`,
        '        if not isinstance(other, Meters): return NotImplemented',
        `        return Meters(${op.symbol === 'divmod' ? 'divmod(self.n, other.n)' : `self.n ${op.symbol} other.n`})`,
      ),
      docs: dm(forward),
    };
    entries[reflected] = {
      summary: `Reflected ${op.reads}: called as \`b.${reflected}(a)\` when \`a\` cannot handle \`${expression}\`.`,
      trigger: `\`${expression}\` when the operands have different types and \`a.${forward}(b)\` is missing or returns \`NotImplemented\`. One exception comes first: when \`b\`'s type is a subclass of \`a\`'s that provides its own \`${reflected}\`, Python tries \`b.${reflected}(a)\` before \`a.${forward}(b)\`, so the more specific type decides.`,
      partners: [forward],
      example: lines(
        'class Meters:',
        '    def __init__(self, n): self.n = n',
        `    def ${reflected}(self, other):  # for: number ${op.symbol === 'divmod' ? 'in divmod(number, meters)' : `${op.symbol} Meters`}`,
        `        return Meters(${op.symbol === 'divmod' ? 'divmod(other, self.n)' : `other ${op.symbol} self.n`})`,
      ),
      docs: dm(reflected),
    };
    if (op.noInPlace) continue;
    entries[inPlace] = {
      summary: `In-place ${op.reads} for \`a ${op.symbol}= b\`; mutate \`self\` and return it.`,
      trigger: `\`a ${op.symbol}= b\`. Without it Python falls back to \`a = a ${op.symbol} b\`, which builds a new object; with it, every name bound to \`a\` sees the change (as with \`list += ...\`).`,
      partners: [forward],
      example: lines(
        'class Bag:',
        '    def __init__(self): self.n = 0',
        `    def ${inPlace}(self, other):`,
        `        self.n ${op.symbol}= other`,
        '        return self',
      ),
      docs: dm(inPlace),
    };
  }
  return entries;
}

const NUMBERS: Record<string, Explanation> = {
  ...binaryOperatorEntries(),
  __neg__: {
    summary: 'Unary minus, `-x`.',
    trigger: '`-x` calls `x.__neg__()`.',
    partners: ['__pos__'],
    example: lines('class Vector:', '    def __init__(self, x, y): self.x, self.y = x, y', '    def __neg__(self):', '        return Vector(-self.x, -self.y)'),
    docs: dm('__neg__'),
  },
  __pos__: {
    summary: 'Unary plus, `+x`; usually returns the value unchanged (or a copy).',
    trigger: '`+x` calls `x.__pos__()`.',
    partners: ['__neg__'],
    example: lines('class Vector:', '    def __init__(self, x, y): self.x, self.y = x, y', '    def __pos__(self):', '        return Vector(self.x, self.y)'),
    docs: dm('__pos__'),
  },
  __abs__: {
    summary: 'Absolute value or magnitude.',
    trigger: '`abs(x)` calls `x.__abs__()`.',
    example: lines('import math', 'class Vector:', '    def __init__(self, x, y): self.x, self.y = x, y', '    def __abs__(self):', '        return math.hypot(self.x, self.y)'),
    docs: dm('__abs__'),
  },
  __invert__: {
    summary: 'Bitwise inversion, `~x`.',
    trigger: '`~x` calls `x.__invert__()`.',
    example: lines('class Flags:', '    def __init__(self, bits): self.bits = bits', '    def __invert__(self):', '        return Flags(~self.bits & 0xFF)'),
    docs: dm('__invert__'),
  },
  __complex__: {
    summary: 'Converts the object to a `complex`.',
    trigger: '`complex(x)`.',
    partners: ['__float__'],
    example: lines('class Phasor:', '    def __init__(self, re, im): self.re, self.im = re, im', '    def __complex__(self):', '        return complex(self.re, self.im)'),
    docs: dm('__complex__'),
  },
  __int__: {
    summary: 'Converts the object to an `int`, possibly losing information (like `int(3.9)`).',
    trigger: '`int(x)`. For lossless use as an integer (indexing, `bin()`), define `__index__` instead.',
    partners: ['__index__', '__float__'],
    example: lines('class Percent:', '    def __init__(self, value): self.value = value', '    def __int__(self):', '        return int(self.value)'),
    docs: dm('__int__'),
  },
  __float__: {
    summary: 'Converts the object to a `float`.',
    trigger: '`float(x)`; also `math` functions given the object.',
    partners: ['__int__', '__complex__'],
    example: lines('class Fraction2:', '    def __init__(self, num, den): self.num, self.den = num, den', '    def __float__(self):', '        return self.num / self.den'),
    docs: dm('__float__'),
  },
  __index__: {
    summary: 'Says the object is a true integer: returns the exact `int` it stands for.',
    trigger: 'Indexing and slicing (`seq[x]`), `bin()`, `hex()`, `oct()`, `operator.index()`, `range()`; also `int()` when `__int__` is absent.',
    partners: ['__int__'],
    example: lines('class Slot:', '    def __init__(self, n): self.n = n', '    def __index__(self):', '        return self.n', 'print("abc"[Slot(1)])  # -> b'),
    docs: dm('__index__'),
  },
  __round__: {
    summary: 'Rounds the number, optionally to a number of digits.',
    trigger: '`round(x)` and `round(x, ndigits)`.',
    partners: ['__trunc__', '__floor__', '__ceil__'],
    example: lines('class Price:', '    def __init__(self, amount): self.amount = amount', '    def __round__(self, ndigits=None):', '        return Price(round(self.amount, ndigits))'),
    docs: dm('__round__'),
  },
  __trunc__: {
    summary: 'Drops the fractional part, rounding toward zero.',
    trigger: '`math.trunc(x)`.',
    partners: ['__round__', '__floor__', '__ceil__'],
    example: lines('class Reading:', '    def __init__(self, value): self.value = value', '    def __trunc__(self):', '        return int(self.value)'),
    docs: dm('__trunc__'),
  },
  __floor__: {
    summary: 'Rounds down to the nearest integer.',
    trigger: '`math.floor(x)`.',
    partners: ['__ceil__', '__round__', '__trunc__'],
    example: lines('import math', 'class Reading:', '    def __init__(self, value): self.value = value', '    def __floor__(self):', '        return math.floor(self.value)'),
    docs: dm('__floor__'),
  },
  __ceil__: {
    summary: 'Rounds up to the nearest integer.',
    trigger: '`math.ceil(x)`.',
    partners: ['__floor__', '__round__', '__trunc__'],
    example: lines('import math', 'class Reading:', '    def __init__(self, value): self.value = value', '    def __ceil__(self):', '        return math.ceil(self.value)'),
    docs: dm('__ceil__'),
  },
};

const CONTEXT_MANAGERS: Record<string, Explanation> = {
  __enter__: {
    summary: 'Sets up a context; its return value is bound by `with ... as name`.',
    trigger: 'Entering a `with` block.',
    partners: ['__exit__', 'with', 'contextlib.contextmanager'],
    example: lines(
      'import time',
      'class Timer:',
      '    def __enter__(self):',
      '        self.start = time.perf_counter()',
      '        return self',
      '    def __exit__(self, exc_type, exc, tb): self.elapsed = time.perf_counter() - self.start',
    ),
    docs: dm('__enter__'),
  },
  __exit__: {
    summary: 'Tears down a context; receives the exception (or three `None`s) and returns true to suppress it.',
    trigger: 'Leaving a `with` block, whether normally, by `return`/`break`, or by an exception.',
    partners: ['__enter__', 'with'],
    example: lines(
      'class Ignore:',
      '    def __init__(self, *kinds): self.kinds = kinds',
      '    def __enter__(self): return self',
      '    def __exit__(self, exc_type, exc, tb):',
      '        return exc_type is not None and issubclass(exc_type, self.kinds)',
    ),
    docs: dm('__exit__'),
  },
};

const COROUTINES: Record<string, Explanation> = {
  __await__: {
    summary: 'Makes an object awaitable: returns an iterator that drives the suspension.',
    trigger: '`await obj`. Coroutines from `async def` already have it; write it only for low-level awaitables.',
    partners: ['await', 'collections.abc.Awaitable'],
    example: lines(
      'class Ready:',
      '    def __init__(self, value): self.value = value',
      '    def __await__(self):',
      '        return self.value',
      '        yield  # makes this a generator that finishes at once',
    ),
    docs: dm('__await__'),
  },
  __aiter__: {
    summary: 'Returns an asynchronous iterator; must be a plain (not `async`) method.',
    trigger: '`async for` and `aiter(x)`.',
    partners: ['__anext__', 'async for', 'collections.abc.AsyncIterable'],
    example: lines(
      'class Ticker:',
      '    def __init__(self, n): self.n = n',
      '    def __aiter__(self): return self',
      '    async def __anext__(self):',
      '        if self.n == 0: raise StopAsyncIteration',
      '        self.n -= 1; return self.n',
    ),
    docs: dm('__aiter__'),
  },
  __anext__: {
    summary: 'Returns an awaitable for the next item of an async iterator, raising `StopAsyncIteration` at the end.',
    trigger: 'Each step of `async for`, and `anext(it)`.',
    partners: ['__aiter__', 'collections.abc.AsyncIterator'],
    example: lines(
      'import asyncio',
      'class Ticker:',
      '    def __init__(self, n): self.n = n',
      '    def __aiter__(self): return self',
      '    async def __anext__(self):',
      '        await asyncio.sleep(0); self.n -= 1; return self.n',
    ),
    docs: dm('__anext__'),
  },
  __aenter__: {
    summary: 'Asynchronous setup for `async with`; returns an awaitable.',
    trigger: 'Entering an `async with` block.',
    partners: ['__aexit__', 'async with'],
    example: lines(
      'class Session:',
      '    async def __aenter__(self):',
      '        return self',
      '    async def __aexit__(self, exc_type, exc, tb):',
      '        return False',
    ),
    docs: dm('__aenter__'),
  },
  __aexit__: {
    summary: 'Asynchronous teardown for `async with`; may await cleanup such as closing a connection.',
    trigger: 'Leaving an `async with` block, normally or by an exception.',
    partners: ['__aenter__', 'async with'],
    example: lines(
      'import asyncio',
      'class Connection:',
      '    async def __aenter__(self): return self',
      '    async def __aexit__(self, exc_type, exc, tb):',
      '        await asyncio.sleep(0)  # e.g. flush and close',
    ),
    docs: dm('__aexit__'),
  },
};

const COPY_AND_PICKLE: Record<string, Explanation> = {
  __copy__: {
    summary: 'Returns a shallow copy of the object.',
    trigger: '`copy.copy(x)`.',
    partners: ['__deepcopy__', 'copy.copy'],
    example: lines(
      'class Config:',
      '    def __init__(self, values): self.values = values',
      '    def __copy__(self):',
      '        return Config(dict(self.values))',
    ),
    docs: 'https://docs.python.org/3/library/copy.html',
  },
  __deepcopy__: {
    summary: 'Returns a deep copy of the object; receives the `memo` dict to pass on to nested `deepcopy` calls.',
    trigger: '`copy.deepcopy(x)`.',
    partners: ['__copy__', 'copy.deepcopy'],
    example: lines(
      'import copy',
      'class Tree:',
      '    def __init__(self, children): self.children = children',
      '    def __deepcopy__(self, memo):',
      '        return Tree(copy.deepcopy(self.children, memo))',
    ),
    docs: 'https://docs.python.org/3/library/copy.html',
  },
  __reduce__: {
    summary: 'Tells `pickle` (and `copy`) how to rebuild the object: a callable and its arguments.',
    trigger: '`pickle.dumps(x)`, `copy.copy(x)`, `copy.deepcopy(x)` when no more specific hook exists.',
    partners: ['__reduce_ex__', '__getstate__'],
    example: lines(
      'class Color:',
      '    def __init__(self, name): self.name = name',
      '    def __reduce__(self):',
      '        return (Color, (self.name,))',
    ),
    docs: 'https://docs.python.org/3/library/pickle.html#object.__reduce__',
  },
  __reduce_ex__: {
    summary: 'Like `__reduce__`, but receives the pickle protocol version; takes precedence over it.',
    trigger: '`pickle.dumps(x, protocol)` and the `copy` module.',
    partners: ['__reduce__'],
    example: lines(
      'class Color:',
      '    def __init__(self, name): self.name = name',
      '    def __reduce_ex__(self, protocol):',
      '        return (Color, (self.name,))',
    ),
    docs: 'https://docs.python.org/3/library/pickle.html#object.__reduce_ex__',
  },
  __getstate__: {
    summary: 'Returns the state to pickle or copy instead of the instance `__dict__`.',
    trigger: '`pickle.dumps(x)`, `copy.copy(x)` and `copy.deepcopy(x)`.',
    partners: ['__setstate__', '__reduce__'],
    example: lines(
      'class Client:',
      '    def __init__(self, url): self.url, self.socket = url, object()',
      '    def __getstate__(self):',
      '        return {"url": self.url}  # sockets do not pickle',
    ),
    docs: 'https://docs.python.org/3/library/pickle.html#object.__getstate__',
  },
  __setstate__: {
    summary: 'Restores the state that `__getstate__` returned when unpickling or copying.',
    trigger: '`pickle.loads(...)`, `copy.copy(x)` and `copy.deepcopy(x)`.',
    partners: ['__getstate__'],
    example: lines(
      'class Client:',
      '    def __setstate__(self, state):',
      '        self.url = state["url"]',
      '        self.socket = None  # reconnect lazily',
    ),
    docs: 'https://docs.python.org/3/library/pickle.html#object.__setstate__',
  },
  __getnewargs__: {
    summary: 'Positional arguments that unpickling passes to `__new__`, for types that need them (often immutable ones).',
    trigger: '`pickle.dumps(x)` with protocol 2 or later.',
    partners: ['__getnewargs_ex__', '__new__'],
    example: lines(
      'class Celsius(float):',
      '    def __new__(cls, degrees): return super().__new__(cls, degrees)',
      '    def __getnewargs__(self):',
      '        return (float(self),)',
    ),
    docs: 'https://docs.python.org/3/library/pickle.html#object.__getnewargs__',
  },
  __getnewargs_ex__: {
    summary: 'Like `__getnewargs__`, but returns `(args, kwargs)` so keyword-only arguments can be passed to `__new__`.',
    trigger: '`pickle.dumps(x)` with protocol 2 or later.',
    partners: ['__getnewargs__'],
    example: lines(
      'class Tagged(str):',
      '    def __new__(cls, text, *, tag): return super().__new__(cls, text)',
      '    def __getnewargs_ex__(self):',
      '        return (str(self),), {"tag": "restored"}',
    ),
    docs: 'https://docs.python.org/3/library/pickle.html#object.__getnewargs_ex__',
  },
  __sizeof__: {
    summary: 'The memory the object itself uses, in bytes (not counting referenced objects).',
    trigger: '`sys.getsizeof(x)`, which adds the garbage collector\'s overhead.',
    example: lines(
      'import sys',
      'class Buffer:',
      '    def __init__(self, n): self.data = bytearray(n)',
      '    def __sizeof__(self):',
      '        return object.__sizeof__(self) + sys.getsizeof(self.data)',
    ),
    docs: 'https://docs.python.org/3/library/sys.html#sys.getsizeof',
  },
  __fspath__: {
    summary: 'Returns the file system path (`str` or `bytes`) the object represents.',
    trigger: '`os.fspath(x)` and every function that accepts path-like objects (`open`, `os.path.join`...).',
    example: lines(
      'class Asset:',
      '    def __init__(self, name): self.name = name',
      '    def __fspath__(self):',
      '        return f"assets/{self.name}"',
    ),
    docs: 'https://docs.python.org/3/library/os.html#os.PathLike.__fspath__',
  },
  __post_init__: {
    summary: 'A hook a dataclass\'s generated `__init__` calls last, for validation or derived fields.',
    trigger: 'The end of the `__init__` that `@dataclass` writes.',
    partners: ['dataclasses.dataclass'],
    example: lines(
      'from dataclasses import dataclass',
      '@dataclass',
      'class Range:',
      '    low: int',
      '    high: int',
      '    def __post_init__(self): assert self.low <= self.high',
    ),
    docs: 'https://docs.python.org/3/library/dataclasses.html#post-init-processing',
  },
};

/** Special method names: defined in a class (or, for a few, a module) and called by Python. */
export const SPECIAL_METHODS: Readonly<Record<string, Explanation>> = {
  ...BASIC,
  ...ATTRIBUTE_ACCESS,
  ...DESCRIPTORS,
  ...CLASS_CREATION,
  ...CALLABLE,
  ...CONTAINERS,
  ...NUMBERS,
  ...CONTEXT_MANAGERS,
  ...COROUTINES,
  ...COPY_AND_PICKLE,
};
