// The scope hover: where the name under the cursor lives and why, in plain words,
// from the whole-file scope analysis. The wording lives in wording.ts; this file
// only decides which entry applies and fills in names and lines.
import type { Node, Tree } from '../../parser';
import { nodeRange } from '../source';
import type { Range } from '../types';
import { BUILTIN_NAMES, MODULE_ATTRIBUTES } from './builtins';
import { hasFutureAnnotations } from './builder';
import { TREE_PARENTS } from '../parents';
import { handlerBefore, handlerOf, readAfterDelete, readAfterHandler, readsBeforeBinding } from './flow';
import { buildScopeTree } from './index';
import { DEF_NONLOCAL, DEF_PARAM, isBinding, isRead, type Occurrence, type Scope, type ScopeTree, type SymbolEntry } from './model';
import { RegionScopes } from './regions';
import { BINDING_VERBS, DECLARATION, fill, SCOPE_DETAIL, SCOPE_SUMMARY, SCOPE_WARNING } from './wording';

export interface ScopeHoverSection {
  markdown: string;
  range: Range;
}

const COMPREHENSION_NAMES: Record<string, string> = {
  listcomp: 'list comprehension',
  setcomp: 'set comprehension',
  dictcomp: 'dict comprehension',
  genexpr: 'generator expression',
};

/**
 * What the hover analyses, built on demand and kept per tree so that a hover never
 * walks the whole file: the top-level statement under the cursor in full, and for
 * module-level names only the top-level statements that mention the name, shallowly.
 */
class HoverScopes {
  readonly regions: RegionScopes;
  private readonly shallow = new Map<number, ScopeTree>();
  private readonly entries = new Map<string, SymbolEntry>();

  constructor(readonly root: Node) {
    this.regions = new RegionScopes(root, hasFutureAnnotations(root));
  }

  get text(): string {
    return this.root.text;
  }

  private shallowTree(statement: Node): ScopeTree {
    let tree = this.shallow.get(statement.id);
    if (!tree) {
      tree = buildScopeTree(statement, { shallow: true });
      this.shallow.set(statement.id, tree);
    }
    return tree;
  }

  /** Module-level uses of `name`, gathered from every top-level statement whose text mentions it. */
  moduleEntry(name: string): SymbolEntry | undefined {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = { name, flags: 0, scope: 'global_implicit', occurrences: [] };
      const text = this.text;
      for (let at = text.indexOf(name); at >= 0; ) {
        const statement = this.root.firstNamedChildForIndex(at);
        if (!statement) break;
        if (statement.startIndex > at) {
          at = text.indexOf(name, statement.startIndex);
          continue;
        }
        if (!insideBody(statement, at)) {
          const found = this.shallowTree(statement).module.symbols.get(name);
          if (found) {
            entry.flags |= found.flags;
            entry.occurrences.push(...found.occurrences);
          }
        }
        // The rest of a statement is either done or function/class body: skip to the next one.
        at = text.indexOf(name, Math.max(statement.endIndex, at + name.length));
      }
      if (entry.occurrences.some(isBinding)) entry.scope = 'local';
      this.entries.set(name, entry);
    }
    return entry.flags || entry.occurrences.length ? entry : undefined;
  }

  /** The occurrence an identifier stands for: module-level code from the module view, the rest from its statement. */
  occurrenceOf(id: Node): Occurrence | undefined {
    const region = this.regions.treeFor(id);
    const found = region.occurrenceOf(id);
    if (found?.scope !== region.module) return found;
    const entry = this.moduleEntry(found.name);
    return entry?.occurrences.find((o) => o.node.startIndex === id.startIndex) ?? found;
  }
}

/** Whether `offset` lies in the body of a top-level `def`/`class` statement. */
function insideBody(statement: Node, offset: number): boolean {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type !== 'function_definition' && definition?.type !== 'class_definition') return false;
  const body = definition.childForFieldName('body');
  return body !== null && body.startIndex <= offset;
}

const byTree = new WeakMap<Tree, HoverScopes>();

function hoverScopes(tree: Tree): HoverScopes {
  let found = byTree.get(tree);
  if (!found) {
    found = new HoverScopes(tree.rootNode);
    byTree.set(tree, found);
  }
  return found;
}

export interface ScopeHoverOptions {
  /**
   * Another hover section already explains the name (a builtin, a library import):
   * leave out a section that would only say "builtin" or "imported from" again.
   */
  explained?: boolean;
}

