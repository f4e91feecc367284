// Questions about the order in which a scope's reads and bindings run, answered
// conservatively from the text: a read "before the first binding" is one no
// earlier binding can have prepared, not even in a previous loop iteration.
// The unbound-local and use-after-del rules and the scope hover share these.
import type { Node } from '../../parser';
import type { ParentLookup } from '../parents';
import { DEF_NONLOCAL, isBinding, isRead, type Occurrence, type Scope, type SymbolEntry } from './model';

const NAME_ERRORS = new Set(['NameError', 'UnboundLocalError']);
/** Statements after which the rest of a block may not run (or, for Python 2's `exec`, may see names rebound). */
const LOOP_EXITS = new Set(['return_statement', 'raise_statement', 'break_statement', 'continue_statement', 'exec_statement']);

function inside(node: Node, container: Node | null): boolean {
  return container !== null && container.startIndex <= node.startIndex && node.endIndex <= container.endIndex;
}

/**
 * `for`/`while` loops whose body contains `node`, within the code of `scope`,
 * innermost first: code a previous iteration may already have run. (A `while`
 * condition is not included: its first test runs before the body ever does.)
 */
function enclosingLoops(node: Node, scope: Scope, parents: ParentLookup): Node[] {
  const loops: Node[] = [];
  for (let p = parents.parentOf(node); p && p.id !== scope.node.id; p = parents.parentOf(p)) {
    if ((p.type === 'for_statement' || p.type === 'while_statement') && inside(node, p.childForFieldName('body'))) loops.push(p);
  }
  return loops;
}

/**
 * A `try` around `node` whose handler catches NameError/UnboundLocalError, or a `with`
 * around it that names one (`with self.assertRaises(NameError):`, `pytest.raises`,
 * `contextlib.suppress`): the code expects the name may be unbound.
 */
export function expectsNameError(node: Node, scope: Scope, parents: ParentLookup): boolean {
  const namesError = (n: Node | null) => n !== null && n.descendantsOfType('identifier').some((id) => id !== null && NAME_ERRORS.has(id.text));
  for (let p = parents.parentOf(node); p && p.id !== scope.node.id; p = parents.parentOf(p)) {
    if (p.type === 'with_statement' && inside(node, p.childForFieldName('body'))) {
      if (p.namedChildren.some((c) => c?.type === 'with_clause' && namesError(c))) return true;
      continue;
    }
    if (p.type !== 'try_statement' || !inside(node, p.childForFieldName('body'))) continue;
    for (const clause of p.namedChildren) {
      if (clause?.type !== 'except_clause') continue;
      const caught = clause.childForFieldName('value');
      if (!caught || namesError(caught)) return true;
    }
  }
  return false;
}

export interface EarlyRead {
  read: Occurrence;
  /** The binding that, from the text, comes first. */
  firstBinding: Occurrence;
}

/** The binding of a local name that, from the text, takes effect first; null when nothing binds it. */
function firstBinding(entry: SymbolEntry): Occurrence | null {
  const bindings = entry.occurrences.filter(isBinding);
  return bindings.length === 0 ? null : bindings.reduce((a, b) => (b.effectiveAt < a.effectiveAt ? b : a));
}

/** What the read-before-binding questions need about one name, gathered once. */
interface Bindings {
  first: Occurrence;
  all: Occurrence[];
  deletions: Occurrence[];
}

function bindingsOf(entry: SymbolEntry): Bindings | null {
  const first = firstBinding(entry);
  if (!first) return null;
  return { first, all: entry.occurrences.filter(isBinding), deletions: entry.occurrences.filter((o) => o.kind === 'delete') };
}

/** An inner function, defined before `offset`, that declares the name `nonlocal`: calling it may assign the name. */
function assignedFromInside(scope: Scope, name: string, offset: number): boolean {
  return scope.children.some(
    (c) => c.node.startIndex < offset && (((c.symbols.get(name)?.flags ?? 0) & DEF_NONLOCAL) !== 0 || assignedFromInside(c, name, offset)),
  );
}

/** `value if test else other` runs `test` first: a walrus there binds before `value` reads. */
function boundByConditionFirst(read: Node, scope: Scope, b: Bindings, parents: ParentLookup): boolean {
  let child = read;
  for (let p = parents.parentOf(read); p && p.id !== scope.node.id; child = p, p = parents.parentOf(p)) {
    if (p.type !== 'conditional_expression') continue;
    const parts = p.namedChildren.filter((c) => c !== null && c.type !== 'comment' && c.type !== 'line_continuation');
    const test = parts[1];
    if (parts[0]?.id === child.id && test && b.all.some((x) => inside(x.node, test))) return true;
  }
  return false;
}

function provablyEarly(scope: Scope, read: Occurrence, b: Bindings, parents: ParentLookup): boolean {
  if (!isRead(read) || !read.evaluated) return false;
  const at = read.node.startIndex;
  if (at >= b.first.effectiveAt) return false;
  if (b.deletions.some((d) => d.node.startIndex < at)) return false;
  if (enclosingLoops(read.node, scope, parents).some((loop) => b.all.some((x) => inside(x.node, loop)))) return false;
  if (boundByConditionFirst(read.node, scope, b, parents)) return false;
  // A cell that an inner function, already defined here, assigns through `nonlocal` may hold a value.
  if (read.scope.symbols.get(read.name)?.scope === 'cell' && assignedFromInside(scope, read.name, at)) return false;
  return !expectsNameError(read.node, scope, parents);
}

