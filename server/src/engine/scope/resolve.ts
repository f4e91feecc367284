// Second pass of the scope analysis: CPython 3.11's `analyze_block` and friends
// (`symtable.c`), which turn the flags of the first pass into one scope per name.
// Sets of names flow down (what enclosing functions bind, what is declared global)
// and free names flow back up, turning the locals they capture into cells.
import {
  DEF_BOUND,
  DEF_FREE_CLASS,
  DEF_GLOBAL,
  DEF_NONLOCAL,
  type NameScope,
  type Scope,
  type ScopeProblem,
} from './model';

export function resolveScopes(module: Scope): ScopeProblem[] {
  const problems: ScopeProblem[] = [];
  analyzeBlock(module, null, new Set(), new Set(), problems);
  return problems;
}

function addAll(target: Set<string>, source: Iterable<string>): void {
  for (const name of source) target.add(name);
}

function analyzeName(
  scope: Scope,
  scopes: Map<string, NameScope>,
  name: string,
  flags: number,
  sets: { bound: Set<string> | null; local: Set<string>; free: Set<string>; global: Set<string> },
  problems: ScopeProblem[],
): void {
  const { bound, local, free, global } = sets;
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) problems.push({ kind: 'nonlocal-and-global', name, scope });
    scopes.set(name, 'global_explicit');
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) problems.push({ kind: 'nonlocal-at-module', name, scope });
    else if (!bound.has(name)) problems.push({ kind: 'nonlocal-without-binding', name, scope });
    scopes.set(name, 'free');
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, 'local');
    local.add(name);
    global.delete(name);
    return;
  }
  // Bound by an enclosing function: a free variable, not a global.
  if (bound?.has(name)) {
    scopes.set(name, 'free');
    free.add(name);
    return;
  }
  scopes.set(name, 'global_implicit');
}

function analyzeBlock(scope: Scope, bound: Set<string> | null, free: Set<string>, global: Set<string>, problems: ScopeProblem[]): void {
  scope.enclosingBound = bound ? new Set(bound) : null;
  const local = new Set<string>();
  const scopes = new Map<string, NameScope>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  const isClass = scope.type === 'class';

  // A class body's names are invisible to the functions inside it, so what those
  // functions see is fixed before the class's own names are analysed.
  if (isClass) {
    addAll(newGlobal, global);
    if (bound) addAll(newBound, bound);
  }
  for (const [name, entry] of scope.symbols) analyzeName(scope, scopes, name, entry.flags, { bound, local, free, global }, problems);
  if (!isClass) {
    if (scope.type === 'function') addAll(newBound, local);
    if (bound) addAll(newBound, bound);
    addAll(newGlobal, global);
  } else {
    newBound.add('__class__');
  }

  const allFree = new Set<string>();
  for (const child of scope.children) {
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal), problems);
    addAll(allFree, childFree);
  }
  addAll(newFree, allFree);

  if (scope.type === 'function') {
    // Locals that an inner function captures become cells.
    for (const [name, kind] of scopes) {
      if (kind === 'local' && newFree.has(name)) {
        scopes.set(name, 'cell');
        newFree.delete(name);
      }
    }
  } else if (isClass) {
    newFree.delete('__class__');
  }
  updateSymbols(scope, scopes, bound, newFree, isClass);
  addAll(free, newFree);
}

function updateSymbols(scope: Scope, scopes: Map<string, NameScope>, bound: Set<string> | null, free: Set<string>, isClass: boolean): void {
  for (const [name, entry] of scope.symbols) entry.scope = scopes.get(name) ?? 'global_implicit';
  // Free names of inner functions pass through this block on their way out.
  for (const name of free) {
    const entry = scope.symbols.get(name);
    if (entry) {
      if (isClass && entry.flags & (DEF_BOUND | DEF_GLOBAL)) entry.flags |= DEF_FREE_CLASS;
      continue;
    }
    if (bound && !bound.has(name)) continue;
    scope.symbols.set(name, { name, flags: 0, scope: 'free', occurrences: [] });
  }
}
