"""A syntax error further down does not hide the problems above it."""


def add(item, bucket=[]):
    bucket.append(item)
    return bucket


def unfinished(:
    pass


def outer():
    def inner():
        nonlocal missing  # no enclosing function binds `missing`: Python refuses the whole file
        missing = 1
    return inner
