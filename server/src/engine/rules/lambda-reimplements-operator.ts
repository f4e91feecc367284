import type { Node } from '../../parser';
import { importEdit } from '../fixes';
import { ancestors } from '../parents';
import { assignmentOfValue, dottedName, oneLine, plainArguments, underscoreForm } from '../python';
import { isBuiltin, resolveName, resolveNameAt } from '../resolve';
import type { Rule, RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

type OperatorFunction = 'itemgetter' | 'attrgetter' | 'methodcaller';

interface Rewrite {
  function: OperatorFunction;
  /** The arguments of the operator function, as written in the fix. */
  arguments: string[];
  /** Whether every key and name is a constant the lambda would have used unchanged on every call. */
  constant: boolean;
  /** Whether a key or argument is a name, which the fix reads where the lambda is written. */
  readsNames: boolean;
}

/** Literals a subscript can use: the same value on every call, and evaluating them cannot fail. */
const LITERAL_KEYS = new Set(['integer', 'float', 'true', 'false', 'none']);

function isLiteralKey(node: Node): boolean {
  if (LITERAL_KEYS.has(node.type)) return true;
  if (node.type === 'string') return !node.namedChildren.some((c) => c?.type === 'interpolation');
  if (node.type === 'unary_operator') {
    const argument = node.childForFieldName('argument');
    return argument !== null && (argument.type === 'integer' || argument.type === 'float');
  }
  return false;
}

/** A key or argument the fix may evaluate once: a literal, or a name or dotted name that does not mention the parameter. */
function isSimpleOperand(node: Node, parameter: string): boolean {
  if (isLiteralKey(node)) return true;
  const dotted = dottedName(node);
  return dotted !== null && dotted.split('.')[0] !== parameter;
}

/** `o.a.b` -> `a.b` when the innermost object is the parameter; names that a class would mangle are refused. */
function attributePath(node: Node, parameter: string): string | null {
  const names: string[] = [];
  let at = node;
  while (at.type === 'attribute') {
    const name = at.childForFieldName('attribute')!.text;
    if (underscoreForm(name) === 'mangled') return null;
    names.unshift(name);
    at = at.childForFieldName('object')!;
  }
  return names.length > 0 && at.type === 'identifier' && at.text === parameter ? names.join('.') : null;
}

/** The key of `x[k]` when `x` is the parameter and `k` a plain key (no slice, no second index). */
function itemKey(node: Node, parameter: string): Node | null {
  if (node.type !== 'subscript') return null;
  const value = node.childForFieldName('value');
  const keys = node.childrenForFieldName('subscript');
  if (value?.type !== 'identifier' || value.text !== parameter || keys.length !== 1 || !keys[0]) return null;
  return keys[0].type !== 'slice' && isSimpleOperand(keys[0], parameter) ? keys[0] : null;
}

function rewriteOf(body: Node, parameter: string, quote: string): Rewrite | null {
  if (body.type === 'parenthesized_expression') {
    const inner = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    return inner.length === 1 ? rewriteOf(inner[0], parameter, quote) : null;
  }
  const key = itemKey(body, parameter);
  if (key) return { function: 'itemgetter', arguments: [key.text], constant: isLiteralKey(key), readsNames: !isLiteralKey(key) };
  const path = attributePath(body, parameter);
  if (path) return { function: 'attrgetter', arguments: [`${quote}${path}${quote}`], constant: true, readsNames: false };
  if (body.type === 'tuple') {
    const elements = body.namedChildren.filter((c): c is Node => c !== null);
    if (elements.length < 2 || elements.some((e) => e.type === 'comment')) return null;
    const keys = elements.map((e) => itemKey(e, parameter));
    if (keys.every((k) => k !== null)) {
      const constant = keys.every((k) => isLiteralKey(k!));
      return { function: 'itemgetter', arguments: keys.map((k) => k!.text), constant, readsNames: !constant };
    }
    const paths = elements.map((e) => attributePath(e, parameter));
    if (paths.every((p) => p !== null)) {
      return { function: 'attrgetter', arguments: paths.map((p) => `${quote}${p}${quote}`), constant: true, readsNames: false };
    }
    return null;
  }
  if (body.type === 'call') {
    const fn = body.childForFieldName('function');
    const object = fn?.childForFieldName('object');
    const method = fn?.childForFieldName('attribute')?.text;
    if (fn?.type !== 'attribute' || object?.type !== 'identifier' || object.text !== parameter || !method) return null;
    if (underscoreForm(method) === 'mangled') return null;
    const args = plainArguments(body);
    if (!args) return null;
    if (!args.positional.every((a) => isSimpleOperand(a, parameter)) || !args.keywords.every((k) => isSimpleOperand(k.value, parameter))) return null;
    const rest = [...args.positional.map((a) => a.text), ...args.keywords.map((k) => `${k.name}=${k.value.text}`)];
    const readsNames = [...args.positional, ...args.keywords.map((k) => k.value)].some((a) => !isLiteralKey(a));
    return { function: 'methodcaller', arguments: [`${quote}${method}${quote}`, ...rest], constant: rest.length === 0, readsNames };
  }
  return null;
}

/** Calls that call their `key=` once per element with that element alone. */
const KEY_FUNCTIONS = new Set(['heapq.nsmallest', 'heapq.nlargest', 'itertools.groupby']);

/** Whether the lambda is the `key=` argument of `sorted`, `min`, `max`, any `.sort`, `heapq.nsmallest`/`nlargest` or `itertools.groupby`. */
function isSortKey(lambda: Node, context: RuleContext): boolean {
  const keyword = context.parentOf(lambda);
  if (keyword?.type !== 'keyword_argument' || keyword.childForFieldName('name')?.text !== 'key') return false;
  const call = context.parentOf(context.parentOf(keyword)!);
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (!fn) return false;
  if (fn.type === 'identifier' && ['sorted', 'min', 'max'].includes(fn.text)) return isBuiltin(fn, fn.text, context);
  if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'sort') return true;
  const name = resolveName(fn, context);
  return name !== null && KEY_FUNCTIONS.has(name);
}

