import { describe, it } from 'node:test';
import { ruleTests } from '../support/engine';

/** A class whose `add` appends to `self.items`, with `header` and `attribute` as given. */
function basket(attribute: string, header = 'class Basket:'): string {
  return `${header}\n    ${attribute}\n\n    def add(self, item):\n        self.items.append(item)\n`;
}

describe('PP403 mutable-class-attribute', () => {
  ruleTests(
    'PP403',
    {
      valid: [
        // only read, or only reassigned
        'class Basket:\n    items = []\n\n    def count(self):\n        return len(self.items)\n',
        'class Basket:\n    items = []\n\n    def reset(self):\n        self.items = [1]\n',
        // a default each instance shadows with its own object
        'class Basket:\n    items = []\n\n    def __init__(self):\n        self.items = []\n\n    def add(self, item):\n        self.items.append(item)\n',
        'class Basket:\n    items = []\n\n    def add(self, item):\n        self.items.append(item)\n\n    def clear(self):\n        self.items = []\n',
        // shared on purpose: ClassVar, changed through the class, a registry filled as instances are made
        basket('items: ClassVar[list] = []'),
        basket('items: "typing.ClassVar[list[int]]" = []'),
        basket('items = []') + '\n    @classmethod\n    def register(cls, item):\n        cls.items.append(item)\n',
        'class Plugin:\n    loaded = []\n\n    def __init__(self, name):\n        self.loaded.append(self)\n',
        // names that say so: private state, caches, registries
        'class Parser:\n    _pending = []\n\n    def push(self, item):\n        self._pending.append(item)\n',
        'class Lookup:\n    table_cache = {}\n\n    def get(self, key):\n        return self.table_cache.setdefault(key, key)\n',
        // fields of dataclasses, attrs classes, named tuples, typed dicts, enums and models
        basket('items = []', '@dataclass\nclass Basket:'),
        basket('items = []', '@attr.s(auto_attribs=True)\nclass Basket:'),
        basket('items = []', 'class Basket(NamedTuple):'),
        basket('items = []', 'class Basket(TypedDict):'),
        basket('items = []', 'class Basket(enum.Enum):'),
        basket('items = []', 'class Basket(BaseModel):'),
        // a base the analysis cannot see may give every instance its own copy
        basket('items = []', 'class Basket(Container):'),
        basket('items = []', 'class Basket(metaclass=Registry):'),
        // a class made inside a function: a local helper
        'def make():\n    class Recorder:\n        calls = []\n\n        def __call__(self, *args):\n            self.calls.append(args)\n    return Recorder\n',
        // a class nested in a method mutates its own instance, not ours
        'class Outer:\n    items = []\n\n    def make(self):\n        class Inner:\n            def add(self, x):\n                self.items.append(x)\n        return Inner\n',
        // immutable class attributes; other attributes; methods that do not change the object
        'class Basket:\n    items = ()\n\n    def add(self, item):\n        self.items += (item,)\n',
        basket('other = []'),
        'class Basket:\n    items = []\n\n    def snapshot(self):\n        return self.items.copy(), self.items.index(0)\n',
        // a static method has no `self`; a mutation through the class name is deliberate
        'class Basket:\n    items = []\n\n    @staticmethod\n    def add(self):\n        self.items.append(1)\n\n    def put(self, x):\n        Basket.items.append(x)\n',
      ],
      invalid: [
        {
          code: basket('items = []'),
          errors: ['1:4-1:9'],
          output: null,
        },
        {
          // every kind of change; plain bases; a typed `self`; a decorator that is not a model's
          code:
            '@total_ordering\n' +
            'class Inventory(object, metaclass=abc.ABCMeta):\n' +
            '    counts = {}\n' +
            '    tags = set()\n' +
            '    log = []\n' +
            '    queue = collections.deque()\n' +
            '\n' +
            '    def record(self: "Inventory", name):\n' +
            '        self.counts[name] = 1\n' +
            '        self.tags |= {name}\n' +
            '        self.log += [name]\n' +
            '\n' +
            '    def forget(self, name):\n' +
            '        del self.counts[name]\n' +
            '        self.queue.popleft()\n',
          errors: ['2:4-2:10', '3:4-3:8', '4:4-4:7'],
          output: null,
        },
        {
          // annotated without ClassVar; generic and abstract bases
          code: basket('items: list[int] = []', 'class Basket(Generic[T], ABC):'),
          errors: ['1:4-1:9'],
          output: null,
        },
        {
          // a class nested in a class body, and a class defined under `if`
          code:
            'class Outer:\n    class Inner:\n        items = []\n\n        def add(self, x):\n            self.items.append(x)\n\n' +
            'if True:\n    class Later:\n        visitors = []\n\n        def see(self, x):\n            self.visitors.insert(0, x)\n',
          errors: ['2:8-2:13', '9:8-9:16'],
          output: null,
        },
      ],
    },
    it,
  );
});
