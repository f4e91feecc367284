def remember(name, seen=[]):
    seen.append(name)
    return seen