/** Whether the lambda is the value a class body assigns: then it is a method, which an operator function cannot be. */
function isClassLevelValue(lambda: Node, context: RuleContext): boolean {
  if (!assignmentOfValue(lambda, context)) return false;
  return context.scopes.treeFor(lambda).scopeContaining(lambda).type === 'class';
}

/**
 * The quote for the names the fix writes: the one the statement's strings use (`"` when it has
 * none), or, inside an f-string's braces, the one the f-string does not use; null when f-strings
 * around the lambda use both, where no quote fits before Python 3.12.
 */
function quoteOf(lambda: Node, context: RuleContext): string | null {
  let statement = lambda;
  const taken = new Set<string>();
  for (const p of ancestors(lambda, context)) {
    if (p.type === 'block' || p.type === 'module') break;
    if (p.type === 'string') taken.add(p.child(0)?.text.endsWith("'") ? "'" : '"');
    statement = p;
  }
  if (taken.size === 2) return null;
  if (taken.size === 1) return taken.has('"') ? "'" : '"';
  const start = statement.descendantsOfType('string_start')[0];
  return start?.text.endsWith("'") ? "'" : '"';
}

export const lambdaReimplementsOperator: Rule = {
  meta: {
    code: 'PP702',
    name: 'lambda-reimplements-operator',
    title: 'Lambda that only reimplements `operator.itemgetter`, `attrgetter` or `methodcaller`',
    severity: 'hint',
    fix: 'safe',
    optIn: true,
    peers: ['FURB118'],
    docs: {
      whatItDoes:
        'Flags a one-parameter lambda whose body only looks something up on its argument: `lambda x: x[k]`, ' +
        '`lambda x: (x[a], x[b])`, `lambda o: o.attr`, `lambda o: o.a.b`, `lambda o: (o.a, o.b)` or ' +
        '`lambda o: o.method(args)`. The `operator` module has a ready-made function for each. Lambdas with ' +
        'defaults or starred parameters, slices, and a lambda that is assigned in a class body (a method) are ' +
        'left alone.',
      whyIsThisBad:
        '`itemgetter`, `attrgetter` and `methodcaller` say in one word what the lambda spells out, read the same ' +
        'wherever they appear (sort keys, `map`, `groupby`), are implemented in C and can be pickled, which a ' +
        'lambda cannot.',
      example: ['rows = [("ann", 31), ("bob", 27)]', 'by_age = sorted(rows, key=lambda row: row[1])'].join('\n'),
      useInstead: ['from operator import itemgetter', '', 'rows = [("ann", 31), ("bob", 27)]', 'by_age = sorted(rows, key=itemgetter(1))'].join('\n'),
      fixSafety:
        'Safe when the lambda is the `key=` of `sorted`, `min`, `max`, a `.sort()` call, `heapq.nsmallest`, ' +
        '`heapq.nlargest` or `itertools.groupby`, its subscripts are literals and its method call has no ' +
        'arguments: those call the key once per element with the element alone, and the operator function looks ' +
        'up exactly what the lambda did, in the same order, raising the same errors. Unsafe anywhere else: the ' +
        'callable no longer accepts keyword arguments, is not a function (it does not bind as a method), and ' +
        '`itemgetter(k)` or `methodcaller("m", arg)` evaluate `k` and `arg` once, when they are created, where ' +
        'the lambda evaluated them on every call. The fix imports the function from `operator` (or uses an ' +
        'existing `import operator`); none is offered when the name is taken or a comment sits in the lambda.',
    },
  },

  create(context) {
    return {
      lambda(lambda) {
        const parameters = lambda.childForFieldName('parameters');
        const body = lambda.childForFieldName('body');
        if (!parameters || !body || parameters.namedChildCount !== 1) return;
        const parameter = parameters.namedChild(0)!;
        if (parameter.type !== 'identifier') return;
        if (!rewriteOf(body, parameter.text, '"') || isClassLevelValue(lambda, context)) return;
        const quote = quoteOf(lambda, context);
        const rewrite = rewriteOf(body, parameter.text, quote ?? '"')!;
        const safe = rewrite.constant && isSortKey(lambda, context);
        context.report({
          node: lambda,
          message: `this lambda does what \`operator.${rewrite.function}(${oneLine(rewrite.arguments.join(', '))})\` does`,
          fix: quote === null ? null : operatorFix(lambda, rewrite, safe, context),
        });
      },
    };
  },
};

