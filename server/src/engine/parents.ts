// Parent lookups without `node.parent`. web-tree-sitter keeps no parent pointers:
// `node.parent` walks down from the root of the whole tree on every call, so a
// loop over ancestors costs the depth times the siblings passed on the way, and
// deep nesting turns quadratic or worse. A unit's analysis instead asks this
// index, which walks down once from the unit's own node and remembers every
// node it passes.
import type { Node } from '../parser';

export interface ParentLookup {
  parentOf(node: Node): Node | null;
}

/** The tree's own (slow) parent pointer: for one-off questions such as a hover. */
export const TREE_PARENTS: ParentLookup = { parentOf: (node) => node.parent };

export class UnitParents implements ParentLookup {
  private readonly parents = new Map<number, Node | null>();
  /** The nodes of the last descent, outermost first, with their end offsets (reading one crosses into WebAssembly). */
  private path: Array<{ node: Node; end: number }>;

  /**
   * `root` is the unit's node; `above` lists its ancestors, innermost first, as the
   * caller already knows them (a method's class body, the class, the module).
   */
  constructor(root: Node, above: readonly Node[]) {
    let child = root;
    for (const ancestor of above) {
      this.parents.set(child.id, ancestor);
      child = ancestor;
    }
    if (!this.parents.has(child.id)) this.parents.set(child.id, null);
    this.path = [{ node: root, end: root.endIndex }];
  }

  parentOf(node: Node): Node | null {
    const known = this.parents.get(node.id);
    if (known !== undefined) return known;
    const start = node.startIndex;
    const end = node.endIndex;
    // Descend from the deepest node of the previous descent that contains this one:
    // questions come in bursts about nearby nodes, so the walk is short.
    let depth = this.path.length - 1;
    while (depth >= 0 && !(this.path[depth].node.startIndex <= start && end <= this.path[depth].end)) depth--;
    if (depth < 0) return node.parent;
    this.path.length = depth + 1;
    let at = this.path[depth].node;
    while (at.id !== node.id) {
      const next = at.childWithDescendant(node);
      if (!next) return node.parent;
      this.parents.set(next.id, at);
      this.path.push({ node: next, end: next.endIndex });
      at = next;
    }
    return this.parents.get(node.id) ?? null;
  }
}

/** Ancestors of `node`, innermost first. */
export function* ancestors(node: Node, parents: ParentLookup): Generator<Node> {
  for (let p = parents.parentOf(node); p; p = parents.parentOf(p)) yield p;
}
