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
//     `as`, `case`, `def`, `class` or `lambda` came before it on the line, or between a
//     `for` and its `in` (the iterable `for x in a, b` binds neither `a` nor `b`);
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
const LIST_BINDERS = new Set(['as', 'case', 'def', 'class', 'lambda']);
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

/** The last range asked about and its answer: the rules ask about the same unit (`unitBindingSites`) for each function in it. */
let last: { text: string; from: number; to: number; sites: BindingSites | null } = { text: '', from: 0, to: 0, sites: { names: [], at: [] } };

/** The places in `text` from `from` to `to` (the start of a statement to the end of one) that may bind a name; null when there is no answer. */
export function bindingSites(text: string, from = 0, to = text.length): BindingSites | null {
  if (text !== last.text || from !== last.from || to !== last.to) last = { text, from, to, sites: scan(text, from, to) };
  return last.sites;
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

/** Character classes of ASCII codes: a name's first character, a later one, an operator. */
const [NAME_START, NAME_PART, OPERATOR] = [1, 2, 4];
const CLASSES = new Uint8Array(128);
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

function scan(text: string, from: number, to: number): BindingSites | null {
  const found: string[] = [];
  const foundAt: number[] = [];
  const add = (name: string, at: number) => {
    found.push(name);
    foundAt.push(at);
  };
  const n = to;
  let depth = 0;
  // The logical line so far. A list binds its names after `as`, `case`, `def`, `class` or
  // `lambda` on the line (listBinder), or between a `for` and its `in` (forTarget).
  let listBinder = false;
  let forTarget = false;
  let parameterHead = false;
  let bindRest = false;
  let lists: Array<[string, number]> = [];
  let parameters: Array<[string, number]> = [];
  // The token just read.
  let pending: string | null = null;
  let pendingAt = 0;
  let pendingStartsStatement = false;
  let bindNext = false;
  let afterDot = false;
  let statementStart = true;

  /** Files the name before the token now read by what that token is. */
  const follow = (after: After) => {
    if (pending !== null) {
      if (after === After.Assign) (depth === 0 ? add(pending, pendingAt) : parameters.push([pending, pendingAt]));
      else if (after === After.Colon) (pendingStartsStatement ? add(pending, pendingAt) : parameters.push([pending, pendingAt]));
      else if (after === After.List) (listBinder || forTarget ? add(pending, pendingAt) : lists.push([pending, pendingAt]));
      pending = null;
    }
    bindNext = false;
    afterDot = false;
    statementStart = false;
  };
  const endLine = () => {
    follow(After.Nothing);
    if (parameterHead) for (const [name, at] of parameters) add(name, at);
    listBinder = forTarget = parameterHead = bindRest = false;
    lists = [];
    parameters = [];
    statementStart = true;
  };

  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
    } else if (c === NL || c === CR) {
      i++;
      if (depth === 0) endLine();
    } else if (c === BACKSLASH) {
      // A line continuation, or a stray backslash (a syntax error, skipped).
      i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
    } else if (c === HASH) {
      while (i < n && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNamePart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const next = text.charCodeAt(j);
      if ((next === QUOTE || next === APOSTROPHE) && STRING_PREFIX.test(word)) {
        follow(After.Nothing);
        const end = stringEnd(text, j, n);
        if (end < 0) return null;
        if (/[fF]/.test(word)) {
          const literal = text.slice(j, end);
          // A replacement field is code: a name there may be spelt in any script.
          if (/[^\x00-\x7f]/.test(literal)) return null;
          for (const walrus of literal.matchAll(WALRUS)) add(walrus[1], j + walrus.index!);
        }
        i = end;
        continue;
      }
      const dotted = afterDot;
      const startsStatement = statementStart;
      const bound = bindNext;
      // `in` ends a `for` target list; `as` may end a pattern (`case (a as b, c)`).
      follow(word === 'in' || word === 'as' ? After.List : After.Nothing);
      const keyword = KEYWORDS.has(word);
      if ((bound || bindRest) && !keyword) add(word, i);
      const at = i;
      i = j;
      // `from . import x`: the keyword after the dots still counts.
      if (dotted && !keyword) continue;
      if (keyword) {
        if (word === 'lambda' || word === 'def') parameterHead = true;
        if (word === 'for') forTarget = true;
        else if (word === 'in') forTarget = false;
        else if (LIST_BINDERS.has(word)) listBinder = true;
        if (BIND_REST.has(word)) bindRest = true;
        bindNext = BIND_NEXT.has(word);
        continue;
      }
      // A soft keyword (`case`, `type`, `match`) or a name: `case` and `type` may be either.
      if (BIND_NEXT.has(word)) bindNext = true;
      if (word === 'case') listBinder = parameterHead = true;
      pending = word;
      pendingAt = at;
      pendingStartsStatement = startsStatement;
    } else if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
      follow(After.Nothing);
      i++;
      while (i < n && (isNamePart(text.charCodeAt(i)) || text.charCodeAt(i) === DOT)) i++;
    } else if (c === QUOTE || c === APOSTROPHE) {
      follow(After.Nothing);
      const end = stringEnd(text, i, n);
      if (end < 0) return null;
      i = end;
    } else {
      const ch = text[i];
      if (ch === '=') {
        if (text[i + 1] === '=') {
          follow(After.Nothing);
          i += 2;
        } else {
          follow(After.Assign);
          // The lists before a plain `=` are its targets.
          if (depth === 0) for (const [name, at] of lists.splice(0)) add(name, at);
          i++;
        }
      } else if (ch === ':') {
        if (text[i + 1] === '=') {
          if (pending !== null) add(pending, pendingAt);
          follow(After.Nothing);
          i += 2;
        } else {
          follow(After.Colon);
          i++;
          if (depth === 0) statementStart = true;
        }
      } else if (ch === ',' || ch === ')' || ch === ']' || ch === '}') {
        follow(After.List);
        if (ch !== ',') depth = Math.max(0, depth - 1);
        i++;
      } else if (ch === '(' || ch === '[' || ch === '{') {
        follow(After.Nothing);
        depth++;
        i++;
      } else if (ch === ';') {
        follow(After.Nothing);
        i++;
        if (depth === 0) statementStart = true;
      } else if (ch === '.') {
        follow(After.Nothing);
        afterDot = true;
        i++;
      } else if (isOperator(c)) {
        let j = i + 1;
        while (j < n && isOperator(text.charCodeAt(j))) j++;
        const operator = text.slice(i, j);
        if (text[j] === '=' && text[j + 1] !== '=') {
          follow(AUGMENTED.has(operator) ? After.Assign : After.Nothing);
          i = j + 1;
        } else {
          follow(operator === '|' ? After.List : After.Nothing);
          i = j;
        }
      } else {
        // A name in another script: Python folds it to NFKC, so it may be spelt differently from the name looked for.
        if (c > 127) return null;
        follow(After.Nothing);
        i++;
      }
    }
  }
  endLine();
  return depth === 0 ? { names: found, at: foundAt } : null;
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
