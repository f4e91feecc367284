// The builtin functions a reader meets in everyday code (`len`, `getattr`,
// `isinstance`...) and the builtin constants (`None`, `NotImplemented`). Data
// only, keyed like the idioms (`builtins.len`). Which special methods each
// function calls lives in `triggers.ts`; the renderer lists them under the entry.
// The builtin types (`int`, `list`, `range`...) are in `builtin-types.ts`.
import { lines, type Explanation } from './entry';

const FUNCTIONS = 'https://docs.python.org/3/library/functions.html';
const CONSTANTS = 'https://docs.python.org/3/library/constants.html';

export const BUILTIN_FUNCTIONS: Readonly<Record<string, Explanation>> = {
  'builtins.isinstance': {
    summary: 'Whether an object is an instance of a class (subclasses count), of any class in a tuple, or of any member of an `X | Y` union (3.10+).',
    trigger: '`isinstance(obj, cls)` asks the class\'s metaclass: `type(cls).__instancecheck__(cls, obj)`, which is how ABCs such as `collections.abc.Iterable` accept classes that never inherit from them (CPython answers `True` at once when `type(obj) is cls`). Prefer it to `type(obj) is cls`, which rejects subclasses.',
    partners: ['builtins.issubclass', 'builtins.type'],
    example: lines(
      'from collections.abc import Iterable',
      'print(isinstance(True, int))          # True: bool is a subclass of int',
      'print(isinstance(3.0, (int, float)))  # True',
      'print(isinstance("ab", Iterable))     # True, through ABCMeta.__instancecheck__',
    ),
    docs: `${FUNCTIONS}#isinstance`,
  },
  'builtins.issubclass': {
    summary: 'Whether a class is a subclass of another (every class counts as a subclass of itself), or of any class in a tuple.',
    trigger: '`issubclass(C, B)` asks the metaclass of `B`: `type(B).__subclasscheck__(B, C)`. The first argument must be a class; an instance raises `TypeError`.',
    partners: ['builtins.isinstance'],
    example: lines(
      'from collections.abc import Hashable',
      'print(issubclass(bool, int), issubclass(int, int))  # True True',
      'print(issubclass(list, Hashable))  # False: list sets __hash__ to None',
    ),
    docs: `${FUNCTIONS}#issubclass`,
  },
  'builtins.getattr': {
    summary: 'Reads an attribute whose name is a string known only at run time; a third argument is returned instead of raising `AttributeError`.',
    trigger: '`getattr(obj, "name")` is the ordinary lookup `obj.name`: `type(obj).__getattribute__` runs first, and only when it raises `AttributeError` does `__getattr__` get a turn. The default replaces `AttributeError` only; other exceptions pass through.',
    partners: ['builtins.setattr', 'builtins.hasattr', 'builtins.delattr'],
    example: lines(
      'class Settings:',
      '    debug = False',
      '    def __getattr__(self, name): return f"<{name} unset>"',
      'print(getattr(Settings(), "debug"))   # False: found by __getattribute__',
      'print(getattr(Settings(), "colour"))  # <colour unset>: __getattr__ ran',
      'print(getattr(object(), "size", 0))   # 0: the default',
    ),
    docs: `${FUNCTIONS}#getattr`,
  },
  'builtins.setattr': {
    summary: 'Sets an attribute named by a string: `setattr(obj, "x", v)` does what `obj.x = v` does.',
    trigger: 'Calls `type(obj).__setattr__(obj, name, value)`, so properties, `__slots__` and frozen dataclasses behave exactly as for a plain assignment.',
    partners: ['builtins.getattr', 'builtins.delattr'],
    example: lines(
      'class Point: pass',
      'p = Point()',
      'for name, value in {"x": 1, "y": 2}.items():',
      '    setattr(p, name, value)',
      'print(p.x, p.y)  # 1 2',
    ),
    docs: `${FUNCTIONS}#setattr`,
  },
  'builtins.hasattr': {
    summary: 'Whether an attribute can be read: it calls `getattr` and answers `False` only when that raised `AttributeError`.',
    trigger: 'Runs the full lookup (`__getattribute__`, then `__getattr__`), so a property getter really runs; an exception other than `AttributeError` propagates.',
    partners: ['builtins.getattr'],
    example: lines(
      'class Report:',
      '    @property',
      '    def data(self): raise AttributeError("not loaded yet")',
      'print(hasattr(Report(), "data"), hasattr("text", "upper"))  # False True',
    ),
    docs: `${FUNCTIONS}#hasattr`,
  },
  'builtins.delattr': {
    summary: 'Deletes an attribute named by a string: `delattr(obj, "x")` does what `del obj.x` does.',
    trigger: 'Calls `type(obj).__delattr__(obj, name)`; deleting an attribute that is not there raises `AttributeError`.',
    partners: ['builtins.getattr', 'builtins.setattr'],
    example: lines(
      'class Session: pass',
      's = Session()',
      's.token = "abc"',
      'delattr(s, "token")',
      'print(hasattr(s, "token"))  # False',
    ),
    docs: `${FUNCTIONS}#delattr`,
  },
  'builtins.vars': {
    summary: 'An object\'s own attributes as its `__dict__`; with no argument, the local names of the current scope.',
    trigger: 'Returns `obj.__dict__` itself (not a copy); objects without one, such as ints or instances of a class with `__slots__`, raise `TypeError`. For a class the result is a read-only mapping proxy.',
    partners: ['builtins.dir'],
    example: lines(
      'class User:',
      '    def __init__(self): self.name, self.admin = "ada", False',
      'print(vars(User()))  # {\'name\': \'ada\', \'admin\': False}',
    ),
    docs: `${FUNCTIONS}#vars`,
  },
  'builtins.dir': {
    summary: 'A sorted list of attribute names, for exploring an object in the REPL; not a promise of completeness.',
    trigger: '`dir(obj)` calls `type(obj).__dir__(obj)` and sorts what it returns; the default lists the instance\'s names plus those of its class and base classes. With no argument it lists the names of the current scope.',
    partners: ['builtins.vars'],
    example: lines(
      'names = dir([])',
      'print("append" in names, "__len__" in names)  # True True',
      'print([n for n in dir("") if n.startswith("is")][:3])  # [\'isalnum\', \'isalpha\', \'isascii\']',
    ),
    docs: `${FUNCTIONS}#dir`,
  },
  'builtins.super': {
    summary: 'A proxy that finds an attribute on the class after the current one in the method resolution order, typically to call the overridden method.',
    trigger: 'Zero-argument `super()` works only inside a function defined in a class body: the compiler gives the function a `__class__` cell, and `super()` pairs it with the first argument (`self` or `cls`). The search follows `type(self).__mro__`, so with multiple inheritance the next class may be a sibling rather than the parent.',
    example: lines(
      'class Base:',
      '    def greet(self): return "base"',
      'class Child(Base):',
      '    def greet(self): return "child+" + super().greet()',
      'print(repr(Child().greet()))  # \'child+base\'',
    ),
    docs: `${FUNCTIONS}#super`,
  },
  'builtins.id': {
    summary: 'An integer identifying an object, unique among the objects alive at the same time.',
    trigger: 'In CPython it is the object\'s memory address, so a freed object\'s id can be given to a new one: compare ids only of objects that are both alive. `a is b` is the readable form of `id(a) == id(b)`.',
    example: lines(
      'a = [1]',
      'b = a',
      'c = [1]',
      'print(id(a) == id(b), id(a) == id(c))  # True False: c is an equal but separate list',
    ),
    docs: `${FUNCTIONS}#id`,
  },
  'builtins.hash': {
    summary: 'The integer a set or dict uses to place a hashable object; objects that compare equal must hash equal.',
    trigger: '`hash(x)` calls `type(x).__hash__(x)` and fits the result into a machine-size integer: a larger one is replaced by the hash of that int (modulo 2**61 - 1 on 64-bit builds), and -1, which CPython reserves for errors, becomes -2. Types whose `__hash__` is `None` raise `TypeError`.',
    example: lines(
      'class Big:',
      '    def __hash__(self): return 2**70',
      'print(hash(Big()), hash(-1))  # 512 -2',
      'print(hash((1, 2)) == hash((1, 2)))  # True',
    ),
    docs: `${FUNCTIONS}#hash`,
  },
  'builtins.len': {
    summary: 'The number of items in a container: characters of a string, keys of a dict, elements of a list or range.',
    trigger: '`len(x)` calls `type(x).__len__(x)`, which must return an `int` >= 0: a negative one raises `ValueError`, one above `sys.maxsize` raises `OverflowError`. Iterators and generators have no length (`TypeError`).',
    example: lines(
      'import sys',
      'print(len("héllo"), len({"a": 1}), len(range(0, 10, 3)))  # 5 1 4',
      'class Huge:',
      '    def __len__(self): return sys.maxsize + 1',
      'try: len(Huge())',
      'except OverflowError: print("a length must fit in a machine-size int")',
    ),
    docs: `${FUNCTIONS}#len`,
  },
  'builtins.iter': {
    summary: 'An iterator over an iterable; with two arguments, `iter(func, sentinel)` calls `func()` until it returns `sentinel`.',
    trigger: '`iter(x)` calls `type(x).__iter__(x)`; a class without `__iter__` but with `__getitem__` gets an iterator that indexes from 0 until `IndexError`. A `for` loop calls it for you.',
    partners: ['builtins.next'],
    example: lines(
      'from functools import partial',
      'it = iter([10, 20])',
      'print(next(it), next(it))  # 10 20',
      'rolls = iter([3, 5, 6, 2])',
      'print(list(iter(partial(next, rolls), 6)))  # [3, 5]: stops at the sentinel 6',
    ),
    docs: `${FUNCTIONS}#iter`,
  },
  'builtins.next': {
    summary: 'The next item of an iterator, or the default when one is given and the iterator is exhausted.',
    trigger: '`next(it)` calls `type(it).__next__(it)`; when that raises `StopIteration`, `next(it, default)` returns the default instead. The argument must be an iterator, not merely an iterable: `next([1])` is a `TypeError`.',
    partners: ['builtins.iter'],
    example: lines(
      'numbers = iter([1, 3, 4])',
      'print(next(numbers))  # 1',
      'print(next((n for n in numbers if n % 2 == 0), None))  # 4: the first even number',
      'print(next(numbers, None))  # None: exhausted, so the default',
    ),
    docs: `${FUNCTIONS}#next`,
  },
  'builtins.repr': {
    summary: 'A string for developers: unambiguous, and where it can be, Python source that recreates the object.',
    trigger: '`repr(x)` calls `type(x).__repr__(x)`; the REPL, debuggers, a container showing its items and the `!r` conversion in f-strings use it too.',
    example: lines(
      'print(repr("ada"), str("ada"))  # \'ada\' ada',
      'print(["ada", 1.5])  # [\'ada\', 1.5]: a list shows the repr of its items',
      'print(f"{\'ada\'!r}")  # \'ada\'',
    ),
    docs: `${FUNCTIONS}#repr`,
  },
  'builtins.enumerate': {
    summary: 'Pairs each item of an iterable with a running count, `(0, a), (1, b), ...`: the loop-with-index idiom instead of `range(len(...))`.',
    trigger: 'Lazy: returns an iterator that counts from `start` (0 unless given) as the loop advances.',
    options: { start: 'the first number of the count (default 0).' },
    partners: ['builtins.zip'],
    example: lines(
      'for number, name in enumerate(["ada", "bob"], start=1):',
      '    print(number, name)',
      'print(list(enumerate("ab")))  # [(0, \'a\'), (1, \'b\')]',
    ),
    docs: `${FUNCTIONS}#enumerate`,
  },
  'builtins.zip': {
    summary: 'Walks several iterables in step, yielding a tuple of one item from each; stops at the shortest.',
    trigger: 'Lazy: one item is taken from each iterable per step. With `strict=True` (3.10+), iterables of unequal length raise `ValueError` instead of losing the extra items silently.',
    options: { strict: 'when true (3.10+), raises `ValueError` if one iterable ends before the others.' },
    partners: ['builtins.enumerate'],
    example: lines(
      'names, ages = ["ada", "bob", "cy"], [36, 41]',
      'print(list(zip(names, ages)))  # [(\'ada\', 36), (\'bob\', 41)]: "cy" is dropped',
      'print(dict(zip(names, ages)))  # {\'ada\': 36, \'bob\': 41}',
    ),
    docs: `${FUNCTIONS}#zip`,
  },
  'builtins.map': {
    summary: 'Applies a function to each item of an iterable (or to items taken in step from several), lazily.',
    trigger: 'Returns an iterator: the function runs only as items are asked for. A comprehension (`[f(x) for x in xs]`) is often clearer, and always is when the function would be a `lambda`.',
    partners: ['builtins.filter'],
    example: lines(
      'print(list(map(str.upper, ["a", "b"])))  # [\'A\', \'B\']',
      'print(list(map(pow, [2, 3], [3, 2])))    # [8, 9]',
    ),
    docs: `${FUNCTIONS}#map`,
  },
  'builtins.filter': {
    summary: 'Keeps the items for which a function returns a true value; with `None` for the function, keeps the truthy items.',
    trigger: 'Returns a lazy iterator: the test runs as items are asked for. `[x for x in xs if test(x)]` says the same thing and often reads better.',
    partners: ['builtins.map'],
    example: lines(
      'print(list(filter(str.isdigit, ["1", "a", "22"])))  # [\'1\', \'22\']',
      'print(list(filter(None, [0, 1, "", "x"])))          # [1, \'x\']',
    ),
    docs: `${FUNCTIONS}#filter`,
  },
  'builtins.sorted': {
    summary: 'A new sorted list built from any iterable; the input is left as it was (`list.sort()` sorts a list in place instead).',
    trigger: 'Items are compared with `<` only (their `__lt__`). `key=` is called once per item, `reverse=True` flips the order; the sort is stable, so equal items keep their order.',
    options: {
      key: 'a one-argument function whose result is compared instead of the item (`key=str.lower`).',
      reverse: 'when true, sorts from largest to smallest, still keeping equal items in order.',
    },
    partners: ['builtins.reversed'],
    example: lines(
      'words = ["pear", "Fig", "apple"]',
      'print(sorted(words))  # [\'Fig\', \'apple\', \'pear\']: capitals sort first',
      'print(sorted(words, key=str.lower))  # [\'apple\', \'Fig\', \'pear\']',
      'print(sorted({3: "c", 1: "a"}))  # [1, 3]: a dict iterates over its keys',
    ),
    docs: `${FUNCTIONS}#sorted`,
  },
  'builtins.reversed': {
    summary: 'A lazy iterator over a sequence from its last item to its first.',
    trigger: '`reversed(x)` calls `type(x).__reversed__(x)`; without it, the object needs `__len__` and `__getitem__` and is indexed from the end. Iterators and generators cannot be reversed (`TypeError`).',
    partners: ['builtins.sorted'],
    example: lines(
      'print(list(reversed([1, 2, 3])))  # [3, 2, 1]',
      'print("".join(reversed("abc")) == "cba")  # True',
    ),
    docs: `${FUNCTIONS}#reversed`,
  },
  'builtins.any': {
    summary: 'True when at least one item is truthy; it stops at the first one. `any([])` is `False`.',
    trigger: 'Iterates lazily and tests each item\'s truth (`__bool__`, else `__len__`); pass a generator expression so nothing is built or tested past the answer.',
    partners: ['builtins.all'],
    example: lines(
      'scores = [40, 75, 90]',
      'print(any(s > 80 for s in scores), any([]))  # True False',
    ),
    docs: `${FUNCTIONS}#any`,
  },
  'builtins.all': {
    summary: 'True when every item is truthy; it stops at the first falsy one. `all([])` is `True`: nothing failed.',
    trigger: 'Iterates lazily and tests each item\'s truth (`__bool__`, else `__len__`); pass a generator expression so it can stop early.',
    partners: ['builtins.any'],
    example: lines(
      'print(all(s >= 40 for s in [40, 75, 90]), all([]))  # True True',
      'print(all([1, 0, 2]))  # False',
    ),
    docs: `${FUNCTIONS}#all`,
  },
  'builtins.open': {
    summary: 'Opens a file and returns a file object: text (`str`, decoded) by default, bytes when the mode contains `"b"`.',
    trigger: 'Use it in a `with` block so the file is closed however the block ends. In text mode pass `encoding=`: without it the encoding depends on the platform\'s locale.',
    options: {
      mode: '`"r"` (the default) reads, `"w"` truncates and writes, `"a"` appends, `"x"` creates only; add `"b"` for bytes.',
      encoding: 'the text encoding, e.g. `"utf-8"`; text mode only.',
      newline: 'how line endings are translated; `newline=""` leaves them as they are (what the `csv` module wants).',
    },
    example: lines(
      'with open("notes.txt", encoding="utf-8") as f:',
      '    first = f.readline()',
      'print(repr(first), f.closed)  # \'first line\\n\' True',
    ),
    docs: `${FUNCTIONS}#open`,
  },
  'builtins.print': {
    summary: 'Writes the `str()` of each argument to a text stream (standard output unless told otherwise), separated by `sep` and followed by `end`.',
    trigger: 'Calls `str()` on every argument (its `__str__`).',
    options: {
      sep: 'the text between arguments (default one space).',
      end: 'the text after the last argument (default a newline).',
      file: 'where to write instead of `sys.stdout`, e.g. `sys.stderr` or an open file.',
      flush: 'when true, pushes the text out at once instead of leaving it in the buffer.',
    },
    example: lines(
      'import sys',
      'print(1, 2, sep="-")  # 1-2',
      'print("something went wrong", file=sys.stderr)',
      'print([1, "a"])  # [1, \'a\']: the str of a list shows its items\' repr',
    ),
    docs: `${FUNCTIONS}#print`,
  },
  'builtins.callable': {
    summary: 'Whether an object can be called: functions, methods, classes, and instances of a class that defines `__call__`.',
    trigger: 'Looks for `__call__` on the object\'s type, not on the instance. `True` does not promise that a call succeeds; `False` means a call certainly fails.',
    example: lines(
      'class Greeter:',
      '    def __call__(self, name): return f"hi {name}"',
      'print(callable(Greeter), callable(Greeter()), callable(42))  # True True False',
    ),
    docs: `${FUNCTIONS}#callable`,
  },
};

