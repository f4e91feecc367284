// Scope analysis: which scope every name in a Python file belongs to, computed
// the way CPython 3.11's `symtable` module computes it, plus where each name is
// read and bound. Used by the PP8xx rules, the scope hover and `pythonic scopes`.
import type { Node } from '../../parser';
import { TREE_PARENTS, type ParentLookup } from '../parents';
import { hasFutureAnnotations, parameterNames, ScopeBuilder } from './builder';
import type { Scope, ScopeTree } from './model';
import { resolveScopes } from './resolve';

export * from './model';

export interface BuildOptions {
  /** For a single statement: whether the module starts with `from __future__ import annotations`. */
  futureAnnotations?: boolean;
  /** Only the module scope: skip the bodies of functions, classes, lambdas and comprehensions. */
  shallow?: boolean;
  /** For one method of a class statement: the member (the method, with its decorators) to analyse alone in the class body. */
  member?: Node;
  /** For a class's own unit: `def`s whose bodies are left out (their decorators, defaults and annotations still count). */
  bodiless?: ReadonlySet<number>;
  /** How to find a node's parent; the analysis passes its per-unit index. */
  parents?: ParentLookup;
}

/**
 * Builds the scope tree of a whole module, or of one top-level statement as if
 * it were alone in its module. Scopes nested in a statement come out the same
 * either way: only the module scope's own symbols depend on the other statements.
 */
export function buildScopeTree(node: Node, options: BuildOptions = {}): ScopeTree {
  const isModule = node.type === 'module';
  const moduleNode = isModule ? node : node.tree.rootNode;
  const futureAnnotations = isModule ? hasFutureAnnotations(node) : (options.futureAnnotations ?? false);
  const statements = isModule ? node.namedChildren.filter((c): c is Node => c !== null) : [node];
  const built = new ScopeBuilder(futureAnnotations, options.shallow, options.member, options.bodiless).build(moduleNode, statements);
  const parents = options.parents ?? TREE_PARENTS;
  const problems = resolveScopes(built.module);
  const scopes: Scope[] = [];
  const collect = (s: Scope) => {
    scopes.push(s);
    s.children.forEach(collect);
  };
  collect(built.module);

  return {
    module: built.module,
    scopes,
    problems,
    occurrenceOf: (identifier) => {
      const found = built.occurrences.get(identifier.startIndex);
      return found && found.node.endIndex === identifier.endIndex ? found : undefined;
    },
    scopeDefinedBy: (n) => built.scopesByNode.get(n.id),
    scopeContaining: (n) => {
      const path: Node[] = [n];
      for (let parent = parents.parentOf(n); parent; parent = parents.parentOf(parent)) {
        const scope = built.scopesByNode.get(parent.id);
        // Everything reached from the module node runs in the module scope (and listing its children would cost the whole file).
        if (scope && (scope.type === 'module' || runsInScopeOf(parent, path))) return scope;
        path.push(parent);
      }
      return built.module;
    },
  };
}

/**
 * Whether code reached through `path` (innermost node first, ending with a child
 * of `owner`) runs in the scope `owner` opens: a body does, a default value or a
 * comprehension's first iterable does not, a parameter name does.
 */
function runsInScopeOf(owner: Node, path: readonly Node[]): boolean {
  const child = path[path.length - 1];
  const grandchild = path[path.length - 2];
  switch (owner.type) {
    case 'class_definition':
      return child.id === owner.childForFieldName('body')?.id;
    case 'function_definition':
    case 'lambda':
      if (child.id === owner.childForFieldName('body')?.id) return true;
      if (child.id !== owner.childForFieldName('parameters')?.id || !grandchild) return false;
      return path[0].type === 'identifier' && parameterNames(grandchild).some((p) => p.id === path[0].id);
    default: {
      const first = owner.namedChildren.find((c) => c?.type === 'for_in_clause');
      if (child.id !== first?.id) return true;
      return !grandchild || !first.childrenForFieldName('right').some((r) => r?.id === grandchild.id);
    }
  }
}
