def describe(value):
    if value == None:
        return "nothing"
    return str(value)
