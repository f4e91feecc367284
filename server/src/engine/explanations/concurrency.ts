// Concurrency (asyncio, threading, queue, concurrent.futures) and a few more
// standard-library types (types, enum, decimal, fractions), keyed by qualified
// name like the idioms. Data only. The GIL is not a name in code, so it sits
// in its own table of concepts: `pythonic explain GIL` finds it, a hover never does.
import { LIBRARY, lines, type Explanation } from './entry';

const ASYNCIO: Record<string, Explanation> = {
  'asyncio.get_event_loop': {
    summary: 'Inside a coroutine, returns the running loop; outside one, what it does has changed between releases, so new code calls `get_running_loop()` or `asyncio.run()` instead.',
    trigger: 'With a loop running it returns that loop. With none running, 3.11 (checked on 3.11.7) asks the event-loop policy: in the main thread, if no loop was ever set there, it creates and sets one, silently (3.10.0–3.10.8 and 3.11.0 warned with `DeprecationWarning`); once a loop has been set and cleared (`asyncio.run()` clears it on exit), and in any other thread without a loop, it raises `RuntimeError`. 3.12 warns when it has to create a loop, and 3.14 raises `RuntimeError` instead.',
    partners: ['asyncio.get_running_loop'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    print(asyncio.get_event_loop() is asyncio.get_running_loop())  # True',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-eventloop.html#asyncio.get_event_loop`,
  },
  'asyncio.get_running_loop': {
    summary: 'Returns the event loop running in this thread, and raises `RuntimeError` when there is none.',
    trigger: 'Call it from a coroutine or a callback to reach the loop\'s own methods (`run_in_executor`, `call_later`, `create_future`). Unlike `get_event_loop()` it never creates a loop.',
    partners: ['asyncio.get_event_loop', 'asyncio.AbstractEventLoop.run_in_executor'],
    example: lines(
      'import asyncio',
      'try: asyncio.get_running_loop()',
      'except RuntimeError as err: print(err.args)  # (\'no running event loop\',)',
      'async def main(): print(asyncio.get_running_loop().is_running())  # True',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-eventloop.html#asyncio.get_running_loop`,
  },
  'asyncio.Queue': {
    summary: 'A first-in, first-out queue between coroutines of one event loop: `await put()` waits while a bounded queue is full, `await get()` while it is empty.',
    trigger: 'Producer and consumer tasks; call `task_done()` per item and `await queue.join()` to wait until every item is handled. It is not thread-safe: between threads use `queue.Queue`.',
    partners: ['queue.Queue'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    queue = asyncio.Queue(maxsize=2)',
      '    await queue.put(1); print(queue.qsize(), queue.full())  # 1 False',
      '    print(await queue.get(), queue.empty())  # 1 True',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-queue.html#asyncio.Queue`,
  },
  'asyncio.Lock': {
    summary: 'A lock for the tasks of one event loop: `async with lock:` lets one task at a time through a block that awaits part-way.',
    trigger: 'Needed only when the guarded code contains an `await`, because no other task runs between two awaits anyway. It is not thread-safe: to guard data that threads share use `threading.Lock`.',
    partners: ['asyncio.Semaphore', 'threading.Lock'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    lock = asyncio.Lock()',
      '    async with lock: print(lock.locked())  # True',
      '    print(lock.locked())  # False',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-sync.html#asyncio.Lock`,
  },
  'asyncio.Semaphore': {
    summary: 'Lets at most N tasks into a block at once: the usual cap on concurrent requests.',
    trigger: '`async with sem:` takes one of the N slots, waiting while none is free, and gives it back on the way out. `BoundedSemaphore` also raises `ValueError` when released more often than acquired.',
    partners: ['asyncio.Lock'],
    example: lines(
      'import asyncio',
      'sem = asyncio.Semaphore(2)  # at most two jobs inside at a time',
      'async def job(n):',
      '    async with sem: await asyncio.sleep(0.01); return n',
      'async def main(): print(await asyncio.gather(*(job(n) for n in range(4))))  # [0, 1, 2, 3]',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-sync.html#asyncio.Semaphore`,
  },
  'asyncio.Event': {
    summary: 'A flag that tasks wait on: `await event.wait()` suspends until some task calls `event.set()`.',
    trigger: 'One task signals "ready" or "stop" to any number of waiting tasks; `clear()` lowers the flag again. Not thread-safe: from another thread, call `loop.call_soon_threadsafe(event.set)`.',
    partners: ['threading.Event'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    ready = asyncio.Event()',
      '    asyncio.get_running_loop().call_later(0.01, ready.set)',
      '    print(await ready.wait(), ready.is_set())  # True True',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-sync.html#asyncio.Event`,
  },
  'asyncio.as_completed': {
    summary: 'Hands back awaitables in the order they finish: each item you await gives the next result to be ready.',
    trigger: 'In 3.11 iterate it with a plain `for` and `await` each item; the items are new coroutines, not the tasks you passed, so tell results apart by their values. `timeout=` raises `TimeoutError` when time runs out.',
    partners: ['asyncio.TaskGroup', 'concurrent.futures.as_completed'],
    example: lines(
      'import asyncio',
      'async def after(delay, value):',
      '    await asyncio.sleep(delay); return value',
      'async def main():',
      '    print([await next_done for next_done in asyncio.as_completed([after(0.03, 3), after(0.01, 1)])])  # [1, 3]',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.as_completed`,
  },
  'asyncio.wait_for': {
    summary: 'Awaits one awaitable with a time limit: on timeout it cancels it and raises `TimeoutError`.',
    trigger: 'It waits for the cancellation to finish before raising, so the task\'s cleanup runs. In 3.11 `asyncio.TimeoutError` is the builtin `TimeoutError`, and `async with asyncio.timeout(seconds):` limits a whole block.',
    partners: ['asyncio.TaskGroup'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    task = asyncio.create_task(asyncio.sleep(1))',
      '    try: await asyncio.wait_for(task, timeout=0.01)',
      '    except TimeoutError: print(task.cancelled(), asyncio.TimeoutError is TimeoutError)  # True True',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.wait_for`,
  },
  'asyncio.TaskGroup': {
    summary: 'Structured concurrency (3.11+): every task started in an `async with asyncio.TaskGroup()` block has finished when the block ends.',
    trigger: 'When a task fails, the group cancels the others and raises all the errors together as an `ExceptionGroup` (catch it with `except*`). Prefer it to `gather` when no task may be left running.',
    partners: ['asyncio.as_completed', 'asyncio.wait_for'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    async with asyncio.TaskGroup() as group:',
      '        tasks = [group.create_task(asyncio.sleep(0.01, result=n)) for n in range(3)]',
      '    print([task.result() for task in tasks])  # [0, 1, 2]',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.TaskGroup`,
  },
  'asyncio.to_thread': {
    summary: 'Runs a blocking function in a worker thread and lets the coroutine await its result, so the loop keeps serving other tasks meanwhile.',
    trigger: 'For blocking I/O that has no async version (a sync HTTP client, some file APIs); context variables are carried over. CPU-bound Python code still competes for the GIL, so it gets no faster.',
    partners: ['asyncio.AbstractEventLoop.run_in_executor', 'GIL'],
    example: lines(
      'import asyncio, threading',
      'def on_main_thread(): return threading.current_thread() is threading.main_thread()',
      'async def main(): print(await asyncio.to_thread(on_main_thread))  # False: it ran in a worker thread',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-task.html#asyncio.to_thread`,
  },
  'asyncio.Future': {
    summary: 'A low-level placeholder for a result set later: awaiting it suspends until someone calls `set_result()` or `set_exception()`.',
    trigger: 'Mostly inside libraries that turn callbacks into awaitables; application code uses tasks. Make one with `loop.create_future()`. Unlike `concurrent.futures.Future` it is not thread-safe, and `result()` never blocks: it raises `InvalidStateError` while the future is pending.',
    partners: ['concurrent.futures.Future'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    future = asyncio.get_running_loop().create_future()',
      '    asyncio.get_running_loop().call_soon(future.set_result, 42)',
      '    print(await future, future.done())  # 42 True',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-future.html#asyncio.Future`,
  },
  'asyncio.AbstractEventLoop.run_in_executor': {
    title: '`loop.run_in_executor`',
    summary: 'Runs a plain function in an executor (the loop\'s default thread pool when given `None`) and returns an asyncio future to await.',
    trigger: 'The lower-level form of `asyncio.to_thread`; pass a `ProcessPoolExecutor` for CPU-bound work. Only positional arguments are forwarded: wrap keyword arguments with `functools.partial`.',
    partners: ['asyncio.to_thread', 'asyncio.get_running_loop'],
    example: lines(
      'import asyncio',
      'async def main():',
      '    loop = asyncio.get_running_loop()',
      '    print(await loop.run_in_executor(None, sum, [1, 2, 3]))  # 6',
      'asyncio.run(main())',
    ),
    docs: `${LIBRARY}/asyncio-eventloop.html#asyncio.loop.run_in_executor`,
  },
};

const THREADS: Record<string, Explanation> = {
  'threading.Thread': {
    summary: 'Runs a function in another thread of the same process; threads share memory and suit work that waits on I/O.',
    trigger: '`start()` begins it and `join()` waits for it to end. The target\'s return value is thrown away (a `ThreadPoolExecutor` hands results back). Non-daemon threads keep the program alive at exit; daemon threads are stopped abruptly.',
    partners: ['GIL', 'threading.Event'],
    example: lines(
      'import threading',
      'results = []',
      'worker = threading.Thread(target=results.append, args=(42,))',
      'worker.start(); worker.join()',
      'print(results)  # [42]',
    ),
    docs: `${LIBRARY}/threading.html#threading.Thread`,
    options: {
      target: 'the callable the thread runs.',
      args: 'a tuple of positional arguments for `target` (one argument needs the comma: `(x,)`).',
      kwargs: 'a dict of keyword arguments for `target`.',
      daemon: 'when true, the thread does not keep the program alive: it is stopped abruptly at exit, without cleanup.',
      name: 'a name for logs and debuggers.',
    },
  },
  'threading.RLock': {
    summary: 'A re-entrant lock: the thread holding it may acquire it again, and must release it as many times as it acquired it.',
    trigger: 'For code where a function holding the lock calls another that takes the same lock; with a plain `Lock` that second acquire waits forever. Other threads wait until the count is back to zero.',
    partners: ['threading.Lock'],
    example: lines(
      'import threading',
      'lock = threading.RLock()',
      'def total(items):',
      '    with lock: return sum(items)',
      'with lock: print(total([1, 2, 3]))  # 6: the holder may take it again, where a Lock would hang',
    ),
    docs: `${LIBRARY}/threading.html#rlock-objects`,
  },
  'threading.Event': {
    summary: 'A flag shared between threads: `wait()` blocks until some thread calls `set()`.',
    trigger: '`wait(timeout)` returns the flag, so `False` means it timed out; `clear()` lowers it again. A common way to ask a worker loop to stop.',
    partners: ['asyncio.Event', 'threading.Thread'],
    example: lines(
      'import threading',
      'stop = threading.Event()',
      'threading.Timer(0.01, stop.set).start()',
      'print(stop.wait(timeout=1))  # True: the timer thread set it',
      'print(threading.Event().wait(timeout=0.01))  # False: timed out',
    ),
    docs: `${LIBRARY}/threading.html#event-objects`,
  },
  'queue.Queue': {
    summary: 'A thread-safe first-in, first-out queue: the standard way to pass work from producer threads to consumer threads.',
    trigger: '`put()` blocks while a bounded queue is full and `get()` while it is empty; with `timeout=` they give up with `queue.Full` / `queue.Empty` once it has passed. `task_done()` per item with `join()` waits until all work is processed. For coroutines use `asyncio.Queue`.',
    partners: ['asyncio.Queue'],
    example: lines(
      'import queue, threading',
      'jobs = queue.Queue()',
      'threading.Thread(target=jobs.put, args=(42,)).start()',
      'print(jobs.get(timeout=1))  # 42',
    ),
    docs: `${LIBRARY}/queue.html#queue.Queue`,
  },
  'sys.setswitchinterval': {
    summary: 'Sets how many seconds a thread may keep the GIL while another thread waits for it, before the interpreter asks it to let go; the default is 0.005.',
    trigger: 'Rarely worth changing: a longer interval means fewer switches between CPU-bound threads, a shorter one more responsive threads. `sys.getswitchinterval()` reads it. No value lets threads run Python code in parallel.',
    partners: ['GIL'],
    example: lines(
      'import sys',
      'print(sys.getswitchinterval())  # 0.005',
      'sys.setswitchinterval(0.001)',
      'print(sys.getswitchinterval())  # 0.001',
      'sys.setswitchinterval(0.005)',
    ),
    docs: `${LIBRARY}/sys.html#sys.setswitchinterval`,
  },
};

const FUTURES: Record<string, Explanation> = {
  'concurrent.futures.Future': {
    summary: 'The handle `Executor.submit()` returns for a call running elsewhere: ask whether it is done, wait for its result, or cancel it.',
    trigger: 'Executors create them; you do not. `result()` waits and re-raises the call\'s exception, `add_done_callback()` runs a function when it finishes, `cancel()` works only before the call starts. Thread-safe, unlike `asyncio.Future` (`asyncio.wrap_future` bridges the two).',
    partners: ['asyncio.Future', 'concurrent.futures.Future.result', 'concurrent.futures.Executor.submit', 'concurrent.futures.wait'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor',
      'with ThreadPoolExecutor() as pool:',
      '    future = pool.submit(pow, 2, 10)',
      '    print(future.result(), future.done())  # 1024 True',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.Future`,
  },
  'concurrent.futures.wait': {
    summary: 'Blocks until a group of futures meets a condition (`ALL_COMPLETED` by default, `FIRST_COMPLETED`, `FIRST_EXCEPTION`) and returns the sets `(done, not_done)`.',
    trigger: 'Use it when you want the futures back as sets, for instance to cancel the rest once the first one finishes. With `timeout=` it returns whatever is done by then instead of raising.',
    partners: ['concurrent.futures.Future'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor, wait',
      'with ThreadPoolExecutor() as pool:',
      '    futures = [pool.submit(pow, 2, n) for n in range(4)]',
      '    done, not_done = wait(futures)',
      '    print(sorted(f.result() for f in done), len(not_done))  # [1, 2, 4, 8] 0',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.wait`,
  },
  'concurrent.futures.Executor.submit': {
    summary: 'Schedules `fn(*args, **kwargs)` on the pool and returns a `Future` at once, without waiting.',
    trigger: 'One call per task: keep the futures and read them with `as_completed`, `wait` or `result()`. An exception raised by the call is stored in its future and only surfaces when someone asks, so an unread future fails silently. After `shutdown()`, `submit` raises `RuntimeError`.',
    partners: ['concurrent.futures.Future', 'concurrent.futures.Executor.map'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor',
      'with ThreadPoolExecutor(max_workers=2) as pool:',
      '    ok, bad = pool.submit(divmod, 7, 2), pool.submit(divmod, 1, 0)',
      '    print(ok.result(), repr(bad.exception()))  # (3, 1) ZeroDivisionError(...)',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.Executor.submit`,
  },
  'concurrent.futures.Executor.map': {
    summary: 'Like `map()`, but the calls run on the pool; the results still come back in input order.',
    trigger: 'Every call is submitted at once (the inputs are read eagerly), and results are yielded in order, so one slow item holds back the ones after it. A call\'s exception is raised when iteration reaches its result. `timeout=` limits the wait; for process pools `chunksize=` sends items in batches.',
    partners: ['concurrent.futures.Executor.submit'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor',
      'with ThreadPoolExecutor() as pool:',
      '    print(list(pool.map(pow, [2, 3, 4], [2, 2, 2])))  # [4, 9, 16]',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.Executor.map`,
  },
  'concurrent.futures.Future.result': {
    summary: 'Waits for the future\'s call to finish and returns its value, or raises the exception the call raised.',
    trigger: 'With `timeout=` (seconds) it raises `TimeoutError` when the value is not ready in time (in 3.11 `concurrent.futures.TimeoutError` is the builtin); a cancelled future raises `CancelledError`. Calling it right after each `submit()` makes the work run one call at a time: submit everything first.',
    partners: ['concurrent.futures.Future'],
    example: lines(
      'from concurrent.futures import ThreadPoolExecutor',
      'import threading',
      'with ThreadPoolExecutor() as pool:',
      '    gate = threading.Event(); future = pool.submit(gate.wait)',
      '    try: future.result(timeout=0.01)',
      '    except TimeoutError: gate.set(); print(future.result())  # True',
    ),
    docs: `${LIBRARY}/concurrent.futures.html#concurrent.futures.Future.result`,
  },
};

const TYPES_AND_NUMBERS: Record<string, Explanation> = {
  'types.SimpleNamespace': {
    summary: 'A plain object whose attributes come from keyword arguments, with a readable repr and equality that compares the attributes.',
    trigger: 'A quick bag of attributes (settings, a test double) where writing a class would be overkill; attributes can be added and changed freely. When the fields are fixed and worth documenting, use a dataclass.',
    example: lines(
      'from types import SimpleNamespace',
      'point = SimpleNamespace(x=1, y=2)',
      'point.z = 3',
      'print(point)  # -> namespace(x=1, y=2, z=3)',
      'print(point == SimpleNamespace(x=1, y=2, z=3))  # True',
    ),
    docs: `${LIBRARY}/types.html#types.SimpleNamespace`,
  },
  'types.MappingProxyType': {
    summary: 'A read-only view of a mapping: reads work, writes raise `TypeError`, and changes to the underlying dict show through.',
    trigger: 'Hand out an internal table without letting callers change it (a class\'s `__dict__` is one of these). It is a view, not a copy: whoever holds the dict can still modify it.',
    example: lines(
      'from types import MappingProxyType',
      'settings = {"debug": False}',
      'view = MappingProxyType(settings)',
      'settings["debug"] = True; print(view["debug"])  # True: a live view, not a copy',
      'try: view["debug"] = False',
      'except TypeError: print(view["debug"])  # True: the view itself refuses writes',
    ),
    docs: `${LIBRARY}/types.html#types.MappingProxyType`,
  },
  'types.MethodType': {
    summary: 'Binds a function to an object, making a bound method: calling it passes that object as the first argument.',
    trigger: 'Attribute lookup does this for every function defined in a class; call it yourself to give one instance its own method (`obj.f = MethodType(f, obj)`) without touching the class.',
    example: lines(
      'from types import MethodType',
      'class Greeter: name = "ada"',
      'def hello(self): return "hi " + self.name',
      'g = Greeter(); g.hello = MethodType(hello, g)',
      'print(g.hello.__self__ is g, g.hello())  # True hi ada',
    ),
    docs: `${LIBRARY}/types.html#types.MethodType`,
  },
  'enum.Enum': {
    summary: 'A fixed set of named constants: each member is created once, is a singleton, and has a `name` and a `value`.',
    trigger: 'Members are made when the class body runs. Compare them with `is` (or `==`), iterate the class in definition order, look one up by value with `Color(1)` or by name with `Color["RED"]`. A member is not equal to its plain value unless the enum mixes in the value\'s type, as `IntEnum` and `StrEnum` do.',
    example: lines(
      'from enum import Enum',
      'class Color(Enum):',
      '    RED = 1',
      '    GREEN = 2',
      'print(Color(1) is Color.RED, Color["GREEN"].value, Color.RED == 1)  # True 2 False',
    ),
    docs: `${LIBRARY}/enum.html#enum.Enum`,
  },
  'decimal.Decimal': {
    summary: 'Exact decimal arithmetic with a chosen precision: `Decimal("0.1") * 3` is exactly `0.3`, which floats cannot do.',
    trigger: 'Build it from a string or an int: `Decimal(0.1)` keeps the float\'s binary value digit for digit. Precision (28 significant digits by default) and rounding come from the current context (`decimal.getcontext()`, `decimal.localcontext()`); `quantize()` rounds to a fixed number of places, as money needs.',
    partners: ['fractions.Fraction'],
    example: lines(
      'from decimal import Decimal',
      'print(Decimal("0.1") * 3)  # 0.3',
      'print(Decimal(0.1))  # 0.1000000000000000055511151231257827021181583404541015625',
      'print(Decimal("2.675").quantize(Decimal("0.01")))  # 2.68',
      'print(round(2.675, 2))  # 2.67: the float is a little below 2.675',
    ),
    docs: `${LIBRARY}/decimal.html#decimal.Decimal`,
  },
  'fractions.Fraction': {
    summary: 'Exact rational numbers, always kept in lowest terms with a positive denominator.',
    trigger: 'Arithmetic stays exact (`Fraction(1, 3) * 3 == 1`). Build one from ints, from strings (`"3/4"`, `"0.1"`) or from a float, which brings its binary error along; `limit_denominator()` rounds that away.',
    partners: ['decimal.Decimal'],
    example: lines(
      'from fractions import Fraction',
      'print(Fraction(6, -8))  # -3/4',
      'print(Fraction(1, 3) + Fraction(1, 6))  # 1/2',
      'print(Fraction(0.1) == Fraction(1, 10), Fraction(0.1).limit_denominator())  # False 1/10',
    ),
    docs: `${LIBRARY}/fractions.html#fractions.Fraction`,
  },
};

/** Library names for concurrency and the remaining standard types, keyed by qualified name. */
export const CONCURRENCY_AND_TYPES: Readonly<Record<string, Explanation>> = {
  ...ASYNCIO,
  ...THREADS,
  ...FUTURES,
  ...TYPES_AND_NUMBERS,
};

/** Ideas with no name of their own in code. */
export const CONCEPTS: Readonly<Record<string, Explanation>> = {
  GIL: {
    title: 'The GIL (global interpreter lock)',
    summary: 'In CPython, a lock that lets only one thread at a time run Python bytecode, so extra threads do not speed up pure-Python CPU work.',
    trigger: 'A thread gives it up while it blocks on I/O or `time.sleep`, when another thread has waited a switch interval for it (`sys.setswitchinterval`), and when a C extension releases it around its own work (hashlib and zlib on large inputs, many NumPy operations). It protects the interpreter\'s internals, not your data: `counter += 1` is a read, an add and a write, and a switch can fall between them, so shared state still needs a `threading.Lock`.',
    partners: ['threading.Thread', 'sys.setswitchinterval', 'asyncio.to_thread'],
    aliases: ['global interpreter lock'],
    example: lines(
      'import dis',
      'def bump():',
      '    global counter; counter += 1',
      'steps = [i.opname for i in dis.get_instructions(bump)]',
      'print("LOAD_GLOBAL" in steps, "STORE_GLOBAL" in steps)  # True True: separate read and write',
    ),
    docs: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock',
  },
};
