import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP404 list-multiplication-alias', () => {
  ruleTests(
    'PP404',
    {
      valid: [
        // immutable elements
        'def f(n):\n    row = [0] * n\n    row[0] = 1\n    names = [None] * n\n    names[1] = "a"\n    pairs = [(0, 0)] * n\n    return row, names, pairs\n',
        // shared rows that are only read, or replaced whole
        'def f(n):\n    grid = [[0] * 3] * n\n    print(grid[0][0])\n    return grid\n',
        'def f(n):\n    grid = [[0] * 3] * n\n    grid[0] = [1, 2, 3]\n    return grid\n',
        // handed to a call or compared: whoever receives it decides
        'import numpy as np\ndef f(n):\n    a = np.array([[0] * 3] * n)\n    a[0][0] = 1\n    assert [[1, 2]] * 2 == [[1, 2], [1, 2]]\n',
        'def f(n):\n    return [[] for _ in range(n)]\n',
        // another name's rows change
        'def f(n, other):\n    grid = [[0] * 3] * n\n    other[0][0] = 1\n    return grid\n',
        // the change is in another method (its own unit), not in this one
        'class Board:\n    def __init__(self, n):\n        self.cells = [[0] * n] * n\n\n    def mark(self, i, j):\n        self.cells[i][j] = 1\n',
        // a list of one element that is not fresh: a name may hold anything
        'def f(row, n):\n    grid = [row] * n\n    grid[0][0] = 1\n',
      ],
      invalid: [
        {
          code: 'def board(n):\n    grid = [[0] * n] * n\n    grid[0][0] = 1\n    return grid\n',
          errors: ['1:11-1:24'],
          output: 'def board(n):\n    grid = [[0] * n for _ in range(n)]\n    grid[0][0] = 1\n    return grid\n',
        },
        {
          // every kind of in-place change of a row, and the count on the left
          code:
            'def f(n):\n' +
            '    a = n * [[]]\n' +
            '    a[0].append(1)\n' +
            '    b = [{}] * n\n' +
            '    b[1]["k"] = 2\n' +
            '    c = [set()] * 2\n' +
            '    c[0] |= {3}\n' +
            '    d = [list()] * 2\n' +
            '    del d[0][:]\n' +
            '    e = [[x for x in range(3)]] * 2\n' +
            '    e[0][0], e[1][1] = 4, 5\n' +
            '    return a, b, c, d, e\n',
          errors: ['1:8-1:16', '3:8-3:16', '5:8-5:19', '7:8-7:20', '9:8-9:35'],
          output:
            'def f(n):\n' +
            '    a = [[] for _ in range(n)]\n' +
            '    a[0].append(1)\n' +
            '    b = [{} for _ in range(n)]\n' +
            '    b[1]["k"] = 2\n' +
            '    c = [set() for _ in range(2)]\n' +
            '    c[0] |= {3}\n' +
            '    d = [list() for _ in range(2)]\n' +
            '    del d[0][:]\n' +
            '    e = [[x for x in range(3)] for _ in range(2)]\n' +
            '    e[0][0], e[1][1] = 4, 5\n' +
            '    return a, b, c, d, e\n',
        },
        {
          // three levels: each shared level is reported, and fixed in turn; `self.` targets in the same method count
          code: 'class Cube:\n    def __init__(self, n):\n        self.cells = [[[0] * n] * n] * n\n        self.cells[0][0][0] = 1\n',
          errors: ['2:21-2:40', '2:22-2:35'],
          output: 'class Cube:\n    def __init__(self, n):\n        self.cells = [[[0] * n for _ in range(n)] for _ in range(n)]\n        self.cells[0][0][0] = 1\n',
        },
        {
          // concatenated with other rows; the loop variable avoids a name the element uses
          code: 'def f(head, _, n):\n    rows = head + [[_]] * n\n    rows[-1].append(0)\n    return rows\n',
          errors: ['1:18-1:27'],
          output: 'def f(head, _, n):\n    rows = head + [[_] for _i in range(n)]\n    rows[-1].append(0)\n    return rows\n',
        },
        {
          // no fix: the element would be built from an iterator n times, the count could change
          // what the element reads, or a comment would be lost
          code:
            'def f(data, fill, n):\n' +
            '    a = [list(data)] * n\n' +
            '    a[0].append(1)\n' +
            '    b = [[fill] * 3] * size()\n' +
            '    b[0][0] = 1\n' +
            '    c = [[]  # rows\n' +
            '         ] * n\n' +
            '    c[0].append(1)\n',
          errors: ['1:8-1:24', '3:8-3:29', '5:8-6:14'],
          output: null,
        },
        {
          // the count first keeps the order of evaluation: the fix is offered
          code: 'def f(fill):\n    b = size() * [[fill] * 3]\n    b[0][0] = 1\n',
          errors: ['1:8-1:29'],
          output: 'def f(fill):\n    b = [[fill] * 3 for _ in range(size())]\n    b[0][0] = 1\n',
        },
        {
          // at class level a comprehension cannot see the class's names: reported, not fixed
          code: 'class Grid:\n    W = 3\n    cells = [[0] * W] * 2\n    cells[0][0] = 1\n\n    def show(self):\n        return self.cells\n',
          errors: ['2:12-2:25'],
          output: null,
        },
        {
          // at class level, names from outside the class are fine
          code: 'W = 3\n\nclass Grid:\n    cells = [[0] * W] * 2\n    cells[0][0] = 1\n',
          errors: ['3:12-3:25'],
          output: 'W = 3\n\nclass Grid:\n    cells = [[0] * W for _ in range(2)]\n    cells[0][0] = 1\n',
        },
      ],
    },
    it,
  );
});
