import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP603 open-without-with', () => {
  ruleTests(
    'PP603',
    {
      valid: [
        'def f(p):\n    with open(p) as f:\n        return f.read()\n',
        // returned, yielded, stored on self or elsewhere, or aliased
        'def f(p):\n    f = open(p)\n    return f\n',
        'def f(p):\n    f = open(p)\n    return f, p\n',
        'def f(p):\n    f = open(p)\n    yield f\n',
        'class C:\n    def __init__(self, p):\n        f = open(p)\n        self.f = f\n',
        'def f(p, files):\n    f = open(p)\n    files[p] = f\n',
        // closed in a finally, or right after opening
        'def f(p):\n    f = open(p)\n    try:\n        return f.read()\n    finally:\n        f.close()\n',
        'def f(p):\n    f = None\n    try:\n        f = open(p)\n        return f.read()\n    finally:\n        if f:\n            f.close()\n',
        'def f(p):\n    f = open(p, "w")\n    f.close()\n',
        'def f(p):\n    f = open(p, "w")\n    try:\n        f.close()\n        check(f)\n    finally:\n        cleanup()\n',
        'def f(p):\n    try:\n        f = open(p)\n    except OSError:\n        return None\n    else:\n        f.close()\n    return p\n',
        'def f(p):\n    f = open(p)\n    try:\n        use(f)\n    finally:\n        close_quietly(f)\n',
        // with f:, contextlib.closing, ExitStack.enter_context, cleanup callbacks
        'def f(p):\n    f = open(p)\n    with f:\n        return f.read()\n',
        'def f(p):\n    f = open(p)\n    with f as g, lock:\n        return g.read()\n',
        'import contextlib\ndef f(p):\n    f = open(p)\n    with contextlib.closing(f) as g:\n        return g.read()\n',
        'def f(p, stack):\n    f = open(p)\n    stack.enter_context(f)\n    return f.read()\n',
        'import atexit\ndef f(p):\n    log = open(p, "w")\n    atexit.register(log.close)\n    log.write("x")\n',
        'def f(self, p):\n    f = open(p)\n    self.addCleanup(f.close)\n',
        // handed over to something that keeps it
        'def f(p, files):\n    f = open(p)\n    files.append(f)\n',
        'def f(p):\n    f = open(p, "rb")\n    return Wrapper(f)\n',
        'def f(p, source):\n    f = open(p, "rb")\n    source.setByteStream(f)\n    return source\n',
        'def f(p):\n    f = open(p, "rb")\n    reader = _Reader(f, close_handle=True)\n    return reader\n',
        'def f(self, p):\n    err = open(p, "w")\n    self.trace.setwriter(err.write)\n',
        'def f(p):\n    f = open(p)\n    def g():\n        return f.read()\n    return g\n',
        // module level and class level: a script's file lives as long as the script
        'f = open("log.txt", "w")\nf.write("x")\n',
        'class C:\n    f = open("x")\n',
        // not a plain assignment of the builtin
        'def f(p):\n    g = open(p) if p else None\n',
        'def f(p):\n    self.f = open(p)\n',
        'def open(p):\n    return p\ndef f(p):\n    g = open(p)\n',
        'import gzip\ndef f(p):\n    g = gzip.open(p)\n',
      ],
      invalid: [
        {
          code: 'def first_line(path):\n    f = open(path)\n    line = f.readline()\n    f.close()\n    return line\n',
          errors: ['1:8-1:18'],
          output: null,
        },
        {
          // never closed
          code: 'def count(path):\n    f = open(path)\n    return sum(1 for _ in f)\n',
          errors: ['1:8-1:18'],
          output: null,
        },
        {
          // reads before the opening see the path, not the file; passing the file to a function does not close it
          code: 'import io\n\ndef dump(path, data):\n    path = io.open(path, "w")\n    json.dump(data, path)\n    lines = list(path)\n',
          errors: ['3:11-3:29'],
          output: null,
        },
        {
          // closed, but not in a finally; a wrapper in a local name does not take it over from a function that closes it
          code:
            'class Loader:\n    def load(self, path):\n        try:\n            f = open(path, "rb")\n            reader = Reader(f)\n            data = reader.read()\n            f.close()\n        except OSError:\n            return None\n        return data\n',
          errors: ['3:16-3:32'],
          output: null,
        },
      ],
    },
    it,
  );
});
