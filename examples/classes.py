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
