// Standard-library names the post uses beyond the core idioms: `typing`,
// more of `itertools` and `contextlib`, text encoding, memory helpers, and the
// two builtin exceptions iteration relies on. Keyed by qualified name like the
// idioms (`typing.Optional`, `builtins.StopIteration`); methods of builtin
// types by their type (`str.casefold`). Data only.
import { LIBRARY, lines, type Explanation } from './entry';

const STDTYPES = `${LIBRARY}/stdtypes.html`;

const TYPING: Record<string, Explanation> = {
  'typing.List': {
    summary: 'The old spelling of `list[...]` in annotations (`List[int]`); since 3.9 the builtin `list[int]` works and `List` is deprecated.',
    trigger: 'Read by type checkers only. At run time `List[int]` is an alias object whose origin is `list`; `isinstance(x, List[int])` raises `TypeError`.',
    partners: ['typing.Dict'],
    example: lines(
      'from typing import List',
      'def total(prices: List[float]) -> float:  # same as list[float]',
      '    return sum(prices)',
      'print(List[int].__origin__)  # <class \'list\'>',
    ),
    docs: `${LIBRARY}/typing.html#typing.List`,
  },
  'typing.Dict': {
    summary: 'The old spelling of `dict[...]` in annotations (`Dict[str, int]`); deprecated since 3.9 in favour of `dict[str, int]`.',
    trigger: 'Read by type checkers only: the first argument types the keys, the second the values. Accept `Mapping` in parameters when the function only reads.',
    partners: ['typing.List', 'typing.TypedDict'],
    example: lines(
      'from typing import Dict',
      'ages: Dict[str, int] = {"ada": 36}  # same as dict[str, int]',
      'print(Dict[str, int].__args__)  # (<class \'str\'>, <class \'int\'>)',
    ),
    docs: `${LIBRARY}/typing.html#typing.Dict`,
  },
  'typing.Optional': {
    summary: '`Optional[X]` means "an `X` or `None`", the same as `X | None` (3.10+); it says nothing about whether a parameter has a default.',
    trigger: 'Annotate values that may be `None`, typically a lookup that can fail; a type checker then asks you to handle the `None` case before using the value.',
    partners: ['typing.Union'],
    example: lines(
      'from typing import Optional',
      'def find_age(name: str) -> Optional[int]:',
      '    return {"ada": 36}.get(name)',
      'print(find_age("bob"))  # None',
      'print(Optional[int] == (int | None))  # True',
    ),
    docs: `${LIBRARY}/typing.html#typing.Optional`,
  },
  'typing.Any': {
    summary: 'Switches type checking off for a value: every operation on it is accepted, and it can be passed where any type is expected.',
    trigger: 'A missing annotation counts as `Any`. When a function accepts every value but only does what all objects can (print, compare with `==`), `object` keeps the checks on.',
    partners: ['typing.TypeVar'],
    example: lines(
      'from typing import Any',
      'def describe(value: Any) -> str:',
      '    return f"{type(value).__name__}: {value!r}"',
      'print(describe([1, "a"]))  # -> list: [1, \'a\']',
    ),
    docs: `${LIBRARY}/typing.html#typing.Any`,
  },
  'typing.Union': {
    summary: '`Union[X, Y]`: a value of one of several types; since 3.10 write `X | Y`.',
    trigger: 'Read by type checkers, which then ask you to narrow the value (`isinstance`) before using type-specific operations. Nested unions flatten and duplicates collapse.',
    partners: ['typing.Optional'],
    example: lines(
      'from typing import Union',
      'def parse(text: str) -> Union[int, float]:',
      '    return float(text) if "." in text else int(text)',
      'print(parse("3"), parse("2.5"))  # 3 2.5',
      'print(Union[int, Union[int, str]] == (int | str))  # True',
    ),
    docs: `${LIBRARY}/typing.html#typing.Union`,
  },
  'typing.Callable': {
    summary: '`Callable[[Arg, ...], Result]` annotates a function or any other callable; a deprecated alias of `collections.abc.Callable`, which takes the same subscript.',
    trigger: 'Used for parameters that take functions (callbacks, `key=` functions). `Callable[..., R]` accepts any arguments. The bare name also works in `isinstance`, like `callable(x)`.',
    partners: ['collections.abc.Callable'],
    example: lines(
      'from typing import Callable',
      'def apply(f: Callable[[int], int], x: int) -> int:',
      '    return f(x)',
      'print(apply(lambda n: n * 2, 21))  # 42',
    ),
    docs: `${LIBRARY}/typing.html#typing.Callable`,
  },
  'typing.Iterable': {
    summary: '`Iterable[T]` annotates anything a `for` loop accepts; a deprecated alias of `collections.abc.Iterable`, which takes the same subscript.',
    trigger: 'Annotate parameters that are only looped over, so callers may pass a list, tuple, set, dict, file or generator alike. The bare name works in `isinstance`.',
    partners: ['collections.abc.Iterable', 'typing.Iterator'],
    example: lines(
      'from typing import Iterable',
      'def total(amounts: Iterable[float]) -> float:',
      '    return sum(amounts)',
      'print(total(n / 2 for n in range(4)))  # 3.0',
    ),
    docs: `${LIBRARY}/typing.html#typing.Iterable`,
  },
  'typing.Iterator': {
    summary: '`Iterator[T]` annotates an object that hands out items with `next()` and is used up once; a deprecated alias of `collections.abc.Iterator`.',
    trigger: 'The usual return annotation of a generator function that only yields; use `Generator` when it also receives values through `send()` or returns one.',
    partners: ['collections.abc.Iterator', 'typing.Iterable', 'typing.Generator'],
    example: lines(
      'from typing import Iterator',
      'def countdown(n: int) -> Iterator[int]:',
      '    while n: yield n; n -= 1',
      'print(list(countdown(3)))  # [3, 2, 1]',
    ),
    docs: `${LIBRARY}/typing.html#typing.Iterator`,
  },
  'typing.Generator': {
    summary: '`Generator[YieldType, SendType, ReturnType]`: the full type of a generator, including what `send()` accepts and what `return` gives back.',
    trigger: 'Annotates generator functions that use `send()` or `return value`; a deprecated alias of `collections.abc.Generator`.',
    partners: ['collections.abc.Generator', 'typing.Iterator'],
    example: lines(
      'from typing import Generator',
      'def running_total() -> Generator[int, int, None]:',
      '    total = 0',
      '    while True: total += yield total',
      'gen = running_total(); next(gen)',
      'print(gen.send(5), gen.send(3))  # 5 8',
    ),
    docs: `${LIBRARY}/typing.html#typing.Generator`,
  },
  'typing.TypeVar': {
    summary: 'Declares a type variable, so a signature can say "the same type comes out as went in" instead of giving up with `Any`.',
    trigger: 'The string must match the variable name. `bound=` limits it to subtypes of one type; extra positional types limit it to one of those types. 3.12 adds the shorter `def first[T](...)`.',
    partners: ['typing.Generic', 'typing.Any'],
    example: lines(
      'from typing import TypeVar',
      'T = TypeVar("T")',
      'def first(items: list[T]) -> T:  # list[str] in, str out',
      '    return items[0]',
      'print(first(["a", "b"]))  # -> a',
    ),
    docs: `${LIBRARY}/typing.html#typing.TypeVar`,
  },
  'typing.Generic': {
    summary: 'Base class that makes your own class generic: `class Box(Generic[T])` lets annotations say `Box[int]`.',
    trigger: 'Subscripting the class is for type checkers; at run time `Box[int](3)` builds an ordinary `Box` and checks nothing. `Protocol[T]` makes a generic protocol the same way.',
    partners: ['typing.TypeVar', 'typing.Protocol'],
    example: lines(
      'from typing import Generic, TypeVar',
      'T = TypeVar("T")',
      'class Box(Generic[T]):',
      '    def __init__(self, item: T): self.item = item',
      'print(Box[int](3).item)  # 3',
    ),
    docs: `${LIBRARY}/typing.html#typing.Generic`,
  },
  'typing.Protocol': {
    summary: 'Structural typing: a class satisfies a protocol by having the listed methods and attributes, without inheriting from it (duck typing a checker can verify).',
    trigger: 'Type checkers compare members. `isinstance` works only on a protocol decorated with `@runtime_checkable`, and then checks only that the names exist, not their signatures.',
    partners: ['typing.Generic', 'abc.ABCMeta'],
    example: lines(
      'import io',
      'from typing import Protocol, runtime_checkable',
      '@runtime_checkable',
      'class Closable(Protocol):',
      '    def close(self) -> None: ...',
      'print(isinstance(io.StringIO(), Closable), isinstance(1, Closable))  # True False',
    ),
    docs: `${LIBRARY}/typing.html#typing.Protocol`,
  },
  'typing.ClassVar': {
    summary: 'Marks an annotation in a class body as a class attribute shared by every instance, not a per-instance field.',
    trigger: '`@dataclass` leaves `ClassVar` names out of `__init__`, `__repr__` and comparisons; a type checker rejects setting one through an instance.',
    partners: ['typing.Final', 'dataclasses.fields'],
    example: lines(
      'from dataclasses import dataclass, fields',
      'from typing import ClassVar',
      '@dataclass',
      'class Point:',
      '    x: int; dimensions: ClassVar[int] = 2',
      'print([f.name for f in fields(Point)])  # [\'x\']',
    ),
    docs: `${LIBRARY}/typing.html#typing.ClassVar`,
  },
  'typing.Final': {
    summary: 'Tells type checkers a name is a constant: it must not be assigned again, or overridden in a subclass.',
    trigger: 'Checked only by type checkers; Python itself lets the assignment happen. `@typing.final` likewise forbids overriding a method or subclassing a class.',
    partners: ['typing.ClassVar'],
    example: lines(
      'from typing import Final',
      'MAX_RETRIES: Final = 3',
      'MAX_RETRIES = 4  # a type checker reports this line; Python runs it',
      'print(MAX_RETRIES)  # 4',
    ),
    docs: `${LIBRARY}/typing.html#typing.Final`,
  },
  'typing.NamedTuple': {
    summary: 'Class syntax for a named tuple: annotated fields, defaults and methods, giving a tuple whose items also have names.',
    trigger: 'The class body is read once when the class is created; fields with defaults must come after those without. Instances are immutable tuples.',
    partners: ['collections.namedtuple', 'typing.TypedDict'],
    example: lines(
      'from typing import NamedTuple',
      'class Point(NamedTuple):',
      '    x: float',
      '    y: float = 0.0',
      'p = Point(3.0)',
      'print(p, p[0])  # -> Point(x=3.0, y=0.0) 3.0',
    ),
    docs: `${LIBRARY}/typing.html#typing.NamedTuple`,
  },
  'typing.TypedDict': {
    summary: 'Describes dicts with a fixed set of string keys and a type for each value, as JSON data usually has; at run time they are plain dicts.',
    trigger: 'Type checkers check the keys and value types. `total=False` (or `NotRequired[...]`, 3.11+) marks keys that may be missing; `isinstance(x, Movie)` raises `TypeError`.',
    partners: ['typing.NamedTuple', 'typing.Dict'],
    example: lines(
      'from typing import TypedDict',
      'class Movie(TypedDict):',
      '    title: str',
      '    year: int',
      'alien: Movie = {"title": "Alien", "year": 1979}',
      'print(type(alien).__name__)  # -> dict',
    ),
    docs: `${LIBRARY}/typing.html#typing.TypedDict`,
  },
  'typing.TYPE_CHECKING': {
    summary: 'A constant that is `False` when the program runs and treated as `True` by type checkers: imports under `if TYPE_CHECKING:` exist only for annotations.',
    trigger: 'Use it to break import cycles or skip slow imports needed only in annotations; those annotations must then be strings, or the module must start with `from __future__ import annotations`.',
    example: lines(
      'from typing import TYPE_CHECKING',
      'if TYPE_CHECKING:',
      '    from decimal import Decimal  # never imported at run time',
      'def half(x: "Decimal") -> "Decimal":',
      '    return x / 2',
      'print(TYPE_CHECKING)  # False',
    ),
    docs: `${LIBRARY}/typing.html#typing.TYPE_CHECKING`,
  },
};

