"""Blocking calls in coroutines, and tasks nobody keeps."""
import asyncio
import time


async def fetch(n):
    time.sleep(1)  # blocks the whole event loop
    return n


async def main():
    asyncio.create_task(fetch(1))  # the task can be garbage-collected mid-flight
    fetch(2)  # never awaited: nothing runs
    return await fetch(3)


if __name__ == "__main__":
    asyncio.run(main())
