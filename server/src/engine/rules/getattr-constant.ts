import type { Node } from '../../parser';
import { ancestors } from '../parents';
import { calleeName, oneLine, plainArguments, primaryText, standaloneText, underscoreForm } from '../python';
import { isBuiltin } from '../resolve';
import { callsTo, type Rule, type RuleContext } from '../rule';
import { DEF_BOUND, isBinding } from '../scope';
import type { Fix } from '../types';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * The attribute name a string literal spells, when `obj.name` would reach the same attribute:
 * an ASCII identifier (the parser folds other identifiers to NFKC, `getattr` does not), not a
 * keyword, not `__debug__` (which cannot be assigned) and not `__x`, which a class body mangles.
 */
export function constantAttributeName(node: Node): string | null {
  if (node.type !== 'string') return null;
  const m = /^[rRuU]?(['"])([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(node.text);
  if (!m) return null;
  const name = m[2];
  if (KEYWORDS.has(name) || name === '__debug__' || underscoreForm(name) === 'mangled') return null;
  return name;
}

/** Literals whose evaluation can neither fail nor do anything. */
const CONSTANTS = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis']);

/**
 * Whether evaluating the expression can neither raise nor have an effect: a constant, or a
 * parameter of the function around it that nothing rebinds or deletes. Its place in the order
 * of evaluation then does not matter.
 */
function inert(node: Node, context: RuleContext): boolean {
  if (CONSTANTS.has(node.type)) return true;
  if (node.type === 'string') return !node.namedChildren.some((c) => c?.type === 'interpolation');
  if (node.type === 'unary_operator') {
    const argument = node.childForFieldName('argument');
    return argument !== null && (argument.type === 'integer' || argument.type === 'float');
  }
  if (node.type !== 'identifier') return false;
  const occurrence = context.scopes.treeFor(node).occurrenceOf(node);
  const entry = occurrence?.scope.symbols.get(occurrence.name);
  if (!occurrence || !entry || occurrence.scope.type !== 'function' || entry.scope !== 'local' || !(entry.flags & DEF_BOUND)) return false;
  return entry.occurrences.every((o) => (isBinding(o) ? o.binding === 'parameter' : o.kind === 'read'));
}

export const getattrConstant: Rule = {
  meta: {
    code: 'PP705',
    name: 'getattr-constant',
    title: '`getattr` or `setattr` with a constant attribute name',
    severity: 'information',
    fix: 'safe',
    peers: ['B009', 'B010'],
    docs: {
      whatItDoes:
        'Flags `getattr(obj, "name")` without a default, and `setattr(obj, "name", value)` used as a statement, ' +
        'when the name is a string literal that could be written as an attribute: `obj.name` and ' +
        '`obj.name = value`. Keywords (`getattr(obj, "class")`), names with two leading underscores, which a class ' +
        'body would mangle, and `getattr` with a default are left alone.',
      whyIsThisBad:
        '`getattr` and `setattr` exist for names known only at run time. With a constant name they do exactly what ' +
        'the dot does, but hide the attribute from readers, from "find references" and renames in the editor, and ' +
        'from type checkers, and they cost a function call.',
      example: ['def label(widget):', '    text = getattr(widget, "text")', '    setattr(widget, "dirty", False)', '    return text'].join('\n'),
      useInstead: ['def label(widget):', '    text = widget.text', '    widget.dirty = False', '    return text'].join('\n'),
      fixSafety:
        'Safe for `getattr`: `getattr(obj, "name")` and `obj.name` take the same path through `__getattribute__`, ' +
        '`__getattr__`, properties and descriptors, and raise the same `AttributeError`. The receiver is ' +
        'parenthesized when needed (`(a + b).name`, `(1).real`). For `setattr`, the statement `obj.name = value` ' +
        'evaluates `value` before `obj`, while the call evaluates `obj` first: the fix is safe when one of the two ' +
        'is a constant or a parameter nothing rebinds, and unsafe otherwise (side effects or errors would come in ' +
        'another order). No fix is offered when a comment sits inside the call.',
    },
  },

  create(context) {
    // A file that mentions neither builtin has no unit that calls one.
    if (!context.source.mayContain('getattr') && !context.source.mayContain('setattr')) return {};
    return {
      ...callsTo(['getattr', 'setattr'], (call) => {
        const callee = calleeName(call, context.source.text);
        if (callee !== 'getattr' && callee !== 'setattr') return;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || (fn.text !== 'getattr' && fn.text !== 'setattr')) return;
        const args = plainArguments(call);
        const setter = fn.text === 'setattr';
        if (!args || args.keywords.length > 0 || args.positional.length !== (setter ? 3 : 2)) return;
        const [receiver, nameNode, value] = args.positional;
        const name = constantAttributeName(nameNode);
        if (!name) return;
        const statement = context.parentOf(call);
        if (setter && (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1)) return;
        if (!isBuiltin(fn, fn.text, context) || insideTestOf(call, context)) return;
        if (setter) {
          const safe = inert(receiver, context) || inert(value, context);
          context.report({
            node: call,
            message: `\`setattr\` with the constant name \`${name}\` is a plain assignment: write \`${oneLine(primaryText(receiver))}.${name} = ...\``,
            fix: typeCommentAfter(statement!, context) ? null : fixOf(call, `${primaryText(receiver)}.${name} = ${standaloneText(value)}`, safe),
          });
        } else {
          context.report({
            node: call,
            message: `\`getattr\` with the constant name \`${name}\` and no default is a plain attribute read: write \`${oneLine(primaryText(receiver))}.${name}\``,
            fix: fixOf(call, `${primaryText(receiver)}.${name}`, true),
          });
        }
      }),
    };

    function fixOf(call: Node, replacement: string, safe: boolean): Fix | null {
      if (call.descendantsOfType('comment').length > 0) return null;
      return {
        title: `Use \`${oneLine(replacement)}\``,
        safety: safe ? 'safe' : 'unsafe',
        edits: [{ range: context.source.rangeOf(call), newText: replacement }],
      };
    }
  },
};

/** Whether a test named after `getattr` or `setattr` (`test_getattr`) holds the call: it exercises the builtin on purpose. */
function insideTestOf(call: Node, context: RuleContext): boolean {
  for (const p of ancestors(call, context)) {
    if (p.type === 'function_definition' && /^test\w*[gs]etattr/i.test(p.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}

/** A `# type:` comment after the statement would start to annotate the assignment the fix writes. */
function typeCommentAfter(statement: Node, context: RuleContext): boolean {
  if (context.parentOf(statement)?.type === 'module') return context.module.lineTail(statement.text) === 'type-comment';
  const next = statement.nextSibling;
  return next?.type === 'comment' && next.startPosition.row === statement.endPosition.row && /^#\s*type:(?!\s*ignore\b)/.test(next.text);
}

