import type { Node } from '../../parser';
import { qualifiedName } from '../module-facts';
import { callsTo, type Rule, type RuleContext } from '../rule';
import type { TextEdit } from '../types';

/** Builtins that consume an iterable once, front to back: a generator serves them as well as a list. */
const CONSUMERS: ReadonlySet<string> = new Set(['any', 'all', 'sum', 'min', 'max']);
/** How such a call starts in the text: read from the source, so that most calls cost no question to the tree. */
const CALL_HEADS: ReadonlySet<string> = new Set([...CONSUMERS].map((name) => `${name}(`));

export const listComprehensionInCall: Rule = {
  meta: {
    code: 'PP405',
    name: 'list-comprehension-in-call',
    title: 'List comprehension passed to `any`, `all`, `sum`, `min` or `max`',
    severity: 'information',
    fix: 'unsafe',
    peers: ['C419'],
    docs: {
      whatItDoes:
        'Flags a call of the builtin `any`, `all`, `sum`, `min` or `max` whose only positional argument is a list ' +
        'comprehension (for `sum`, also with a start value). `min` and `max` with `default=` are left alone, as are ' +
        'calls of a local or imported function that happens to have one of those names.',
      whyIsThisBad:
        'The brackets make Python build the whole list in memory before the function sees its first item, only to ' +
        'throw the list away afterwards. `any` and `all` lose their early exit: `any([is_big(f) for f in files])` ' +
        'checks every file even when the first one already answers the question. A generator expression hands the ' +
        'items over one at a time.',
      example: ['def has_errors(lines):', '    return any([line.startswith("E") for line in lines])'].join('\n'),
      useInstead: ['def has_errors(lines):', '    return any(line.startswith("E") for line in lines)'].join('\n'),
      fixSafety:
        'Unsafe: the brackets become a generator expression (`any([x for x in y])` becomes `any(x for x in y)`, ' +
        '`sum([x for x in y], 0)` becomes `sum((x for x in y), 0)`). Once `any` or `all` has its answer it stops ' +
        'asking for items, so calls made by the comprehension for the remaining items, with their side effects and ' +
        'exceptions, no longer happen; and every item is now computed while the function runs rather than before. ' +
        'Comprehensions with `await` or `async for` are not reported: they have no generator equivalent here.',
    },
  },

  create(context) {
    return {
      ...callsTo(CONSUMERS, (call) => {
        const start = call.startIndex;
        if (!CALL_HEADS.has(context.source.text.slice(start, start + 4))) return;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || !CONSUMERS.has(fn.text)) return;
        const args = call.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        const items = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
        const positional = items.filter((c) => c.type !== 'keyword_argument');
        const comprehension = positional[0];
        if (comprehension?.type !== 'list_comprehension') return;
        // `sum(items, start)` takes a second positional argument; `max(a, b)` compares the list itself.
        if (positional.length > (fn.text === 'sum' ? 2 : 1)) return;
        if (positional.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat')) return;
        if (items.some((c) => c.type === 'dictionary_splat' || (c.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'default'))) return;
        if (isAsynchronous(comprehension) || !isBuiltin(fn, context)) return;
        const lazy = fn.text === 'any' || fn.text === 'all';
        context.report({
          node: comprehension,
          message: lazy
            ? `\`${fn.text}()\` builds this whole list before looking at it: a generator expression lets it stop at the first item that decides`
            : `\`${fn.text}()\` builds this whole list only to read it once: a generator expression hands it one item at a time`,
          fix: {
            title: 'Use a generator expression',
            safety: 'unsafe',
            edits: generatorEdits(comprehension, items.length === 1 && !hasTrailingComma(args), context),
          },
        });
      }),
    };
  },
};

function isAsynchronous(comprehension: Node): boolean {
  if (comprehension.descendantsOfType('await').length > 0) return true;
  return comprehension.namedChildren.some((c) => c?.type === 'for_in_clause' && c.children.some((t) => t?.type === 'async'));
}

/** The name is the builtin: not bound by the module, nor by the function or class around the call. */
function isBuiltin(name: Node, context: RuleContext): boolean {
  if (qualifiedName(name, context.module) !== `builtins.${name.text}`) return false;
  const occurrence = context.scopes.treeFor(name).occurrenceOf(name);
  const scope = occurrence?.scope.symbols.get(occurrence.name)?.scope;
  return scope === undefined || scope === 'global_implicit' || scope === 'global_explicit';
}

function hasTrailingComma(args: Node): boolean {
  const tokens = args.children.filter((c): c is Node => c !== null && c.type !== 'comment');
  return tokens.length >= 2 && tokens[tokens.length - 2].type === ',';
}

/**
 * A lone argument loses its brackets (`any(x for x in y)`), and a bracket alone on its
 * line loses the line; next to other arguments, or before a trailing comma, a generator
 * expression needs its own parentheses.
 */
function generatorEdits(comprehension: Node, alone: boolean, context: RuleContext): TextEdit[] {
  const { source } = context;
  const bracket = (node: Node, replacement: string): TextEdit => {
    const range = source.rangeOf(node);
    const line = range.start.line;
    if (alone && source.lineText(line).trim() === node.text && line + 1 < source.lineCount) {
      return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
    }
    return { range, newText: alone ? '' : replacement };
  };
  return [bracket(comprehension.children[0]!, '('), bracket(comprehension.children[comprehension.childCount - 1]!, ')')];
}
