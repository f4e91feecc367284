import type { Node } from '../../parser';
import type { Rule, RuleContext } from '../rule';
import type { Fix, Position, TextEdit } from '../types';

/** Class decorators that forbid subclasses: a hard-coded name can then not go wrong. */
const FINAL_DECORATORS = new Set(['final', 'typing.final', 'typing_extensions.final']);

/** Nodes that open a new function body: their `return`s are not `__repr__`'s. */
const NESTED = ['function_definition', 'lambda', 'class_definition'];

export const reprHardcodesClassName: Rule = {
  meta: {
    code: 'PP311',
    name: 'repr-hardcodes-class-name',
    title: '`__repr__` spells out the class name',
    severity: 'information',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a `__repr__` that returns a string starting with its own class\'s name written out, as in ' +
        '`f"Point({self.x}, {self.y})"`, `"Point(%r)" % ...`, `"Point({})".format(...)` or `"Point(" + ...`, and ' +
        'the `<Point ...>` form. Classes marked `@final` are left alone.',
      whyIsThisBad:
        'A subclass inherits `__repr__` and then introduces itself under its parent\'s name: a `Point3D` prints ' +
        'as `Point(...)`, which hides which class the object really is while you debug, in logs and in test ' +
        'failures. Renaming the class leaves the old name behind too. `type(self).__name__` always says what ' +
        'the object is.',
      example: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x, self.y = x, y',
        '',
        '    def __repr__(self):',
        '        return f"Point({self.x!r}, {self.y!r})"',
      ].join('\n'),
      useInstead: [
        'class Point:',
        '    def __init__(self, x, y):',
        '        self.x, self.y = x, y',
        '',
        '    def __repr__(self):',
        '        return f"{type(self).__name__}({self.x!r}, {self.y!r})"',
      ].join('\n'),
      fixSafety:
        'Unsafe: subclasses now print their own name, which is the point but changes their output (doctests and ' +
        'tests that compare reprs may need updating). The fix puts `{type(self).__name__}` into an f-string (a ' +
        'plain literal becomes one when it has no braces), a `%s` with `type(self).__name__` first in a literal ' +
        'tuple for `%`, a `{}` with it as the first argument of `.format` (not with numbered fields), or ' +
        '`type(self).__name__ + ...` for a concatenation. Other shapes are reported without a fix.',
    },
  },

  create(context) {
    // Asked once per analysis: most files define no `__repr__`; then the text of the `def` line decides.
    const { text } = context.source;
    if (!context.source.mayContain('__repr__')) return {};
    return {
      function_definition(fn) {
        if (!/^(?:async\s+)?def\s+__repr__\b/.test(text.slice(fn.startIndex, fn.startIndex + 40))) return;
        const cls = enclosingClass(fn, context);
        if (!cls) return;
        const parent = context.parentOf(cls);
        const summary = context.classSummary(parent?.type === 'decorated_definition' ? parent : cls);
        if (!summary.name || summary.decorators.some((d) => FINAL_DECORATORS.has(d))) return;
        const self = firstParameterName(fn);
        for (const value of returnedValues(fn)) {
          const found = hardcodedName(value, summary.name);
          if (!found) continue;
          context.report({
            node: found.literal,
            message:
              `\`__repr__\` writes the class name \`${summary.name}\` out, so subclasses print as \`${summary.name}\` too: ` +
              'use `type(self).__name__`',
            fix: self ? buildFix(found, self, context) : null,
          });
        }
      },
    };
  },
};

/** The class whose body holds `fn` directly (through its decorators if it has any). */
function enclosingClass(fn: Node, context: RuleContext): Node | null {
  let up = context.parentOf(fn);
  if (up?.type === 'decorated_definition') up = context.parentOf(up);
  if (up?.type !== 'block') return null;
  const cls = context.parentOf(up);
  return cls?.type === 'class_definition' ? cls : null;
}

function firstParameterName(fn: Node): string | null {
  const first = fn.childForFieldName('parameters')?.namedChildren.find((p) => p !== null && p.type !== 'comment');
  return first?.type === 'identifier' ? first.text : null;
}

/** The values `fn` returns, nested functions and classes left out. */
function returnedValues(fn: Node): Node[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const nested = body.descendantsOfType(NESTED).flatMap((n) => (n ? [[n.startIndex, n.endIndex] as const] : []));
  return body.descendantsOfType('return_statement').flatMap((r) => {
    if (!r || nested.some(([s, e]) => s <= r.startIndex && r.endIndex <= e)) return [];
    const value = r.namedChildren.find((c) => c !== null && c.type !== 'comment');
    return value ? [value] : [];
  });
}

type Shape = 'literal' | 'percent' | 'format' | 'concatenation';

interface Hardcoded {
  shape: Shape;
  /** The string literal that starts with the class name. */
  literal: Node;
  /** The whole returned expression. */
  value: Node;
  /** Offset of the class name in the file. */
  nameStart: number;
  nameEnd: number;
}

