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
