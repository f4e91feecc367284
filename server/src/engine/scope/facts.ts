// Module-wide facts the PP8xx rules need beyond the one unit they analyse. Rules
// read them through the recording `ModuleView` (module-facts.ts), so a cached
// unit is re-analysed only when an answer it used changes.
//
// The cache reuses a statement's result wherever its text turns up again, so a
// fact about one statement names it the way the cache does (its text, and which
// of the statements with that text it is), never by position.
import type { Node } from '../../parser';
import { regionKey, topLevelStatements } from '../python';
import { TREE_PARENTS } from '../parents';
import { hasFutureAnnotations } from './builder';
import { BUILTIN_NAMES } from './builtins';
import { expectsNameError } from './flow';
import { buildScopeTree } from './index';
import { isBinding, isRead } from './model';

export interface ScopeFacts {
  /** `from __future__ import annotations`: annotations are then never evaluated. */
  futureAnnotations: boolean;
  /**
   * Top-level statements that read a name at module level after an earlier
   * top-level `del name`, with no statement in between binding it again:
   * `deadReadKey(statement key, ordinal)` -> the names.
   */
  deadReads: Map<string, string[]>;
  /**
   * Names some `global` statement in the file declares, when the file deletes names:
   * any function may bind them again, so reads after a `del` prove nothing.
   */
  declaredGlobal: Set<string>;
  /** The file uses `globals()` or `exec(`: module names may change behind the analysis's back. */
  dynamicGlobals: boolean;
}

/** How `ScopeFacts.deadReads` names a top-level statement: its ordinal among statements with the same key, and the key. */
export function deadReadKey(statementKey: string, ordinal: number): string {
  return `${ordinal}\u0000${statementKey}`;
}

const GLOBAL_STATEMENT = /^[ \t]*global[ \t]+([\w \t,\\]+)/gm;
const ASCII_IDENTIFIER = /[A-Za-z_]\w*/g;
const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/gu;

export function computeScopeFacts(root: Node): ScopeFacts {
  const futureAnnotations = hasFutureAnnotations(root);
  const facts: ScopeFacts = { futureAnnotations, deadReads: new Map(), declaredGlobal: new Set(), dynamicGlobals: false };
  const text = root.text;
  if (!/\bdel\b/.test(text)) return facts;
  facts.dynamicGlobals = /\b(globals|exec)\s*\(/.test(text);
  for (const m of text.matchAll(GLOBAL_STATEMENT)) for (const name of m[1].split(/[\s,\\]+/)) if (name) facts.declaredGlobal.add(name);
  if (facts.dynamicGlobals) return facts;

  // One pass in statement order, carrying the names deleted and not bound again since:
  // each statement is looked at closely only when its text mentions one of them.
  const ascii = !/[^\x00-\x7f]/.test(text);
  const deleted = new Set<string>();
  const ordinals = new Map<string, number>();
  for (const statement of topLevelStatements(root)) {
    const statementText = text.slice(statement.startIndex - root.startIndex, statement.endIndex - root.startIndex);
    const key = regionKey(statement.startPosition.column, statementText);
    const nth = ordinals.get(key) ?? 0;
    ordinals.set(key, nth + 1);
    if (deleted.size > 0) {
      const mentioned = new Set<string>();
      for (const [word] of statementText.matchAll(ascii ? ASCII_IDENTIFIER : IDENTIFIER)) if (deleted.has(word)) mentioned.add(word);
      if (mentioned.size > 0) {
        const module = buildScopeTree(statement, { futureAnnotations, shallow: true }).module;
        const dead: string[] = [];
        for (const name of mentioned) {
          const entry = module.symbols.get(name);
          if (entry?.occurrences.some(isBinding)) {
            deleted.delete(name);
            continue;
          }
          if (entry?.occurrences.some((o) => isRead(o) && o.evaluated && !expectsNameError(o.node, module, TREE_PARENTS))) dead.push(name);
        }
        if (dead.length > 0) facts.deadReads.set(deadReadKey(key, nth), dead.sort());
      }
    }
    if (statement.type !== 'delete_statement') continue;
    for (const target of deletedNames(statement)) {
      const name = target.text;
      // A deleted builtin's name still finds the builtin; a global one may be bound again by any function.
      if (!facts.declaredGlobal.has(name) && !BUILTIN_NAMES.has(name)) deleted.add(name);
    }
  }
  return facts;
}

/** The plain names a `del` statement unbinds: `del a, (b, c)` -> a, b, c; `del a.b`, `del a[0]` unbind none. */
export function deletedNames(statement: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (n.type === 'identifier') out.push(n);
    else if (['expression_list', 'tuple', 'list', 'parenthesized_expression', 'pattern_list', 'tuple_pattern', 'list_pattern'].includes(n.type)) {
      for (const c of n.namedChildren) if (c) visit(c);
    }
  };
  for (const c of statement.namedChildren) if (c) visit(c);
  return out;
}
