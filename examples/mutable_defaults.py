"""Defaults are evaluated once, when `def` runs: a mutable one is shared by every call."""


def add_song(song, playlist=[]):
    playlist.append(song)
    return playlist


def count_words(text, counts={}):
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


class Bus:
    def __init__(self, passengers=[]):
        self.passengers = passengers

    def pick(self, name):
        self.passengers.append(name)


first = add_song("Blue in Green")
second = add_song("So What")
print(first is second, second)  # True ['Blue in Green', 'So What']


class Cart:
    items = []  # PP403: one list, shared by every Cart

    def add(self, item):
        self.items.append(item)


def empty_grid(size):
    grid = [[0] * size] * size  # PP404: `size` references to one row
    grid[0][0] = 1  # sets the first cell of every row
    return grid


def any_negative(numbers):
    return any([n < 0 for n in numbers])  # PP405: builds the whole list before testing
