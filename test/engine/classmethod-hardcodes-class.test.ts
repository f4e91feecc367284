import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine';
import { check, ruleTests, runPython } from '../support/engine';

const POINT = 'class Point:\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n\n';

describe('PP305 classmethod-hardcodes-class', () => {
  ruleTests(
    'PP305',
    {
      valid: [
        POINT + '    @classmethod\n    def origin(cls):\n        return cls(0, 0)\n',
        // compared, not returned
        POINT + '    @classmethod\n    def is_origin(cls, p):\n        return p == Point(0, 0)\n',
        // stored elsewhere: a cached default is the base class on purpose
        POINT + '    @classmethod\n    def default(cls):\n        cls._default = Point(0, 0)\n        return cls._default\n',
        // built, then used for something else
        POINT + '    @classmethod\n    def norm(cls, x, y):\n        p = Point(x, y)\n        return abs(p.x) + abs(p.y)\n',
        // not a classmethod
        POINT + '    def copy(self):\n        return Point(self.x, self.y)\n    @staticmethod\n    def origin():\n        return Point(0, 0)\n',
        // another class
        POINT + '    @classmethod\n    def pair(cls):\n        return Vector(0, 0)\n',
        // the name means something else inside the method
        POINT + '    @classmethod\n    def origin(cls, Point=None):\n        return Point(0, 0)\n',
        POINT + '    @classmethod\n    def origin(cls):\n        def inner():\n            Point = make\n            return Point(0, 0)\n        return inner()\n',
        // the module rebinds the class name
        POINT + '    @classmethod\n    def origin(cls):\n        return Point(0, 0)\n\nPoint = register(Point)\n',
        // a final class has no subclasses
        '@final\n' + POINT + '    @classmethod\n    def origin(cls):\n        return Point(0, 0)\n',
        // the base class's constructor is chosen on purpose, then the class is set
        'class Node:\n    @classmethod\n    def _new(cls, children):\n        obj = Node(children)\n        obj.__class__ = cls\n        return obj\n',
        // a hook that may return None (sympy's `eval`) is not an alternative constructor
        'class sin(Function):\n    @classmethod\n    def eval(cls, arg):\n        if arg.is_negative:\n            return -sin(-arg)\n        if arg.is_zero:\n            return sin(arg)\n',
        'class Cache:\n    @classmethod\n    def lookup(cls, key):\n        if key is None:\n            return None\n        return Cache(key)\n',
        // a call in a method of a class nested in the classmethod belongs to that method
        POINT + '    @classmethod\n    def factory(cls):\n        class Maker:\n            def make(self):\n                return Point(0, 0)\n        return Maker\n',
      ],
      invalid: [
        {
          code: POINT + '    @classmethod\n    def origin(cls):\n        return Point(0, 0)\n',
          errors: ['6:15-6:20'],
          output: POINT + '    @classmethod\n    def origin(cls):\n        return cls(0, 0)\n',
        },
        {
          // through a local that is returned; the receiver's own name is used
          code: POINT + '    @classmethod\n    def parse(klass, text):\n        x, y = text.split(",")\n        p = Point(int(x), int(y))\n        p.source = text\n        return p\n',
          errors: ['7:12-7:17'],
          output: POINT + '    @classmethod\n    def parse(klass, text):\n        x, y = text.split(",")\n        p = klass(int(x), int(y))\n        p.source = text\n        return p\n',
        },
        {
          // both branches of a conditional, in parentheses; other decorators alongside
          code: POINT + '    @classmethod\n    @functools.cache\n    def unit(cls, axis):\n        return (Point(1, 0) if axis == "x" else Point(0, 1))\n',
          errors: ['7:16-7:21', '7:48-7:53'],
          output: POINT + '    @classmethod\n    @functools.cache\n    def unit(cls, axis):\n        return (cls(1, 0) if axis == "x" else cls(0, 1))\n',
        },
        {
          // a lambda's value is returned; the receiver reaches into it
          code: POINT + '    @classmethod\n    def maker(cls):\n        return lambda x: Point(x, x)\n',
          errors: ['6:25-6:30'],
          output: POINT + '    @classmethod\n    def maker(cls):\n        return lambda x: cls(x, x)\n',
        },
        {
          // a nested function rebinds the receiver's name: reported, not fixed
          code: POINT + '    @classmethod\n    def maker(cls):\n        def make(cls):\n            return Point(cls, cls)\n        return make\n',
          errors: ['7:19-7:24'],
          output: null,
        },
        {
          // a classmethod without parameters: nothing to use instead
          code: POINT + '    @classmethod\n    def origin(*args):\n        return Point(0, 0)\n',
          errors: ['6:15-6:20'],
          output: null,
        },
        {
          // a class inside a function: the name is a free variable
          code: 'def build():\n    class Box:\n        @classmethod\n        def empty(cls):\n            return Box()\n    return Box\n',
          errors: ['4:19-4:22'],
          output: 'def build():\n    class Box:\n        @classmethod\n        def empty(cls):\n            return cls()\n    return Box\n',
        },
      ],
    },
    it,
  );

  it('after the fix a subclass builds its own instances', async () => {
    const program = POINT + '    @classmethod\n    def origin(cls):\n        return Point(0, 0)\n\nclass Point3D(Point):\n    pass\n\nprint(type(Point3D.origin()).__name__)\n';
    const [d] = await check(program, { select: ['PP305'] });
    assert.equal(runPython(program).stdout, 'Point\n');
    assert.equal(runPython(applyEdits(program, d.fix!.edits)).stdout, 'Point3D\n');
  });
});
