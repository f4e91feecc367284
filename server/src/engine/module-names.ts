// What the hover needs to resolve a name to a library entry: the module's
// imports (`dd` -> `collections.defaultdict`) and the names it defines itself
// (so a module's own `len` is not taken for the builtin). A leaner scan than
// the module facts the rules use: only module-level statements and the bodies
// of module-level `if`/`try` (conditional imports), no value analysis.
import type { Node } from '../parser';
import { dottedName } from './python';

type TreeCursor = ReturnType<Node['walk']>;

export interface ModuleNames {
  /** Local name -> qualified name, for every module-level import. */
  imports: Map<string, string>;
  /** Names bound at module level by `def`, `class` or a plain assignment. */
  defined: Set<string>;
}

export function scanModuleNames(root: Node): ModuleNames {
  const names: ModuleNames = { imports: new Map(), defined: new Set() };
  const cursor = root.walk();
  try {
    visitChildren(cursor, names);
  } finally {
    cursor.delete();
  }
  return names;
}

/**
 * Visits the statements under the cursor's node. A cursor reads node types
 * without creating a `Node` object per statement, which keeps this scan cheap
 * on big files; nodes are materialised only for the statements that bind names.
 */
function visitChildren(cursor: TreeCursor, names: ModuleNames): void {
  if (!cursor.gotoFirstChild()) return;
  do {
    switch (cursor.nodeType) {
      case 'import_statement':
      case 'import_from_statement':
        recordImport(cursor.currentNode, names);
        break;
      case 'function_definition':
      case 'class_definition':
        defineName(cursor.currentNode.childForFieldName('name'), names);
        break;
      case 'decorated_definition':
        defineName(cursor.currentNode.childForFieldName('definition')?.childForFieldName('name') ?? null, names);
        break;
      case 'expression_statement':
        if (cursor.gotoFirstChild()) {
          const expressionType: string = cursor.nodeType;
          if (expressionType === 'assignment') {
            for (let expr: Node | null = cursor.currentNode; expr?.type === 'assignment'; expr = expr.childForFieldName('right')) {
              defineName(expr.childForFieldName('left'), names);
            }
          }
          cursor.gotoParent();
        }
        break;
      case 'if_statement':
      case 'try_statement':
      case 'block':
      case 'else_clause':
      case 'elif_clause':
      case 'except_clause':
      case 'finally_clause':
        visitChildren(cursor, names);
        break;
      default:
        break;
    }
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

function recordImport(s: Node, names: ModuleNames): void {
  if (s.type === 'import_statement') {
    for (const item of s.namedChildren) {
      if (item?.type === 'dotted_name') {
        const head = item.text.split('.')[0];
        names.imports.set(head, head);
      } else if (item?.type === 'aliased_import') {
        const alias = item.childForFieldName('alias')?.text;
        const name = item.childForFieldName('name')?.text;
        if (alias && name) names.imports.set(alias, name);
      }
    }
    return;
  }
  const module = s.childForFieldName('module_name');
  if (module?.type !== 'dotted_name') return;
  for (const item of s.childrenForFieldName('name')) {
    if (!item) continue;
    const aliased = item.type === 'aliased_import';
    const imported = aliased ? item.childForFieldName('name')?.text : item.text;
    const local = aliased ? item.childForFieldName('alias')?.text : item.text;
    if (imported && local) names.imports.set(local, `${module.text}.${imported}`);
  }
}

function defineName(node: Node | null, names: ModuleNames): void {
  if (node?.type === 'identifier') names.defined.add(node.text);
}

/** `dd` -> `collections.defaultdict` when imported so; `len` -> `builtins.len` unless the module defines it. */
export function resolveName(node: Node, names: ModuleNames): string | null {
  const dotted = dottedName(node);
  if (!dotted) return null;
  const [head, ...rest] = dotted.split('.');
  const imported = names.imports.get(head);
  if (imported) return [imported, ...rest].join('.');
  if (names.defined.has(head)) return null;
  return rest.length === 0 ? `builtins.${head}` : null;
}
