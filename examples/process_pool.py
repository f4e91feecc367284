"""A process pool started at import time: with the spawn start method each worker imports this file again."""
from concurrent.futures import ProcessPoolExecutor


def cube(n):
    return n ** 3


with ProcessPoolExecutor() as pool:  # move this under `if __name__ == "__main__":`
    print(list(pool.map(cube, range(5))))
