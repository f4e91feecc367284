"""Lists are not queues, and dict.get(k, 0) + 1 is a Counter in disguise."""


def drain(queue):
    while queue:
        job = queue.pop(0)  # shifts every remaining element, every time
        print(job)


def tally(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def find(needle, haystack):
    for item in haystack:
        if item == needle:
            print("found")
    else:
        print("searched everything")  # runs every time: there is no break


grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)  # three rows, one list: [[1, 0, 0], [1, 0, 0], [1, 0, 0]]


# PP501: `pop(0)` or `insert(0, x)` on a list inside a loop
def breadth_first(start, neighbours):
    queue = [start]
    while queue:
        node = queue.pop(0)
        queue.extend(neighbours(node))


# PP503: Creating a missing dict entry by hand before filling it
def group_by_initial(words):
    groups = {}
    for word in words:
        if word[0] not in groups:
            groups[word[0]] = []
        groups[word[0]].append(word)
    return groups
