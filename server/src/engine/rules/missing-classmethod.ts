import { decoratorLineEdit, firstParameter, looksLikeMetaclass, undecoratedMethodVisitors } from '../methods';
import type { Rule } from '../rule';

/** Methods Python binds to the class by itself, or calls with the class explicitly. */
const IMPLICITLY_BOUND = new Set(['__new__', '__init_subclass__', '__class_getitem__']);

export const missingClassmethod: Rule = {
  meta: {
    code: 'PP304',
    name: 'missing-classmethod',
    title: 'Method takes `cls` but is not a classmethod',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['N805'],
    docs: {
      whatItDoes:
        'Flags a `def` written directly in a class body, without any decorator, whose first parameter is ' +
        'named `cls`. Metaclasses (a base `type`, or a name ending in `Meta`), `__new__`, `__init_subclass__` ' +
        'and `__class_getitem__`, and functions the class body wraps itself (`f = classmethod(f)`) are left ' +
        'alone.',
      whyIsThisBad:
        'The name `cls` promises that the method receives the class, but without `@classmethod` Python passes ' +
        'whatever the method was looked up on: called on an instance, `cls` is that instance, so `cls(...)` ' +
        'tries to call the instance and `cls.attribute` may read an instance attribute instead of the ' +
        'class one. Called on the class, the caller must pass the class by hand.',
      example: [
        'class Color:',
        '    def from_hex(cls, text):',
        '        return cls(int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))',
        '',
        'Color.from_hex("#ff8000")  # TypeError: missing 1 required positional argument',
      ].join('\n'),
      useInstead: [
        'class Color:',
        '    @classmethod',
        '    def from_hex(cls, text):',
        '        return cls(int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))',
      ].join('\n'),
      fixSafety:
        'Unsafe. `@classmethod` is added above the `def`, so every call now receives the class instead of ' +
        'the object it was looked up on, and callers that passed the class by hand (`Color.from_hex(Color, ' +
        'text)`) now pass one argument too many.',
    },
  },

  create(context) {
    return undecoratedMethodVisitors(context, (method) => {
      const { fn } = method;
      if (!/^\(\s*cls\b/.test(fn.childForFieldName('parameters')?.text ?? '')) return;
      const name = fn.childForFieldName('name');
      if (!name || IMPLICITLY_BOUND.has(name.text)) return;
      const first = firstParameter(fn);
      if (first.kind !== 'positional' || first.name!.text !== 'cls') return;
      const summary = context.classSummary(method.classNode);
      if (looksLikeMetaclass(summary) || summary.mentionedNames.has(name.text)) return;
      const edit = decoratorLineEdit(method, 'classmethod', context.source);
      context.report({
        node: name,
        message: `\`${name.text}\` takes \`cls\` but is not a \`@classmethod\`: called on an instance, \`cls\` is the instance, not the class`,
        fix: edit && { title: 'Add `@classmethod`', safety: 'unsafe', edits: [edit] },
      });
    });
  },
};