function unwrap(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

function operatorOf(binary: Node): string | undefined {
  return binary.childForFieldName('operator')?.type;
}

/** Where the returned expression's leading string spells out `className`, and in which shape. */
function hardcodedName(returned: Node, className: string): Hardcoded | null {
  const value = unwrap(returned);
  let literal: Node | null = null;
  let shape: Shape = 'literal';
  if (value.type === 'string' || value.type === 'concatenated_string') {
    literal = value;
  } else if (value.type === 'binary_operator' && operatorOf(value) === '%') {
    literal = unwrap(value.childForFieldName('left')!);
    shape = 'percent';
  } else if (value.type === 'binary_operator' && operatorOf(value) === '+') {
    let left: Node = value;
    while (left.type === 'binary_operator' && operatorOf(left) === '+') left = unwrap(left.childForFieldName('left')!);
    literal = left;
    shape = 'concatenation';
  } else if (value.type === 'call') {
    const callee = value.childForFieldName('function');
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format') {
      literal = unwrap(callee.childForFieldName('object')!);
      shape = 'format';
    }
  }
  if (!literal) return null;
  const first = literal.type === 'concatenated_string' ? literal.namedChild(0) : literal;
  if (first?.type !== 'string') return null;
  const start = first.child(0);
  if (start?.type !== 'string_start' || /[bB]/.test(start.text)) return null;
  const text = first.text;
  let offset = start.endIndex - first.startIndex;
  if (text[offset] === '<') offset++;
  const after = text[offset + className.length];
  // What follows the name in a repr: `(`, a space, `>`, `:`... (`"Points"`, `"C-class"`, `"Point.x"` are other words).
  if (!text.startsWith(className, offset) || (after !== undefined && !/[(\[{<> :,=>'"]/.test(after))) return null;
  return { shape, literal, value, nameStart: first.startIndex + offset, nameEnd: first.startIndex + offset + className.length };
}

function buildFix(found: Hardcoded, self: string, context: RuleContext): Fix | null {
  const { source } = context;
  const { literal, value } = found;
  // Implicit concatenation (`"Point(" "..."`) and comments inside the expression: decline.
  if (literal.type !== 'string' || value.descendantsOfType('comment').length > 0) return null;
  const typeName = `type(${self}).__name__`;
  const start = literal.child(0)!;
  const prefix = start.text.replace(/['"]+$/, '');
  const quote = start.text.slice(prefix.length);
  const literalText = source.textOf(literal);
  const literalStart = source.rangeOf(literal).start;
  const at = (offset: number): Position => positionIn(literalText, literalStart, offset - literal.startIndex);
  const replaceName = (newText: string): TextEdit => ({ range: { start: at(found.nameStart), end: at(found.nameEnd) }, newText });
  const fix = (edits: TextEdit[]): Fix => ({ title: `Use \`${typeName}\``, safety: 'unsafe', edits });

  if (/[fF]/.test(prefix)) return fix([replaceName(`{${typeName}}`)]);
  // The literal's text between its quotes.
  const content = literalText.slice(start.text.length, literalText.length - quote.length);

  switch (found.shape) {
    case 'literal': {
      // A plain literal becomes an f-string; braces in it would then need doubling: decline.
      if (/[{}]/.test(content) || /[uU]/.test(prefix)) return null;
      const afterPrefix = at(literal.startIndex + prefix.length);
      return fix([{ range: { start: afterPrefix, end: afterPrefix }, newText: 'f' }, replaceName(`{${typeName}}`)]);
    }
    case 'percent': {
      // `%(key)s` takes a mapping: no room for a positional value.
      if (content.includes('%(')) return null;
      const right = unwrap(value.childForFieldName('right')!);
      if (right.type === 'tuple') {
        const open = source.rangeOf(right.child(0)!).end;
        const empty = !right.namedChildren.some((c) => c !== null && c.type !== 'comment');
        return fix([replaceName('%s'), { range: { start: open, end: open }, newText: empty ? `${typeName},` : `${typeName}, ` }]);
      }
      // A single value that cannot be a tuple at run time can be paired with the name.
      if (!['string', 'integer', 'float', 'concatenated_string'].includes(right.type)) return null;
      return fix([replaceName('%s'), { range: source.rangeOf(right), newText: `(${typeName}, ${source.textOf(right)})` }]);
    }
    case 'format': {
      if (hasNumberedField(content)) return null;
      const args = value.childForFieldName('arguments');
      if (args?.type !== 'argument_list') return null;
      const open = source.rangeOf(args.child(0)!).end;
      const empty = !args.namedChildren.some((c) => c !== null && c.type !== 'comment');
      return fix([replaceName('{}'), { range: { start: open, end: open }, newText: empty ? typeName : `${typeName}, ` }]);
    }
    case 'concatenation': {
      const nameAt = found.nameStart - literal.startIndex - start.text.length;
      const before = content.slice(0, nameAt);
      const rest = content.slice(nameAt + found.nameEnd - found.nameStart);
      const quoted = (part: string) => `${prefix}${quote}${part}${quote}`;
      const parts = [...(before ? [quoted(before)] : []), typeName, ...(rest ? [quoted(rest)] : [])];
      return fix([{ range: source.rangeOf(literal), newText: parts.join(' + ') }]);
    }
  }
}

/** A `str.format` field with an explicit number (`{0}`, `{1!r}`): a new first argument would shift them. */
function hasNumberedField(content: string): boolean {
  for (let i = 0; i < content.length; i++) {
    if (content[i] !== '{') continue;
    if (content[i + 1] === '{') {
      i++;
      continue;
    }
    if (/\d/.test(content[i + 1] ?? '')) return true;
  }
  return false;
}

/** The position `offset` characters into `text`, which starts at `start`. */
function positionIn(text: string, start: Position, offset: number): Position {
  const lines = text.slice(0, offset).split('\n');
  if (lines.length === 1) return { line: start.line, character: start.character + offset };
  return { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
}
