def is_empty(x):
    if x == None:
        return True
    return False
