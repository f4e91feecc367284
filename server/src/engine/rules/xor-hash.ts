import type { Node } from '../../parser';
import { isBuiltin } from '../resolve';
import type { Rule, RuleContext } from '../rule';

/** The arguments of `hash(a) ^ hash(b) ^ ...`, left to right, or null if any operand is something else. */
function hashedOperands(node: Node, context: RuleContext): Node[] | null {
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return hashedOperands(node.namedChild(0)!, context);
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '^') {
    const left = hashedOperands(node.childForFieldName('left')!, context);
    const right = left && hashedOperands(node.childForFieldName('right')!, context);
    return left && right ? [...left, ...right] : null;
  }
  if (node.type !== 'call') return null;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!fn || args?.type !== 'argument_list' || args.namedChildCount !== 1) return null;
  const only = args.namedChild(0)!;
  // `hash(*parts)` or `hash(x=...)` are not one value.
  if (['list_splat', 'dictionary_splat', 'keyword_argument', 'comment'].includes(only.type)) return null;
  return isBuiltin(fn, 'hash', context) ? [only] : null;
}

export const xorHash: Rule = {
  meta: {
    code: 'PP302',
    name: 'xor-hash',
    title: '`__hash__` combines field hashes with `^`',
    severity: 'warning',
    fix: 'safe',
    peers: [],
    docs: {
      whatItDoes: 'Flags a `__hash__` method that returns `hash(a) ^ hash(b) ^ ...`.',
      whyIsThisBad:
        'XOR is a poor way to mix hashes. It is symmetric, so swapping two fields gives the same hash (`(1, 2)` and ' +
        '`(2, 1)` collide), and equal fields cancel out (`hash(a) ^ hash(a)` is `0`), so every object whose two ' +
        'fields are equal lands in the same bucket. Sets and dicts full of such objects slow down to a linear ' +
        'scan. Hashing a tuple of the fields mixes them in order and costs one line.',
      example: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x, self.y = x, y',
        '',
        '    def __eq__(self, other):',
        '        return (self.x, self.y) == (other.x, other.y)',
        '',
        '    def __hash__(self):',
        '        return hash(self.x) ^ hash(self.y)',
      ].join('\n'),
      useInstead: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x, self.y = x, y',
        '',
        '    def __eq__(self, other):',
        '        return (self.x, self.y) == (other.x, other.y)',
        '',
        '    def __hash__(self):',
        '        return hash((self.x, self.y))',
      ].join('\n'),
      fixSafety:
        'Safe, and applied by *Fix all*: `hash(a) ^ hash(b)` becomes `hash((a, b))`. The fields are evaluated in ' +
        'the same order and hashed the same way, so an unhashable field raises the same `TypeError`; only the ' +
        'hash values change, and Python never promises those (they differ between runs for strings already). ' +
        'No fix is offered when a comment sits inside the expression.',
    },
  },

  create(context) {
    return {
      return_statement(statement) {
        const value = statement.namedChild(0);
        if (!value || value.type === 'comment' || !value.text.includes('^')) return;
        let fn: Node | null = context.parentOf(statement);
        while (fn && fn.type !== 'function_definition' && fn.type !== 'lambda' && fn.type !== 'class_definition') fn = context.parentOf(fn);
        if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== '__hash__') return;
        const decorated = context.parentOf(fn);
        const body = decorated?.type === 'decorated_definition' ? context.parentOf(decorated) : decorated;
        if (body?.type !== 'block' || context.parentOf(body)?.type !== 'class_definition') return;
        const operands = hashedOperands(value, context);
        if (!operands || operands.length < 2) return;
        const { source } = context;
        context.report({
          node: value,
          message: 'XOR of field hashes collides when fields are swapped or equal; hash a tuple of the fields instead',
          fix: value.descendantsOfType('comment').length > 0
            ? null
            : {
                title: 'Hash a tuple of the fields',
                safety: 'safe',
                edits: [{ range: source.rangeOf(value), newText: `hash((${operands.map((o) => source.textOf(o)).join(', ')}))` }],
              },
        });
      },
    };
  },
};
