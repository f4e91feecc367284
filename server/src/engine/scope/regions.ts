// Scope trees per top-level statement, for the scope hover (the analysis builds its
// own per unit, analyze.ts). A statement's scope tree is built from the statement
// alone (plus `futureAnnotations`): every scope nested in it comes out exactly as in
// a whole-file analysis.
import type { Node } from '../../parser';
import { buildScopeTree } from './index';
import type { ScopeTree } from './model';

export class RegionScopes {
  private readonly trees = new Map<number, ScopeTree>();

  constructor(
    private readonly root: Node,
    private readonly futureAnnotations: boolean,
  ) {}

  /** The top-level statement that contains `node` (one step down from the root, not a walk up). */
  regionOf(node: Node): Node {
    return this.root.childWithDescendant(node) ?? node;
  }

  /** The scope tree of the top-level statement containing `node`, built once per analysis. */
  treeFor(node: Node): ScopeTree {
    const region = this.regionOf(node);
    let tree = this.trees.get(region.id);
    if (!tree) {
      tree = buildScopeTree(region, { futureAnnotations: this.futureAnnotations });
      this.trees.set(region.id, tree);
    }
    return tree;
  }
}