export const BUILTIN_CONSTANTS: Readonly<Record<string, Explanation>> = {
  'builtins.None': {
    summary: 'The one value that means "nothing here": what a function returns when it returns nothing, and the usual default of an optional argument.',
    trigger: 'There is exactly one `None` object, so test for it with `is None` / `is not None`. It is falsy, but so are `0`, `""` and `[]`, so `if x:` asks a different question.',
    example: lines(
      'def find(items, target):',
      '    for i, item in enumerate(items):',
      '        if item == target: return i',
      'print(find([1, 2], 3), find([1, 2], 3) is None)  # None True',
    ),
    docs: `${CONSTANTS}#None`,
  },
  'builtins.True': {
    summary: 'The true value of type `bool`, which is a subclass of `int`: `True == 1` and `True + True == 2`.',
    trigger: 'Comparisons, `not` and `bool(x)` produce it. Test a condition with `if flag:`, not `if flag == True:` or `if flag is True:`.',
    partners: ['builtins.False', 'builtins.bool'],
    example: lines(
      'print(True == 1, True + True, isinstance(True, int))  # True 2 True',
      'print(bool("x"), 3 > 2)  # True True',
    ),
    docs: `${CONSTANTS}#True`,
  },
  'builtins.False': {
    summary: 'The false value of type `bool`, equal to `0`; it is one of the falsy values, along with `None`, zero and empty containers.',
    trigger: 'Comparisons, `not` and `bool(x)` produce it. `sum()` of a list of bools counts the `True` items, since each `False` adds 0.',
    partners: ['builtins.True', 'builtins.bool'],
    example: lines(
      'print(False == 0, sum([True, False, True]))  # True 2',
      'print(bool([]), bool(0.0), bool(None))  # False False False',
    ),
    docs: `${CONSTANTS}#False`,
  },
  'builtins.NotImplemented': {
    summary: 'What an operator method returns to say "I do not handle this operand", so Python can ask the other operand instead.',
    trigger: 'Return it, never raise it, from `__eq__`, `__add__` and the like: Python then tries the reflected method of the other operand; if that also returns it, `==` falls back to identity and most operators raise `TypeError`. Using it as a truth value is deprecated (3.9+). `NotImplementedError` is the unrelated exception for abstract methods.',
    example: lines(
      'class Money:',
      '    def __init__(self, cents): self.cents = cents',
      '    def __eq__(self, other):',
      '        if not isinstance(other, Money): return NotImplemented',
      '        return self.cents == other.cents',
      'print(Money(5) == Money(5), Money(5) == 5)  # True False',
    ),
    docs: `${CONSTANTS}#NotImplemented`,
  },
};
