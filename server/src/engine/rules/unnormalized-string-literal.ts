import type { Node } from '../../parser';
import { resolveName } from '../resolve';
import { unitTextMatcher, type Rule, type RuleContext } from '../rule';
import type { Position, TextEdit } from '../types';

/** Calls that ask about normalization themselves: their literal arguments are decomposed on purpose. */
const NORMALIZING = new Set(['unicodedata.normalize', 'unicodedata.is_normalized']);

/** Combining marks, and the Hangul vowel and final jamo that compose with the jamo before them. */
const COMBINING = /^[\p{M}\u1161-\u1175\u11a8-\u11c2]$/u;
const COMBINING_ANYWHERE = /[\p{M}\u1161-\u1175\u11a8-\u11c2]/u;

/** Where the search for an enclosing assertion stops. */
const STATEMENT_BOUNDARIES = new Set(['block', 'module', 'function_definition', 'class_definition', 'lambda']);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/**
 * One piece of a literal's source and the text it stands for: a character, an escape
 * sequence, `{{` in an f-string. `value` is null for a `\N{...}` escape, whose character
 * is not known here.
 */
interface Piece {
  start: number;
  end: number;
  value: string | null;
  escaped: boolean;
}

const PAST_U02FF = /[^\x00-\u02ff]/;

