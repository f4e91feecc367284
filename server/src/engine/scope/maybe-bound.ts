// A cheap look at a function's text, before anyone builds its scope tree: the names the
// text may bind. Rules that only care about some bound names (a builtin's, a module
// variable's) ask this first, and most functions then need no scope tree at all.
//
// The answer is a superset of what the function binds, never less. One pass over the
// text splits it into tokens and logical lines (brackets and backslashes join physical
// lines; strings and comments are skipped) and lists a name when it stands where Python
// binds one:
//   - after `for`, `as`, `def`, `class`, `case` or `type`;
//   - anywhere on a line after `import`, `del`, `global` or `nonlocal`;
//   - before `=` outside brackets, before `:=`, or before an augmented assignment (`+=`);
//   - before `:` at the start of a statement (an annotation);
//   - before `,`, `)`, `]`, `}`, `|`, `in` or `as` (in a target list, a parameter list or
//     a pattern) when a `=` outside brackets follows on the line, when one of the words
//     `as`, `case`, `def` or `lambda` came before it on the line, or between a `for` and
//     its `in` (the iterable `for x in a, b` binds neither `a` nor `b`; nor do the bases
//     in `class C(A, B)`);
//   - before `=` inside brackets or before `:` (a parameter's default or annotation) on a
//     line with `def`, `lambda` or `case`.
// A name after a `.` is an attribute and binds nothing (outside `import` lines). Reads
// that look the same (`x, y = f(a, b)` lists `a` and `b`) only cost a scope tree. No
// answer (null) for code with characters beyond ASCII outside strings and comments
// (Python folds identifiers to NFKC, so a binding may be spelt differently from the name
// looked for), nor for text whose brackets or strings do not close, which this look
// cannot split into lines with confidence.

/** After one of these words, the next name is bound. */
const BIND_NEXT = new Set(['for', 'as', 'def', 'class', 'case', 'type']);
/** After one of these words, every name on the rest of the logical line may be bound. */
const BIND_REST = new Set(['import', 'del', 'global', 'nonlocal']);
/** After one of these words, the names in a list on the rest of the line may be bound (after `for`, up to its `in`). */
const LIST_BINDERS = new Set(['as', 'case', 'def', 'lambda']);
/** Python's hard keywords: never a name. */
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);
/** Operators that, followed by `=`, make an augmented assignment. */
const AUGMENTED = new Set(['+', '-', '*', '/', '//', '%', '@', '&', '|', '^', '>>', '<<', '**']);
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/;
/** `:=` inside an f-string's replacement field binds in the enclosing function. */
const WALRUS = /([A-Za-z_]\w*)\s*:=/g;

/** Where a text may bind names: each name with the offset of one place that may bind it. */
export interface BindingSites {
  readonly names: readonly string[];
  readonly at: readonly number[];
}

/**
 * The places in `text` from `from` to `to` (the start of a statement to the end of one) that may
 * bind a name; null when there is no answer. The analysis asks once per unit (`RuleContext.bindingSites`).
 */
export function bindingSites(text: string, from = 0, to = text.length): BindingSites | null {
  return scan(text, from, to);
}

/** The names `text` (a function, lambda or comprehension, or a part of one) may bind; null when there is no answer. */
export function namesMaybeBound(text: string): ReadonlySet<string> | null {
  const sites = scan(text, 0, text.length);
  return sites && new Set(sites.names);
}

const nameSets = new WeakMap<BindingSites, ReadonlySet<string>>();

/** Whether the text may bind `name` anywhere. */
export function mayBind(sites: BindingSites, name: string): boolean {
  let names = nameSets.get(sites);
  if (!names) nameSets.set(sites, (names = new Set(sites.names)));
  return names.has(name);
}

/** The names with a place that may bind them inside the offsets `from` to `to` (`inside`), or outside them. */
export function namesBoundWhere(sites: BindingSites, from: number, to: number, inside: boolean): Set<string> {
  const names = new Set<string>();
  for (let k = 0; k < sites.names.length; k++) if ((sites.at[k] >= from && sites.at[k] < to) === inside) names.add(sites.names[k]);
  return names;
}

/** What follows a name, as far as binding goes. */
const enum After {
  Nothing,
  Assign,
  Colon,
  List,
}

const code = (c: string) => c.charCodeAt(0);
const [NL, CR, HASH, BACKSLASH, DOT, QUOTE, APOSTROPHE] = ['\n', '\r', '#', '\\', '.', '"', "'"].map(code);
const [EQUALS, COLON, COMMA, SEMICOLON, PIPE] = ['=', ':', ',', ';', '|'].map(code);
const [OPEN_PAREN, OPEN_BRACKET, OPEN_BRACE, CLOSE_PAREN, CLOSE_BRACKET, CLOSE_BRACE] = ['(', '[', '{', ')', ']', '}'].map(code);

/**
 * Character classes of ASCII codes: a name's first character, a later one, an operator.
 * Every UTF-16 unit has an entry (0 beyond ASCII): a read past the end of a typed array
 * makes V8 discard the scan's optimized code.
 */
