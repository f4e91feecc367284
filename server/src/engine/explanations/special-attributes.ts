// Special ("dunder") attribute names: set by Python on modules, classes,
// instances and functions, or read by Python from a class body (`__slots__`,
// `__match_args__`). Data only, looked up by name.
import { lines, type Explanation } from './entry';

const DATA_MODEL = 'https://docs.python.org/3/reference/datamodel.html';
const STDTYPES = 'https://docs.python.org/3/library/stdtypes.html';
const MODULE_ATTRIBUTES = 'https://docs.python.org/3.11/reference/import.html#import-related-module-attributes';

const CLASS_BODY: Record<string, Explanation> = {
  __slots__: {
    summary: 'Declares the only instance attributes a class allows; instances then have no per-object `__dict__`, which saves memory.',
    trigger: 'Read once, when the `class` statement creates the class. Each base class needs its own `__slots__` for the saving to hold.',
    partners: ['__dict__', '__weakref__'],
    example: lines(
      'class Pixel:',
      '    __slots__ = ("x", "y", "color")',
      '    def __init__(self, x, y, color):',
      '        self.x, self.y, self.color = x, y, color',
    ),
    docs: `${DATA_MODEL}#object.__slots__`,
  },
  __dict__: {
    summary: 'The mapping that stores an object\'s writable attributes (instance, class, module or function namespace).',
    trigger: 'Every attribute read and write that is not handled by a descriptor or `__slots__`; `vars(x)` returns it.',
    partners: ['__slots__'],
    example: lines(
      'class Point:',
      '    def __init__(self, x, y): self.x, self.y = x, y',
      'print(Point(1, 2).__dict__)  # {\'x\': 1, \'y\': 2}',
      'print(vars(Point(1, 2)))     # the same mapping',
    ),
    docs: `${STDTYPES}#object.__dict__`,
  },
  __weakref__: {
    summary: 'The slot that lets instances be targets of weak references; present unless `__slots__` leaves it out.',
    trigger: '`weakref.ref(obj)` and the weak containers; add `"__weakref__"` to `__slots__` to keep them working.',
    partners: ['__slots__', 'weakref.ref'],
    example: lines(
      'import weakref',
      'class Node:',
      '    __slots__ = ("value", "__weakref__")',
      'ref = weakref.ref(Node())',
    ),
    docs: `${DATA_MODEL}#slots`,
  },
  __match_args__: {
    summary: 'A tuple naming the attributes that positional sub-patterns match in a `case Cls(a, b)` pattern.',
    trigger: 'A class pattern with positional arguments in `match`/`case`. Dataclasses and named tuples set it for you.',
    partners: ['dataclasses.dataclass'],
    example: lines(
      'class Point:',
      '    __match_args__ = ("x", "y")',
      '    def __init__(self, x, y): self.x, self.y = x, y',
      'match Point(0, 3):',
      '    case Point(0, y): print("on the y axis at", y)',
    ),
    docs: `${DATA_MODEL}#object.__match_args__`,
  },
  __objclass__: {
    summary: 'On a descriptor, the class it was defined in; `inspect` reads it to show where an attribute comes from.',
    trigger: 'Set by builtin method descriptors (`str.upper.__objclass__ is str`); set it on your own descriptors if tools should know the owner.',
    partners: ['__set_name__'],
    example: lines(
      'print(str.upper.__objclass__)   # <class \'str\'>',
      'print(dict.get.__objclass__)    # <class \'dict\'>',
    ),
    docs: `${DATA_MODEL}#implementing-descriptors`,
  },
  __classcell__: {
    summary: 'An entry the compiler puts in a class namespace so that zero-argument `super()` and `__class__` can find the class.',
    trigger: 'Created when a method uses `super()` or `__class__`; a metaclass that overrides `__new__` must pass it on to `type.__new__`.',
    partners: ['__class__', '__prepare__'],
    example: lines(
      'class Base:',
      '    def hello(self): return "base"',
      'class Child(Base):',
      '    def hello(self):',
      '        return super().hello()  # needs __classcell__ at class creation',
    ),
    docs: `${DATA_MODEL}#creating-the-class-object`,
  },
  __abstractmethods__: {
    summary: 'The frozenset of abstract method names an ABC still has; a class with any cannot be instantiated.',
    trigger: 'Computed by `abc.ABCMeta` when the class is created; read by `object.__new__` on instantiation.',
    partners: ['__subclasshook__'],
    example: lines(
      'from abc import ABC, abstractmethod',
      'class Shape(ABC):',
      '    @abstractmethod',
      '    def area(self): ...',
      'print(Shape.__abstractmethods__)  # -> frozenset({\'area\'})',
    ),
    docs: 'https://docs.python.org/3/library/abc.html#abc.abstractmethod',
  },
};

