// The units of analysis. A file is cut into top-level statements; a top-level class
// is cut further into one unit per method and one for the class's own body (its
// header, decorators, class-level statements and the methods' signatures, but not
// their bodies). Each unit's results are cached under its text, so typing inside a
// method re-analyses that method alone, however large its class.
import type { Node } from '../parser';
import { regionKey, topLevelStatements } from './python';
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
  /** What the cache files the unit's results under: its kind, column, class name and text (class units: the skeleton). */
  key: string;
  /** Which of the units with the same key this is (0 = the first in the file). */
  ordinal: number;
  /**
   * For class and method units: the class's skeleton (header, class-level statements and
   * method signatures), the input of the class summary; a method that reads the summary
   * is re-analysed when it changes.
   */
  skeleton: string | null;
  /** For top-level statements: the statement's key and ordinal as module facts name it. */
  statementKey: string | null;
  statementOrdinal: number;
}

function definitionOf(statement: Node): Node | null {
  return statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
}

function segment(startIndex: number, endIndex: number, startRow: number, endRow: number): Segment {
  return { startIndex, endIndex, startRow, endRow };
}

/** Cuts a module into units, in document order. One pass over the module and class bodies; no parent lookups. */
export function unitsOf(root: Node, text: string): Unit[] {
  const units: Unit[] = [];
  const ordinals = new Map<string, number>();
  const statementOrdinals = new Map<string, number>();
  const nth = (counts: Map<string, number>, key: string) => {
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return n;
  };
  const push = (unit: Omit<Unit, 'ordinal'>) => units.push({ ...unit, ordinal: nth(ordinals, unit.key) });

  for (const statement of topLevelStatements(root)) {
    const start = statement.startIndex;
    const end = statement.endIndex;
    const column = statement.startPosition.column;
    const startRow = statement.startPosition.row;
    const endRow = statement.endPosition.row;
    const statementText = text.slice(start, end);
    const statementKey = regionKey(column, statementText);
    const statementOrdinal = nth(statementOrdinals, statementKey);
    const definition = definitionOf(statement);
    const whole = [segment(start, end, startRow, endRow)];

    if (definition?.type !== 'class_definition') {
      const kind = definition?.type === 'function_definition' ? 'function' : 'statement';
      push({ kind, node: statement, above: [root], classNode: null, methods: [], segments: whole, key: `${kind[0]}${statementKey}`, skeleton: null, statementKey, statementOrdinal });
      continue;
    }

    const body = definition.childForFieldName('body');
    const className = definition.childForFieldName('name')?.text ?? '';
    const classAbove = statement === definition ? [root] : [statement, root];
    const methods: Node[] = [];
    const signatures: string[] = [];
    for (const member of body?.namedChildren ?? []) {
      if (!member) continue;
      const type = member.type;
      if (type !== 'function_definition' && type !== 'decorated_definition') continue;
      const fn = definitionOf(member);
      if (fn?.type !== 'function_definition') continue;
      methods.push(member);
      const fnBody = fn.childForFieldName('body');
      signatures.push(text.slice(member.startIndex, fnBody ? fnBody.startIndex : member.endIndex));
    }
    // The class's own text with every method cut out, and the signatures of those methods.
    const segments: Segment[] = [];
    let from = start;
    let fromRow = startRow;
    for (const method of methods) {
      segments.push(segment(from, method.startIndex, fromRow, method.startPosition.row));
      from = method.endIndex;
      fromRow = method.endPosition.row;
    }
    segments.push(segment(from, end, fromRow, endRow));
    const skeleton = [segments.map((s) => text.slice(s.startIndex, s.endIndex)).join('\u0001'), ...signatures].join('\u0002');
    push({ kind: 'class', node: statement, above: [root], classNode: definition, methods, segments, key: `k${column}\u0000${skeleton}`, skeleton, statementKey, statementOrdinal });

    const methodAbove = body ? [body, definition, ...classAbove] : [definition, ...classAbove];
    for (const method of methods) {
      const mStart = method.startIndex;
      const mEnd = method.endIndex;
      push({
        kind: 'method',
        node: method,
        above: methodAbove,
        classNode: definition,
        methods: [],
        segments: [segment(mStart, mEnd, method.startPosition.row, method.endPosition.row)],
        key: `m${className}\u0000${regionKey(method.startPosition.column, text.slice(mStart, mEnd))}`,
        skeleton,
        statementKey: null,
        statementOrdinal: 0,
      });
    }
  }
  return units;
}