/** Scope facts for an identifier, or for the name a `global`/`nonlocal` statement declares; null for attribute names... */
export function scopeHover(tree: Tree, node: Node, options: ScopeHoverOptions = {}): ScopeHoverSection | null {
  if (node.type !== 'identifier') return null;
  const scopes = hoverScopes(tree);
  const occurrence = scopes.occurrenceOf(node);
  if (!occurrence) return null;
  if (occurrence.kind === 'global' || occurrence.kind === 'nonlocal') return { markdown: declarationText(scopes, occurrence), range: nodeRange(node) };
  const described = describeName(scopes, occurrence);
  if (options.explained && described.redundant) return null;
  return { markdown: described.markdown, range: nodeRange(node) };
}

/** Details may start with a scope label ("the lambda on line 3"). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}


function lineOf(o: Occurrence): number {
  return o.node.startPosition.row + 1;
}

function label(scope: Scope): string {
  if (scope.type === 'module') return 'the module';
  if (scope.comprehension) return `the ${COMPREHENSION_NAMES[scope.name] ?? scope.name} on line ${scope.line}`;
  if (scope.name === 'lambda') return `the lambda on line ${scope.line}`;
  return `\`${scope.name}\``;
}

/** The binding that comes first in the text. */
/**
 * Whether a binding of the name runs before the read `o` in the same scope: it ends before
 * `o` starts and is not the target that the statement holding `o` assigns (`v = v + 1`).
 * Bindings in branches count as running: the answer is "maybe", and the class attribute the likelier meaning.
 */
function boundBefore(entry: SymbolEntry, o: Occurrence): boolean {
  return entry.occurrences.some((b) => isBinding(b) && b.node.endIndex <= o.node.startIndex && !assignedBy(o.node, b.node));
}

/** Whether `target` is assigned by the assignment (plain, augmented or annotated) whose value holds `read`. */
function assignedBy(read: Node, target: Node): boolean {
  for (let n = read.parent; n; n = n.parent) {
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      if (left && left.startIndex <= target.startIndex && target.endIndex <= left.endIndex) return true;
    }
    if (n.type.endsWith('statement') || n.type === 'block') return false;
  }
  return false;
}

/** The `except ... as name` whose handler holds the read, when nothing else binds the name in between. */
function handlerBinding(entry: SymbolEntry, o: Occurrence): Occurrence | null {
  let found: Occurrence | null = null;
  for (const b of entry.occurrences) {
    const handler = handlerOf(b, TREE_PARENTS);
    if (handler && handler.startIndex < o.node.startIndex && o.node.endIndex <= handler.endIndex && (!found || b.node.startIndex > found.node.startIndex)) found = b;
  }
  const at = found?.node.startIndex ?? 0;
  return found && !entry.occurrences.some((b) => isBinding(b) && b.node.startIndex > at && b.node.startIndex < o.node.startIndex) ? found : null;
}

/**
 * A module name deleted at module level and not bound again after its last `del`:
 * code in a function that runs after the `del` finds nothing. Null when a function
 * may bind it again through `global`.
 */
function moduleDeletion(scopes: HoverScopes, name: string): { line: number; deleted: number } | null {
  const entry = scopes.moduleEntry(name);
  const first = firstWritten(entry);
  const deletions = entry?.occurrences.filter((d) => d.kind === 'delete') ?? [];
  if (!first || deletions.length === 0 || globalDeclarationLine(scopes, name) !== null) return null;
  const last = deletions.reduce((a, b) => (b.node.startIndex > a.node.startIndex ? b : a));
  if (entry!.occurrences.some((b) => isBinding(b) && b.node.startIndex > last.node.startIndex)) return null;
  return { line: lineOf(first), deleted: lineOf(last) };
}

/** Whether every binding of the name is a bare annotation (`x: int`, no value). */
function annotatedOnly(entry: SymbolEntry): boolean {
  const stores = entry.occurrences.filter((o) => o.kind === 'store' || o.kind === 'augmented');
  return stores.length > 0 && stores.every((o) => o.kind === 'store' && o.binding === 'annotation');
}

function firstWritten(entry: SymbolEntry | undefined): Occurrence | null {
  const bindings = entry?.occurrences.filter(isBinding) ?? [];
  return bindings.length ? bindings.reduce((a, b) => (b.node.startIndex < a.node.startIndex ? b : a)) : null;
}

