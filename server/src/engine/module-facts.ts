// Facts about the module as a whole that rules analysing one top-level statement
// may need: what names the module binds, what it imports, and where an import
// can be added. Computed from a shallow scan of module-level statements (not
// function or class bodies), so it is cheap to redo on every change; its
// fingerprint decides whether cached per-statement results are still valid.
import type { Node, Tree } from '../parser';
import { boundNames, DISPLAY_TYPES, dottedName, isDocstring, statementsOf } from './python';
import { computeScopeFacts, type ScopeFacts } from './scope/facts';
import type { Position } from './types';

export interface FromImport {
  /** Where `, Name` is appended to merge a name into this statement. */
  appendAt: Position;
  names: string[];
  star: boolean;
}

export interface ModuleFacts {
  /** How many times each name is bound by module-level code. */
  bindingCounts: Map<string, number>;
  /** Local name -> qualified name for every module-level import (`dd` -> `collections.defaultdict`). */
  imports: Map<string, string>;
  /** Names bound exactly once at module level, to a fresh mutable object: name -> its constructor. */
  mutableGlobals: Map<string, string>;
  /** The first module-level `from M import ...` of each module M, for merging new names. */
  fromImports: Map<string, FromImport>;
  /** First line after the module docstring and `__future__` imports. */
  importLine: number;
  /** What the scope rules need to know beyond one statement (future annotations, module-level `del`s). */
  scope: ScopeFacts;
}

/** Constructors whose every call makes a new mutable container. */
export const MUTABLE_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'builtins.list',
  'builtins.dict',
  'builtins.set',
  'builtins.bytearray',
  'collections.deque',
  'collections.defaultdict',
  'collections.OrderedDict',
  'collections.Counter',
]);

/** `deque` -> `collections.deque` when imported so; `list` -> `builtins.list` unless the module rebinds it. */
export function qualifiedName(node: Node, facts: ModuleFacts): string | null {
  const dotted = dottedName(node);
  if (!dotted) return null;
  const [head, ...rest] = dotted.split('.');
  const imported = facts.imports.get(head);
  if (imported) return [imported, ...rest].join('.');
  if (facts.bindingCounts.has(head)) return null;
  return rest.length === 0 ? `builtins.${head}` : null;
}

/** The constructor of the fresh mutable object an expression creates, or null. */
export function mutableConstructorOf(value: Node, facts: ModuleFacts): string | null {
  if (value.type !== 'tuple' && DISPLAY_TYPES[value.type]) return DISPLAY_TYPES[value.type];
  if (value.type === 'call') {
    const fn = value.childForFieldName('function');
    const name = fn ? qualifiedName(fn, facts) : null;
    return name && MUTABLE_CONSTRUCTORS.has(name) ? name : null;
  }
  return null;
}

/** Statements run at module level: top-level ones and those nested in `if`/`try`/`for`/`with`/`while`/`match`. */
function moduleLevelStatements(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (statements: Node[]): void => {
    for (const s of statements) {
      out.push(s);
      if (s.type === 'function_definition' || s.type === 'class_definition' || s.type === 'decorated_definition') continue;
      for (const child of s.namedChildren) {
        if (!child) continue;
        if (child.type === 'block') visit(statementsOf(child));
        else if (/_clause$/.test(child.type) || child.type === 'case_clause') {
          for (const grand of child.namedChildren) if (grand?.type === 'block') visit(statementsOf(grand));
        }
      }
    }
  };
  visit(statementsOf(root));
  return out;
}

