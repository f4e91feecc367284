import type { Node } from '../../parser';
import { singleComparison } from '../python';
import type { Rule } from '../rule';

/** Node types that build a str, bytes, number, tuple, list, dict or set value written in the code. */
const LITERALS: Readonly<Record<string, string>> = {
  string: 'string',
  concatenated_string: 'string',
  integer: 'number',
  float: 'number',
  tuple: 'tuple',
  list: 'list',
  dictionary: 'dict',
  set: 'set',
};

/** What kind of literal the operand is (`-1` counts as a number), or null. */
function literalKind(node: Node): string | null {
  if (node.type === 'unary_operator') {
    const argument = node.childForFieldName('argument');
    return argument && (argument.type === 'integer' || argument.type === 'float') ? 'number' : null;
  }
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return literalKind(node.namedChild(0)!);
  return LITERALS[node.type] ?? null;
}

export const literalIdentityComparison: Rule = {
  meta: {
    code: 'PP205',
    name: 'literal-identity-comparison',
    title: '`is` or `is not` with a literal',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['F632'],
    docs: {
      whatItDoes:
        'Flags `is` and `is not` when one side is a literal: a string or bytes, a number, or a tuple, list, dict or ' +
        'set display. `is None`, `is True`, `is False` and `is ...` are fine: those are singletons.',
      whyIsThisBad:
        '`is` asks whether both sides are the very same object, not whether they are equal. Whether two equal ' +
        'strings or numbers share one object is up to the interpreter: CPython reuses small integers and some ' +
        'strings, so `code is "ok"` may pass in a quick test and fail once the string is built at run time, ' +
        'read from a file or made by another version of Python. A list, dict or set display builds a new object ' +
        'each time, so `x is []` is always false. Python itself warns about this with a `SyntaxWarning`.',
      example: ['def status(code):', '    if code is "ok":', '        return 200', '    return 500'].join('\n'),
      useInstead: ['def status(code):', '    if code == "ok":', '        return 200', '    return 500'].join('\n'),
      fixSafety:
        'Unsafe: `is` becomes `==` and `is not` becomes `!=`. For strings and numbers that is the comparison the ' +
        'code meant. But `==` asks the other object, which `is` never does: an object with its own `__eq__` (a ' +
        'NumPy array, a SymPy expression, a mock) was never identical to the literal, yet may now compare equal ' +
        'or return something that is not a bool. Apply it where the other side is a plain value.',
    },
  },

  create(context) {
    return {
      comparison_operator(comparison) {
        const single = singleComparison(comparison);
        const operator = single?.operator;
        if (!single || (operator?.type !== 'is' && operator?.type !== 'is not')) return;
        const kind = literalKind(single.left) ?? literalKind(single.right);
        if (!kind) return;
        const replacement = operator.type === 'is' ? '==' : '!=';
        const { source } = context;
        context.report({
          node: comparison,
          message: `\`${operator.type}\` with a ${kind} literal compares object identity, which Python does not promise for equal values; use \`${replacement}\``,
          fix: {
            title: `Use \`${replacement}\``,
            safety: 'unsafe',
            edits: [{ range: source.rangeOf(operator), newText: replacement }],
          },
        });
      },
    };
  },
};
