// Module-wide facts the PP8xx rules need beyond the one top-level statement they
// analyse. They go into ModuleFacts, whose fingerprint guards the per-statement
// cache: when one of these changes, every cached result is recomputed.
//
// The cache reuses a statement's result wherever its text turns up again, so a
// fact about one statement names it the way the cache does (its text, and which
// of the statements with that text it is), never by position.
import type { Node } from '../../parser';
import { regionKey, statementsOf } from '../python';
import { hasFutureAnnotations } from './builder';
import { BUILTIN_NAMES } from './builtins';
import { expectsNameError } from './flow';
import { buildScopeTree } from './index';
import { isBinding, isRead } from './model';

/**
 * A top-level statement that reads `name` at module level after an earlier
 * top-level `del name`, with no statement in between binding it again.
 */
export interface DeadRead {
  name: string;
  /** The statement, as the analysis cache keys it: its column and text. */
  statement: string;
  /** Which of the statements with that key (0 = the first in the file). */
  nth: number;
}

export interface ScopeFacts {
  /** `from __future__ import annotations`: annotations are then never evaluated. */
  futureAnnotations: boolean;
  deadReads: DeadRead[];
  /**
   * Names some `global` statement in the file declares, when the file deletes names:
   * any function may bind them again, so reads after a `del` prove nothing.
   */
  declaredGlobal: string[];
  /** The file uses `globals()` or `exec(`: module names may change behind the analysis's back. */
  dynamicGlobals: boolean;
}

/** The key the analysis cache files a top-level statement under (see analyze.ts). */
export function statementKey(statement: Node): string {
  return regionKey(statement.startPosition.column, statement.text);
}

/** Which of the top-level statements with the same key this one is. */
export function statementOrdinal(statement: Node): number {
  const key = statementKey(statement);
  let nth = 0;
  for (let s = statement.previousNamedSibling; s; s = s.previousNamedSibling) if (s.type !== 'comment' && statementKey(s) === key) nth++;
  return nth;
}

const GLOBAL_STATEMENT = /^[ \t]*global[ \t]+([\w \t,\\]+)/gm;

export function computeScopeFacts(root: Node): ScopeFacts {
  const futureAnnotations = hasFutureAnnotations(root);
  const facts: ScopeFacts = { futureAnnotations, deadReads: [], declaredGlobal: [], dynamicGlobals: false };
  const text = root.text;
  if (!/\bdel\b/.test(text)) return facts;
  facts.dynamicGlobals = /\b(globals|exec)\s*\(/.test(text);
  const declared = new Set<string>();
  for (const m of text.matchAll(GLOBAL_STATEMENT)) for (const name of m[1].split(/[\s,\\]+/)) if (name) declared.add(name);
  facts.declaredGlobal = [...declared].sort();
  if (facts.dynamicGlobals) return facts;

  const statements = statementsOf(root);
  statements.forEach((statement, index) => {
    if (statement.type !== 'delete_statement') return;
    for (const target of deletedNames(statement)) {
      const name = target.text;
      // A deleted builtin's name still finds the builtin; a global one may be bound again by any function.
      if (declared.has(name) || BUILTIN_NAMES.has(name)) continue;
      const word = new RegExp(`(^|[^\\w])${name}([^\\w]|$)`);
      for (let j = index + 1; j < statements.length; j++) {
        if (!word.test(statements[j].text)) continue;
        const module = buildScopeTree(statements[j], { futureAnnotations, shallow: true }).module;
        const entry = module.symbols.get(name);
        if (entry?.occurrences.some(isBinding)) break;
        if (entry?.occurrences.some((o) => isRead(o) && o.evaluated && !expectsNameError(o.node, module))) {
          facts.deadReads.push({ name, statement: statementKey(statements[j]), nth: statementOrdinal(statements[j]) });
        }
      }
    }
  });
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