const CLASS_AND_INSTANCE: Record<string, Explanation> = {
  __class__: {
    summary: 'The type of an instance (`obj.__class__ is type(obj)`); inside a method, the class being defined.',
    trigger: 'Read by `type(obj)`-style code and `isinstance`; the bare name `__class__` in a method refers to the enclosing class (what `super()` uses). Assigning a module\'s `__class__` customises the module.',
    partners: ['__classcell__', '__mro__'],
    example: lines(
      'class Animal:',
      '    def describe(self):',
      '        return f"a {self.__class__.__name__}"',
      'class Dog(Animal): pass',
      'print(Dog().describe())  # -> a Dog',
    ),
    docs: `${STDTYPES}#instance.__class__`,
  },
  __mro__: {
    summary: 'The method resolution order: the tuple of classes searched, in order, for attributes and by `super()`.',
    trigger: 'Every attribute lookup on a class or instance walks it; computed with the C3 linearisation when the class is created.',
    partners: ['__bases__', '__class__'],
    example: lines(
      'class A: pass',
      'class B(A): pass',
      'class C(A): pass',
      'class D(B, C): pass',
      'print([k.__name__ for k in D.__mro__])  # [\'D\', \'B\', \'C\', \'A\', \'object\']',
    ),
    docs: `${STDTYPES}#class.__mro__`,
  },
  __bases__: {
    summary: 'The tuple of a class\'s direct base classes, in the order the `class` statement lists them; `(object,)` when it lists none.',
    trigger: 'Set by the `class` statement; `__mro__` is derived from it.',
    partners: ['__mro__', '__subclasses__'],
    example: lines(
      'class Base: pass',
      'class Mixin: pass',
      'class Widget(Base, Mixin): pass',
      'print([b.__name__ for b in Widget.__bases__])  # [\'Base\', \'Mixin\']',
      'print(Base.__bases__)  # (<class \'object\'>,)',
    ),
    docs: `${STDTYPES}#class.__bases__`,
  },
  __subclasses__: {
    summary: 'A method on every class returning its direct subclasses that are still alive (held by weak references).',
    trigger: 'Call it: `Cls.__subclasses__()`. Useful for plugin discovery; `__init_subclass__` is the more explicit tool.',
    partners: ['__bases__'],
    example: lines(
      'class Shape: pass',
      'class Circle(Shape): pass',
      'class Square(Shape): pass',
      'print([c.__name__ for c in Shape.__subclasses__()])  # [\'Circle\', \'Square\']',
    ),
    docs: `${STDTYPES}#class.__subclasses__`,
  },
  __name__: {
    summary: 'The name of a module, class or function; for the running script it is `"__main__"`.',
    trigger: 'Set by the import system (modules) or by `class`/`def` (classes, functions). `if __name__ == "__main__":` runs code only when the file is executed directly.',
    partners: ['__qualname__', '__main__', '__module__', '__all__'],
    example: lines(
      'def main():',
      '    print("running as a script")',
      '',
      'if __name__ == "__main__":',
      '    main()',
    ),
    docs: `${STDTYPES}#definition.__name__`,
  },
  __qualname__: {
    summary: 'The dotted path of a class or function from its module\'s top level, such as `Outer.Inner.method`.',
    trigger: 'Set by `class` and `def`; used in reprs, pickling and error messages.',
    partners: ['__name__', '__module__'],
    example: lines(
      'class Outer:',
      '    class Inner:',
      '        def method(self): pass',
      'print(Outer.Inner.method.__qualname__)  # -> Outer.Inner.method',
    ),
    docs: `${STDTYPES}#definition.__qualname__`,
  },
  __module__: {
    summary: 'The name of the module a class or function was defined in.',
    trigger: 'Set by `class` and `def` from the module\'s `__name__`; `pickle` uses it to find the class again.',
    partners: ['__name__', '__qualname__'],
    example: lines(
      'from collections import OrderedDict',
      'print(OrderedDict.__module__)  # -> collections',
    ),
    docs: `${DATA_MODEL}#the-standard-type-hierarchy`,
  },
  __doc__: {
    summary: 'The docstring of a module, class or function (the first string literal in its body), or `None`.',
    trigger: 'Set from the docstring when the module, class or function is created; `help()` shows it. Stripped by `python -OO`.',
    partners: ['__annotations__'],
    example: lines(
      'def area(radius):',
      '    """Return the area of a circle."""',
      '    return 3.14159 * radius ** 2',
      'print(area.__doc__)',
    ),
    docs: `${DATA_MODEL}#the-standard-type-hierarchy`,
  },
  __annotations__: {
    summary: 'A dict of the annotations of a function, class or module, keyed by parameter or variable name.',
    trigger: 'Filled when the `def`, class body or module runs; read with `inspect.get_annotations()` (3.10+) rather than directly.',
    partners: ['__doc__', '__future__'],
    example: lines(
      'def scale(value: float, factor: int = 2) -> float:',
      '    return value * factor',
      'print({name: t.__name__ for name, t in scale.__annotations__.items()})',
      '# {\'value\': \'float\', \'factor\': \'int\', \'return\': \'float\'}',
    ),
    docs: 'https://docs.python.org/3/howto/annotations.html',
  },
};

