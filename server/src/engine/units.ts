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
  /** For top-level statements: the statement's key and ordinal as module facts name it. */
  statementKey: string | null;
  statementOrdinal: number;
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

function definitionOf(statement: Node): Node | null {
  return statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
}

/** Cuts a module into units, in document order. One pass over the module and class bodies; no parent lookups. */
export function unitsOf(root: Node, text: string): Unit[] {
  const units: Unit[] = [];
  const ordinals = new Ordinals();
  const statementOrdinals = new Ordinals();

  for (const statement of topLevelStatements(root)) {
    const start = statement.startIndex;
    const end = statement.endIndex;
    const column = statement.startPosition.column;
    const startRow = statement.startPosition.row;
    const endRow = statement.endPosition.row;
    const statementText = text.slice(start, end);
    const statementOrdinal = statementOrdinals.next(String(column), statementText);
    const statementKey = regionKey(column, statementText);
    const definition = definitionOf(statement);

    if (definition?.type !== 'class_definition') {
      const kind = definition?.type === 'function_definition' ? 'function' : 'statement';
      const head = `${kind} ${column}`;
      units.push({
        kind, node: statement, above: [root], classNode: null, methods: [],
        segments: [{ startIndex: start, endIndex: end, startRow, endRow }],
        head, text: statementText, ordinal: ordinals.next(head, statementText),
        skeleton: null, statementKey, statementOrdinal,
      });
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
      const fn = type === 'function_definition' ? member : member.childForFieldName('definition');
      if (fn?.type !== 'function_definition') continue;
      methods.push(member);
      const fnBody = fn.childForFieldName('body');
      signatures.push(text.slice(member.startIndex, fnBody ? fnBody.startIndex : member.endIndex));
    }
    // The class's own text with every method cut out, and the signatures of those methods.
    const segments: Segment[] = [];
    const methodSegments: Segment[] = [];
    let from = start;
    let fromRow = startRow;
    for (const method of methods) {
      const mEnd = method.endIndex;
      const mEndRow = method.endPosition.row;
      segments.push({ startIndex: from, endIndex: method.startIndex, startRow: fromRow, endRow: method.startPosition.row });
      methodSegments.push({ startIndex: method.startIndex, endIndex: mEnd, startRow: method.startPosition.row, endRow: mEndRow });
      from = mEnd;
      fromRow = mEndRow;
    }
    segments.push({ startIndex: from, endIndex: end, startRow: fromRow, endRow });
    const skeleton = [segments.map((s) => text.slice(s.startIndex, s.endIndex)).join('\u0001'), ...signatures].join('\u0002');
    const classHead = `class ${column}`;
    units.push({
      kind: 'class', node: statement, above: [root], classNode: definition, methods, segments,
      head: classHead, text: skeleton, ordinal: ordinals.next(classHead, skeleton),
      skeleton, statementKey, statementOrdinal,
    });

    const methodAbove = body ? [body, definition, ...classAbove] : [definition, ...classAbove];
    methods.forEach((method, i) => {
      const segment = methodSegments[i];
      const methodText = text.slice(segment.startIndex, segment.endIndex);
      const head = `method ${method.startPosition.column} ${className}`;
      units.push({
        kind: 'method', node: method, above: methodAbove, classNode: definition, methods: [], segments: [segment],
        head, text: methodText, ordinal: ordinals.next(head, methodText),
        skeleton, statementKey: null, statementOrdinal: 0,
      });
    });
  }
  return units;
}
