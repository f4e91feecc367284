import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP501 list-pop-front', () => {
  ruleTests(
    'PP501',
    {
      valid: [
        // receivers known not to be lists
        'def f():\n    d = {}\n    while d:\n        d.pop(0)\n',
        'def f():\n    d = dict()\n    for k in ks:\n        d.pop(0)\n',
        'from collections import deque\ndef f():\n    q = deque()\n    while q:\n        q.pop(0)\n',
        'from collections import deque\nQUEUE = deque()\ndef f():\n    while QUEUE:\n        QUEUE.insert(0, 1)\n',
        'from collections import deque\ndef f(q: deque):\n    while q:\n        q.pop(0)\n',
        // names of unknown type and attributes (widgets, dicts keyed by 0, deques made elsewhere)
        'def f(items):\n    while items:\n        items.pop(0)\n',
        'def f(self):\n    while self.queue:\n        self.queue.pop(0)\n',
        'def f(entry, texts):\n    for t in texts:\n        entry.insert(0, t)\n',
        'import sys\ndef f(dirs):\n    for d in dirs:\n        sys.path.insert(0, d)\n',
        'def f():\n    coeffs = linear_coeffs()\n    for x in xs:\n        use(coeffs.pop(0))\n',
        // the list is made afresh on each pass: it never grows long
        'def f(lines):\n    for line in lines:\n        parts = line.split(",")\n        head = parts.pop(0)\n        print(head, parts)\n',
        'def f(refs):\n    for ref in refs:\n        found = [ref]\n        found.insert(0, " ")\n',
        // on the way out of the loop: once per loop, not once per pass
        'def f(infos):\n    found = []\n    for info in infos:\n        if info.ok:\n            found.insert(0, info)\n            break\n    return found\n',
        // not in a loop, or other indexes and methods
        'def f():\n    q = [1, 2]\n    return q.pop(0)\n',
        'def f():\n    q = [1, 2]\n    while q:\n        q.pop()\n        q.pop(-1)\n        q.insert(1, 0)\n',
        // only the first iterable of a comprehension runs once
        'def f():\n    q = [[1], [2]]\n    return [x for x in q.pop(0)]\n',
        // a loop in a nested function does not make the outer call a loop call
        'def f():\n    q = [1]\n    for _ in range(3):\n        def g():\n            return 1\n    return q.pop(0)\n',
      ],
      invalid: [
        {
          // the classic breadth-first search
          code: 'def bfs(start):\n    queue = [start]\n    while queue:\n        node = queue.pop(0)\n        queue.extend(node.children)\n',
          errors: ['3:15-3:27'],
          output: null,
        },
        {
          code: 'def build(items):\n    out = []\n    for item in items:\n        out.insert(0, item)\n    return out\n',
          errors: ['3:8-3:27'],
          output: null,
        },
        {
          // a while condition runs on every pass; sorted(), split() and list() build lists
          code:
            'def f(a, text):\n    s = sorted(a)\n    words = text.split()\n    rest = list(a)\n' +
            '    while s.pop(0):\n        words.pop(0)\n        rest.insert(0, 1)\n    print([s.pop(0) for _ in a])\n    return\n',
          errors: ['4:10-4:18', '5:8-5:20', '6:8-6:25', '7:11-7:19'],
          output: null,
        },
        {
          // a module-level list, a parameter annotated list, a free variable, a comprehension
          code:
            'PENDING = []\n\ndef drain():\n    for _ in range(3):\n        PENDING.pop(0)\n\n' +
            'def g(q: list[int]):\n    while q:\n        q.pop(0)\n\n' +
            'def outer():\n    q = [1, 2, 3]\n    def inner():\n        while q:\n            q.pop(0)\n    return [q.pop(0) for _ in range(2)]\n',
          errors: ['4:8-4:22', '8:8-8:16', '14:12-14:20', '15:12-15:20'],
          output: null,
        },
        {
          // module-level loop over a module-level list
          code: 'todo = ["a", "b"]\nwhile todo:\n    print(todo.pop(0))\n',
          errors: ['2:10-2:21'],
          output: null,
        },
      ],
    },
    it,
  );
});