const FUNCTIONS: Record<string, Explanation> = {
  __defaults__: {
    summary: 'A function\'s default values for positional parameters, evaluated once when the `def` ran.',
    trigger: 'Filled by the `def` statement; calls that omit those arguments reuse these very objects (why mutable defaults are shared).',
    partners: ['__kwdefaults__'],
    example: lines(
      'def add(item, bucket=[]):',
      '    bucket.append(item)',
      '    return bucket',
      'add(1)',
      'print(add.__defaults__)  # ([1],): the one shared list',
    ),
    docs: `${DATA_MODEL}#the-standard-type-hierarchy`,
  },
  __kwdefaults__: {
    summary: 'A dict of a function\'s default values for keyword-only parameters.',
    trigger: 'Filled by the `def` statement from defaults after `*` or `*args`.',
    partners: ['__defaults__'],
    example: lines(
      'def connect(host, *, timeout=10):',
      '    pass',
      'print(connect.__kwdefaults__)  # {\'timeout\': 10}',
    ),
    docs: `${DATA_MODEL}#the-standard-type-hierarchy`,
  },
  __code__: {
    summary: 'The compiled bytecode object of a function: its variables, constants and instructions.',
    trigger: 'Created by the compiler; `dis.dis(f)` disassembles it.',
    partners: ['__closure__', '__globals__'],
    example: lines(
      'def greet(name):',
      '    message = "hi " + name',
      '    return message',
      'print(greet.__code__.co_varnames)  # (\'name\', \'message\')',
    ),
    docs: `${DATA_MODEL}#code-objects`,
  },
  __globals__: {
    summary: 'The global namespace (the module `__dict__`) a function reads its global names from.',
    trigger: 'Set when the `def` runs; every global name lookup in the function goes through it.',
    partners: ['__code__', 'global'],
    example: lines(
      'RATE = 0.2',
      'def tax(amount):',
      '    return amount * RATE',
      'print(tax.__globals__["RATE"])',
    ),
    docs: `${DATA_MODEL}#the-standard-type-hierarchy`,
  },
  __closure__: {
    summary: 'A tuple of cells holding the enclosing-function variables a nested function uses, or `None`.',
    trigger: 'Created when a nested `def` or `lambda` reads or writes (with `nonlocal`) a variable of an enclosing function.',
    partners: ['__code__', 'nonlocal'],
    example: lines(
      'def counter():',
      '    count = 0',
      '    def step():',
      '        nonlocal count; count += 1; return count',
      '    return step',
      'print(counter().__closure__[0].cell_contents)  # 0',
    ),
    docs: `${DATA_MODEL}#the-standard-type-hierarchy`,
  },
  __self__: {
    summary: 'On a bound method, the instance (or class, for a classmethod) it is bound to.',
    trigger: 'Set when a function is looked up through an instance, which creates a bound method.',
    partners: ['__func__'],
    example: lines(
      'class Greeter:',
      '    def hello(self): return "hi"',
      'g = Greeter()',
      'print(g.hello.__self__ is g)  # True',
    ),
    docs: `${DATA_MODEL}#instance-methods`,
  },
  __func__: {
    summary: 'On a bound method (or `classmethod`/`staticmethod` object), the plain function underneath.',
    trigger: 'Set when a function is looked up through an instance, which wraps it in a bound method.',
    partners: ['__self__'],
    example: lines(
      'class Greeter:',
      '    def hello(self): return "hi"',
      'print(Greeter().hello.__func__ is Greeter.hello)  # True',
    ),
    docs: `${DATA_MODEL}#instance-methods`,
  },
  __wrapped__: {
    summary: 'On a function wrapped with `functools.wraps`, the original function underneath.',
    trigger: 'Set by `functools.wraps`/`update_wrapper`; `inspect.signature` and `inspect.unwrap` follow it.',
    partners: ['functools.wraps'],
    example: lines(
      'import functools',
      '@functools.lru_cache',
      'def square(x): return x * x',
      'print(square.__wrapped__(4))  # calls the uncached function',
    ),
    docs: 'https://docs.python.org/3/library/functools.html#functools.update_wrapper',
  },
};

