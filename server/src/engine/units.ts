// The units of analysis. A file is cut into top-level statements; a top-level class
// is cut further into one unit per method and one for the class's own body (its
// header, decorators, class-level statements and the methods' signatures, but not
// their bodies). Each unit's results are cached under its text, so typing inside a
// method re-analyses that method alone, however large its class.
import type { Node } from '../parser';
import { topLevelStatements } from './python';
import type { UnitKind } from './rule';

/** A stretch of the unit's text: a class unit has one per gap between its methods, other units one. */
export interface Segment {
  startIndex: number;
  endIndex: number;
  startRow: number;
  endRow: number;
}

export interface Unit {
  kind: UnitKind;
  /** The statement analysed: a top-level statement, or a method (with its decorators). */
  node: Node;
  /** Ancestors of `node`, innermost first, up to the module. */
  above: Node[];
  /** For class and method units: the `class_definition`. */
  classNode: Node | null;
  /** For class units: the methods that are units of their own. */
  methods: Node[];
  segments: Segment[];
  /**
   * What the cache files the unit's results under: `head` (kind, column, and for a
   * method its class name) and `text` (the unit's text; for a class, its skeleton).
   * Kept apart so that no long key string is built and hashed anew on every keystroke.
   */
  head: string;
  text: string;
  /** Which of the units with the same head and text this is (0 = the first in the file). */
  ordinal: number;
  /**
   * For class and method units: the class's skeleton (header, class-level statements and
   * method signatures), the input of the class summary; a method that reads the summary
   * is re-analysed when it changes.
   */
  skeleton: string | null;
  /** For top-level statements (statement, function and class units): their index among the module's statements. */
  statementIndex: number | null;
}

/** The class statement (with its decorators) of a class or method unit; null for other units. */
export function classStatementOf(unit: Unit): Node | null {
  if (unit.kind === 'class') return unit.node;
  return unit.kind === 'method' ? unit.above[unit.above.length - 2] : null;
}

/** Counts per head and text: which of the equal units this is. */
class Ordinals {
  private readonly counts = new Map<string, Map<string, number>>();

  next(head: string, text: string): number {
    let byText = this.counts.get(head);
    if (!byText) this.counts.set(head, (byText = new Map()));
    const n = byText.get(text) ?? 0;
    byText.set(text, n + 1);
    return n;
  }
}

/**
 * What the previous cut learnt about a node, by where it started: its type, text and
 * extent need not be asked of the tree again when the same text stands at the same
 * place, or at the place the edit shifted it to (each question crosses into
 * WebAssembly; node ids do not survive, since a node's id is its place in its
 * parent's list of children, which an edit inside the parent rebuilds). The text is
 * compared before anything is reused, and the reused string keeps the hash V8
 * computed for it when it was a cache key.
 */
interface NodeMemo {
  /** Whether it was seen as a class member (then `signature` says whether it is a method). */
  member: boolean;
  type: string;
  text: string;
  rows: number;
  /** For a method: its signature (decorators and `def` line, up to the body). */
  signature: string | null;
}

export interface UnitMemo {
  /** The length of the text the memo was made from. */
  length: number;
  nodes: Map<number, NodeMemo>;
  /** Per class name: the parts of its skeleton and the string built from them, reused while the parts are equal. */
  skeletons: Map<string, { parts: string[]; skeleton: string }>;
}

function definitionOf(statement: Node): Node | null {
  return statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
}

/** The memo entry for `node`, recomputed unless the previous one still matches the text; kept in `next` unless it is null. */
function remember(node: Node, text: string, previous: UnitMemo | undefined, next: UnitMemo | null, member: boolean): NodeMemo {
  const start = node.startIndex;
  const end = node.endIndex;
  if (previous) {
    const here = previous.nodes.get(start);
    const known = here && here.text.length === end - start ? here : previous.nodes.get(start - text.length + previous.length);
    // (slice and === compare far faster than startsWith, which goes character by character)
    if (known && known.member === member && known.text.length === end - start && text.slice(start, end) === known.text) {
      next?.nodes.set(start, known);
      return known;
    }
  }
  const type = node.type;
  let signature: string | null = null;
  if (member && (type === 'function_definition' || type === 'decorated_definition')) {
    const fn = type === 'function_definition' ? node : node.childForFieldName('definition');
    if (fn?.type === 'function_definition') {
      const body = fn.childForFieldName('body');
      signature = text.slice(start, body ? body.startIndex : end);
    }
  }
  const memo = { member, type, text: text.slice(start, end), rows: node.endPosition.row - node.startPosition.row, signature };
  next?.nodes.set(start, memo);
  return memo;
}