export const unnormalizedStringLiteral: Rule = {
  meta: {
    code: 'PP601',
    name: 'unnormalized-string-literal',
    title: 'String literal not in Unicode NFC form',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a str literal holding a combining character, typed as itself, that Unicode NFC normalization ' +
        'would merge with the character before it: a `"café"` whose `e` is followed by U+0301 COMBINING ACUTE ' +
        'ACCENT, two code points pasted from somewhere, rather than the single U+00E9 that keyboards produce. Escapes such as `\\u0301` ' +
        'spell the code point out, so the decomposed form is deliberate (Unicode tables, tests of text handling) ' +
        'and is not flagged; neither are byte strings, the parts of an f-string next to a replacement field, ' +
        'docstrings and other string statements, expected values in assertions, and literals passed straight to ' +
        '`unicodedata.normalize` or `unicodedata.is_normalized`.',
      whyIsThisBad:
        'The two spellings look identical on screen, but Python compares code points: `e` + U+0301 and ' +
        'U+00E9 are not equal, their `len()` differs, and a dict lookup, a ' +
        '`str.startswith` check or a search for the word fails. Text from keyboards, files and the web is nearly ' +
        'always NFC, so a decomposed literal is the odd one out. It usually arrives by copy and paste from a ' +
        'source that decomposes (macOS file names, some PDFs), invisible in the editor.',
      example: 'GREETING = "cafe\u0301"  # the accent typed as a separate combining character\n\ndef is_greeting(word):\n    return word == GREETING',
      useInstead: 'GREETING = "caf\u00e9"  # one code point, U+00E9\n\ndef is_greeting(word):\n    return word == GREETING',
      fixSafety:
        'Unsafe: the literal is rewritten in NFC form, which changes its value (that is the point). Code that ' +
        'relied on the decomposed form, such as a test of normalization or data matched against decomposed file ' +
        'names, behaves differently. The rewrite keeps the prefix and quotes; characters written as `\\u` ' +
        'escapes come out as escapes (so an ASCII-only file stays ASCII-only), characters typed directly come out ' +
        'typed directly.',
    },
  },

  create(context) {
    // Only a combining character typed as itself is flagged, and all of them come after U+02FF:
    // most files hold none, and then no string is even visited (there are many).
    if (!context.source.mayContain(PAST_U02FF)) return {};
    const combines = unitTextMatcher(context, PAST_U02FF);
    return {
      string(node) {
        if (!combines()) return;
        const { source } = context;
        const text = source.text.slice(node.startIndex, node.endIndex);
        if (!COMBINING_ANYWHERE.test(text)) return;
        const opener = node.child(0);
        if (opener?.type !== 'string_start') return;
        const prefix = opener.text.replace(/['"]+$/, '').toLowerCase();
        if (prefix.includes('b')) return;
        const raw = prefix.includes('r');
        const formatted = prefix.includes('f');
        const pieces = piecesOf(node, opener, { raw, formatted, text: source.text });
        if (!pieces) return;
        const chunks = unnormalizedChunks(pieces);
        if (chunks.length === 0 || deliberate(node, context)) return;
        const quote = opener.text.slice(-1);
        const edits: TextEdit[] = [];
        for (const chunk of chunks) {
          const newText = rewrite(chunk, { raw, formatted, quote, text: source.text });
          if (newText === null) break;
          edits.push({ range: { start: positionAt(node, text, chunk[0].start), end: positionAt(node, text, chunk[chunk.length - 1].end) }, newText });
        }
        const first = chunks[0][0];
        const last = chunks[chunks.length - 1];
        const range = { start: positionAt(node, text, first.start), end: positionAt(node, text, last[last.length - 1].end) };
        context.report({
          range,
          message:
            'This text is not in NFC form (a letter and a combining mark where one precomposed character exists): ' +
            'it looks the same as the usual spelling but compares unequal to it',
          fix: edits.length === chunks.length ? { title: 'Rewrite the literal in NFC form', safety: 'unsafe', edits } : null,
        });
      },
    };
  },
};

/** The pieces of the literal's text outside replacement fields, each stretch between fields ended by a null piece. */
function piecesOf(node: Node, opener: Node, input: { raw: boolean; formatted: boolean; text: string }): Piece[] | null {
  const closer = node.child(node.childCount - 1);
  if (closer?.type !== 'string_end') return null;
  const stretches: Array<[number, number]> = [];
  let at = opener.endIndex;
  for (const child of node.namedChildren) {
    if (child?.type !== 'interpolation') continue;
    stretches.push([at, child.startIndex]);
    at = child.endIndex;
  }
  stretches.push([at, closer.startIndex]);
  const pieces: Piece[] = [];
  for (const [start, end] of stretches) {
    pieces.push(...decode(input.text, start, end, input));
    // Text on either side of a replacement field joins with whatever the field produces: a barrier.
    pieces.push({ start: end, end, value: null, escaped: false });
  }
  return pieces;
}

/** Splits source text into pieces, decoding escape sequences unless the literal is raw. */
function decode(text: string, start: number, end: number, { raw, formatted }: { raw: boolean; formatted: boolean }): Piece[] {
  const pieces: Piece[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (formatted && (ch === '{' || ch === '}') && text[i + 1] === ch) {
      pieces.push({ start: i, end: i + 2, value: ch, escaped: true });
      i += 2;
      continue;
    }
    if (ch === '\\' && !raw && i + 1 < end) {
      const piece = escapeAt(text, i, end);
      pieces.push(piece);
      i = piece.end;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    pieces.push({ start: i, end: i + width, value: String.fromCodePoint(cp), escaped: false });
    i += width;
  }
  return pieces;
}

function escapeAt(text: string, i: number, end: number): Piece {
  const next = text[i + 1];
  const piece = (length: number, value: string | null): Piece => ({ start: i, end: i + length, value, escaped: true });
  if (next === '\n') return piece(2, '');
  if (next === '\r') return piece(text[i + 2] === '\n' ? 3 : 2, '');
  if (next in SIMPLE_ESCAPES) return piece(2, SIMPLE_ESCAPES[next]);
  const hex = (length: number): Piece | null => {
    const digits = text.slice(i + 2, i + 2 + length);
    if (i + 2 + length > end || !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) return null;
    const cp = parseInt(digits, 16);
    return cp <= 0x10ffff ? piece(2 + length, String.fromCodePoint(cp)) : null;
  };
  const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, Math.min(end, i + 4)));
  if (octal) return piece(1 + octal[0].length, String.fromCodePoint(parseInt(octal[0], 8)));
  if (next === 'x') return hex(2) ?? piece(1, '\\');
  if (next === 'u') return hex(4) ?? piece(1, '\\');
  if (next === 'U') return hex(8) ?? piece(1, '\\');
  if (next === 'N') {
    const close = text.indexOf('}', i);
    if (text[i + 2] === '{' && close > 0 && close < end) return piece(close + 1 - i, null);
  }
  // An unknown escape keeps its backslash.
  return piece(1, '\\');
}

/**
 * Runs of pieces whose text changes under NFC. A run starts at an ASCII character (which
 * never combines with what precedes it) and takes the non-ASCII characters after it; a
 * `\N{...}` escape or a replacement field ends it, since its character is not known.
 */