const CLASSES: Record<string, Explanation> = {
  'abc.ABCMeta': {
    summary: 'The metaclass behind abstract base classes: it refuses to instantiate a class with unimplemented abstract methods and adds `register()`.',
    trigger: '`class Base(metaclass=ABCMeta)` is what inheriting from `abc.ABC` does for you; write it out only when the class cannot inherit from `ABC`.',
    partners: ['abc.ABC', 'abc.ABCMeta.register', 'typing.Protocol'],
    example: lines(
      'from abc import ABCMeta, abstractmethod',
      'class Plugin(metaclass=ABCMeta):',
      '    @abstractmethod',
      '    def run(self): ...',
      'print(type(Plugin).__name__)  # -> ABCMeta',
    ),
    docs: `${LIBRARY}/abc.html#abc.ABCMeta`,
  },
  'abc.ABCMeta.register': {
    title: '`Base.register(cls)` (abstract base classes)',
    summary: 'Declares an existing class a "virtual subclass" of an abstract base class: `isinstance` and `issubclass` then accept it, although it inherits nothing.',
    trigger: 'Call `Base.register(Other)`, or put `@Base.register` on a class. Nothing is checked: abstract methods are not required, and `Base` does not appear in `Other.__mro__`.',
    partners: ['abc.ABCMeta'],
    aliases: ['abc.register'],
    example: lines(
      'from abc import ABC',
      'class Drawable(ABC): pass',
      '@Drawable.register',
      'class LegacyShape: pass',
      'print(issubclass(LegacyShape, Drawable), Drawable in LegacyShape.__mro__)  # True False',
    ),
    docs: `${LIBRARY}/abc.html#abc.ABCMeta.register`,
  },
  'dataclasses.asdict': {
    summary: 'Converts a dataclass instance into a dict of its fields, recursing into nested dataclasses, lists, tuples and dicts and copying the values.',
    trigger: 'Typically right before serialising (`json.dumps(asdict(item))`). Needs an instance: passing the class raises `TypeError`.',
    partners: ['dataclasses.dataclass', 'dataclasses.replace', 'dataclasses.fields'],
    example: lines(
      'from dataclasses import asdict, dataclass',
      '@dataclass',
      'class Point:',
      '    x: int; y: int',
      'print(asdict(Point(1, 2)))  # {\'x\': 1, \'y\': 2}',
    ),
    docs: `${LIBRARY}/dataclasses.html#dataclasses.asdict`,
  },
  'dataclasses.replace': {
    summary: 'Builds a new instance with some fields changed and the rest copied: the way to "modify" a frozen dataclass.',
    trigger: 'Runs `__init__` (and `__post_init__`) again with the merged values; a field declared with `init=False` cannot be passed and raises `ValueError`.',
    partners: ['dataclasses.dataclass', 'dataclasses.asdict'],
    example: lines(
      'from dataclasses import dataclass, replace',
      '@dataclass(frozen=True)',
      'class Config:',
      '    host: str; port: int = 80',
      'print(replace(Config("example.org"), port=8080))  # -> Config(host=\'example.org\', port=8080)',
    ),
    docs: `${LIBRARY}/dataclasses.html#dataclasses.replace`,
  },
  'dataclasses.fields': {
    summary: 'The `Field` objects of a dataclass (class or instance) in definition order, each with its name, type and default; `ClassVar` names are left out.',
    trigger: 'For generic code over any dataclass: serialisers, table printers, validators.',
    partners: ['dataclasses.dataclass', 'dataclasses.asdict', 'typing.ClassVar'],
    example: lines(
      'from dataclasses import dataclass, fields',
      '@dataclass',
      'class Point:',
      '    x: int; y: int = 0',
      'print([f.name for f in fields(Point)])  # [\'x\', \'y\']',
    ),
    docs: `${LIBRARY}/dataclasses.html#dataclasses.fields`,
  },
};

