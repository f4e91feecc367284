import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

/** A class storing `stored` in `__init__(self, <parameters>)` and removing from `self.members` in `leave`. */
function team(parameters: string, ...body: string[]): string {
  return [
    'class Team:',
    `    def __init__(self, ${parameters}):`,
    ...body.map((line) => `        ${line}`),
    '',
    '    def leave(self, name):',
    '        self.members.remove(name)',
    '',
  ].join('\n');
}

describe('PP402 mutable-argument-alias', () => {
  ruleTests(
    'PP402',
    {
      valid: [
        // nothing changes the stored object in place
        'class Team:\n    def __init__(self, members=None):\n        self.members = members or []\n\n    def size(self):\n        return len(self.members)\n',
        // no container of its own when none is passed: storing the caller's object is the API (a wrapper, a sink)
        team('members', 'self.members = members'),
        team('members=None', 'self.members = members'),
        team('members: list', 'self.members = members'),
        // immutable defaults and annotations, or types that are not containers
        team('members=()', 'self.members = members or []'),
        team('members: Sequence[str] = None', 'self.members = members or []'),
        team('members: "Roster | None" = None', 'self.members = members or []'),
        // already copied
        team('members=None', 'self.members = list(members or [])'),
        team('members=None', 'self.members = members.copy() if members else []'),
        team('members=None', 'if members is None:', '    members = []', 'members = list(members)', 'self.members = members'),
        // copying is an option the class offers
        team('members=None, copy=True', 'if members is None:', '    self.members = []', 'elif copy:', '    self.members = list(members)', 'else:', '    self.members = members'),
        // names that say the caller shares it on purpose: an output list, a cache
        'class Runner:\n    def __init__(self, output=None):\n        self.output = output if output is not None else []\n\n    def run(self):\n        self.output.append(1)\n',
        'class Client:\n    def __init__(self, cache=None):\n        self._cache = cache or {}\n\n    def get(self, key):\n        self._cache[key] = 1\n',
        // a number falls back on a number
        'class Counter:\n    def __init__(self, count=None):\n        self.count = count or 0\n\n    def bump(self):\n        self.count += 1\n',
        // not the constructor of a class: a decorated one, a nested function, a store in a nested function
        'class Team:\n    @wraps(base)\n    def __init__(self, members=None):\n        self.members = members or []\n\n    def leave(self, name):\n        self.members.remove(name)\n',
        'def __init__(self, members=None):\n    self.members = members or []\n    self.members.append(1)\n',
        team('members=None', 'def later():', '    self.members = members or []', 'self.later = later'),
        // a class nested in a method changes its own instance's attribute
        'class Team:\n    def __init__(self, members=None):\n        self.members = members or []\n\n    def make(self):\n        class Other:\n            def leave(self, name):\n                self.members.remove(name)\n        return Other\n',
      ],
      invalid: [
        {
          // the post's bus: the else branch keeps the caller's list
          code: [
            'class TwilightBus:',
            '    def __init__(self, passengers=None):',
            '        if passengers is None:',
            '            self.passengers = []',
            '        else:',
            '            self.passengers = passengers',
            '',
            '    def drop(self, name):',
            '        self.passengers.remove(name)',
            '',
          ].join('\n'),
          errors: ['5:12-5:40'],
          output: [
            'class TwilightBus:',
            '    def __init__(self, passengers=None):',
            '        if passengers is None:',
            '            self.passengers = []',
            '        else:',
            '            self.passengers = list(passengers)',
            '',
            '    def drop(self, name):',
            '        self.passengers.remove(name)',
            '',
          ].join('\n'),
        },
        {
          code: team('members=None', 'self.members = members or []'),
          errors: ['2:8-2:36'],
          output: team('members=None', 'self.members = list(members or [])'),
        },
        {
          code: team('members=None', 'self.members = members if members is not None else []'),
          errors: ['2:8-2:61'],
          output: team('members=None', 'self.members = list(members) if members is not None else []'),
        },
        {
          code: team('members=None', 'self.members = set() if members is None else members'),
          errors: ['2:8-2:60'],
          output: team('members=None', 'self.members = set() if members is None else set(members)'),
        },
        {
          // a mutable default (PP401's finding too) tells the type
          code: team('members={}', 'self.members = members'),
          errors: ['2:8-2:30'],
          output: team('members={}', 'self.members = dict(members)'),
        },
        {
          // stored before the guard: `None` reaches the store, and keeps working
          code: team('members=None', 'self.members = members', 'if self.members is None:', '    self.members = []'),
          errors: ['2:8-2:30'],
          output: team('members=None', 'self.members = list(members) if members is not None else []', 'if self.members is None:', '    self.members = []'),
        },
        {
          // a guard on the parameter comes first: no `None` left
          code: team('members=None', 'if members is None:', '    members = []', 'self.members = members'),
          errors: ['4:8-4:30'],
          output: team('members=None', 'if members is None:', '    members = []', 'self.members = list(members)'),
        },
        {
          // the annotation names the constructor
          code: team('members: Optional[Dict[str, int]] = None', 'self.members = members or {}'),
          errors: ['2:8-2:36'],
          output: team('members: Optional[Dict[str, int]] = None', 'self.members = dict(members or {})'),
        },
        {
          // any other container is copied with copy.copy, imported after the docstring and __future__ imports
          code: '"""Teams."""\nfrom __future__ import annotations\nimport collections\n\n' + team('members=None', 'self.members = members or collections.deque()'),
          errors: ['6:8-6:53'],
          output: '"""Teams."""\nfrom __future__ import annotations\nimport copy\nimport collections\n\n' + team('members=None', 'self.members = copy.copy(members or collections.deque())'),
        },
        {
          // `copy` already imported; fallbacks of two kinds
          code: 'import copy\n\n' + team('members=None', 'if members is None:', '    members = {}' , 'self.members = members or []'),
          errors: ['6:8-6:36'],
          output: 'import copy\n\n' + team('members=None', 'if members is None:', '    members = {}', 'self.members = copy.copy(members or [])'),
        },
        {
          // a parameter named `copy` takes the name the fix needs: reported, not fixed
          code: 'from collections import deque\n\n' + team('members=None, copy=False', 'self.members = members or deque()'),
          errors: ['4:8-4:41'],
          output: null,
        },
        {
          // every kind of change, in `__init__` itself or elsewhere; the message names the first
          code:
            'class Ledger:\n' +
            '    def __init__(self, rows=None, index=None, seen=None, tags=None):\n' +
            '        self.rows = rows or []\n' +
            '        self.rows.extend([0])\n' +
            '        self.index = index or {}\n' +
            '        self.seen_ids = seen or set()\n' +
            '        self.tags = tags or []\n' +
            '\n' +
            '    def drop(self, key):\n' +
            '        del self.index[key]\n' +
            '        self.seen_ids |= {key}\n' +
            '        self.tags[0] = key\n',
          errors: ['2:8-2:30', '4:8-4:32', '5:8-5:37', '6:8-6:30'],
          output:
            'class Ledger:\n' +
            '    def __init__(self, rows=None, index=None, seen=None, tags=None):\n' +
            '        self.rows = list(rows or [])\n' +
            '        self.rows.extend([0])\n' +
            '        self.index = dict(index or {})\n' +
            '        self.seen_ids = set(seen or set())\n' +
            '        self.tags = list(tags or [])\n' +
            '\n' +
            '    def drop(self, key):\n' +
            '        del self.index[key]\n' +
            '        self.seen_ids |= {key}\n' +
            '        self.tags[0] = key\n',
        },
        {
          // a decorated class, keyword-only parameters, a typed `self`
          code: '@final\nclass Team:\n    def __init__(self: "Team", *, members: list[str] | None = None) -> None:\n        self.members = members or []\n\n    def leave(self, name):\n        self.members.remove(name)\n',
          errors: ['3:8-3:36'],
          output: '@final\nclass Team:\n    def __init__(self: "Team", *, members: list[str] | None = None) -> None:\n        self.members = list(members or [])\n\n    def leave(self, name):\n        self.members.remove(name)\n',
        },
      ],
    },
    it,
  );
});