/**
 * Whether a read of a local name runs before every binding of it in its scope,
 * provably: a loop that may have bound it in an earlier iteration, an earlier
 * `del` or a NameError handler make it unprovable (false).
 */
export function readsBeforeBinding(scope: Scope, entry: SymbolEntry, read: Occurrence, parents: ParentLookup): boolean {
  const b = bindingsOf(entry);
  return b !== null && provablyEarly(scope, read, b, parents);
}

/** The first read of a local name that provably runs before any binding of it; null when there is none. */
export function readBeforeFirstBinding(scope: Scope, entry: SymbolEntry, parents: ParentLookup): EarlyRead | null {
  const b = bindingsOf(entry);
  if (!b) return null;
  const reads = entry.occurrences.filter((o) => isRead(o) && o.node.startIndex < b.first.effectiveAt).sort((x, y) => x.node.startIndex - y.node.startIndex);
  const read = reads.find((r) => provablyEarly(scope, r, b, parents));
  return read ? { read, firstBinding: b.first } : null;
}

/** The statement of `block` that contains `node` (a direct child of the block), or null. */
function statementIn(block: Node, node: Node, parents: ParentLookup): Node | null {
  for (let n: Node | null = node; n; ) {
    const parent = parents.parentOf(n);
    if (parent?.id === block.id) return n;
    n = parent;
  }
  return null;
}

export interface ReadAfterDelete {
  read: Occurrence;
  deletion: Occurrence;
}

/**
 * The first read of the name a `del` statement unbinds that runs later in the same
 * block with no binding in between; null when none, or when a `return`/`raise`/
 * `break`/`continue` or a NameError handler stands in the way.
 */
export function readAfterDelete(entry: SymbolEntry, deletion: Occurrence, statement: Node, scope: Scope, parents: ParentLookup): ReadAfterDelete | null {
  const block = parents.parentOf(statement);
  if (!block) return null;
  const reads = entry.occurrences
    .filter((o) => isRead(o) && o.evaluated && o.node.startIndex >= statement.endIndex && inside(o.node, block))
    .sort((a, b) => a.node.startIndex - b.node.startIndex);
  const read = reads[0];
  if (!read) return null;
  const at = read.node.startIndex;
  if (entry.occurrences.some((o) => isBinding(o) && o.effectiveAt > statement.endIndex - 1 && o.effectiveAt <= at && o !== read)) return null;
  const readStatement = statementIn(block, read.node, parents);
  if (!readStatement) return null;
  for (let s = statement.nextNamedSibling; s && s.id !== readStatement.id; s = s.nextNamedSibling) {
    if (LOOP_EXITS.has(s.type)) return null;
  }
  if (expectsNameError(read.node, scope, parents)) return null;
  return { read, deletion };
}

/** The `except` clause whose `as` target `binding` is (tree-sitter: except_clause > as_pattern > as_pattern_target). */
export function handlerOf(binding: Occurrence, parents: ParentLookup): Node | null {
  if (binding.binding !== 'except') return null;
  for (let p = parents.parentOf(binding.node); p; p = parents.parentOf(p)) {
    if (p.type === 'except_clause' || p.type === 'except_group_clause') return p;
  }
  return null;
}

/**
 * The `except ... as name` binding that, of all bindings of the name, comes last before
 * the read, when its handler ends before the read: if that handler ran, Python unbound
 * the name as it ended. Null when the read is inside the handler or follows another binding.
 */
export function handlerBefore(entry: SymbolEntry, read: Occurrence, parents: ParentLookup): Occurrence | null {
  const at = read.node.startIndex;
  let last: Occurrence | null = null;
  for (const b of entry.occurrences) if (isBinding(b) && b.node.startIndex < at && (!last || b.node.startIndex > last.node.startIndex)) last = b;
  const handler = last && handlerOf(last, parents);
  return handler && handler.endIndex <= at ? last : null;
}

/**
 * The `except ... as name` binding a read comes after, when every binding of the name
 * that precedes the read is such a handler target and each of those handlers ends
 * before the read: Python unbinds the target when its handler ends, so the read finds
 * the name unbound whether or not a handler ran. Null when something else may have
 * bound it: another binding earlier in the text, one later in a loop around the read,
 * an inner function assigning it through `nonlocal`, or a NameError handler around.
 */
export function readAfterHandler(scope: Scope, entry: SymbolEntry, read: Occurrence, parents: ParentLookup): Occurrence | null {
  if (!isRead(read) || !read.evaluated) return null;
  const at = read.node.startIndex;
  const last = handlerBefore(entry, read, parents);
  if (!last) return null;
  const bindings = entry.occurrences.filter(isBinding);
  for (const b of bindings) {
    const handler = b.node.startIndex < at ? handlerOf(b, parents) : null;
    if (b.node.startIndex < at && (!handler || handler.endIndex > at)) return null;
  }
  if (enclosingLoops(read.node, scope, parents).some((loop) => bindings.some((b) => b.binding !== 'except' && inside(b.node, loop)))) return null;
  if (read.scope.symbols.get(read.name)?.scope === 'cell' && assignedFromInside(scope, read.name, at)) return null;
  return expectsNameError(read.node, scope, parents) ? null : last;
}