const TEXT: Record<string, Explanation> = {
  'bytes.decode': {
    summary: 'Turns bytes into text with an encoding (UTF-8 unless you name another); the inverse of `str.encode`.',
    trigger: 'Decode once, where bytes enter the program (binary files, sockets, subprocess output). Bytes that are invalid in the encoding raise `UnicodeDecodeError` unless `errors=` says otherwise.',
    partners: ['builtins.bytes', 'str.encode'],
    example: lines(
      'data = b"caf\\xc3\\xa9"',
      'print(data.decode())  # -> café',
      'print(b"caf\\xe9".decode("utf-8", errors="replace"))  # -> caf\ufffd',
    ),
    docs: `${STDTYPES}#bytes.decode`,
    options: {
      encoding: 'the codec, `"utf-8"` by default; the encoding the bytes were written in, not a guess.',
      errors: '`"strict"` (the default) raises on bad input; `"replace"` puts U+FFFD in its place, `"ignore"` drops it, `"backslashreplace"` keeps it visible as `\\xNN`.',
    },
  },
  'str.encode': {
    summary: 'Turns text into bytes with an encoding (UTF-8 unless you name another), for files opened in binary mode, sockets and hashing.',
    trigger: 'Characters the encoding cannot represent raise `UnicodeEncodeError` unless `errors=` says otherwise. The byte count can differ from `len()` of the text.',
    partners: ['builtins.str', 'bytes.decode'],
    example: lines(
      'print(len("café"), len("café".encode()))  # 4 5',
      'print("naïve".encode("ascii", errors="replace") == b"na?ve")  # True',
    ),
    docs: `${STDTYPES}#str.encode`,
    options: {
      encoding: 'the codec, `"utf-8"` by default.',
      errors: '`"strict"` (the default) raises on characters the codec lacks; `"replace"` writes `?`, `"ignore"` drops them, `"xmlcharrefreplace"` writes `&#NNN;`.',
    },
  },
  'str.casefold': {
    summary: 'A stronger `lower()` made for case-insensitive comparison: it also folds characters such as German `ß` to `ss`.',
    trigger: 'Apply it to both sides of a comparison, or as a key (`sorted(names, key=str.casefold)`); keep the original text for display. Normalise text from outside first (`unicodedata.normalize`).',
    partners: ['builtins.str', 'unicodedata.normalize'],
    example: lines(
      'print("Straße".lower() == "STRASSE".lower())  # False',
      'print("Straße".casefold() == "STRASSE".casefold())  # True',
    ),
    docs: `${STDTYPES}#str.casefold`,
  },
  'unicodedata.name': {
    summary: 'The Unicode name of one character: the way to find out what an invisible or look-alike character really is.',
    trigger: 'Takes exactly one character; raises `ValueError` for one without a name (such as `"\\n"`) unless you pass a default. `unicodedata.lookup` and `"\\N{...}"` go the other way.',
    partners: ['unicodedata.normalize'],
    example: lines(
      'import unicodedata',
      'print([unicodedata.name(c) for c in "e\\u0301"])  # [\'LATIN SMALL LETTER E\', \'COMBINING ACUTE ACCENT\']',
      'print(unicodedata.name("\\n", "?"))  # -> ?',
    ),
    docs: `${LIBRARY}/unicodedata.html#unicodedata.name`,
  },
};