/** The enclosing function whose variable a free name (or a `nonlocal`) refers to. */
function binderOf(scope: Scope, name: string): Scope | null {
  for (let s = scope.parent; s; s = s.parent) {
    if (s.type !== 'function') continue;
    const entry = s.symbols.get(name);
    if (entry && (entry.scope === 'local' || entry.scope === 'cell')) return s;
  }
  return null;
}

/** Inner scopes that read a cell variable of `scope`. */
function capturers(scope: Scope, name: string): Scope[] {
  const found: Scope[] = [];
  const visit = (s: Scope) => {
    for (const child of s.children) {
      const entry = child.symbols.get(name);
      if (entry?.scope !== 'free') continue;
      if (entry.occurrences.some(isRead)) found.push(child);
      visit(child);
    }
  };
  visit(scope);
  return found;
}

function importInfo(o: Occurrence): { summary: string; module: string } {
  let statement: Node | null = o.node.parent;
  while (statement && !/import/.test(statement.type)) statement = statement.parent;
  const fromImport = statement?.type === 'import_from_statement' || statement?.type === 'future_import_statement';
  const module = fromImport ? (o.importedFrom ?? '') : o.node.text;
  return { summary: fill(fromImport ? SCOPE_SUMMARY.importedFrom : SCOPE_SUMMARY.importedModule, { module }), module };
}

/** `from m import *` at module level, for names nothing else defines. */
/** What the module's star imports say about a name no statement binds: each of them may provide it. */
function starImportDetail(scopes: HoverScopes): string | null {
  const stars: Array<{ module: string; line: number }> = [];
  for (const s of scopes.root.namedChildren) {
    if (s?.type === 'import_from_statement' && s.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      stars.push({ module: s.childForFieldName('module_name')?.text ?? '?', line: s.startPosition.row + 1 });
    }
  }
  if (stars.length === 0) return null;
  if (stars.length === 1) return fill(SCOPE_DETAIL.starImport, stars[0]);
  return fill(SCOPE_DETAIL.starImports, { imports: stars.map((s) => `\`from ${s.module} import *\` (line ${s.line})`).join(', ') });
}

/** The line of a `global name` statement anywhere in the file (functions that assign module names). */
function globalDeclarationLine(scopes: HoverScopes, name: string): number | null {
  if (!/^\w+$/.test(name)) return null;
  const m = new RegExp(`^[ \\t]*global[ \\t][^\\n]*\\b${name}\\b`, 'm').exec(scopes.text);
  return m ? scopes.text.slice(0, m.index).split('\n').length : null;
}

/**
 * The line of a `name := ...` that binds the module-level name: one in module-level code,
 * comprehensions included (they assign in the scope around them), not in a def, lambda or class.
 */
function moduleWalrusLine(scopes: HoverScopes, name: string): number | null {
  if (!/^\w+$/.test(name)) return null;
  const pattern = new RegExp(`\\b${name}\\s*:=`, 'g');
  for (let m = pattern.exec(scopes.text); m; m = pattern.exec(scopes.text)) {
    let n: Node | null = scopes.root.descendantForIndex(m.index);
    while (n && n.type !== 'named_expression') n = n.parent;
    if (!n || n.childForFieldName('name')?.text !== name) continue;
    let p: Node | null = n.parent;
    while (p && p.type !== 'function_definition' && p.type !== 'lambda' && p.type !== 'class_definition') p = p.parent;
    if (!p) return n.startPosition.row + 1;
  }
  return null;
}

/** What a name that is not a local of its scope resolves to at module level. */
function globalMeaning(scopes: HoverScopes, name: string): { summary: string; details: string[]; what: string; imported?: boolean } {
  const binding = firstWritten(scopes.moduleEntry(name));
  if (binding?.binding === 'import') {
    const { summary } = importInfo(binding);
    return { summary, details: [fill(SCOPE_DETAIL.importedHere, { line: lineOf(binding) })], what: `module-level import (line ${lineOf(binding)})`, imported: true };
  }
  if (binding) {
    return { summary: fill(SCOPE_SUMMARY.moduleGlobal, { line: lineOf(binding) }), details: [], what: `module-level variable (line ${lineOf(binding)})` };
  }
  const walrus = moduleWalrusLine(scopes, name);
  if (walrus !== null) {
    return { summary: fill(SCOPE_SUMMARY.moduleGlobal, { line: walrus }), details: [fill(SCOPE_DETAIL.walrusInComprehension, { name })], what: `module-level variable (line ${walrus})` };
  }
  const declared = globalDeclarationLine(scopes, name);
  if (declared !== null) return { summary: fill(SCOPE_SUMMARY.globalAssignedBy, { line: declared, name }), details: [], what: 'module-level variable' };
  const star = starImportDetail(scopes);
  if (BUILTIN_NAMES.has(name)) {
    if (star) return { summary: fill(SCOPE_SUMMARY.builtinOrStar, { name }), details: [star], what: 'builtin' };
    return { summary: SCOPE_SUMMARY.builtin, details: [], what: 'builtin' };
  }
  if (MODULE_ATTRIBUTES.has(name)) return { summary: SCOPE_SUMMARY.moduleAttribute, details: [], what: 'module attribute' };
  return {
    summary: SCOPE_SUMMARY.undefinedGlobal,
    details: star ? [star] : [],
    what: 'global',
  };
}