const [NAME_START, NAME_PART, OPERATOR] = [1, 2, 4];
const CLASSES = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) CLASSES[c] |= NAME_START | NAME_PART;
  if (/[0-9]/.test(ch)) CLASSES[c] |= NAME_PART;
  if ('-+*/%@&|^<>!~'.includes(ch)) CLASSES[c] |= OPERATOR;
}
const isNameStart = (c: number) => (CLASSES[c] & NAME_START) !== 0;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isNamePart = (c: number) => (CLASSES[c] & NAME_PART) !== 0;
const isOperator = (c: number) => (CLASSES[c] & OPERATOR) !== 0;

/**
 * A number for each word of up to 8 characters from `[0-9A-Za-z_]`, so that the scan tells
 * keywords from names without cutting every word out of the text.
 */
function wordKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) key = key * 76 + text.charCodeAt(i) - 47;
  return key;
}
/** The words the scan treats specially (the hard keywords, `case` and `type`), by `wordKey`. */
const SPECIAL_WORDS = new Map<number, string>();
for (const word of [...KEYWORDS, 'case', 'type']) SPECIAL_WORDS.set(wordKey(word, 0, word.length), word);
/**
 * For each ASCII character, the lengths of the special words that start with it (bit n:
 * n characters long). Most names are no special word, and this tells them so without
 * computing their key and looking it up.
 */
const SPECIAL_LENGTHS = new Uint16Array(128);
for (const word of SPECIAL_WORDS.values()) SPECIAL_LENGTHS[word.charCodeAt(0)] |= 1 << word.length;

/**
 * What the scan knows of the logical line so far, with the steps that change it: an object
 * rather than locals shared by closures, so that the scan's optimized code calls the same
 * functions on every call (new closures per call made V8 throw that code away and compile
 * the scan again, several times per run).
 */
class ScanState {
  readonly found: string[] = [];
  readonly foundAt: number[] = [];
  depth = 0;
  // A list binds its names after `as`, `case`, `def` or `lambda` on the line
  // (listBinder), or between a `for` and its `in` (forTarget).
  listBinder = false;
  forTarget = false;
  parameterHead = false;
  bindRest = false;
  /** Names in a list, and parameters, as pairs of offsets. */
  readonly lists: number[] = [];
  readonly parameters: number[] = [];
  // The name just read (pendingAt < 0: the token just read was no name).
  pendingAt = -1;
  pendingEnd = 0;
  pendingStartsStatement = false;
  bindNext = false;
  afterDot = false;
  statementStart = true;

  constructor(private readonly text: string) {}

  add(at: number, end: number): void {
    this.found.push(this.text.slice(at, end));
    this.foundAt.push(at);
  }

  /** Files the name before the token now read by what that token is. */
  follow(after: After): void {
    if (this.pendingAt >= 0) {
      if (after === After.Assign) {
        if (this.depth === 0) this.add(this.pendingAt, this.pendingEnd);
        else this.parameters.push(this.pendingAt, this.pendingEnd);
      } else if (after === After.Colon) {
        if (this.pendingStartsStatement) this.add(this.pendingAt, this.pendingEnd);
        else this.parameters.push(this.pendingAt, this.pendingEnd);
      } else if (after === After.List) {
        if (this.listBinder || this.forTarget) this.add(this.pendingAt, this.pendingEnd);
        else this.lists.push(this.pendingAt, this.pendingEnd);
      }
      this.pendingAt = -1;
    }
    this.bindNext = false;
    this.afterDot = false;
    this.statementStart = false;
  }

  endLine(): void {
    this.follow(After.Nothing);
    const { parameters, lists } = this;
    if (this.parameterHead) for (let k = 0; k < parameters.length; k += 2) this.add(parameters[k], parameters[k + 1]);
    this.listBinder = this.forTarget = this.parameterHead = this.bindRest = false;
    // Most lines leave both empty: setting an array's length is not free.
    if (lists.length > 0) lists.length = 0;
    if (parameters.length > 0) parameters.length = 0;
    this.statementStart = true;
  }
}

/**
 * The scan. Names are kept as offsets (start, end) until they turn out to be bound, and the
 * lists of the logical line are reused from line to line: a name is cut out of the text
 * only when it is a binding site.
 */
