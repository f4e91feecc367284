import type { Node } from '../../parser';
import { assignmentOfValue, standaloneText } from '../python';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

export const lambdaAssignment: Rule = {
  meta: {
    code: 'PP701',
    name: 'lambda-assignment',
    title: 'Lambda assigned to a name',
    severity: 'information',
    fix: 'unsafe',
    optIn: true,
    peers: ['E731'],
    docs: {
      whatItDoes:
        'Flags an assignment of a `lambda` to a plain name, `name = lambda ...: ...`, annotated or not. ' +
        'In a class body it is reported without a fix.',
      whyIsThisBad:
        'A lambda exists to be used in place, as an argument. Once it is given a name it is a function in ' +
        'disguise: its `__name__` stays `<lambda>`, so tracebacks, profiles and `repr` cannot tell it apart from any ' +
        'other lambda, and it has no room for a docstring, annotations or a second statement. A `def` says the ' +
        'same in as many lines and names the function properly.',
      example: ['to_celsius = lambda f: (f - 32) * 5 / 9', '', 'print(to_celsius(212))'].join('\n'),
      useInstead: ['def to_celsius(f):', '    return (f - 32) * 5 / 9', '', '', 'print(to_celsius(212))'].join('\n'),
      fixSafety:
        'Unsafe. The fix writes `def name(params):` with `return <body>`, keeping defaults. The function now ' +
        "reports `name` as its `__name__` and `__qualname__` instead of `<lambda>`, which code that inspects names " +
        '(registries, serializers, tests comparing reprs) notices. An annotation `Callable[[A, B], R]` becomes ' +
        'parameter and return annotations, and a module-level `__annotations__` entry for the name disappears. ' +
        'No fix is offered in a class body (the name would become a method defined differently), for chained ' +
        'assignments (`a = b = lambda ...`), for lambdas with comments inside, for an annotation the fix cannot ' +
        'translate, or when the statement shares its line with other code.',
    },
  },

  create(context) {
    return {
      lambda(lambda) {
        const parent = assignmentOfValue(lambda, context);
        if (!parent) return;
        const target = parent.childForFieldName('left');
        if (target?.type !== 'identifier') return;
        let outer = parent;
        for (let up = context.parentOf(outer); up?.type === 'assignment'; up = context.parentOf(up)) outer = up;
        const statement = context.parentOf(outer);
        if (statement?.type !== 'expression_statement') return;
        const inClass = context.scopes.treeFor(statement).scopeContaining(statement).type === 'class';
        context.report({
          node: outer,
          message: `\`${target.text}\` is a function written as a lambda: a \`def\` gives it the name \`${target.text}\` in tracebacks and room for a docstring`,
          fix: inClass || outer.id !== parent.id ? null : defFix({ lambda, assignment: parent, statement, name: target.text, context }),
        });
      },
    };
  },
};

interface FixInput {
  lambda: Node;
  assignment: Node;
  statement: Node;
  name: string;
  context: RuleContext;
}

function defFix({ lambda, assignment, statement, name, context }: FixInput): Fix | null {
  const { source } = context;
  const body = lambda.childForFieldName('body');
  if (!body || statement.namedChildCount !== 1 || assignment.descendantsOfType('comment').length > 0) return null;
  // The statement must have its line to itself: the `def` needs a line and an indented block.
  const row = statement.startPosition.row;
  const indent = source.indentOf(row);
  if (statement.startPosition.column !== indent.length || source.lineText(row).slice(0, indent.length) !== indent) return null;
  if (sharesLine(statement, context)) return null;

  const parameters = lambda.childForFieldName('parameters');
  const annotation = assignment.childForFieldName('type');
  let signature = `(${parameters?.text ?? ''})`;
  if (annotation) {
    const typed = annotatedSignature(annotation.text, parameters);
    if (!typed) return null;
    // A local variable's annotation is never evaluated; a parameter's is, when the `def` runs.
    const local = context.scopes.treeFor(statement).scopeContaining(statement).type !== 'module';
    if (local && typed.annotates && !context.module.futureAnnotations()) return null;
    signature = typed.signature;
  }
  const step = indent.includes('\t') ? '\t' : '    ';
  const eol = source.eol;
  return {
    title: `Define \`${name}\` with \`def\``,
    safety: 'unsafe',
    edits: [{ range: source.rangeOf(statement), newText: `def ${name}${signature}:${eol}${indent}${step}return ${standaloneText(body)}` }],
  };
}

/**
 * Whether code or a `# type:` comment follows the statement on its last line: the `def` would take
 * the code into its body, and a type comment on a `return` is a syntax error for type checkers.
 * After a top-level statement that text lies outside the unit, so the module is asked.
 */
function sharesLine(statement: Node, context: RuleContext): boolean {
  if (context.parentOf(statement)?.type === 'module') {
    const tail = context.module.lineTail(statement.text);
    return tail === 'code' || tail === 'type-comment';
  }
  const next = statement.nextSibling;
  if (!next || next.startPosition.row !== statement.endPosition.row) return false;
  return next.type !== 'comment' || /^#\s*type:(?!\s*ignore\b)/.test(next.text);
}

/** Splits at commas outside brackets, dropping empty pieces (`[int, str]` -> `int`, `str`). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '(' || ch === '{') depth++;
    else if (ch === ']' || ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The `def`'s signature for a lambda annotated `Callable[[A, B], R]` (`(a: A, b: B) -> R`),
 * `Callable[..., R]` or a bare `Callable`; null for any other annotation.
 */
function annotatedSignature(annotation: string, parameters: Node | null): { signature: string; annotates: boolean } | null {
  const plain = `(${parameters?.text ?? ''})`;
  const callable = /^(?:(?:typing|collections\.abc|abc|t)\.)?Callable(?:\[([^]*)\])?$/.exec(annotation.trim());
  if (!callable) return null;
  if (callable[1] === undefined) return { signature: plain, annotates: false };
  const parts = splitTopLevel(callable[1]);
  if (parts.length !== 2) return null;
  const [argumentTypes, returns] = parts;
  if (argumentTypes === '...') return { signature: `${plain} -> ${returns}`, annotates: true };
  const list = /^\[([^]*)\]$/.exec(argumentTypes);
  if (!list) return null;
  const types = splitTopLevel(list[1]);
  const params = (parameters?.namedChildren ?? []).filter((p): p is Node => p !== null);
  if (types.length !== params.length) return null;
  const typed: string[] = [];
  for (const [i, p] of params.entries()) {
    if (p.type === 'identifier') typed.push(`${p.text}: ${types[i]}`);
    else if (p.type === 'default_parameter') typed.push(`${p.childForFieldName('name')!.text}: ${types[i]} = ${p.childForFieldName('value')!.text}`);
    else return null;
  }
  return { signature: `(${typed.join(', ')}) -> ${returns}`, annotates: true };
}