function unnormalizedChunks(pieces: Piece[]): Piece[][] {
  const chunks: Piece[][] = [];
  let current: Piece[] = [];
  const close = (): void => {
    const value = current.map((p) => p.value).join('');
    // Only a composition counts: characters NFC merely replaces one for one (U+212A KELVIN SIGN, the
    // CJK compatibility ideographs) or combining marks it merely reorders are written so on purpose,
    // in character tables and regular expressions.
    // And only a combining character typed as itself: `\\u0301` names the code point, so whoever wrote it
    // meant the decomposed form (Unicode tables, tests of text handling).
    if (value.normalize('NFC').length < value.length && current.some((p) => !p.escaped && p.value !== null && COMBINING.test(p.value))) {
      chunks.push(current);
    }
    current = [];
  };
  for (const piece of pieces) {
    if (piece.value === null) {
      close();
      continue;
    }
    if (piece.value.length === 1 && piece.value.charCodeAt(0) < 0x80) close();
    current.push(piece);
  }
  close();
  return chunks;
}

/** The NFC text of a run, written for the literal it sits in; null when it cannot be written there. */
function rewrite(chunk: Piece[], literal: { raw: boolean; formatted: boolean; quote: string; text: string }): string | null {
  const { raw, formatted, quote, text } = literal;
  // A line continuation inside the run would have to go; leave such oddities alone.
  if (chunk.some((p) => p.value === '')) return null;
  const source = (p: Piece): string => text.slice(p.start, p.end);
  const escapes = chunk.some((p) => p.escaped && /^\\[uUx0-7]/.test(source(p)));
  const upper = chunk.some((p) => /^\\(u|U|x)[0-9a-fA-F]*[A-F]/.test(source(p)));
  let normalized = chunk.map((p) => p.value).join('').normalize('NFC');
  let out = '';
  // The run's first character usually survives (`a` + U+0308 U+0323 becomes U+1EA1 U+0308 only when it does not).
  const head = chunk[0];
  if (head.value && normalized.startsWith(head.value)) {
    out = source(head);
    normalized = normalized.slice(head.value.length);
  }
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80) {
      if (!escapes) out += ch;
      else if (raw) return null;
      else out += cp > 0xffff ? `\\U${hexOf(cp, 8, upper)}` : `\\u${hexOf(cp, 4, upper)}`;
    } else if (ch === '\\' || ch === quote || cp < 0x20 || cp === 0x7f) {
      if (raw) return null;
      out += ch === '\\' || ch === quote ? `\\${ch}` : `\\x${hexOf(cp, 2, upper)}`;
    } else if (formatted && (ch === '{' || ch === '}')) {
      out += ch + ch;
    } else {
      out += ch;
    }
  }
  return out;
}

function hexOf(cp: number, width: number, upper: boolean): string {
  const digits = cp.toString(16).padStart(width, '0');
  return upper ? digits.toUpperCase() : digits;
}

/** The position of `offset` inside the literal `node`, whose source is `text`. */
function positionAt(node: Node, text: string, offset: number): Position {
  const before = text.slice(0, offset - node.startIndex);
  const lastBreak = before.lastIndexOf('\n');
  if (lastBreak < 0) return { line: node.startPosition.row, character: node.startPosition.column + before.length };
  return { line: node.startPosition.row + before.split('\n').length - 1, character: before.length - lastBreak - 1 };
}

/**
 * Where a decomposed literal is written so on purpose or does no harm: an argument of
 * `unicodedata.normalize`/`is_normalized`, the expected value in an assertion (a test of text
 * handling spells it exactly as the code under test produces it), or a docstring or other
 * string statement, which nothing compares.
 */
function deliberate(node: Node, context: RuleContext): boolean {
  let argument = node;
  let parent = context.parentOf(node);
  if (parent?.type === 'concatenated_string') {
    argument = parent;
    parent = context.parentOf(parent);
  }
  if (parent?.type === 'expression_statement' || inAssertion(parent, context)) return true;
  if (parent?.type !== 'argument_list' || argument.type === 'keyword_argument') return false;
  const call = context.parentOf(parent);
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  if (!fn) return false;
  const name = resolveName(fn, context);
  return name !== null && NORMALIZING.has(name);
}

/** Inside an `assert` statement or the arguments of `assertEqual(...)`, `assert_equal(...)` and the like. */
function inAssertion(node: Node | null, context: RuleContext): boolean {
  for (let p = node; p && !STATEMENT_BOUNDARIES.has(p.type); p = context.parentOf(p)) {
    if (p.type === 'assert_statement') return true;
    if (p.type === 'call') {
      const fn = p.childForFieldName('function');
      const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
      if (name && /^assert/i.test(name)) return true;
    }
  }
  return false;
}