/**
 * Cuts a module into units, in document order. One pass over the module and class bodies;
 * no parent lookups. With `once` (a text analysed once, as by the CLI) the memo stays empty
 * and every ordinal is 0.
 */
export function unitsOf(root: Node, text: string, previous?: UnitMemo, once = false): { units: Unit[]; memo: UnitMemo } {
  const units: Unit[] = [];
  const memo: UnitMemo = { length: text.length, nodes: new Map(), skeletons: new Map() };
  // `once`: the units' results will not be cached, so no memo, and no ordinals (counting hashes every unit's text).
  const ordinals = once ? null : new Ordinals();

  topLevelStatements(root).forEach((statement, statementIndex) => {
    const start = statement.startIndex;
    const column = statement.startPosition.column;
    const startRow = statement.startPosition.row;
    const known = remember(statement, text, previous, once ? null : memo, false);
    const end = start + known.text.length;
    const endRow = startRow + known.rows;
    const definitionType = known.type === 'decorated_definition' ? statement.childForFieldName('definition')?.type : known.type;

    if (definitionType !== 'class_definition') {
      const kind = definitionType === 'function_definition' ? 'function' : 'statement';
      const head = `${kind} ${column}`;
      units.push({
        kind, node: statement, above: [root], classNode: null, methods: [],
        segments: [{ startIndex: start, endIndex: end, startRow, endRow }],
        head, text: known.text, ordinal: ordinals?.next(head, known.text) ?? 0,
        skeleton: null, statementIndex,
      });
      return;
    }

    const definition = definitionOf(statement)!;
    const body = definition.childForFieldName('body');
    const className = definition.childForFieldName('name')?.text ?? '';
    const classAbove = statement === definition ? [root] : [statement, root];
    const methods: Node[] = [];
    const methodMemos: NodeMemo[] = [];
    for (const member of body?.namedChildren ?? []) {
      if (!member) continue;
      const remembered = remember(member, text, previous, once ? null : memo, true);
      if (remembered.signature === null) continue;
      methods.push(member);
      methodMemos.push(remembered);
    }
    // The class's own text with every method cut out, and the signatures of those methods.
    const segments: Segment[] = [];
    let from = start;
    let fromRow = startRow;
    methods.forEach((method, i) => {
      segments.push({ startIndex: from, endIndex: method.startIndex, startRow: fromRow, endRow: method.startPosition.row });
      from = method.startIndex + methodMemos[i].text.length;
      fromRow = method.startPosition.row + methodMemos[i].rows;
    });
    segments.push({ startIndex: from, endIndex: end, startRow: fromRow, endRow });
    const parts = [...segments.map((s) => text.slice(s.startIndex, s.endIndex)), ...methodMemos.map((m) => m.signature!)];
    const before = previous?.skeletons.get(className);
    const same = before !== undefined && before.parts.length === parts.length && before.parts.every((p, i) => p === parts[i]);
    // `\u0001` ends a part: a segment and a signature can never run into each other.
    const skeleton = same ? before.skeleton : parts.join('\u0001');
    if (!once) memo.skeletons.set(className, same ? before : { parts, skeleton });
    const classHead = `class ${column}`;
    units.push({
      kind: 'class', node: statement, above: [root], classNode: definition, methods, segments,
      head: classHead, text: skeleton, ordinal: ordinals?.next(classHead, skeleton) ?? 0,
      skeleton, statementIndex,
    });

    const methodAbove = body ? [body, definition, ...classAbove] : [definition, ...classAbove];
    methods.forEach((method, i) => {
      const { text: methodText, rows } = methodMemos[i];
      const methodStart = method.startIndex;
      const methodRow = method.startPosition.row;
      const head = `method ${method.startPosition.column} ${className}`;
      units.push({
        kind: 'method', node: method, above: methodAbove, classNode: definition, methods: [],
        segments: [{ startIndex: methodStart, endIndex: methodStart + methodText.length, startRow: methodRow, endRow: methodRow + rows }],
        head, text: methodText, ordinal: ordinals?.next(head, methodText) ?? 0,
        skeleton, statementIndex: null,
      });
    });
  });
  return { units, memo };
}
