// A cheap look at a function's text, before anyone builds its scope tree: the names the
// text may bind. Rules that only care about some bound names (a builtin's, a module
// variable's) ask this first, and most functions then need no scope tree at all.
//
// The answer is a superset of what the function binds, never less: every place Python
// binds a name (assignment and augmented-assignment targets, unpacking, annotations,
// `:=`, `for`, `with ... as`, `except ... as`, `import`, `del`, `def`, `class`, `type`,
// parameters and `case` patterns) puts the name before `=`, `:`, `,`, `)`, `]`, `}`,
// `|` or `in` (comments and line breaks in between allowed), or after one of the
// keywords `for`, `as`, `def`, `class`, `case` or `type`, or on the rest of a line after
// `import` or `del`. Reads that look the same (`f(x, y)`, `x in y`) are included too;
// that only costs a scope tree. Non-ASCII text gets no answer: Python folds identifiers
// to NFKC, so a binding may be spelt differently from the name looked for.

/** A name after a keyword that binds the name following it. */
const AFTER_KEYWORD = /\b(?:for|as|def|class|case|type)\s+([A-Za-z_]\w*)/g;
/**
 * A name followed (past blanks and comments) by what follows a bound name. A comment runs
 * to the end of its line and is matched only whole: a banner of `#`s that could be cut in
 * many places would make a failing match try every cut.
 */
const BEFORE_BINDING_TOKEN = /(?<!\w)([A-Za-z_]\w*)\b(?:\s|#[^\n\r]*(?![^\n\r]))*(?:[-+*/%@&|^<>]{0,3}=(?!=)|[:,)\]}|]|in\b)/g;
/** `import` or `del` and the rest of its line: every name there may be bound. */
const IMPORT_OR_DEL = /\b(?:import|del)\b[^\n\r]*/g;
const NAME = /[A-Za-z_]\w*/g;

/** The last text asked about and its answer: PP101 and PP801 ask about the same function body in turn. */
let last: { text: string; names: ReadonlySet<string> | null } = { text: '', names: new Set() };

/** The names `text` (a function, lambda or comprehension, or a part of one) may bind; null when the text is not plain ASCII. */
export function namesMaybeBound(text: string): ReadonlySet<string> | null {
  if (text !== last.text) last = { text, names: scan(text) };
  return last.names;
}

function scan(text: string): ReadonlySet<string> | null {
  if (/[^\x00-\x7f]/.test(text)) return null;
  // A backslash joins two lines into one.
  const joined = text.replace(/\\(?:\r\n?|\n)/g, ' ');
  const names = new Set<string>();
  for (const [, name] of joined.matchAll(AFTER_KEYWORD)) names.add(name);
  for (const [, name] of joined.matchAll(BEFORE_BINDING_TOKEN)) names.add(name);
  for (const [rest] of joined.matchAll(IMPORT_OR_DEL)) for (const [name] of rest.matchAll(NAME)) names.add(name);
  return names;
}
