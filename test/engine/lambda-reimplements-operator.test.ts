import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSameOutput, check, ruleTests } from '../support/engine';

describe('PP702 lambda-reimplements-operator', () => {
  ruleTests(
    'PP702',
    {
      valid: [
        // defaults, starred parameters, several parameters
        'f(lambda x=0: x[0])\n',
        'f(lambda *x: x[0])\n',
        'f(lambda **x: x["a"])\n',
        'f(lambda x, y: x[y])\n',
        // slices, several indexes, the key mentions the parameter
        'f(lambda x: x[1:])\n',
        'f(lambda x: x[1, 2])\n',
        'f(lambda x: x[x[0]])\n',
        'f(lambda x: x[g()])\n',
        // a one-element tuple, a mixed tuple, something else than the parameter
        'f(lambda x: (x[0],))\n',
        'f(lambda x: (x[0], x.a))\n',
        'f(lambda x: y[0])\n',
        'f(lambda x: (x[0], y[1]))\n',
        // the method is not looked up on the parameter, or its arguments use it
        'f(lambda x: x.a.m())\n',
        'f(lambda x: x.m(x))\n',
        'f(lambda x: x.m(*args))\n',
        'f(lambda x: x.m(g()))\n',
        'f(lambda x: x())\n',
        // names a class would mangle
        'f(lambda o: o.__secret)\n',
        'f(lambda o: o.__secret())\n',
        // a lambda a class body assigns is a method; an operator function would not bind
        'class C:\n    first = lambda self: self[0]\n    name = (lambda self: self.name)\n',
      ],
      invalid: [
        {
          // the safe case: a literal key of sorted's key=
          code: 'rows = sorted(data, key=lambda r: r[1])\n',
          errors: ['0:24-0:38'],
          output: 'from operator import itemgetter\nrows = sorted(data, key=itemgetter(1))\n',
        },
        {
          // tuples of items and of attributes, dotted paths, methods without arguments
          code: [
            'a = max(d, key=lambda r: (r[1], r["name"], r[-1]))',
            'b = min(d, key=lambda o: o.owner.name)',
            "c = sorted(d, key=lambda o: (o.a, o.b.c))",
            'd.sort(key=lambda s: s.lower())',
            '',
          ].join('\n'),
          errors: ['0:15-0:49', '1:15-1:37', '2:18-2:40', '3:11-3:30'],
          output: [
            'from operator import itemgetter, attrgetter, methodcaller',
            'a = max(d, key=itemgetter(1, "name", -1))',
            'b = min(d, key=attrgetter("owner.name"))',
            'c = sorted(d, key=attrgetter("a", "b.c"))',
            'd.sort(key=methodcaller("lower"))',
            '',
          ].join('\n'),
        },
        {
          // an existing `import operator`; the file's quotes
          code: "import operator\nx = map(lambda o: o.name, ['a'])\nx = map(lambda o: (o.name), ['a'])\n",
          errors: ['1:8-1:24', '2:8-2:26'],
          output: "import operator\nx = map(operator.attrgetter('name'), ['a'])\nx = map(operator.attrgetter('name'), ['a'])\n",
        },
        {
          // merged into an existing `from operator import`, after the docstring and __future__ imports
          code: '"""Doc."""\nfrom __future__ import annotations\nfrom operator import add\n\nx = map(lambda s: s.split(","), lines)\n',
          errors: ['4:8-4:30'],
          output: '"""Doc."""\nfrom __future__ import annotations\nfrom operator import add, methodcaller\n\nx = map(methodcaller("split", ","), lines)\n',
        },
        {
          code: '"""Doc."""\nimport heapq\nimport itertools\n\ny = heapq.nlargest(3, d, key=lambda r: r.score)\nz = itertools.groupby(d, key=lambda r: r[0])\n',
          errors: ['4:29-4:46', '5:29-5:43'],
          output:
            '"""Doc."""\nfrom operator import attrgetter, itemgetter\nimport heapq\nimport itertools\n\n' +
            'y = heapq.nlargest(3, d, key=attrgetter("score"))\nz = itertools.groupby(d, key=itemgetter(0))\n',
        },
        {
          // an existing `from operator import itemgetter` binding is reused
          code: 'from operator import itemgetter\n\ndef f(rows, k):\n    return sorted(rows, key=lambda r: r[k])\n',
          errors: ['3:28-3:42'],
          output: 'from operator import itemgetter\n\ndef f(rows, k):\n    return sorted(rows, key=itemgetter(k))\n',
        },
        {
          // a property in a class body (not an assignment of the lambda itself), keyword arguments of a method
          code: 'class File:\n    seek = property(lambda self: self.raw.seek)\n\nparts = map(lambda s: s.split(sep=",", maxsplit=1), lines)\n',
          errors: ['1:20-1:46', '3:12-3:50'],
          output:
            'from operator import attrgetter, methodcaller\nclass File:\n    seek = property(attrgetter("raw.seek"))\n\n' +
            'parts = map(methodcaller("split", sep=",", maxsplit=1), lines)\n',
        },
        {
          // the name is taken: reported without a fix (a local, a module-level binding, a comment inside)
          code: [
            'def f(rows, itemgetter):',
            '    return sorted(rows, key=lambda r: r[0])',
            'attrgetter = None',
            'g = map(lambda o: o.x, items)',
            'h = map(lambda o: (  # first',
            '    o[0]), items)',
            '',
          ].join('\n'),
          errors: ['1:28-1:42', '3:8-3:21', '4:8-5:9'],
          output: null,
        },
        {
          // inside an f-string's braces, the quote the f-string does not use
          code: 'import operator\ns = f"{\', \'.join(map(lambda x: x.name, items))}"\nt = f\'{", ".join(map(lambda x: x.name, items))}\'\n',
          errors: ['1:21-1:37', '2:21-2:37'],
          output: 'import operator\ns = f"{\', \'.join(map(operator.attrgetter(\'name\'), items))}"\nt = f\'{", ".join(map(operator.attrgetter("name"), items))}\'\n',
        },
        {
          // f-strings with both quotes around the lambda: no quote fits
          code: 'import operator\ns = f"{f\'{g(lambda x: x.name)}\'}"\n',
          errors: ['1:12-1:28'],
          output: null,
        },
        {
          // in a class body the lambda reads the global `K`, `itemgetter(K)` would read the class's
          code: 'K = 0\nclass C:\n    K = 1\n    rows = sorted(DATA, key=lambda r: r[K])\n',
          errors: ['3:28-3:42'],
          output: null,
        },
      ],
    },
    it,
  );

  it('fixes are safe only as a sort key with literal keys and argument-less methods', async () => {
    const code = [
      'k = 1',
      'a = sorted(d, key=lambda r: r[k])',
      'b = sorted(d, key=lambda s: s.split(","))',
      'c = map(lambda r: r[0], d)',
      'e = sorted(d, key=lambda r: r[0])',
      'f = sorted(d, key=lambda o: o.a.b)',
      '',
    ].join('\n');
    const found = await check(code, { select: ['PP702'] });
    assert.deepEqual(found.map((d) => d.fix?.safety), ['unsafe', 'unsafe', 'unsafe', 'safe', 'safe']);
  });

  it('the safe fix keeps what sorting does: ties, errors midway, properties with side effects, groupby', async () => {
    const program = [
      'import heapq',
      'import itertools',
      '',
      'class Row:',
      '    def __init__(self, name, score):',
      '        self.name, self._score = name, score',
      '    @property',
      '    def score(self):',
      '        print("score of", self.name)',
      '        if self._score is None:',
      '            raise AttributeError("no score for " + self.name)',
      '        return self._score',
      '    def label(self):',
      '        print("label of", self.name)',
      '        return self.name.upper()',
      '    def __repr__(self):',
      '        return self.name',
      '',
      'rows = [Row("b", 2), Row("a", 1), Row("c", 2), Row("d", 1)]',
      'print(sorted(rows, key=lambda r: r.score))',
      'print(max(rows, key=lambda r: r.score), min(rows, key=lambda r: r.score))',
      'print(heapq.nsmallest(2, rows, key=lambda r: r.score))',
      'print(heapq.nlargest(2, rows, key=lambda r: r.label()))',
      'rows.sort(key=lambda r: r.label(), reverse=True)',
      'print(rows)',
      'for key, group in itertools.groupby(sorted(rows, key=lambda r: r.score), key=lambda r: r.score):',
      '    print(key, list(group))',
      'try:',
      '    sorted(rows + [Row("e", None)], key=lambda r: r.score)',
      'except AttributeError as e:',
      '    print("AttributeError:", e)',
      'records = [{"k": 2, "n": "x"}, {"k": 1, "n": "y"}, {"n": "z"}]',
      'try:',
      '    print(sorted(records, key=lambda r: r["k"]))',
      'except KeyError as e:',
      '    print("KeyError:", e)',
      'pairs = [(1, "b", 0), (0, "a", 1), (1, "a", 2)]',
      'print(sorted(pairs, key=lambda p: (p[0], p[1])), sorted(pairs, key=lambda p: p[-1]))',
      'class Strange(list):',
      '    def __getitem__(self, i):',
      '        print("getitem", i)',
      '        return super().__getitem__(i)',
      'print(sorted([Strange([3, 1]), Strange([2, 5])], key=lambda s: s[0]))',
      '',
    ].join('\n');
    const fixed = await assertSameOutput('PP702', program, { fixes: 12 });
    assert.match(fixed, /^from operator import attrgetter, methodcaller, itemgetter\n/);
    assert.match(fixed, /key=attrgetter\("score"\)\)\n/);
  });
});
