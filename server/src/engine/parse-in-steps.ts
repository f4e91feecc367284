// A parse from scratch in steps, for the server: a long file parsed in one call blocks
// everything else for 100 ms or more. The text is parsed as a growing prefix: first up to a
// line that starts a `def`, `class` or decorator some `sliceChars` characters in, then each
// step appends the next such stretch and reparses incrementally, reusing the tree of the
// prefix (as after any edit at the end of a file). Between steps the caller may do other
// work, even other parses with the same parser: nothing is left half-done inside it.
//
// Why not halt the parser and resume it (a progress callback that returns true)? A resumed
// parse restarts its round over the parse stack's versions, and where the grammar is
// ambiguous it can settle differently than an uninterrupted parse: halted every 100
// operations, `return cls(*_parse_isoformat_date(date_string))` in the stdlib's datetime.py
// came out as a call of `*_parse_isoformat_date`, with no syntax error to give it away. An
// incremental reparse is what every keystroke already relies on; compared on every
// top-level stdlib module, whole and broken in four ways, cut every 1, 2,000 and 32,000
// characters, it gave the uninterrupted parse's tree each time its tree had no error. With
// errors it can recover differently, so a tree with an error is thrown away and the whole
// text parsed again in one call (test/engine/parse-in-steps.test.ts checks both).
import { Edit, type Parser, type Point, type Tree } from '../parser';
import { pythonLines } from './source';

/** Characters parsed per step, at least (the step ends at the next line that starts a definition). */
export const PARSE_SLICE_CHARS = 32_000;

/** A line that starts a definition: a good place to end a prefix, since no statement is cut in two there. */
const DEFINITION_LINE = /^[ \t]*(?:def|class|async[ \t]+def)\b|^[ \t]*@/gm;

export interface ParseInStepsInput {
  parser: Parser;
  text: string;
  sliceChars?: number;
}

/**
 * Yields between steps; returns the tree `parsePython` would give for the whole text (null if
 * the parser gives up). Ending it early (`return()`) frees the partial tree.
 */
export function* parseInSteps({ parser, text, sliceChars = PARSE_SLICE_CHARS }: ParseInStepsInput): Generator<void, Tree | null, void> {
  const source = pythonLines(text);
  let tree: Tree | null = null;
  let finished = false;
  try {
    let parsed = 0;
    let parsedEnd: Point = { row: 0, column: 0 };
    do {
      const end = prefixEnd(source, parsed + sliceChars);
      const endPoint = advance(source, parsed, parsedEnd, end);
      if (tree) tree.edit(new Edit({ startIndex: parsed, oldEndIndex: parsed, newEndIndex: end, startPosition: parsedEnd, oldEndPosition: parsedEnd, newEndPosition: endPoint }));
      const next = parser.parse(end === source.length ? source : source.slice(0, end), tree);
      tree?.delete();
      tree = next;
      [parsed, parsedEnd] = [end, endPoint];
      if (tree && parsed < source.length) yield;
    } while (tree && parsed < source.length);
    finished = true;
    if (!tree?.rootNode.hasError) return tree;
    tree.delete();
    tree = null;
    return parser.parse(source);
  } finally {
    // Ended early (`return()` at a yield, or an exception): the partial tree is nobody's.
    if (!finished) tree?.delete();
  }
}

/** Where the prefix that reaches at least `from` ends: at the start of the next definition line, or at the end of the text. */
function prefixEnd(source: string, from: number): number {
  if (from >= source.length) return source.length;
  DEFINITION_LINE.lastIndex = from;
  return DEFINITION_LINE.exec(source)?.index ?? source.length;
}

/** The point of offset `end`, counted on from the point `point` of offset `start`. */
function advance(source: string, start: number, point: Point, end: number): Point {
  let { row } = point;
  let lineStart = start - point.column;
  for (let i = source.indexOf('\n', start); i !== -1 && i < end; i = source.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: end - lineStart };
}
