"""Assigning to a name anywhere in a function makes it local to the whole function."""

total = 0


def add_to_total(price):
    total += price  # UnboundLocalError: total is local here, and read before it is bound
    return total


def make_counter():
    count = 0

    def increment():
        count += 1  # the same mistake one level down: this needs `nonlocal count`
        return count

    return increment


def make_counter_fixed():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    return increment


request_count = 0


def handle_request():
    global request_count  # works, but any function may now change this module's state
    request_count += 1


def forget(cache):
    del cache
    return cache  # the name was deleted two lines up: UnboundLocalError
