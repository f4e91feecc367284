import { singleComparison } from '../python';
import type { Rule } from '../rule';

export const noneComparison: Rule = {
  meta: {
    code: 'PP204',
    name: 'none-comparison',
    title: 'Comparison to `None` with `==` or `!=`',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['E711'],
    docs: {
      whatItDoes: 'Flags `x == None` and `x != None`, with `None` on either side.',
      whyIsThisBad:
        '`None` is a singleton, so the question is always "is this the one `None` object?", which `is` answers ' +
        'directly and cheaply. `==` instead asks the object: a class with its own `__eq__` can claim to equal ' +
        '`None`, or return something that is not a bool at all, and the check quietly means something else.',
      example: ['def describe(value):', '    if value == None:', '        return "missing"', '    return str(value)'].join('\n'),
      useInstead: ['def describe(value):', '    if value is None:', '        return "missing"', '    return str(value)'].join('\n'),
      fixSafety:
        'Unsafe, so *Fix all* and fix-on-save leave it alone: `== None` becomes `is None` and `!= None` becomes ' +
        '`is not None`, with the other operand moved to the left when `None` was written first. For most objects ' +
        'nothing changes. But a class may answer `== None` on purpose: NumPy arrays compare element by element, ' +
        'and libraries such as SymPy and SQLAlchemy give a comparison with `None` a meaning of their own. There ' +
        'the rewrite changes what the program computes, so apply it where you know the operand is an ordinary object.',
    },
  },

  create(context) {
    return {
      comparison_operator(comparison) {
        const single = singleComparison(comparison);
        if (!single) return;
        const { left, operator, right } = single;
        if (operator.type !== '==' && operator.type !== '!=') return;
        const noneOnLeft = left.type === 'none';
        if (!noneOnLeft && right.type !== 'none') return;
        const other = noneOnLeft ? right : left;
        const replacement = operator.type === '==' ? 'is' : 'is not';
        const { source } = context;
        context.report({
          node: comparison,
          message: `Compare with \`None\` using \`${replacement}\`: \`${operator.type}\` asks the other object's \`__eq__\`, which may answer anything`,
          // A comment inside a parenthesised comparison would be lost by the rewrite; decline.
          fix: comparison.descendantsOfType('comment').length > 0
            ? null
            : {
                title: `Use \`${replacement} None\``,
                safety: 'unsafe',
                edits: [{ range: source.rangeOf(comparison), newText: `${source.textOf(other)} ${replacement} None` }],
              },
        });
      },
    };
  },
};
