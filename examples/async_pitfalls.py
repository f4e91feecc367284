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


async def offload(job):
    loop = asyncio.get_event_loop()  # inside a coroutine: get_running_loop() says what is meant
    return await loop.run_in_executor(None, job)


async def fetch_all(numbers):
    # TypeError since Python 3.11: wait() takes tasks, not bare coroutines
    done, _ = await asyncio.wait([fetch(n) for n in numbers])
    return [task.result() for task in done]


if __name__ == "__main__":
    asyncio.run(main())