function scan(text: string, from: number, to: number): BindingSites | null {
  const n = to;
  const s = new ScanState(text);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
    } else if (c === NL || c === CR) {
      i++;
      if (s.depth === 0) s.endLine();
    } else if (c === BACKSLASH) {
      // A line continuation, or a stray backslash (a syntax error, skipped).
      i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
    } else if (c === HASH) {
      while (i < n && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNamePart(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      if ((next === QUOTE || next === APOSTROPHE) && j - i <= 2 && STRING_PREFIX.test(text.slice(i, j))) {
        s.follow(After.Nothing);
        const end = stringEnd(text, j, n);
        if (end < 0) return null;
        if (/[fF]/.test(text.slice(i, j))) {
          const literal = text.slice(j, end);
          // A replacement field is code: a name there may be spelt in any script.
          if (/[^\x00-\x7f]/.test(literal)) return null;
          for (const walrus of literal.matchAll(WALRUS)) {
            const at = j + walrus.index!;
            s.add(at, at + walrus[1].length);
          }
        }
        i = end;
        continue;
      }
      const special = j - i <= 8 && ((SPECIAL_LENGTHS[c] >> (j - i)) & 1) === 1 ? SPECIAL_WORDS.get(wordKey(text, i, j)) : undefined;
      const dotted = s.afterDot;
      const startsStatement = s.statementStart;
      const bound = s.bindNext;
      // `in` ends a `for` target list; `as` may end a pattern (`case (a as b, c)`).
      s.follow(special === 'in' || special === 'as' ? After.List : After.Nothing);
      const keyword = special !== undefined && KEYWORDS.has(special);
      if ((bound || s.bindRest) && !keyword) s.add(i, j);
      const at = i;
      i = j;
      // `from . import x`: the keyword after the dots still counts.
      if (dotted && !keyword) continue;
      if (keyword) {
        if (special === 'lambda' || special === 'def') s.parameterHead = true;
        if (special === 'for') s.forTarget = true;
        else if (special === 'in') s.forTarget = false;
        else if (LIST_BINDERS.has(special)) s.listBinder = true;
        if (BIND_REST.has(special)) s.bindRest = true;
        s.bindNext = BIND_NEXT.has(special);
        continue;
      }
      // A soft keyword (`case`, `type`, `match`) or a name: `case` and `type` may be either.
      if (special !== undefined) {
        s.bindNext = true;
        if (special === 'case') s.listBinder = s.parameterHead = true;
      }
      s.pendingAt = at;
      s.pendingEnd = j;
      s.pendingStartsStatement = startsStatement;
    } else if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
      s.follow(After.Nothing);
      i++;
      while (i < n && (isNamePart(text.charCodeAt(i)) || text.charCodeAt(i) === DOT)) i++;
    } else if (c === QUOTE || c === APOSTROPHE) {
      s.follow(After.Nothing);
      const end = stringEnd(text, i, n);
      if (end < 0) return null;
      i = end;
    } else if (c === EQUALS) {
      if (text.charCodeAt(i + 1) === EQUALS) {
        s.follow(After.Nothing);
        i += 2;
      } else {
        s.follow(After.Assign);
        // The s.lists before a plain `=` are its targets.
        if (s.depth === 0) {
          for (let k = 0; k < s.lists.length; k += 2) s.add(s.lists[k], s.lists[k + 1]);
          s.lists.length = 0;
        }
        i++;
      }
    } else if (c === COLON) {
      if (text.charCodeAt(i + 1) === EQUALS) {
        if (s.pendingAt >= 0) s.add(s.pendingAt, s.pendingEnd);
        s.follow(After.Nothing);
        i += 2;
      } else {
        s.follow(After.Colon);
        i++;
        if (s.depth === 0) s.statementStart = true;
      }
    } else if (c === COMMA || c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      s.follow(After.List);
      if (c !== COMMA) s.depth = Math.max(0, s.depth - 1);
      i++;
    } else if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) {
      s.follow(After.Nothing);
      s.depth++;
      i++;
    } else if (c === SEMICOLON) {
      s.follow(After.Nothing);
      i++;
      if (s.depth === 0) s.statementStart = true;
    } else if (c === DOT) {
      s.follow(After.Nothing);
      s.afterDot = true;
      i++;
    } else if (isOperator(c)) {
      let j = i + 1;
      while (j < n && isOperator(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === EQUALS && text.charCodeAt(j + 1) !== EQUALS) {
        s.follow(AUGMENTED.has(text.slice(i, j)) ? After.Assign : After.Nothing);
        i = j + 1;
      } else {
        s.follow(j === i + 1 && c === PIPE ? After.List : After.Nothing);
        i = j;
      }
    } else {
      // A name in another script: Python folds it to NFKC, so it may be spelt differently from the name looked for.
      if (c > 127) return null;
      s.follow(After.Nothing);
      i++;
    }
  }
  s.endLine();
  return s.depth === 0 ? { names: s.found, at: s.foundAt } : null;
}

/** The index just past the string literal whose opening quote is at `at`; -1 when it does not close. */
function stringEnd(text: string, at: number, to: number): number {
  const quote = text.charCodeAt(at);
  if (text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote) {
    // A triple-quoted string ends at the first three quotes not escaped by a backslash.
    const closing = text.slice(at, at + 3);
    for (let i = at + 3; ; ) {
      const found = text.indexOf(closing, i);
      if (found < 0 || found + 3 > to) return -1;
      let escapes = 0;
      while (found - escapes - 1 >= i && text.charCodeAt(found - escapes - 1) === BACKSLASH) escapes++;
      if (escapes % 2 === 0) return found + 3;
      i = found + 1;
    }
  }
  for (let i = at + 1; i < to; ) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === quote) return i + 1;
    else if (c === NL || c === CR) return -1;
    else i++;
  }
  return -1;
}
