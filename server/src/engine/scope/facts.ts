// Module-wide facts the PP8xx rules need beyond the one unit they analyse. Rules
// read them through the recording `ModuleView` (module-facts.ts), so a cached
// unit is re-analysed only when an answer it used changes.
//
// The cache reuses a statement's result wherever its text turns up again, so a
// fact about one statement names it the way the cache does (its text, and which
// of the statements with that text it is), never by position.
import type { Node } from '../../parser';
import { indexOfAsciiWord, regionKey, topLevelStatements } from '../python';
import { lastAtOrBefore } from '../source';
import { TREE_PARENTS } from '../parents';
import { hasFutureAnnotations } from './builder';
import { BUILTIN_NAMES } from './builtins';
import { expectsNameError } from './flow';
import { buildScopeTree } from './index';
import { isBinding, isRead, type ScopeTree } from './model';

/** How `ScopeFacts.deadReads` names a top-level statement: its ordinal among statements with the same key, and the key. */
export function deadReadKey(statementKey: string, ordinal: number): string {
  return `${ordinal}\u0000${statementKey}`;
}

const GLOBAL_STATEMENT = /[ \t]*global[ \t]+([\w \t,\\]+)/y;
const WORD_CHARACTER = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;
const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/u;

/**
 * The facts are computed when first asked for and kept: most files delete no
 * module-level name, and for them every question is answered without a scan.
 */
export class ScopeFacts {
  /** `from __future__ import annotations`: annotations are then never evaluated. */
  readonly futureAnnotations: boolean;
  /** The whole module's text. */
  readonly text: string;
  private readonly deletes: boolean;
  private declared: Set<string> | undefined;
  private dynamic: boolean | undefined;
  private dead: Map<string, string[]> | undefined;
  private keys: string[] = [];

  constructor(private readonly root: Node) {
    this.futureAnnotations = hasFutureAnnotations(root);
    this.text = root.text;
    this.deletes = indexOfAsciiWord(this.text, 'del') >= 0;
  }

  /**
   * Names some `global` statement in the file declares, when the file deletes names:
   * any function may bind them again, so reads after a `del` prove nothing.
   */
  get declaredGlobal(): Set<string> {
    if (!this.declared) {
      this.declared = new Set();
      if (this.deletes) {
        // indexOf finds the few `global` words far faster than a multi-line regex over the file.
        for (let at = this.text.indexOf('global'); at >= 0; at = this.text.indexOf('global', at + 6)) {
          const lineStart = this.text.lastIndexOf('\n', at) + 1;
          GLOBAL_STATEMENT.lastIndex = lineStart;
          const m = GLOBAL_STATEMENT.exec(this.text);
          if (m) for (const name of m[1].split(/[\s,\\]+/)) if (name) this.declared.add(name);
        }
      }
    }
    return this.declared;
  }

  /** The file deletes names and uses `globals()` or `exec(`: module names may change behind the analysis's back. */
  get dynamicGlobals(): boolean {
    this.dynamic ??= this.deletes && /\b(globals|exec)\s*\(/.test(this.text);
    return this.dynamic;
  }

  /**
   * Top-level statements that read a name at module level after an earlier
   * top-level `del name`, with no statement in between binding it again:
   * `deadReadKey(statement key, ordinal)` -> the names.
   */
  get deadReads(): Map<string, string[]> {
    this.dead ??= this.deletes && !this.dynamicGlobals ? this.findDeadReads() : new Map();
    return this.dead;
  }

  /** Each top-level statement's key, by index; filled in only when `deadReads` has entries. */
  get statementKeys(): readonly string[] {
    void this.deadReads;
    return this.keys;
  }

  private findDeadReads(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const statements = topLevelStatements(this.root);
    const dels = statements.flatMap((s, index) => (s.type === 'delete_statement' ? [index] : []));
    if (dels.length === 0) return found;
    const base = this.root.startIndex;
    const starts = statements.map((s) => s.startIndex - base);
    const statementAt = (offset: number) => lastAtOrBefore(starts, offset);
    // For each deleted name, the statements that mention it as a word after its first `del`,
    // found with indexOf: the file is read once per deleted name, not once per statement.
    const deletions = new Map<string, number[]>();
    for (const index of dels) {
      for (const target of deletedNames(statements[index])) {
        const name = target.text;
        // A deleted builtin's name still finds the builtin; a global one may be bound again by any function.
        if (this.declaredGlobal.has(name) || BUILTIN_NAMES.has(name)) continue;
        const list = deletions.get(name);
        if (list) list.push(index);
        else deletions.set(name, [index]);
      }
    }
    const shallow = new Map<number, ScopeTree>();
    const treeOf = (index: number) => {
      let tree = shallow.get(index);
      if (!tree) {
        tree = buildScopeTree(statements[index], { futureAnnotations: this.futureAnnotations, shallow: true });
        shallow.set(index, tree);
      }
      return tree;
    };
    // The statements that mention each deleted name as a word, after its first `del`: with a few
    // names, indexOf per name; with many, one pass over the identifiers of the rest of the file.
    const mentions = new Map<string, Set<number>>([...deletions.keys()].map((name) => [name, new Set<number>()]));
    const firstDel = starts[dels[0]];
    if (deletions.size <= 8) {
      for (const [name, at] of deletions) {
        for (let offset = this.text.indexOf(name, starts[at[0]]); offset >= 0; offset = this.text.indexOf(name, offset + name.length)) {
          const before = this.text[offset - 1];
          const after = this.text[offset + name.length];
          if ((before && WORD_CHARACTER.test(before)) || (after && WORD_CHARACTER.test(after))) continue;
          mentions.get(name)!.add(statementAt(offset));
        }
      }
    } else {
      const words = new RegExp(IDENTIFIER.source, 'gu');
      words.lastIndex = firstDel;
      for (let m = words.exec(this.text); m; m = words.exec(this.text)) mentions.get(m[0])?.add(statementAt(m.index));
    }
    const reads = new Map<number, string[]>();
    for (const [name, at] of deletions) {
      const mentioned = mentions.get(name)!;
      const events = [...new Set([...at, ...mentioned])].sort((a, b) => a - b);
      let deleted = false;
      for (const index of events) {
        if (deleted && mentioned.has(index) && index > at[0]) {
          const module = treeOf(index).module;
          const entry = module.symbols.get(name);
          if (entry?.occurrences.some(isBinding)) deleted = false;
          else if (entry?.occurrences.some((o) => isRead(o) && o.evaluated && !expectsNameError(o.node, module, TREE_PARENTS))) {
            reads.set(index, [...(reads.get(index) ?? []), name]);
          }
        }
        if (at.includes(index)) deleted = true;
      }
    }
    if (reads.size === 0) return found;
    const ordinals = new Map<string, number>();
    this.keys = statements.map((statement, index) => {
      const text = regionKey(statement.startPosition.column, this.text.slice(starts[index], statement.endIndex - base));
      const nth = ordinals.get(text) ?? 0;
      ordinals.set(text, nth + 1);
      const key = deadReadKey(text, nth);
      const names = reads.get(index);
      if (names) found.set(key, names.sort());
      return key;
    });
    return found;
  }
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
