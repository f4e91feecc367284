import type { Node } from '../../parser';
import type { ParameterFact } from '../module-facts';
import { calleeName, plainArguments } from '../python';
import type { Rule, RuleContext } from '../rule';
import { DEF_BOUND } from '../scope';

/** The type a literal argument has, by node type; strings are told apart by prefix below. */
const LITERAL_TYPES: Readonly<Record<string, string>> = {
  true: 'bool',
  false: 'bool',
  none: 'None',
  list: 'list',
  list_comprehension: 'list',
  dictionary: 'dict',
  dictionary_comprehension: 'dict',
  set: 'set',
  set_comprehension: 'set',
  tuple: 'tuple',
};

/** The builtin type of a literal argument (`3` -> `int`, `b""` -> `bytes`, `-1.5` -> `float`), or null. */
function literalType(node: Node): string | null {
  switch (node.type) {
    case 'integer':
      return /[jJ]$/.test(node.text) ? 'complex' : 'int';
    case 'float':
      return /[jJ]$/.test(node.text) ? 'complex' : 'float';
    case 'string':
    case 'concatenated_string': {
      const first = node.type === 'string' ? node : node.namedChild(0);
      const prefix = /^[a-zA-Z]*/.exec(first?.text ?? '')![0];
      return /b/i.test(prefix) ? 'bytes' : 'str';
    }
    case 'unary_operator': {
      const argument = node.childForFieldName('argument');
      const operator = node.childForFieldName('operator')?.type;
      return argument && (operator === '-' || operator === '+') && (argument.type === 'integer' || argument.type === 'float') ? literalType(argument) : null;
    }
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? literalType(node.namedChild(0)!) : null;
    default:
      return LITERAL_TYPES[node.type] ?? null;
  }
}

/** The literal types each simple annotation accepts: `int` also takes `True` (bool is an int), `float` takes ints. */
const ACCEPTS: Readonly<Record<string, readonly string[]>> = {
  int: ['int', 'bool'],
  float: ['float', 'int', 'bool'],
  complex: ['complex', 'float', 'int', 'bool'],
  bool: ['bool'],
  str: ['str'],
  bytes: ['bytes'],
  list: ['list'],
  dict: ['dict'],
  set: ['set'],
  frozenset: [],
  tuple: ['tuple'],
};

/** The builtin an annotation names when it is simple (`int`, `"str"`, `list[int]`), or null for anything else. */
function simpleAnnotation(annotation: string): string | null {
  let text = annotation.trim();
  const quoted = /^(['"])([^'"\\]*)\1$/.exec(text);
  if (quoted) text = quoted[2].trim();
  const m = /^([a-z]+)(\[[^]*\])?$/.exec(text);
  if (!m || !(m[1] in ACCEPTS)) return null;
  // Only the containers take parameters: `int[str]` is not a type.
  if (m[2] && !['list', 'dict', 'set', 'frozenset', 'tuple'].includes(m[1])) return null;
  return m[1];
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an \`${word}\`` : `a \`${word}\``);

export const literalArgumentTypeMismatch: Rule = {
  meta: {
    code: 'PP706',
    name: 'literal-argument-type-mismatch',
    title: 'Literal argument contradicts the parameter annotation',
    severity: 'warning',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a call to a function defined (without decorators) at module level in the same file that passes a ' +
        'literal — a number, string, bytes, `True`/`False`, `None`, or a list, dict, set or tuple display — to a ' +
        'parameter whose annotation is a plain builtin type (`int`, `float`, `complex`, `str`, `bytes`, `bool`, ' +
        '`list[...]`, `dict[...]`, `set[...]`, `tuple[...]`) that the literal is not. An `int` is accepted for ' +
        '`float` and `complex`, `True` for `int`, and `None` for a parameter whose default is `None`. Unions, ' +
        '`Any`, type variables, aliases and every other annotation are left alone, as are calls that unpack ' +
        '`*args` or `**kwargs`.',
      whyIsThisBad:
        'Python does not check annotations when it calls a function, so `retry("3")` runs with a string where ' +
        'the function expects a number and fails somewhere inside, or worse, does something else quietly ' +
        '(`"3" * 2` is `"33"`). Either the call or the annotation is wrong; a type checker would say so too, but ' +
        'this one is visible without running one.',
      example: ['def retry(times: int, delay: float = 0.5):', '    ...', '', 'retry("3", delay=1)'].join('\n'),
      useInstead: ['def retry(times: int, delay: float = 0.5):', '    ...', '', 'retry(3, delay=1)'].join('\n'),
      fixSafety: 'There is no fix: only the author knows whether the argument or the annotation is wrong.',
    },
  },

  create(context) {
    // The signatures asked for in the unit being analysed: one recorded question per name and unit.
    let unit: Node | null = null;
    let asked = new Map<string, ParameterFact[] | undefined>();
    const signatureOf = (name: string): ParameterFact[] | undefined => {
      if (context.unit.node !== unit) {
        unit = context.unit.node;
        asked = new Map();
      }
      if (!asked.has(name)) asked.set(name, context.module.functionSignature(name));
      return asked.get(name);
    };
    return {
      call(call) {
        const name = calleeName(call, context.source.text);
        const signature = name ? signatureOf(name) : undefined;
        if (!signature) return;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier') return;
        const args = plainArguments(call);
        if (!args || ![...args.positional, ...args.keywords.map((k) => k.value)].some((a) => literalType(a) !== null)) return;
        if (!isModuleName(fn, context)) return;
        const positional = signature.filter((p) => p.kind === 'positional-only' || p.kind === 'positional');
        const matched: Array<{ argument: Node; parameter: ParameterFact }> = [];
        for (const [i, argument] of args.positional.entries()) if (i < positional.length) matched.push({ argument, parameter: positional[i] });
        for (const { name, value } of args.keywords) {
          const parameter = signature.find((p) => p.name === name && (p.kind === 'positional' || p.kind === 'keyword-only'));
          if (parameter) matched.push({ argument: value, parameter });
        }
        for (const { argument, parameter } of matched) {
          const given = literalType(argument);
          const expected = parameter.annotation ? simpleAnnotation(parameter.annotation) : null;
          if (!given || !expected || ACCEPTS[expected].includes(given)) continue;
          if (given === 'None' && parameter.default === 'None') continue;
          // The annotation must name the builtin: the module may define its own `str`.
          if (context.module.bindingCount(expected) > 0) continue;
          context.report({
            node: argument,
            message: `\`${fn.text}\` annotates \`${parameter.name}\` as \`${parameter.annotation!.trim()}\`, but this argument is ${given === 'None' ? '`None`' : article(given)}`,
          });
        }
      },
    };
  },
};

/** Whether the name at this call refers to the module-level binding: no function, class or comprehension around it binds it. */
function isModuleName(identifier: Node, context: RuleContext): boolean {
  const occurrence = context.scopes.treeFor(identifier).occurrenceOf(identifier);
  if (!occurrence) return false;
  if (occurrence.scope.type === 'module') return true;
  const entry = occurrence.scope.symbols.get(occurrence.name);
  if (!entry) return false;
  if (occurrence.scope.type === 'class' && entry.flags & DEF_BOUND) return false;
  return entry.scope === 'global_implicit' || entry.scope === 'global_explicit';
}
