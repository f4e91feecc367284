import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

const HEADER = 'from dataclasses import dataclass, field\nfrom typing import ClassVar, Dict, List, Optional, Set, Tuple\n';

describe('PP309 frozen-dataclass-mutable-field', () => {
  ruleTests(
    'PP309',
    {
      valid: [
        // immutable annotations
        `${HEADER}@dataclass(frozen=True)\nclass P:\n    a: tuple[int, ...]\n    b: frozenset[str]\n    c: Tuple[int, int]\n    d: "tuple"\n    e: int | None = None\n`,
        // not frozen, frozen=False, or frozen given as an expression
        `${HEADER}@dataclass\nclass P:\n    a: list[int]\n`,
        `${HEADER}@dataclass(frozen=False)\nclass P:\n    a: list[int]\n`,
        `${HEADER}FROZEN = True\n@dataclass(frozen=FROZEN)\nclass P:\n    a: list[int]\n`,
        // eq=False keeps object.__hash__; a hand-written __hash__ replaces the generated one
        `${HEADER}@dataclass(frozen=True, eq=False)\nclass P:\n    a: list[int]\n`,
        `${HEADER}@dataclass(frozen=True)\nclass P:\n    a: list[int]\n    def __hash__(self):\n        return id(self)\n`,
        // fields left out of the hash
        `${HEADER}@dataclass(frozen=True)\nclass P:\n    a: list = field(default_factory=list, hash=False)\n    b: dict = field(default_factory=dict, compare=False)\n`,
        // ClassVar is not a field; unannotated attributes are not fields
        `${HEADER}@dataclass(frozen=True)\nclass P:\n    a: ClassVar[list] = []\n    b = []\n`,
        // a module that rebinds `list`, and other types named like the builtins
        `${HEADER}list = tuple\n@dataclass(frozen=True)\nclass P:\n    a: list\n`,
        `from dataclasses import dataclass\nfrom mylib import List\n@dataclass(frozen=True)\nclass P:\n    a: List[int]\n`,
        // not a dataclass
        'class P:\n    a: list[int]\n',
      ],
      invalid: [
        {
          code: `${HEADER}@dataclass(frozen=True)\nclass Route:\n    stops: list[str]\n    legs: List[int]\n    names: "dict[str, int]"\n    seen: Set[str] = field(default_factory=set)\n`,
          errors: ['4:4-4:9', '5:4-5:8', '6:4-6:9', '7:4-7:8'],
          output: null,
        },
        {
          // typing spelled through the module, inside Optional and unions; unsafe_hash and order do not matter
          code:
            'import dataclasses\nimport typing\n@dataclasses.dataclass(frozen=True, order=True, unsafe_hash=True)\nclass P:\n' +
            '    a: typing.Optional[typing.List[int]] = None\n    b: dict | None = None\n    c: typing.Union[int, set] = 0\n    d: int = 0\n',
          errors: ['4:4-4:5', '5:4-5:5', '6:4-6:5'],
          output: null,
        },
        {
          // nested in a function; a field with hash=True even though compare=False
          code: `${HEADER}def make():\n    @dataclass(frozen=True)\n    class Local:\n        a: list = field(default_factory=list, compare=False, hash=True)\n    return Local\n`,
          errors: ['5:8-5:9'],
          output: null,
        },
      ],
    },
    it,
  );
});
