// Facts about where a name is written anywhere in a file, for rules that analyse one
// unit but must know about the others: how often a word appears at all (PP102: a
// dunder the file names again is a name the code uses on purpose), and which classes
// store a private `__x` attribute (PP103). Found by scanning the text for the one
// name asked about, then asking the tree about each hit; computed only when a rule
// asks, once per name and parse.
import type { Node } from '../parser';
import { TREE_PARENTS, type ParentLookup } from './parents';
import { mangle } from './python';

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The owner `privateOwners` reports for a private name that strings build or name at run time. */
export const DYNAMIC = '*';
/** Containers a target can sit in: `a, self.__x = ...`, `[self.__x] = ...`. */
const TARGET_CONTAINERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list', 'parenthesized_expression', 'list_splat_pattern']);

export class NameIndex {
  private source: string | undefined;
  private readonly counts = new Map<string, number>();
  private owners: Map<string, string[]> | undefined;

  constructor(private readonly root: Node) {}

  private get text(): string {
    this.source ??= this.root.text;
    return this.source;
  }

  /** How many times `word` appears in the file as a whole identifier-like word (comments and strings included). */
  wordCount(word: string): number {
    let count = this.counts.get(word);
    if (count === undefined) {
      count = WORD.test(word) ? [...this.text.matchAll(wordPattern(word))].length : 0;
      this.counts.set(word, count);
    }
    return count;
  }

  /**
   * The classes that store the private attribute `name` (`__x`) as their own, by the
   * name they mangle it with (`C` for `_C__x`), sorted: an attribute assigned inside the
   * class (`self.__x = ...`), a name bound in its body, a string in it (`__slots__`), or
   * the mangled name written out anywhere (`obj._C__x`). `''` stands for an
   * assignment outside any class, which stores `__x` unmangled, and `'*'` for a string
   * that names it anywhere else (`setattr(obj, "__x", ...)`, `"_%s__x" % name`): the
   * attribute is then managed by name at run time, beyond what the text shows.
   */
  privateOwners(name: string): string[] {
    this.owners ??= this.findOwners();
    return this.owners.get(name) ?? [];
  }

  /** The owners of every private name in the file, in one pass over the text. */
  private findOwners(): Map<string, string[]> {
    const { text } = this;
    const owners = new Map<string, Set<string>>();
    const add = (name: string, owner: string) => {
      let set = owners.get(name);
      if (!set) owners.set(name, (set = new Set()));
      set.add(owner);
    };
    for (const m of text.matchAll(MANGLED_OUT)) add(m[2], m[1]);
    for (const m of text.matchAll(FORMATTED)) add(m[1], DYNAMIC);
    for (const m of text.matchAll(PRIVATE_NAME)) {
      const name = m[0];
      const start = m.index;
      const end = start + name.length;
      if (!mayStore(text, start, end)) continue;
      const node = this.root.descendantForIndex(start, end);
      if (!node || node.startIndex !== start || node.endIndex !== end) continue;
      const owner = storingClass(node);
      if (owner === '' || owner === DYNAMIC) add(name, owner);
      else if (owner !== null) add(name, mangle(name, owner)?.slice(1, -name.length) ?? '');
    }
    return new Map([...owners].map(([name, set]) => [name, [...set].sort()]));
  }
}

/** A private name: two leading underscores, not two trailing. */
const PRIVATE_NAME = /(?<![A-Za-z0-9_])__[A-Za-z0-9][A-Za-z0-9_]*(?<!__)(?![A-Za-z0-9_])/g;
/** A private name mangled by hand: `_C__x` gives `C` and `__x`. */
const MANGLED_OUT = /(?<![A-Za-z0-9_])_([A-Za-z0-9][A-Za-z0-9_]*?)(__[A-Za-z0-9][A-Za-z0-9_]*)(?![A-Za-z0-9_])/g;
/** A private name that a format string completes (`"_%s__x" % cls`, `f"_{cls}__x"`). */
const FORMATTED = /(?:%s|%\(\w+\)s|\})(__[A-Za-z0-9][A-Za-z0-9_]*)(?![A-Za-z0-9_])/g;

