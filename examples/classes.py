"""The data model: __eq__ without __hash__, staticmethods, dataclass defaults."""
from dataclasses import dataclass


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    # Defining __eq__ set __hash__ to None: Point instances cannot go in a set.

    def origin():
        return Point(0, 0)


@dataclass
class Inventory:
    items: list = []  # ValueError when the class is created: use field(default_factory=list)


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def set_celsius(self, value):
        self._celsius = value


class Pixel:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash(self.x) ^ hash(self.y)  # Pixel(1, 2) and Pixel(2, 1) collide; so does every Pixel(n, n)


# PP307: Decorator wrapper without functools.wraps
def logged(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


# PP309: Frozen dataclass field annotated as a list, dict or set
from dataclasses import dataclass

@dataclass(frozen=True)
class Route:
    stops: list[str]

{Route(["a", "b"])}  # TypeError: unhashable type: 'list'


# PP310: Override on a dict, list or str subclass that the built-in's other methods bypass
class LowerDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

d = LowerDict()
d.update(Name="Ada")  # stored as "Name"


# PP312: A mixin class is instantiated on its own
class JsonMixin:
    def to_json(self):
        return json.dumps(self.as_dict())

payload = JsonMixin().to_json()  # AttributeError: no as_dict


# PP313: Class inherits from two concrete classes whose initialisers do not cooperate
class Logger:
    def __init__(self):
        self.lines = []

class Connection:
    def __init__(self):
        self.open = True

class LoggedConnection(Connection, Logger):
    pass  # Logger.__init__ never runs: no self.lines


# PP304: A method whose first parameter is `cls` but no `@classmethod` above it
class Kelvin:
    def __init__(self, kelvin):
        self.kelvin = kelvin

    def from_celsius(cls, degrees):  # `cls` receives an instance here
        return cls(degrees + 273.15)


# PP305: A classmethod that names its own class instead of using `cls`
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    @classmethod
    def origin(cls):
        return Vector(0, 0)  # a subclass calling origin() still gets a Vector
