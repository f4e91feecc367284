import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

describe('PP503 manual-defaultdict', () => {
  ruleTests(
    'PP503',
    {
      valid: [
        'from collections import defaultdict\ndef f(pairs):\n    groups = defaultdict(list)\n    for k, v in pairs:\n        groups[k].append(v)\n',
        'def f(pairs):\n    groups = {}\n    for k, v in pairs:\n        groups.setdefault(k, []).append(v)\n',
        // a literal key fills in an optional field of a record-like dict
        'def f(kwargs):\n    if "headers" not in kwargs:\n        kwargs["headers"] = {}\n    kwargs["headers"]["Accept"] = "json"\n',
        // not followed by filling the same entry
        'def f(d, k, v):\n    if k not in d:\n        d[k] = []\n    log(k)\n    d[k].append(v)\n',
        'def f(d, k, v):\n    if k not in d:\n        d[k] = []\n    e[k].append(v)\n',
        'def f(d, k, j, v):\n    if k not in d:\n        d[k] = []\n    d[j].append(v)\n',
        // not an empty container, or the `if` does more
        'def f(d, k, v):\n    if k not in d:\n        d[k] = [0]\n    d[k].append(v)\n',
        'def f(d, k, v):\n    if k not in d:\n        d[k] = []\n        order.append(k)\n    d[k].append(v)\n',
        'def f(d, k, v):\n    if k not in d:\n        d[k] = []\n    else:\n        pass\n    d[k].append(v)\n',
        'def f(d, k, v):\n    if k in d:\n        d[k] = []\n    d[k].append(v)\n',
        // a read is not a fill
        'def f(d, k):\n    if k not in d:\n        d[k] = []\n    return d[k].count(1)\n',
      ],
      invalid: [
        {
          code: 'def group(pairs):\n    groups = {}\n    for k, v in pairs:\n        if k not in groups:\n            groups[k] = []\n        groups[k].append(v)\n    return groups\n',
          errors: ['3:8-3:26'],
          output: null,
        },
        {
          code: 'def f(d, k, v):\n    if k not in d:\n        d[k] = set()\n    d[k].add(v)\n',
          errors: ['1:4-1:17'],
          output: null,
        },
        {
          // nested dicts, augmented fills, attribute dicts, keys that are expressions
          code:
            'class C:\n    def add(self, k, j, v):\n        if k[0] not in self.index:\n            self.index[k[0]] = {}\n        self.index[k[0]][j] = v\n' +
            '        if j not in self.lists:\n            self.lists[j] = list()\n        self.lists[j] += [v]\n',
          errors: ['2:8-2:33', '5:8-5:30'],
          output: null,
        },
      ],
    },
    it,
  );
});