interface Described {
  markdown: string;
  /** Just "builtin" or a module-level import: what an explanation of the name says anyway. */
  redundant: boolean;
}

function describeName(scopes: HoverScopes, o: Occurrence): Described {
  const scope = o.scope;
  const name = o.node.text;
  const entry = scope.type === 'module' ? scopes.moduleEntry(o.name) : scope.symbols.get(o.name);
  if (!entry) return { markdown: `**\`${name}\`**`, redundant: false };
  let redundant = false;
  let summary: string;
  const details: string[] = [];
  const warnings: string[] = [];
  let classDeletion: Occurrence | null = null;

  if (entry.flags & DEF_PARAM) {
    const inner = entry.scope === 'cell' ? capturers(scope, o.name) : [];
    summary = fill(inner.length ? SCOPE_SUMMARY.parameterCell : SCOPE_SUMMARY.parameter, { scope: label(scope), inner: inner.map(label).join(', ') });
    details.push(fill(SCOPE_DETAIL.parameter, { scope: label(scope) }));
  } else if (scope.type === 'class' && entry.scope === 'local' && annotatedOnly(entry)) {
    const annotation = entry.occurrences.find((d) => d.kind === 'store');
    summary = SCOPE_SUMMARY.classAnnotationOnly;
    details.push(fill(SCOPE_DETAIL.classAnnotationOnly, { class: scope.name, line: annotation ? lineOf(annotation) : scope.line, name }));
  } else if (scope.type === 'class' && entry.scope === 'local' && o.kind === 'read' && (classDeletion = deletedBefore(scope, entry, o))) {
    const meaning = globalMeaning(scopes, o.name);
    summary = meaning.summary;
    details.push(...meaning.details, fill(SCOPE_DETAIL.classDeleted, { class: scope.name, name, line: lineOf(classDeletion), what: meaning.what }));
  } else if (scope.type === 'class' && entry.scope === 'local' && o.kind === 'read' && !boundBefore(entry, o)) {
    // `v = v + 1` in a class body: the class has not bound `v` yet, so the read goes to the module (or builtins).
    const meaning = globalMeaning(scopes, o.name);
    const binding = firstWritten(entry);
    summary = meaning.summary;
    details.push(...meaning.details);
    details.push(fill(SCOPE_DETAIL.classNotYetBound, { class: scope.name, name, line: binding ? lineOf(binding) : scope.line, what: meaning.what }));
    redundant = false;
  } else if (scope.type === 'class' && entry.scope === 'local') {
    const binding = firstWritten(entry);
    // A read here runs in the class body itself (a statement, or a method's default, decorator or annotation).
    const plain = isRead(o) ? fill(SCOPE_SUMMARY.classAttributeRead, { class: scope.name }) : SCOPE_SUMMARY.classAttribute;
    summary = binding?.binding === 'import' ? fill(SCOPE_SUMMARY.importedClassAttribute, { imported: importInfo(binding).summary }) : plain;
    details.push(fill(SCOPE_DETAIL.classBody, { class: scope.name, line: binding ? lineOf(binding) : scope.line, name }));
  } else if (scope.type !== 'module' && (entry.scope === 'local' || entry.scope === 'cell')) {
    const binding = handlerBinding(entry, o) ?? firstWritten(entry);
    const inner = entry.scope === 'cell' ? capturers(scope, o.name) : [];
    const declaredBy = binding ?? entry.occurrences.find((d) => d.kind === 'delete' || d.kind === 'store') ?? o;
    const values = {
      scope: label(scope),
      line: lineOf(declaredBy),
      bound: BINDING_VERBS[binding?.binding ?? 'assignment'],
      inner: inner.map(label).join(', '),
      name,
    };
    if (binding?.binding === 'import') {
      summary = fill(SCOPE_SUMMARY.importedLocal, { imported: importInfo(binding).summary, scope: label(scope) });
      details.push(fill(SCOPE_DETAIL.importedHere, values));
    } else if (scope.comprehension && binding?.binding === 'comprehension') {
      summary = fill(SCOPE_SUMMARY.comprehensionTarget, values);
      details.push(SCOPE_DETAIL.comprehension);
    } else {
      summary = fill(!binding ? SCOPE_SUMMARY.localUnassigned : inner.length ? SCOPE_SUMMARY.localCell : SCOPE_SUMMARY.local, values);
      details.push(fill(binding ? SCOPE_DETAIL.local : SCOPE_DETAIL.localUnassigned, values));
    }
    if (inner.length) details.push(fill(SCOPE_DETAIL.cell, values));
  } else if (entry.scope === 'free' && o.name === '__class__') {
    const cls = enclosingClass(scope);
    summary = cls ? fill(SCOPE_SUMMARY.classCell, { class: cls.name }) : SCOPE_SUMMARY.freeUnbound;
  } else if (entry.scope === 'free') {
    const binder = binderOf(scope, o.name);
    const binding = binder ? firstWritten(binder.symbols.get(o.name)) : null;
    summary = binder ? fill(SCOPE_SUMMARY.free, { binder: label(binder) }) : SCOPE_SUMMARY.freeUnbound;
    const declaration = entry.flags & DEF_NONLOCAL ? entry.occurrences.find((d) => d.kind === 'nonlocal') : undefined;
    if (declaration && binder) details.push(fill(SCOPE_DETAIL.nonlocal, { line: lineOf(declaration), binder: label(binder) }));
    else if (binder && binding) details.push(fill(SCOPE_DETAIL.free, { binder: label(binder), line: lineOf(binding) }));
  } else {
    // Module-level code, or a global seen from a function or class.
    const meaning = globalMeaning(scopes, o.name);
    const handler = scope.type === 'module' ? handlerBinding(entry, o) : null;
    const deleted = scope.type === 'function' && isRead(o) ? moduleDeletion(scopes, o.name) : null;
    summary = handler ? fill(SCOPE_SUMMARY.exceptTarget, { line: lineOf(handler) }) : meaning.summary;
    const shadowDeleted = scope.type === 'module' && BUILTIN_NAMES.has(o.name) && isRead(o) ? deletedBefore(scope, entry, o) : null;
    if (shadowDeleted) {
      summary = SCOPE_SUMMARY.builtin;
      details.push(fill(SCOPE_DETAIL.builtinAfterDelete, { name, line: lineOf(shadowDeleted) }));
    }
    if (deleted && summary === fill(SCOPE_SUMMARY.moduleGlobal, { line: deleted.line })) summary = fill(SCOPE_SUMMARY.moduleGlobalDeleted, deleted);
    details.push(...meaning.details);
    if (deleted) details.push(fill(SCOPE_DETAIL.deletedByModule, { name, line: deleted.deleted }));
    const declaration = entry.scope === 'global_explicit' && scope.type !== 'module' ? entry.occurrences.find((d) => d.kind === 'global') : undefined;
    if (declaration) details.push(fill(SCOPE_DETAIL.declaredGlobal, { name, line: lineOf(declaration), scope: label(scope) }));
    else if (scope.type === 'function' && !isBinding(o)) details.push(fill(SCOPE_DETAIL.readsGlobal, { scope: label(scope), name }));
    const shadow = scope.type === 'function' ? classShadow(scope, o.name) : null;
    if (shadow) details.push(fill(SCOPE_DETAIL.classShadow, { class: shadow.cls.name, name, line: shadow.line, what: meaning.what }));
    redundant = (meaning.summary === SCOPE_SUMMARY.builtin || meaning.imported === true) && !shadow && !declaration;
  }
  if (scope.type === 'module' || (scope.type === 'function' && (entry.scope === 'local' || entry.scope === 'cell'))) {
    warnings.push(...unboundWarnings(scopes, scope, entry, o));
    if (scope.type === 'module' && warnings.length) summary = SCOPE_SUMMARY.unboundGlobal;
    const comesBack = scope.type === 'module' && (BUILTIN_NAMES.has(o.name) || globalDeclarationLine(scopes, o.name) !== null);
    const handler = warnings.length || comesBack || !isRead(o) ? null : handlerBefore(entry, o, TREE_PARENTS);
    if (handler) details.push(fill(SCOPE_DETAIL.maybeAfterHandler, { name, line: lineOf(handler), error: scope.type === 'module' ? 'NameError' : 'UnboundLocalError' }));
  }
  const paragraphs = [`**\`${name}\`** — ${summary}`];
  if (details.length) paragraphs.push(details.map(sentence).join(' '));
  paragraphs.push(...warnings.map(sentence));
  return { markdown: paragraphs.join('\n\n'), redundant: redundant && warnings.length === 0 };
}

