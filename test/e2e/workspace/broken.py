def add(item, bucket=[]):
    bucket.append(item)
    return bucket


def broken(:
    pass
