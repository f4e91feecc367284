import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertSameOutput, ruleTests } from '../support/engine';

const point = (body: string) =>
  ['class Point:', '    def __init__(self, x, y):', '        self.x, self.y = x, y', '', '    def __hash__(self):', `        ${body}`, ''].join('\n');

describe('PP302 xor-hash', () => {
  ruleTests(
    'PP302',
    {
      valid: [
        point('return hash((self.x, self.y))'),
        point('return hash(self.x)'),
        point('return hash(self.x) ^ 1'),
        point('return self.x ^ self.y'),
        // `hash` is the module's own function here
        'def hash(v):\n    return 0\n\n' + point('return hash(self.x) ^ hash(self.y)'),
        // not a method of a class
        'def __hash__(self):\n    return hash(self.x) ^ hash(self.y)\n',
        'class A:\n    def key(self):\n        return hash(self.x) ^ hash(self.y)\n',
        // a nested function inside __hash__ answers for itself
        'class A:\n    def __hash__(self):\n        def mix(a, b):\n            return hash(a) ^ hash(b)\n        return mix(self.x, self.y)\n',
      ],
      invalid: [
        {
          code: point('return hash(self.x) ^ hash(self.y)'),
          errors: ['5:15-5:42'],
          output: point('return hash((self.x, self.y))'),
        },
        {
          code: point('return hash(self.x) ^ hash(self.y) ^ hash(self.name.lower())'),
          errors: ['5:15-5:68'],
          output: point('return hash((self.x, self.y, self.name.lower()))'),
        },
        {
          code: point('return (hash(self.x)\n                ^ hash(self.y))'),
          errors: ['5:15-6:31'],
          output: point('return hash((self.x, self.y))'),
        },
        {
          code: 'class C:\n    @functools.cache\n    def __hash__(self):\n        return hash(self.a) ^ hash((self.b, self.c))\n',
          errors: ['3:15-3:52'],
          output: 'class C:\n    @functools.cache\n    def __hash__(self):\n        return hash((self.a, (self.b, self.c)))\n',
        },
        {
          code: point('return (hash(self.x)  # first\n                ^ hash(self.y))'),
          errors: ['5:15-6:31'],
          output: null,
        },
      ],
    },
    it,
  );

  it('the safe fix keeps what the program does: order of evaluation, side effects, errors midway', async () => {
    const program = [
      'class Loud:',
      '    def __init__(self, name):',
      '        self.name = name',
      '    def __hash__(self):',
      '        print("hashing", self.name)',
      '        return len(self.name)',
      '',
      'class Pair:',
      '    def __init__(self, a, b):',
      '        self.a, self.b = a, b',
      '    def __eq__(self, other):',
      '        return (self.a, self.b) == (other.a, other.b)',
      '    def __hash__(self):',
      '        return hash(self.a) ^ hash(self.b)',
      '',
      'p = Pair(Loud("left"), Loud("right"))',
      'print(isinstance(hash(p), int))',
      'print(len({Pair(1, 2), Pair(1, 2), Pair(2, 1)}))',
      'try:',
      '    hash(Pair(Loud("first"), []))',
      'except TypeError as e:',
      '    print("TypeError:", e)',
      'try:',
      '    hash(Pair([], Loud("never")))',
      'except TypeError as e:',
      '    print("TypeError:", e)',
      '',
    ].join('\n');
    const fixed = await assertSameOutput('PP302', program);
    assert.match(fixed, /return hash\(\(self\.a, self\.b\)\)/);
  });
});