const FUNCTIONS: Record<string, Explanation> = {
  'functools.partialmethod': {
    summary: 'The `partial` of class bodies: fixes some arguments of a method, and the result still binds `self` when called on an instance.',
    trigger: 'Written in a class body. A plain `partial` there is not a descriptor, so calling it on an instance would not pass `self`.',
    partners: ['functools.partial'],
    example: lines(
      'from functools import partialmethod',
      'class Light:',
      '    def switch(self, on): self.on = on',
      '    turn_on = partialmethod(switch, True)',
      'light = Light(); light.turn_on()',
      'print(light.on)  # True',
    ),
    docs: `${LIBRARY}/functools.html#functools.partialmethod`,
  },
  'functools.cmp_to_key': {
    summary: 'Wraps an old-style comparison function (negative, zero or positive for a < b, a == b, a > b) into a `key=` for `sorted`, `min` and `max`.',
    trigger: 'For porting code written for Python 2\'s `cmp=`, or when the order really is a decision about pairs. A plain key function (`key=len`) is simpler and faster when one exists.',
    example: lines(
      'from functools import cmp_to_key',
      'def shorter_first_then_z_to_a(a, b):',
      '    return len(a) - len(b) or (a < b) - (a > b)',
      'print(sorted(["bb", "a", "cc", "c"], key=cmp_to_key(shorter_first_then_z_to_a)))  # [\'c\', \'a\', \'cc\', \'bb\']',
    ),
    docs: `${LIBRARY}/functools.html#functools.cmp_to_key`,
  },
  'operator.add': {
    summary: 'The `+` operator as a function: `add(a, b)` is `a + b`, ready to pass to `reduce`, `map` or `accumulate` instead of a lambda.',
    trigger: 'Called like any function; it dispatches to `__add__`/`__radd__` exactly as `+` does. The module has one function per operator (`mul`, `neg`, `getitem`...).',
    partners: ['functools.reduce'],
    example: lines(
      'from functools import reduce',
      'from operator import add',
      'print(reduce(add, [1, 2, 3, 4]))  # 10',
      'print(list(map(add, [1, 2], [10, 20])))  # [11, 22]',
    ),
    docs: `${LIBRARY}/operator.html#operator.add`,
  },
  'collections.Counter.most_common': {
    summary: 'The `n` most frequent items of a `Counter` as `(item, count)` pairs, most frequent first; every item when `n` is left out.',
    trigger: 'Items with equal counts keep the order in which they were first counted.',
    partners: ['collections.Counter'],
    example: lines(
      'from collections import Counter',
      'words = "the cat and the hat and the bat".split()',
      'print(Counter(words).most_common(2))  # [(\'the\', 3), (\'and\', 2)]',
    ),
    docs: `${LIBRARY}/collections.html#collections.Counter.most_common`,
  },
};