function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`, 'g');
}

/**
 * A cheap look at the text around a hit, before the tree is asked: a store is an
 * attribute with an assignment later on its line, a name at the start of a statement
 * or after `def`/`class`, or a string of its own.
 */
function mayStore(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const quote = before[before.length - 1];
  if ((quote === '"' || quote === "'") && text[end] === quote) return true;
  const after = text.slice(end, lineEnd);
  if (/\.\s*$/.test(before)) return /(?:^|[^=!<>]|>>|<<)=(?!=)/.test(after) || /^\s+in\b/.test(after) || /\bas\s+[\w.]*$/.test(before);
  return /^\s*(?:(?:async\s+)?def\s+|class\s+)?$/.test(before);
}

/**
 * When the identifier or string stores the private name: the class whose body holds it,
 * `''` for an attribute assigned outside any class, `DYNAMIC` for a string other than a
 * `__slots__` entry; null when it is no store.
 */
function storingClass(node: Node): string | null {
  const parents = TREE_PARENTS;
  if (node.type === 'string_content') return slotsOwner(node, parents) ?? DYNAMIC;
  const parent = parents.parentOf(node);
  if (node.type !== 'identifier' || !parent) return null;
  if (parent.type === 'attribute') {
    if (parent.childForFieldName('attribute')?.id !== node.id || !isTarget(parent, parents)) return null;
    return classAround(node, false, parents)?.name ?? '';
  }
  // A plain name is an attribute only when it is bound directly in a class body.
  if (parent.type === 'function_definition' || parent.type === 'class_definition') {
    return parent.childForFieldName('name')?.id === node.id ? (classAround(parent, true, parents)?.name ?? null) : null;
  }
  return isTarget(node, parents) ? (classAround(node, true, parents)?.name ?? null) : null;
}

/** The class whose `__slots__` lists the string, if it is an entry of one. */
function slotsOwner(content: Node, parents: ParentLookup): string | undefined {
  let value = parents.parentOf(content);
  let assignment = value && parents.parentOf(value);
  while (assignment && (TARGET_CONTAINERS.has(assignment.type) || assignment.type === 'set')) {
    value = assignment;
    assignment = parents.parentOf(assignment);
  }
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== value?.id) return undefined;
  if (assignment.childForFieldName('left')?.text !== '__slots__') return undefined;
  return classAround(assignment, true, parents)?.name;
}

/** Whether the node is assigned to: the target of `=`, augmented assignment, `for`, or `with ... as`. */
export function isTarget(node: Node, parents: ParentLookup): boolean {
  let child = node;
  let parent = parents.parentOf(node);
  while (parent && TARGET_CONTAINERS.has(parent.type)) {
    child = parent;
    parent = parents.parentOf(parent);
  }
  if (!parent) return false;
  switch (parent.type) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return parent.childForFieldName('left')?.id === child.id;
    case 'as_pattern_target':
      return true;
    default:
      return false;
  }
}

/**
 * The innermost class whose body holds the node (the class that mangles names written
 * there) and its name; with `directly`, only when no function stands in between.
 */
export function classAround(node: Node, directly: boolean, parents: ParentLookup): { node: Node; name: string } | undefined {
  let child = node;
  for (let p = parents.parentOf(node); p; child = p, p = parents.parentOf(p)) {
    if (p.type === 'class_definition') {
      const name = p.childForFieldName('name')?.text;
      if (child.id === p.childForFieldName('body')?.id && name !== undefined) return { node: p, name };
    } else if (directly && (p.type === 'function_definition' || p.type === 'lambda')) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The matches of a pattern in a file's text, looked up by range. A range of more than an
 * eighth of the text makes it scan the whole text once, and later ranges are looked up in
 * those matches (a class's unit and then each of its methods would otherwise scan the
 * methods twice); a smaller range asked first is scanned alone, so that analysing one
 * method of a long file (`analyzeEdit`) does not read the whole file. The pattern must be
 * global and find no match that crosses a line break.
 */
export class TextHits {
  private hits: RegExpMatchArray[] | undefined;

  constructor(
    private readonly text: () => string,
    private readonly pattern: RegExp,
  ) {}

  /** The matches starting in `[start, end)`, in order. */
  within(start: number, end: number): RegExpMatchArray[] {
    const text = this.text();
    if (!this.hits && (end - start) * 8 < text.length) {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const found: RegExpMatchArray[] = [];
      for (const m of text.slice(lineStart, end).matchAll(this.pattern)) {
        m.index! += lineStart;
        if (m.index! >= start) found.push(m);
      }
      return found;
    }
    this.hits ??= [...text.matchAll(this.pattern)];
    const { hits } = this;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].index! < start) lo = mid + 1;
      else hi = mid;
    }
    const found: RegExpMatchArray[] = [];
    for (let i = lo; i < hits.length && hits[i].index! < end; i++) found.push(hits[i]);
    return found;
  }
}
