import type { Node } from '../../parser';
import { moduleImportEdit } from '../fixes';
import { boundAround, nameAvailability } from '../resolve';
import { callsTo, type Rule, type RuleContext } from '../rule';
import { brief, className, exactClassCheckVisitor, type ClassFilter } from '../type-checks';
import type { Fix, TextEdit } from '../types';

/** Classes that let integers through: next to one of them, `float` is deliberate. */
const ACCEPTS_INTEGERS = new Set(['int', 'Integral', 'Rational', 'Real', 'Complex', 'Number']);

/** `int`, `numbers.Integral`, ... and the tuples projects keep of them (`six.integer_types`, sympy's `SYMPY_INTS`). */
const INTEGER_CLASSES: ClassFilter = {
  accepts(cls) {
    const name = className(cls) ?? '';
    return ACCEPTS_INTEGERS.has(name) || /(^|_)int(eger)?s?(_types?)?$/i.test(name);
  },
  mentioned: /int|Integral|Rational|Real|Complex|Number/i,
};

export const isinstanceFloat: Rule = {
  meta: {
    code: 'PP201',
    name: 'isinstance-float',
    title: '`isinstance(x, float)` rejects integers and other real numbers',
    severity: 'hint',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `isinstance(x, float)`, and `float` inside a tuple or `|` union of classes passed to `isinstance`. ' +
        'Left alone: checks that also let integers through (`(int, float)`, `numbers.Integral`, `six.integer_types`), ' +
        'checks of an object that the same function also tests against one of those (a dispatch that handles ' +
        'integers in its own branch), checks inside `assert` statements and `assert...()` calls, checks inside ' +
        'operator methods such as `__eq__` and `__add__`, and modules that bind `float` or `isinstance` themselves.',
      whyIsThisBad:
        'The check passes for `float` and its subclasses only. `3`, `True`, `Fraction(1, 3)` and `numpy.float32(0.5)` ' +
        'all fail it, although they are real numbers and work wherever arithmetic on a float does; `numpy.float64` ' +
        'passes only because it happens to subclass `float`. A function that asks "is this a number?" this way ' +
        'rejects the most common number there is. `numbers.Real` is the class that means "a real number": ' +
        '`int`, `bool`, `float`, `Fraction` and every NumPy integer and float type are registered with it. ' +
        '`decimal.Decimal` is not (it does not mix freely with floats), and neither is `complex`.',
      example: [
        'def scale(value, factor):',
        '    if not isinstance(factor, float):',
        '        raise TypeError("factor must be a number")',
        '    return value * factor',
        '',
        'scale(10, 2)  # TypeError',
      ].join('\n'),
      useInstead: [
        'import numbers',
        '',
        'def scale(value, factor):',
        '    if not isinstance(factor, numbers.Real):',
        '        raise TypeError("factor must be a number")',
        '    return value * factor',
      ].join('\n'),
      fixSafety:
        'Unsafe. `float` becomes `numbers.Real` (with `import numbers` added, or `Real` when the module already ' +
        'imports it from `numbers`), so integers, booleans, fractions and NumPy numbers now pass the check. Code ' +
        'that needs a real `float` afterwards (`x.hex()`, `x.is_integer()` on Python before 3.12, `struct` packing, ' +
        'a JSON encoder that must not turn `True` into `1.0`, or a later branch meant for integers) behaves ' +
        'differently. When a float really is required, converting with `float(x)` is often clearer than rejecting ' +
        'everything else; when the exact type matters, keep the check and add `# noqa: PP201`.',
    },
  },

  create(context) {
    return {
      ...callsTo(['isinstance'], exactClassCheckVisitor({
        exact: 'float',
        // A partner anywhere in the check, or in a check of the same object nearby:
        // `if isinstance(x, int): ... elif isinstance(x, float): ...` treats integers on purpose.
        partners: INTEGER_CLASSES,
        context,
        report: (node, subject) =>
          context.report({
            node,
            message:
              `Only a \`float\` (or a subclass such as \`numpy.float64\`) passes this check: \`${brief(subject)}\` ` +
              'fails it when it is an `int`, a `bool`, a `Fraction` or a `numpy.float32`; `numbers.Real` accepts every ' +
              'real number (but not `Decimal`)',
            fix: buildFix(node, context),
          }),
      })),
    };
  },
};

function buildFix(node: Node, context: RuleContext): Fix | null {
  const { source, module } = context;
  const edits: TextEdit[] = [];
  let replacement: string;
  if (module.importOf('Real') === 'numbers.Real' && !boundAround(node, 'Real', context)) {
    replacement = 'Real';
  } else {
    const numbers = nameAvailability(node, 'numbers', 'numbers', context);
    if (!numbers) return null;
    replacement = 'numbers.Real';
    const imp = numbers === 'free' ? moduleImportEdit('numbers', source, module) : null;
    if (imp) edits.push(imp);
  }
  edits.unshift({ range: source.rangeOf(node), newText: replacement });
  return { title: `Check \`${replacement}\` instead of \`float\``, safety: 'unsafe', edits };
}