function operatorFix(lambda: Node, rewrite: Rewrite, safe: boolean, context: RuleContext): Fix | null {
  if (lambda.descendantsOfType('comment').length > 0) return null;
  // In a class body the lambda's body reads module-level names, the fix reads the class's own.
  if (rewrite.readsNames && context.scopes.treeFor(lambda).scopeContaining(lambda).type === 'class') return null;
  const { source, module } = context;
  const name = rewrite.function;
  let callee: string;
  const edits: TextEdit[] = [];
  if (module.importOf('operator') === 'operator' && resolveNameAt(lambda, 'operator', context) === 'operator') {
    callee = `operator.${name}`;
  } else {
    const existing = resolveNameAt(lambda, name, context);
    if (existing === `operator.${name}`) {
      callee = name;
    } else if (existing === `builtins.${name}` && !module.fromImport('operator')?.star) {
      callee = name;
      const edit = importEdit('operator', name, source, module);
      if (edit) edits.push(edit);
    } else {
      return null;
    }
  }
  const replacement = `${callee}(${rewrite.arguments.join(', ')})`;
  edits.push({ range: source.rangeOf(lambda), newText: replacement });
  return { title: `Use \`${oneLine(replacement)}\``, safety: safe ? 'safe' : 'unsafe', edits };
}