const MEMORY: Record<string, Explanation> = {
  'weakref.proxy': {
    summary: 'A weak reference used like the object itself, without calling it; once the object is gone, using the proxy raises `ReferenceError`.',
    trigger: 'Every attribute access goes through to the object. Prefer `weakref.ref` when code must check whether the object still exists.',
    partners: ['weakref.ref'],
    example: lines(
      'import weakref',
      'class Config: debug = True',
      'config = Config(); view = weakref.proxy(config)',
      'print(view.debug)  # True',
      'del config  # CPython frees it now: view.debug would raise ReferenceError',
    ),
    docs: `${LIBRARY}/weakref.html#weakref.proxy`,
  },
  'gc.collect': {
    summary: 'Runs the cycle collector now and returns how many unreachable objects it found; objects outside reference cycles are freed without it.',
    trigger: 'Python runs it on its own after enough allocations. Call it yourself in tests of `__del__` or weakref callbacks, or after dropping a large structure full of cycles.',
    partners: ['sys.getrefcount', 'weakref.finalize'],
    example: lines(
      'import gc',
      'class Node: pass',
      'a, b = Node(), Node(); a.other, b.other = b, a  # a reference cycle',
      'del a, b  # each still refers to the other, so neither is freed yet',
      'print(gc.collect() >= 2)  # True: the collector found both',
    ),
    docs: `${LIBRARY}/gc.html#gc.collect`,
  },
  'sys.getrefcount': {
    summary: 'How many references point at an object, including the one the call itself holds: a CPython debugging aid.',
    trigger: 'The absolute number depends on the Python version and on hidden references (small ints and interned strings are shared, and 3.12 makes some objects "immortal"); compare two counts rather than trusting one.',
    partners: ['gc.collect'],
    example: lines(
      'import sys',
      'items = []',
      'before = sys.getrefcount(items)',
      'alias = items',
      'print(sys.getrefcount(items) - before)  # 1: alias is one more reference',
    ),
    docs: `${LIBRARY}/sys.html#sys.getrefcount`,
  },
};

