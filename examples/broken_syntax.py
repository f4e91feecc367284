"""A syntax error further down does not hide the problems above it."""


def add(item, bucket=[]):
    bucket.append(item)
    return bucket


def unfinished(:
    pass