function enclosingClass(scope: Scope): Scope | null {
  for (let s = scope.parent; s; s = s.parent) if (s.type === 'class') return s;
  return null;
}

/** A class around a method that binds the same name: the classic "why can't my method see it". */
function classShadow(scope: Scope, name: string): { cls: Scope; line: number } | null {
  for (let s = scope.parent; s && s.type !== 'module'; s = s.parent) {
    const binding = s.type === 'class' ? firstWritten(s.symbols.get(name)) : null;
    if (binding) return { cls: s, line: lineOf(binding) };
  }
  return null;
}

function unboundWarnings(scopes: HoverScopes, scope: Scope, entry: SymbolEntry, o: Occurrence): string[] {
  if (!isRead(o)) return [];
  const name = o.node.text;
  const error = scope.type === 'function' ? 'UnboundLocalError' : 'NameError';
  if (scope.type === 'function' && !scope.comprehension && readsBeforeBinding(scope, entry, o, TREE_PARENTS)) {
    const binding = firstWritten(entry)!;
    const lines = [fill(SCOPE_WARNING.unboundLocal, { scope: label(scope), name, line: lineOf(binding) })];
    const outerFunction = scope.enclosingBound?.has(entry.name) ? binderOf(scope, entry.name) : null;
    const moduleBinding = firstWritten(scopes.moduleEntry(entry.name));
    if (outerFunction || moduleBinding) {
      lines.push(
        fill(SCOPE_WARNING.unboundLocalOuter, {
          outer: outerFunction ? `${label(outerFunction)}'s` : `module-level (line ${lineOf(moduleBinding!)})`,
          name,
          keyword: outerFunction ? 'nonlocal' : 'global',
          scope: label(scope),
        }),
      );
    }
    return [lines.join(' ')];
  }
  // Module names may come back through `global` in a function or from the builtins (and, after a handler, from a star import).
  if (scope.type === 'module' && (globalDeclarationLine(scopes, entry.name) !== null || BUILTIN_NAMES.has(entry.name))) return [];
  const handler = readAfterHandler(scope, entry, o, TREE_PARENTS);
  if (handler && (scope.type !== 'module' || !starImportDetail(scopes))) return [fill(SCOPE_WARNING.afterHandler, { error, name, line: lineOf(handler) })];
  const deletion = deletedBefore(scope, entry, o);
  return deletion ? [fill(SCOPE_WARNING.afterDelete, { error, name, line: lineOf(deletion) })] : [];
}