const EXCEPTIONS: Record<string, Explanation> = {
  'builtins.StopIteration': {
    summary: 'Raised by `next()` and by an iterator\'s `__next__` to say there are no more items; a `for` loop catches it for you.',
    trigger: 'Raise it from a hand-written `__next__`. Inside a generator, `return` instead: a `StopIteration` escaping a generator becomes `RuntimeError`. `next(it, default)` avoids catching it.',
    partners: ['__next__', 'builtins.GeneratorExit'],
    example: lines(
      'it = iter([1])',
      'print(next(it), next(it, None))  # 1 None',
      'try: next(it)',
      'except StopIteration: print("exhausted")',
    ),
    docs: `${LIBRARY}/exceptions.html#StopIteration`,
  },
  'builtins.GeneratorExit': {
    summary: 'Raised inside a paused generator, at its `yield`, when the generator is closed early, so its `finally` blocks and `with` exits run.',
    trigger: '`gen.close()`, or the garbage collection of an unfinished generator. It derives from `BaseException`, so `except Exception` lets it pass; a generator that catches it must not yield again (`RuntimeError`).',
    partners: ['yield', 'builtins.StopIteration'],
    example: lines(
      'def reader():',
      '    try: yield 1',
      '    except GeneratorExit: print("closed early"); raise',
      'gen = reader(); next(gen)',
      'gen.close()',
    ),
    docs: `${LIBRARY}/exceptions.html#GeneratorExit`,
  },
};

