"""Identity is not equality, and type() == is not isinstance()."""


def describe(value):
    if value == None:
        return "nothing"
    if type(value) == int:
        return "an int"
    if value is "yes":
        return "agreement"
    return repr(value)


def is_number(value):
    return isinstance(value, float)


# PP202: `isinstance(x, dict)` rejects other mappings
import os

def flatten(settings):
    if isinstance(settings, dict):
        return sorted(settings.items())
    return settings

flatten(os.environ)  # returned unchanged: os.environ is not a dict


# PP206: Deprecated `typing` alias of a builtin or `collections` class in an annotation
from typing import Dict, List

def group(words: List[str]) -> Dict[str, List[str]]:
    groups: Dict[str, List[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return groups


# PP001: `# noqa` that hides nothing (the comparison was fixed, the comment stayed)
def is_missing(value):
    return value is None  # noqa: PP204