const MODULES: Record<string, Explanation> = {
  __main__: {
    summary: 'The name of the top-level module: the script being run, `python -m pkg`, or the interactive session.',
    trigger: 'A module\'s `__name__` is `"__main__"` when it is executed directly rather than imported; a package\'s `__main__.py` runs for `python -m package`.',
    partners: ['__name__', 'concurrent.futures.ProcessPoolExecutor'],
    example: lines(
      'import sys',
      'def main(argv):',
      '    return 0',
      'if __name__ == "__main__":',
      '    sys.exit(main(sys.argv[1:]))',
    ),
    docs: 'https://docs.python.org/3/library/__main__.html',
  },
  __all__: {
    summary: 'The list of public names a module exports; `from module import *` imports exactly these.',
    trigger: '`from module import *`; also documentation tools and linters treat it as the public API.',
    partners: ['__name__'],
    example: lines(
      '__all__ = ["parse", "Parser"]',
      'def parse(text): ...',
      'class Parser: ...',
      'def _helper(): ...  # private: not exported',
    ),
    docs: 'https://docs.python.org/3/tutorial/modules.html#importing-from-a-package',
  },
  __file__: {
    summary: 'The path the module was loaded from; may be missing for builtin and some frozen modules.',
    trigger: 'Set by the import system when a module is loaded from a file.',
    partners: ['__spec__', '__cached__'],
    example: lines(
      'from pathlib import Path',
      'HERE = Path(__file__).resolve().parent',
      'TEMPLATES = HERE / "templates"',
    ),
    docs: MODULE_ATTRIBUTES,
  },
  __cached__: {
    summary: 'The path of the compiled bytecode file (`.pyc`) for a module loaded from source.',
    trigger: 'Set by the import system alongside `__file__`.',
    partners: ['__file__'],
    example: lines(
      'import json',
      'print(json.__cached__)  # .../__pycache__/__init__.cpython-311.pyc',
    ),
    docs: MODULE_ATTRIBUTES,
  },
  __path__: {
    summary: 'On a package, the list of directories searched for its submodules; its presence is what makes a module a package.',
    trigger: 'Set by the import system for packages; read when importing `package.submodule`.',
    partners: ['__package__', '__spec__'],
    example: lines(
      'import email',
      'print(email.__path__)  # [\'.../email\']: email is a package',
    ),
    docs: MODULE_ATTRIBUTES,
  },
  __spec__: {
    summary: 'The `ModuleSpec` the import system used to load the module: name, loader, origin, search locations.',
    trigger: 'Set by the import system; `None` for `__main__` run as a script.',
    partners: ['__loader__', '__package__', '__path__', '__file__'],
    example: lines(
      'import json',
      'print(json.__spec__.name, json.__spec__.origin)',
    ),
    docs: MODULE_ATTRIBUTES,
  },
  __loader__: {
    summary: 'The loader object that executed the module\'s code.',
    trigger: 'Set by the import system; used by tools such as `importlib.resources` and `linecache`.',
    partners: ['__spec__'],
    example: lines(
      'import json',
      'print(type(json.__loader__).__name__)  # -> SourceFileLoader',
    ),
    docs: MODULE_ATTRIBUTES,
  },
  __package__: {
    summary: 'The package a module belongs to (the package itself for a package); relative imports resolve against it.',
    trigger: 'Set by the import system; `from . import x` uses it.',
    partners: ['__spec__', '__path__'],
    example: lines(
      'import email.mime.text',
      'print(email.mime.text.__package__)  # -> email.mime',
    ),
    docs: MODULE_ATTRIBUTES,
  },
  __builtins__: {
    summary: 'A CPython detail giving a module access to the builtin namespace; use `import builtins` instead.',
    trigger: 'Name lookups that miss the local and global scopes fall through to the builtins.',
    partners: ['__import__'],
    example: lines(
      'import builtins',
      'print(builtins.len is len)  # True',
    ),
    docs: 'https://docs.python.org/3/library/builtins.html',
  },
  __import__: {
    summary: 'The builtin function behind the `import` statement; call `importlib.import_module` instead.',
    trigger: 'Every `import` statement calls it.',
    partners: ['__builtins__'],
    example: lines(
      'import importlib',
      'json = importlib.import_module("json")  # clearer than __import__("json")',
    ),
    docs: 'https://docs.python.org/3/library/functions.html#import__',
  },
  __future__: {
    summary: 'A pseudo-module whose imports switch on language features early for the rest of the file.',
    trigger: '`from __future__ import feature` must come first (after the docstring); the compiler reads it. `annotations` postpones evaluation of annotations.',
    partners: ['__annotations__'],
    example: lines(
      'from __future__ import annotations',
      'class Node:',
      '    def child(self) -> Node: ...  # fine: the annotation is not evaluated',
    ),
    docs: 'https://docs.python.org/3/library/__future__.html',
  },
  __debug__: {
    summary: 'A constant that is `True` unless Python runs with `-O`; `assert` statements are skipped when it is false.',
    trigger: 'Fixed at start-up; the compiler removes `if __debug__:` blocks under `-O`.',
    partners: ['assert'],
    example: lines(
      'if __debug__:',
      '    print("checks enabled")',
      'assert 1 + 1 == 2  # removed by python -O',
    ),
    docs: 'https://docs.python.org/3/library/constants.html#debug__',
  },
  __version__: {
    summary: 'A convention (not used by Python itself) for a module\'s version string.',
    trigger: 'Read by people and tools; `importlib.metadata.version("dist")` is the reliable source for installed packages.',
    partners: ['__author__'],
    example: lines(
      '__version__ = "1.4.0"',
      '__author__ = "Ada"',
    ),
    docs: 'https://peps.python.org/pep-0008/#module-level-dunder-names',
  },
  __author__: {
    summary: 'A convention (not used by Python itself) for naming a module\'s author.',
    trigger: 'Read by people and documentation tools only.',
    partners: ['__version__'],
    example: lines(
      '"""Tools for parsing invoices."""',
      '__author__ = "Ada"',
    ),
    docs: 'https://peps.python.org/pep-0008/#module-level-dunder-names',
  },
};

/** Dunder attributes: set by Python on objects, or read by Python from a class body or module. */
export const SPECIAL_ATTRIBUTES: Readonly<Record<string, Explanation>> = {
  ...CLASS_BODY,
  ...CLASS_AND_INSTANCE,
  ...FUNCTIONS,
  ...MODULES,
};
