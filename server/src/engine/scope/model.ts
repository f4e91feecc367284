// The data a scope analysis produces: scopes nested like CPython's symbol tables,
// each holding its symbols with CPython's flag bits and final scope, plus every
// place a name is read, bound, deleted or declared.
import type { Node } from '../../parser';

// Flag bits of a symbol, with the values CPython 3.11 gives them in `symtable.h`.
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
/** A name the block itself binds: assignment, parameter or import. */
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export type ScopeType = 'module' | 'function' | 'class';

/** Where a name lives, as `symtable` reports it. */
export type NameScope = 'local' | 'global_explicit' | 'global_implicit' | 'free' | 'cell';

export type OccurrenceKind =
  | 'read'
  | 'store'
  /** `x += 1`: read, then stored. */
  | 'augmented'
  | 'delete'
  | 'global'
  | 'nonlocal';

/** The construct that binds a name, for explanations. */
export type BindingKind =
  | 'assignment'
  | 'augmented'
  | 'annotation'
  | 'parameter'
  | 'import'
  | 'function'
  | 'class'
  | 'for'
  | 'with'
  | 'except'
  | 'match'
  | 'walrus'
  | 'comprehension'
  | 'type';

export interface Occurrence {
  /** The identifier as written (the first part of `a.b` in `import a.b`). */
  node: Node;
  /** The name as the symbol table stores it (`__x` inside class `C` is `_C__x`). */
  name: string;
  kind: OccurrenceKind;
  binding: BindingKind | null;
  /** The scope whose symbol this is; a walrus in a comprehension binds in the enclosing function. */
  scope: Scope;
  /** Offset where a read happens, or where a binding takes effect (`x = x + 1` binds after its value). */
  effectiveAt: number;
  /** False for annotations Python records but never evaluates (local variable annotations). */
  evaluated: boolean;
  /** `os` for `from os import path`, `os.path` for `import os.path`. */
  importedFrom: string | null;
}

export interface SymbolEntry {
  name: string;
  flags: number;
  scope: NameScope;
  occurrences: Occurrence[];
}

export interface Scope {
  type: ScopeType;
  /** `top`, the function or class name, `lambda`, `listcomp`, `setcomp`, `dictcomp`, `genexpr`. */
  name: string;
  /** 1-based line of the `def`/`class`/`lambda`/comprehension; 0 for the module, as `symtable` says. */
  line: number;
  node: Node;
  parent: Scope | null;
  children: Scope[];
  symbols: Map<string, SymbolEntry>;
  comprehension: boolean;
  /** Names bound in enclosing functions (and not declared global there): what a free name may refer to. */
  enclosingBound: ReadonlySet<string> | null;
}

export type ScopeProblemKind = 'nonlocal-at-module' | 'nonlocal-without-binding' | 'nonlocal-and-global';

/** Declarations CPython rejects with a SyntaxError while building its symbol table. */
export interface ScopeProblem {
  kind: ScopeProblemKind;
  name: string;
  scope: Scope;
}

export interface ScopeTree {
  readonly module: Scope;
  /** Every scope, each before its children, in `symtable` order. */
  readonly scopes: readonly Scope[];
  readonly problems: readonly ScopeProblem[];
  /** The read, binding or declaration an identifier stands for; undefined for attribute names, keywords... */
  occurrenceOf(identifier: Node): Occurrence | undefined;
  /** The scope a `def`, `class`, `lambda` or comprehension node opens. */
  scopeDefinedBy(node: Node): Scope | undefined;
  /** The scope whose code contains the node (a default value belongs to the scope around the `def`). */
  scopeContaining(node: Node): Scope;
}

/** Stores that give the name a value at run time (a bare `x: int` does not). */
export function isBinding(o: Occurrence): boolean {
  return (o.kind === 'store' && o.binding !== 'annotation') || o.kind === 'augmented';
}

export function isRead(o: Occurrence): boolean {
  return o.kind === 'read' || o.kind === 'augmented';
}
