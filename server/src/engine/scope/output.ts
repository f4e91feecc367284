// What `pythonic scopes` prints. The JSON shape has the same fields, names and
// line numbers as Python's `symtable` module, so the two can be compared directly.
import type { Scope, SymbolEntry } from './model';
import { DEF_ANNOT, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, USE } from './model';

export interface SymbolJson {
  scope: SymbolEntry['scope'];
  parameter: boolean;
  imported: boolean;
  assigned: boolean;
  referenced: boolean;
  annotated: boolean;
  nonlocal: boolean;
}

export interface ScopeJson {
  type: Scope['type'];
  name: string;
  line: number;
  symbols: Record<string, SymbolJson>;
  children: ScopeJson[];
}

function symbolToJson(entry: SymbolEntry): SymbolJson {
  const has = (flag: number) => (entry.flags & flag) !== 0;
  return {
    scope: entry.scope,
    parameter: has(DEF_PARAM),
    imported: has(DEF_IMPORT),
    assigned: has(DEF_LOCAL),
    referenced: has(USE),
    annotated: has(DEF_ANNOT),
    nonlocal: has(DEF_NONLOCAL),
  };
}

/** Names starting with `.` (the implicit `.0` argument of comprehensions) are symtable internals and left out. */
export function scopeToJson(scope: Scope): ScopeJson {
  const symbols: Record<string, SymbolJson> = {};
  for (const [name, entry] of scope.symbols) if (!name.startsWith('.')) symbols[name] = symbolToJson(entry);
  return { type: scope.type, name: scope.name, line: scope.line, symbols, children: scope.children.map(scopeToJson) };
}

/** An indented outline for people: one line per scope, then one per name with its scope and flags. */
export function scopeToText(scope: ScopeJson, depth = 0): string {
  const indent = '  '.repeat(depth);
  const lines = [`${indent}${scope.type} ${scope.name} (line ${scope.line})`];
  for (const [name, s] of Object.entries(scope.symbols)) {
    const flags = (['parameter', 'imported', 'assigned', 'referenced', 'annotated', 'nonlocal'] as const).filter((f) => s[f]);
    lines.push(`${indent}  ${name}: ${s.scope}${flags.length ? ` (${flags.join(', ')})` : ''}`);
  }
  return [lines.join('\n'), ...scope.children.map((c) => scopeToText(c, depth + 1))].join('\n');
}
