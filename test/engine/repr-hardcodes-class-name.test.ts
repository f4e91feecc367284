import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parseSettings } from '../../server/src/engine';
import { ruleTests, runPython, testParser } from '../support/engine';

/** A class whose `__repr__` returns `value`, and a subclass. */
function point(value: string, indent = '    '): string {
  return `class Point:\n${indent}def __init__(self, x, y):\n${indent}${indent}self.x, self.y = x, y\n\n${indent}def __repr__(self):\n${indent}${indent}return ${value}\n`;
}

describe('PP311 repr-hardcodes-class-name', () => {
  ruleTests(
    'PP311',
    {
      valid: [
        point('f"{type(self).__name__}({self.x}, {self.y})"'),
        point('f"{self.__class__.__name__}({self.x})"'),
        point('"%s(%r)" % (type(self).__name__, self.x)'),
        point('"<%s at %#x>" % (self.__class__.__name__, id(self))'),
        // another word that starts with the name, another class's name, or the name later on
        point('f"Points({self.x})"'),
        point('f"Pointer({self.x})"'),
        point('f"Point.x={self.x}"'),
        point('f"Vector({self.x})"'),
        point('f"a Point({self.x})"'),
        // not `__repr__`, or a `return` in a nested function
        'class Point:\n    def __str__(self):\n        return f"Point({self.x})"\n',
        'class Point:\n    def __repr__(self):\n        def inner():\n            return "Point()"\n        return inner.__name__\n',
        // a function outside a class
        'def __repr__(self):\n    return "Point()"\n',
        // a final class has no subclasses to misname
        'from typing import final\n@final\nclass Point:\n    def __repr__(self):\n        return "Point()"\n',
        // bytes are no repr
        'class Point:\n    def __repr__(self):\n        return b"Point()"\n',
      ],
      invalid: [
        {
          code: point('f"Point({self.x!r}, {self.y!r})"'),
          errors: ['5:15-5:47'],
          output: point('f"{type(self).__name__}({self.x!r}, {self.y!r})"'),
        },
        {
          // the `<Point ...>` form, a plain literal that becomes an f-string, a raw prefix kept
          code: point('r"<Point>"'),
          errors: ['5:15-5:25'],
          output: point('rf"<{type(self).__name__}>"'),
        },
        {
          code: point('"Point(%r, %r)" % (self.x, self.y)'),
          errors: ['5:15-5:30'],
          output: point('"%s(%r, %r)" % (type(self).__name__, self.x, self.y)'),
        },
        {
          // one literal value: paired with the name
          code: point('"Point(%s)" % "origin"'),
          errors: ['5:15-5:26'],
          output: point('"%s(%s)" % (type(self).__name__, "origin")'),
        },
        {
          code: point("'Point({!r}, {y})'.format(self.x, y=self.y)"),
          errors: ['5:15-5:33'],
          output: point("'{}({!r}, {y})'.format(type(self).__name__, self.x, y=self.y)"),
        },
        {
          code: point('"Point()".format()'),
          errors: ['5:15-5:24'],
          output: point('"{}()".format(type(self).__name__)'),
        },
        {
          code: point('"Point(" + repr(self.x) + ")"'),
          errors: ['5:15-5:23'],
          output: point('type(self).__name__ + "(" + repr(self.x) + ")"'),
        },
        {
          code: point('"<Point " + str(self.x) + ">"'),
          errors: ['5:15-5:24'],
          output: point('"<" + type(self).__name__ + " " + str(self.x) + ">"'),
        },
        {
          code: point('"Point" + str((self.x, self.y))'),
          errors: ['5:15-5:22'],
          output: point('type(self).__name__ + str((self.x, self.y))'),
        },
        {
          // the first parameter's own name, several returns, a decorated class, a multi-line f-string
          code: [
            'import functools',
            '@functools.total_ordering',
            'class Node:',
            '    def __repr__(me):',
            '        if me.leaf:',
            '            return "Node()"',
            '        return (',
            '            f"""Node(',
            '{me.children!r})"""',
            '        )',
            '',
          ].join('\n'),
          errors: ['5:19-5:27', '7:12-8:19'],
          output: [
            'import functools',
            '@functools.total_ordering',
            'class Node:',
            '    def __repr__(me):',
            '        if me.leaf:',
            '            return f"{type(me).__name__}()"',
            '        return (',
            '            f"""{type(me).__name__}(',
            '{me.children!r})"""',
            '        )',
            '',
          ].join('\n'),
        },
        {
          // a class nested in a function
          code: 'def make():\n    class Local:\n        def __repr__(self):\n            return f"Local({id(self)})"\n    return Local\n',
          errors: ['3:19-3:39'],
          output: 'def make():\n    class Local:\n        def __repr__(self):\n            return f"{type(self).__name__}({id(self)})"\n    return Local\n',
        },
        {
          // shapes the fix leaves alone: braces in a plain literal, numbered fields, a mapping, a name
          // that may hold a tuple, implicit concatenation, a comment inside
          code: [
            'class P:',
            '    def __repr__(self):',
            '        if self.a:',
            '            return "P{}"',
            '        if self.b:',
            '            return "P({0})".format(self.b)',
            '        if self.c:',
            '            return "P(%(c)s)" % vars(self)',
            '        if self.d:',
            '            return "P(%r)" % self.d',
            '        if self.e:',
            '            return "P(" "e)"',
            '        return ("P(" +  # why',
            '                ")")',
            '',
          ].join('\n'),
          errors: ['3:19-3:24', '5:19-5:27', '7:19-7:29', '9:19-9:26', '11:19-11:28', '12:16-12:20'],
          output: null,
        },
      ],
    },
    it,
  );

  it('after the fix a subclass prints its own name, with the same fields', async () => {
    const parser = await testParser();
    const code = [
      'class Point:',
      '    def __init__(self, x, y):',
      '        self.x, self.y = x, y',
      '    def __repr__(self):',
      '        return "Point(%r, %r)" % (self.x, self.y)',
      'class Point3(Point):',
      '    pass',
      'print(repr(Point(1, "a")), repr(Point3(2, [3])))',
      '',
    ].join('\n');
    const fixed = fixAll({ parser, text: code, settings: parseSettings({ select: ['PP311'] }), unsafe: true }).text;
    assert.equal(runPython(code).stdout.trim(), "Point(1, 'a') Point(2, [3])");
    assert.equal(runPython(fixed).stdout.trim(), "Point(1, 'a') Point3(2, [3])");
  });
});
