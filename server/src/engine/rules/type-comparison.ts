import type { Node } from '../../parser';
import { isBuiltinAt } from '../resolve';
import { dottedName } from '../python';
import type { Rule, RuleContext } from '../rule';
import { brief, insideAssertion, insideOperatorMethod, typeCallSubject } from '../type-checks';
import type { Fix } from '../types';

const NEGATED = new Set(['!=', 'is not']);
/**
 * Subjects whose type is worth checking: names, attributes, items and call results. A literal or
 * a singleton (`type(None)`, `type('')`) spells a class, it does not test an object; `self` inside
 * its class passes `isinstance` always, so `type(self) is C` can only mean "not a subclass".
 */
const OBJECTS = new Set(['identifier', 'attribute', 'subscript', 'call']);

export const typeComparison: Rule = {
  meta: {
    code: 'PP203',
    name: 'type-comparison',
    title: 'Type checked by comparing `type(x)` with a class',
    severity: 'information',
    fix: 'unsafe',
    peers: ['E721'],
    docs: {
      whatItDoes:
        'Flags `type(x) == C`, `type(x) != C`, `type(x) is C` and `type(x) is not C`, where `C` is a class ' +
        'written as a name or dotted name and `x` a name, attribute, item or call result. Left alone: comparing ' +
        'two types (`type(x) is type(y)`), `type(self)` (inside its own class only an exact check makes sense), ' +
        'and comparisons inside `assert` statements and `assert...()` calls, where a test pins down an exact type.',
      whyIsThisBad:
        'Comparing `type(x)` asks whether `x` was made by exactly that class. An instance of a subclass fails the ' +
        'test even though it is, by design, usable wherever the base class is: a `bool` is an `int`, an ' +
        '`OrderedDict` is a `dict`, a user\'s `class Path(str)` is a `str`. The code then rejects valid input, or ' +
        'with `!=` sends it down the branch meant for other types. `isinstance(x, C)` asks the question a type ' +
        'check usually means, and also accepts a tuple of classes and abstract classes such as `numbers.Real`. ' +
        '`==` between classes can moreover be redefined by a metaclass.',
      example: [
        'class Celsius(float):',
        '    pass',
        '',
        'def describe(temperature):',
        '    if type(temperature) == float:',
        '        return f"{temperature:.1f} degrees"',
        '    return "unknown"',
        '',
        'describe(Celsius(21.5))  # "unknown"',
      ].join('\n'),
      useInstead: [
        'def describe(temperature):',
        '    if isinstance(temperature, float):',
        '        return f"{temperature:.1f} degrees"',
        '    return "unknown"',
      ].join('\n'),
      fixSafety:
        'Unsafe. The comparison becomes `isinstance(x, C)`, or `not isinstance(x, C)` for `!=` and `is not`, so ' +
        'instances of subclasses of `C` are now treated as `C`. That is the point, but code that had to tell a ' +
        'subclass apart (a `bool` from an `int`, an exact-type fast path, `__eq__` that must not equate a parent and ' +
        'a child) changes meaning. There, keep the exact comparison and write ' +
        'it as `type(x) is C`, with `# noqa: PP203`. A comparison with a comment inside, or where `isinstance` ' +
        'is not the builtin, is reported without a fix; chained comparisons (`type(a) == int == b`) are not reported.',
    },
  },

  create(context) {
    return {
      comparison_operator(comparison) {
        // `type(x)` comes first: a look at the text turns most comparisons away without asking the tree.
        if (!context.source.text.startsWith('type', comparison.startIndex)) return;
        const operators = comparison.childrenForFieldName('operators');
        if (operators.length !== 1) return;
        const operator = operators[0]!.type;
        if (operator !== '==' && operator !== '!=' && operator !== 'is' && operator !== 'is not') return;
        const operands = comparison.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
        if (operands.length !== 2) return;
        const [typeCall, cls] = operands;
        const subject = typeCallSubject(typeCall);
        // `type(x) is type(y)` compares two objects' exact types on purpose; `C is type(x)` reads as
        // a question about `C` (`obj is type(Ellipsis)`, `key is type(self)`): only `type(x)` on the left counts.
        if (!subject || typeCallSubject(cls) !== null || !OBJECTS.has(subject.type) || subject.text === 'self') return;
        const clsName = dottedName(cls);
        if (!clsName || !isBuiltinAt(typeCall, 'type', context)) return;
        // `assert type(result) is Matrix`: a test pinning down the exact type is the point; in `__eq__`,
        // which operand types are supported is a protocol decision.
        if (insideAssertion(comparison, context) || insideOperatorMethod(comparison, context)) return;
        const negated = NEGATED.has(operator);
        const s = brief(subject);
        const bool = clsName === 'int' ? ' (`True` is an `int` whose type is `bool`)' : '';
        context.report({
          node: comparison,
          message: negated
            ? `\`type(${s}) ${operator} ${clsName}\` is also true for an instance of a subclass of \`${clsName}\`${bool}, which then takes the branch meant for other types; \`not isinstance(${s}, ${clsName})\` treats subclasses as \`${clsName}\``
            : `\`type(${s}) ${operator} ${clsName}\` is false for an instance of a subclass of \`${clsName}\`${bool}; \`isinstance(${s}, ${clsName})\` accepts subclasses, which is what a type check usually means`,
          fix: buildFix({ comparison, subject, cls, negated, context }),
        });
      },
    };
  },
};

interface FixInput {
  comparison: Node;
  subject: Node;
  cls: Node;
  negated: boolean;
  context: RuleContext;
}

function buildFix({ comparison, subject, cls, negated, context }: FixInput): Fix | null {
  const { source } = context;
  // A comment inside would be lost; `isinstance` must be the builtin where the comparison stands.
  if (comparison.descendantsOfType('comment').length > 0 || !isBuiltinAt(comparison, 'isinstance', context)) return null;
  const check = `isinstance(${source.textOf(subject)}, ${source.textOf(cls)})`;
  if (!negated) return { title: `Use \`isinstance\``, safety: 'unsafe', edits: [{ range: source.rangeOf(comparison), newText: check }] };
  // `not type(x) != C` is `not (type(x) != C)`: the two negations cancel out.
  const parent = context.parentOf(comparison);
  if (parent?.type === 'not_operator' && parent.childForFieldName('argument')?.id === comparison.id) {
    return { title: `Use \`isinstance\``, safety: 'unsafe', edits: [{ range: source.rangeOf(parent), newText: check }] };
  }
  return { title: `Use \`not isinstance\``, safety: 'unsafe', edits: [{ range: source.rangeOf(comparison), newText: `not ${check}` }] };
}