export function computeModuleFacts(root: Node): ModuleFacts {
  const facts: ModuleFacts = {
    bindingCounts: new Map(),
    imports: new Map(),
    mutableGlobals: new Map(),
    fromImports: new Map(),
    importLine: 0,
    scope: computeScopeFacts(root),
  };
  const bind = (name: string) => facts.bindingCounts.set(name, (facts.bindingCounts.get(name) ?? 0) + 1);
  const assignments: Array<{ name: string; value: Node }> = [];
  const statements = moduleLevelStatements(root);

  for (const s of statements) {
    switch (s.type) {
      case 'import_statement':
        for (const item of s.namedChildren) {
          if (!item) continue;
          if (item.type === 'dotted_name') {
            const head = item.text.split('.')[0];
            facts.imports.set(head, head);
            bind(head);
          } else if (item.type === 'aliased_import') {
            const alias = item.childForFieldName('alias')?.text;
            const name = item.childForFieldName('name')?.text;
            if (alias && name) {
              facts.imports.set(alias, name);
              bind(alias);
            }
          }
        }
        break;
      case 'import_from_statement': {
        const moduleNode = s.childForFieldName('module_name');
        const module = moduleNode?.type === 'dotted_name' ? moduleNode.text : null;
        const names: string[] = [];
        let star = false;
        let last: Node | null = null;
        for (const item of s.childrenForFieldName('name')) {
          if (!item) continue;
          last = item;
          const imported = item.type === 'aliased_import' ? item.childForFieldName('name')?.text : item.text;
          const local = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : item.text;
          if (!imported || !local) continue;
          names.push(local);
          bind(local);
          if (module) facts.imports.set(local, `${module}.${imported}`);
        }
        if (s.namedChildren.some((c) => c?.type === 'wildcard_import')) star = true;
        if (module && !facts.fromImports.has(module) && s.parent?.type === 'module' && (last || star)) {
          const end = (last ?? s).endPosition;
          facts.fromImports.set(module, { appendAt: { line: end.row, character: end.column }, names, star });
        }
        break;
      }
      case 'function_definition':
      case 'class_definition': {
        const name = s.childForFieldName('name')?.text;
        if (name) bind(name);
        break;
      }
      case 'decorated_definition': {
        const name = s.childForFieldName('definition')?.childForFieldName('name')?.text;
        if (name) bind(name);
        break;
      }
      case 'expression_statement':
        for (let expr = s.namedChild(0); expr && expr.type === 'assignment'; ) {
          const left = expr.childForFieldName('left');
          const right = expr.childForFieldName('right');
          const names = left ? boundNames(left) : [];
          for (const n of names) bind(n.text);
          if (left?.type === 'identifier' && right && right.type !== 'assignment') {
            assignments.push({ name: left.text, value: right });
          }
          expr = right?.type === 'assignment' ? right : null;
        }
        if (s.namedChild(0)?.type === 'augmented_assignment') {
          const left = s.namedChild(0)!.childForFieldName('left');
          if (left?.type === 'identifier') bind(left.text);
        }
        break;
      case 'for_statement': {
        const left = s.childForFieldName('left');
        for (const n of left ? boundNames(left) : []) bind(n.text);
        break;
      }
      default:
        break;
    }
  }

  for (const { name, value } of assignments) {
    const constructor = facts.bindingCounts.get(name) === 1 ? mutableConstructorOf(value, facts) : null;
    if (constructor) facts.mutableGlobals.set(name, constructor);
  }

  const top = statementsOf(root);
  let i = 0;
  if (isDocstring(top[0])) i = 1;
  while (i < top.length && top[i].type === 'future_import_statement') i++;
  facts.importLine = i === 0 ? 0 : top[i - 1].endPosition.row + 1;
  return facts;
}

/** Facts per parsed tree: analysis and hover share one computation, and a new tree never sees stale facts. */
const factsByTree = new WeakMap<Tree, ModuleFacts>();

export function moduleFactsFor(tree: Tree): ModuleFacts {
  let facts = factsByTree.get(tree);
  if (!facts) {
    facts = computeModuleFacts(tree.rootNode);
    factsByTree.set(tree, facts);
  }
  return facts;
}

/** A string that changes whenever any fact a cached result may depend on changes. */
export function factsFingerprint(facts: ModuleFacts): string {
  return JSON.stringify([
    [...facts.bindingCounts],
    [...facts.imports],
    [...facts.mutableGlobals],
    [...facts.fromImports],
    facts.importLine,
    facts.scope,
  ]);
}
