import type { Node } from '../../parser';
import { resolveName } from '../resolve';
import { callsTo, unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

const OPENERS = new Set(['builtins.open', 'io.open']);

export const binaryReadDecoded: Rule = {
  meta: {
    code: 'PP602',
    name: 'binary-read-decoded',
    title: 'File opened in binary mode only to decode what is read',
    severity: 'information',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags `open(path, "rb")` whose content is read and decoded at once: `open(path, "rb").read().decode(...)`, ' +
        'or `with open(path, "rb") as f:` whose block uses `f` only in `f.read().decode(...)`.',
      whyIsThisBad:
        'Text mode exists to do the decoding: `open(path, encoding="utf-8")` hands back `str` directly, says ' +
        'up front which encoding the file uses, and can be read line by line or in pieces without splitting a ' +
        'multi-byte character in two. Reading bytes and decoding them afterwards is a detour that hides the ' +
        'encoding at the far end of a chain.',
      example: [
        'def load_template(path):',
        '    with open(path, "rb") as f:',
        '        return f.read().decode("utf-8")',
      ].join('\n'),
      useInstead: [
        'def load_template(path):',
        '    with open(path, encoding="utf-8") as f:',
        '        return f.read()',
      ].join('\n'),
      fixSafety:
        'Unsafe: the mode becomes `"r"`, the encoding (and `errors`) of the `decode` call move to `open`, with ' +
        '`"utf-8"` when `decode()` named none, and `.decode(...)` goes. Text mode would also turn `\\r\\n` and `\\r` ' +
        'into `\\n`, which `decode` never did, so the fix adds `newline=""` to keep line endings as they are; drop ' +
        'it if you want them translated. Other differences remain: an unknown encoding is now reported when the ' +
        'file is opened rather than when it is read, and `f.mode` says `"r"`. The fix is offered only when the ' +
        'encoding and errors are string literals and `open` has no other arguments than the path and the mode.',
    },
  },

  create(context) {
    const binaryRead = unitTextMatcher(context, /(['"])(?:rb|br)\1/);
    return {
      ...callsTo(['open'], (call) => {
        // `open(...)` or `io.open(...)`, checked on the text before any node is asked for.
        const { text } = context.source;
        if (!binaryRead() || !(text.startsWith('open', call.startIndex) || text.startsWith('io.open', call.startIndex))) return;
        const fn = call.childForFieldName('function');
        if (!fn || (fn.type === 'identifier' ? fn.text !== 'open' : fn.type !== 'attribute' || fn.text !== 'io.open')) return;
        const args = openArguments(call);
        if (!args?.mode || !/^(rb|br)$/.test(stringValue(args.mode) ?? '')) return;
        const name = resolveName(fn, context);
        if (!name || !OPENERS.has(name)) return;
        const decode = decodedRead(call, context);
        if (!decode) return;
        context.report({
          node: call,
          message: 'The file is opened in binary mode only to decode what is read: open it in text mode with `encoding=` instead',
          fix: buildFix(args, decode, context),
        });
      }),
    };
  },
};

interface OpenArguments {
  list: Node;
  mode: Node | null;
  /** Only the path and the mode: text mode accepts the same call. */
  simple: boolean;
}

function openArguments(call: Node): OpenArguments | null {
  const list = call.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return null;
  const args = list.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment');
  // `open(*a)`, `open(**kw)`: the mode is not known.
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return null;
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const keywords = args.filter((a) => a.type === 'keyword_argument');
  const keywordNamed = (name: string): Node | null => keywords.find((k) => k.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? null;
  const mode = positional[1] ?? keywordNamed('mode');
  const known = keywords.every((k) => ['file', 'mode'].includes(k.childForFieldName('name')?.text ?? ''));
  return { list, mode, simple: known && positional.length <= 2 };
}

/** The value of a plain string literal (no prefix but `u`, no escapes, no replacement fields), or null. */
function stringValue(node: Node): string | null {
  if (node.type !== 'string' || node.namedChildCount !== 3) return null;
  const [start, content, end] = [node.namedChild(0), node.namedChild(1), node.namedChild(2)];
  if (start?.type !== 'string_start' || content?.type !== 'string_content' || end?.type !== 'string_end') return null;
  if (!/^[uU]?("|')$/.test(start.text) || content.namedChildCount > 0) return null;
  return content.text;
}

interface DecodedRead {
  /** The `.read().decode(...)` call. */
  decode: Node;
  /** The `.read()` call it decodes. */
  read: Node;
}

/** `x.read().decode(...)` with `x` the node itself (chained) or, in a `with ... as f`, the only use of `f`. */
function decodedRead(open: Node, context: RuleContext): DecodedRead | null {
  const parent = context.parentOf(open);
  if (parent?.type === 'attribute') return readDecodeAround(open, context);
  if (parent?.type !== 'as_pattern' || parent.namedChild(0)?.id !== open.id) return null;
  const target = parent.childForFieldName('alias')?.namedChild(0);
  const item = context.parentOf(parent);
  const statement = item?.type === 'with_item' ? context.parentOf(context.parentOf(item)!) : null;
  const body = statement?.type === 'with_statement' ? statement.childForFieldName('body') : null;
  if (target?.type !== 'identifier' || !body) return null;
  const uses = body.descendantsOfType('identifier').filter((id) => id.text === target.text);
  return uses.length === 1 ? readDecodeAround(uses[0], context) : null;
}

/** The `.read().decode(...)` chain on `receiver`, or null. */
function readDecodeAround(receiver: Node, context: RuleContext): DecodedRead | null {
  const readAttribute = context.parentOf(receiver);
  if (readAttribute?.type !== 'attribute' || readAttribute.childForFieldName('object')?.id !== receiver.id) return null;
  if (readAttribute.childForFieldName('attribute')?.text !== 'read') return null;
  const read = context.parentOf(readAttribute);
  const readArgs = read?.type === 'call' ? read.childForFieldName('arguments') : null;
  // `read(n)` counts bytes in binary mode but characters in text mode.
  if (!read || readArgs?.type !== 'argument_list' || readArgs.namedChildCount > 0) return null;
  const decodeAttribute = context.parentOf(read);
  if (decodeAttribute?.type !== 'attribute' || decodeAttribute.childForFieldName('attribute')?.text !== 'decode') return null;
  const decode = context.parentOf(decodeAttribute);
  return decode?.type === 'call' ? { decode, read } : null;
}

/** The encoding and errors of a `decode(...)` call, as source text of string literals; null when they are anything else. */
function decodeArguments(decode: Node): { encoding: string | null; errors: string | null } | null {
  const list = decode.childForFieldName('arguments');
  if (list?.type !== 'argument_list') return null;
  const args = list.namedChildren.filter((a): a is Node => a !== null);
  if (args.some((a) => a.type === 'comment')) return null;
  const found: Record<'encoding' | 'errors', string | null> = { encoding: null, errors: null };
  const names = ['encoding', 'errors'] as const;
  for (const [i, arg] of args.entries()) {
    const name = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : names[i];
    const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    if ((name !== 'encoding' && name !== 'errors') || !value || stringValue(value) === null || found[name] !== null) return null;
    found[name] = value.text;
  }
  return found;
}

function buildFix(args: OpenArguments, { decode, read }: DecodedRead, context: RuleContext): Fix | null {
  const { source } = context;
  const decoded = decodeArguments(decode);
  const mode = args.mode;
  const content = mode?.namedChild(1);
  if (!decoded || !args.simple || !mode || !content || args.list.descendantsOfType('comment').length > 0) return null;
  const quote = mode.namedChild(0)!.text.slice(-1);
  const lastArgument = args.list.namedChildren.filter((a) => a?.type !== 'comment').pop()!;
  const keywords = [
    `encoding=${decoded.encoding ?? `${quote}utf-8${quote}`}`,
    ...(decoded.errors ? [`errors=${decoded.errors}`] : []),
    `newline=${quote}${quote}`,
  ];
  const edits: TextEdit[] = [
    { range: source.rangeOf(content), newText: 'r' },
    { range: { start: source.rangeOf(lastArgument).end, end: source.rangeOf(lastArgument).end }, newText: `, ${keywords.join(', ')}` },
    { range: { start: source.rangeOf(read).end, end: source.rangeOf(decode).end }, newText: '' },
  ];
  return { title: 'Open the file in text mode with its encoding', safety: 'unsafe', edits };
}