const ITERTOOLS: Record<string, Explanation> = {
  'itertools.count': {
    summary: 'Counts from `start` (0) by `step` (1) forever: an endless `range` to number items or drive a loop.',
    trigger: 'Infinite and lazy: stop it with `zip`, `islice` or `break`, never with `list()`. Float steps accumulate rounding error.',
    partners: ['itertools.islice', 'itertools.cycle', 'itertools.repeat'],
    example: lines(
      'from itertools import count',
      'print(list(zip(count(10, 5), "abc")))  # [(10, \'a\'), (15, \'b\'), (20, \'c\')]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.count`,
  },
  'itertools.cycle': {
    summary: 'Repeats the items of an iterable in order, forever: a, b, c, a, b, c, ...',
    trigger: 'Infinite. It saves the items of the first pass, so it also works on a one-shot iterator, at the cost of memory for each item.',
    partners: ['itertools.count', 'itertools.repeat'],
    example: lines(
      'from itertools import cycle',
      'colors = cycle(["red", "green"])',
      'print([next(colors) for _ in range(3)])  # [\'red\', \'green\', \'red\']',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.cycle`,
  },
  'itertools.repeat': {
    summary: 'Yields one object over and over, forever or `times` times; a constant argument stream for `map` and `zip`.',
    trigger: 'Lazy. It yields the same object each time, not copies: `list(repeat([], 3))` holds one list three times.',
    partners: ['itertools.count', 'itertools.cycle'],
    example: lines(
      'from itertools import repeat',
      'print(list(map(pow, range(4), repeat(2))))  # [0, 1, 4, 9]',
      'print(list(repeat("x", 3)))  # [\'x\', \'x\', \'x\']',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.repeat`,
  },
  'itertools.product': {
    summary: 'The Cartesian product: every way of taking one item from each input, in the order nested `for` loops would give.',
    trigger: 'Yields lazily but reads every input completely first. `repeat=n` pairs an input with itself n times.',
    partners: ['itertools.permutations', 'itertools.combinations'],
    example: lines(
      'from itertools import product',
      'print(list(product("ab", [1, 2])))  # [(\'a\', 1), (\'a\', 2), (\'b\', 1), (\'b\', 2)]',
      'print(len(list(product(range(3), repeat=2))))  # 9',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.product`,
    options: {
      repeat: 'how many times to use each input: `product(xs, repeat=2)` is `product(xs, xs)`.',
    },
  },
  'itertools.permutations': {
    summary: 'Every ordering of `r` items taken from the input (all of them by default), as tuples.',
    trigger: 'Items are told apart by position, not value, so repeated values give repeated tuples (`permutations("aa")` yields `(\'a\', \'a\')` twice). The count grows as n!/(n-r)!.',
    partners: ['itertools.product', 'itertools.combinations'],
    example: lines(
      'from itertools import permutations',
      'print(list(permutations("abc", 2)))  # [(\'a\', \'b\'), (\'a\', \'c\'), (\'b\', \'a\'), (\'b\', \'c\'), (\'c\', \'a\'), (\'c\', \'b\')]',
      'print(len(list(permutations(range(4)))))  # 24',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.permutations`,
  },
  'itertools.combinations': {
    summary: 'Every choice of `r` items from the input where order does not matter, as tuples kept in input order.',
    trigger: '`r` is required; there are `math.comb(n, r)` results. Use `permutations` when order matters.',
    partners: ['itertools.product', 'itertools.permutations'],
    example: lines(
      'from itertools import combinations',
      'print(list(combinations([1, 2, 3], 2)))  # [(1, 2), (1, 3), (2, 3)]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.combinations`,
  },
  'itertools.tee': {
    summary: 'Splits one iterator into `n` independent iterators (two by default) that can be advanced separately.',
    trigger: 'Stop using the original iterator afterwards. Items one copy has consumed and another has not are buffered; if one copy runs far ahead, `list()` is the cheaper choice.',
    partners: ['itertools.pairwise'],
    example: lines(
      'from itertools import tee',
      'numbers = iter([1, 2, 3])',
      'left, right = tee(numbers)',
      'print(list(left), list(right))  # [1, 2, 3] [1, 2, 3]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.tee`,
  },
  'itertools.pairwise': {
    summary: 'Yields each item with its successor as overlapping pairs: (a, b), (b, c), ... (3.10+).',
    trigger: 'Lazy; an input with fewer than two items yields nothing. Replaces `zip(xs, xs[1:])` and also works on iterators.',
    partners: ['itertools.tee'],
    example: lines(
      'from itertools import pairwise',
      'readings = [3, 5, 4, 8]',
      'print([b - a for a, b in pairwise(readings)])  # [2, -1, 4]',
    ),
    docs: `${LIBRARY}/itertools.html#itertools.pairwise`,
  },
};

const CONTEXTLIB: Record<string, Explanation> = {
  'contextlib.suppress': {
    summary: 'A context manager that silently swallows the listed exception types raised in its block.',
    trigger: 'The block stops where the exception was raised and execution continues after the `with`. Use it only when failure needs no reaction; otherwise write `try`/`except`.',
    partners: ['contextlib.ExitStack'],
    example: lines(
      'import os',
      'from contextlib import suppress',
      'with suppress(FileNotFoundError):',
      '    os.remove("cache.tmp")  # no error if the file is missing',
    ),
    docs: `${LIBRARY}/contextlib.html#contextlib.suppress`,
  },
  'contextlib.ExitStack': {
    summary: 'A context manager that gathers any number of other context managers and cleanup callbacks at run time, and exits them in reverse order.',
    trigger: 'For a number of resources known only at run time (`stack.enter_context(cm)`) or ad hoc cleanups (`stack.callback(f)`); `pop_all()` hands the cleanups to the caller.',
    partners: ['contextlib.contextmanager', 'contextlib.suppress', 'contextlib.closing', 'contextlib.nullcontext'],
    example: lines(
      'from contextlib import ExitStack',
      'with ExitStack() as stack:',
      '    files = [stack.enter_context(open("notes.txt")) for _ in range(2)]',
      '    print(len(files))  # 2',
      'print(all(f.closed for f in files))  # True',
    ),
    docs: `${LIBRARY}/contextlib.html#contextlib.ExitStack`,
  },
  'contextlib.closing': {
    summary: 'Makes an object that has `close()` but no `with` support usable in a `with` statement: `close()` runs when the block ends.',
    trigger: 'Only for objects without `__enter__`/`__exit__`; files, sockets and most library objects already support `with` themselves.',
    partners: ['contextlib.ExitStack'],
    example: lines(
      'from contextlib import closing',
      'class Connection:',
      '    def close(self): print("closed")',
      'with closing(Connection()) as conn:',
      '    print("using", type(conn).__name__)',
    ),
    docs: `${LIBRARY}/contextlib.html#contextlib.closing`,
  },
  'contextlib.asynccontextmanager': {
    summary: 'The `async with` version of `@contextmanager`: an async generator function whose code before `yield` sets up and after it cleans up.',
    trigger: 'Entering `async with` runs the function up to its `yield` (the value is bound by `as`); leaving resumes it. Wrap the `yield` in `try`/`finally` so cleanup also runs on errors.',
    partners: ['contextlib.contextmanager'],
    example: lines(
      'from contextlib import asynccontextmanager',
      '@asynccontextmanager',
      'async def connection(url):',
      '    print("open", url)',
      '    try: yield url',
      '    finally: print("close", url)',
    ),
    docs: `${LIBRARY}/contextlib.html#contextlib.asynccontextmanager`,
  },
  'contextlib.nullcontext': {
    summary: 'A context manager that does nothing: `with nullcontext(x) as v` just binds `x`. It fills in where a `with` needs a manager only sometimes.',
    trigger: 'Pick it in place of a real manager when there is nothing to set up or clean up, for example when the caller already owns an open file. Works with `async with` too (3.10+).',
    partners: ['contextlib.ExitStack'],
    example: lines(
      'from contextlib import nullcontext',
      'def read(source):',
      '    manager = open(source) if isinstance(source, str) else nullcontext(source)',
      '    with manager as f:  # closes only a file it opened itself',
      '        return f.read()',
    ),
    docs: `${LIBRARY}/contextlib.html#contextlib.nullcontext`,
  },
};

/** Standard-library names beyond the idioms, keyed by qualified name. */
export const STDLIB: Readonly<Record<string, Explanation>> = {
  ...TYPING,
  ...CLASSES,
  ...TEXT,
  ...FUNCTIONS,
  ...MEMORY,
  ...EXCEPTIONS,
  ...ITERTOOLS,
  ...CONTEXTLIB,
};