/** The `del` that removed the name before this read, with nothing binding it again in between. */
function deletedBefore(scope: Scope, entry: SymbolEntry, o: Occurrence): Occurrence | null {
  for (const d of entry.occurrences) {
    if (d.kind !== 'delete' || d.node.startIndex > o.node.startIndex) continue;
    let statement: Node | null = d.node.parent;
    while (statement && statement.type !== 'delete_statement') statement = statement.parent;
    if (statement && readAfterDelete(entry, d, statement, scope, TREE_PARENTS)?.read === o) return d;
  }
  return null;
}

function declarationText(scopes: HoverScopes, o: Occurrence): string {
  const name = o.node.text;
  const scope = o.scope;
  if (o.kind === 'global') {
    const binding = firstWritten(scopes.moduleEntry(o.name));
    const defined = binding ? fill(DECLARATION.globalDefined, { line: lineOf(binding) }) : DECLARATION.globalUndefined;
    return fill(DECLARATION.global, { name, scope: label(scope), defined });
  }
  const binder = binderOf(scope, o.name);
  const binding = binder ? firstWritten(binder.symbols.get(o.name)) : null;
  if (!binder) return fill(DECLARATION.nonlocalUnbound, { name });
  return fill(DECLARATION.nonlocal, { name, scope: label(scope), binder: label(binder), line: binding ? lineOf(binding) : binder.line });
}
