// First pass of the scope analysis: walks the tree the way CPython 3.11's
// `symtable.c` walks the AST, opening a scope for every def, class, lambda and
// comprehension and setting the same flag bits on every name, in the same order.
// `resolve.ts` then decides each name's scope from those flags.
import type { Node } from '../../parser';
import { isAsciiNameCharacter, isDocstring, mangle } from '../python';
import {
  DEF_ANNOT,
  DEF_COMP_ITER,
  DEF_GLOBAL,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  USE,
  type BindingKind,
  type Occurrence,
  type OccurrenceKind,
  type Scope,
  type ScopeType,
  type SymbolEntry,
} from './model';

export interface BuiltScopes {
  module: Scope;
  occurrences: Map<number, Occurrence>;
  scopesByNode: Map<number, Scope>;
}

type Context = 'load' | 'store' | 'del';

/** A binding in progress. It takes effect at the end of `after` (read lazily: `endIndex` crosses into WebAssembly), else at `at`. */
interface Binding {
  kind: BindingKind;
  after?: Node | null;
  at?: number;
  importedFrom?: string;
}

/** An occurrence whose binding position is computed when a rule first asks for it. */
class OccurrenceRecord implements Occurrence {
  private position: number | undefined;

  constructor(
    readonly node: Node,
    readonly name: string,
    readonly kind: OccurrenceKind,
    readonly binding: BindingKind | null,
    readonly scope: Scope,
    readonly evaluated: boolean,
    readonly importedFrom: string | null,
    private readonly effect: Binding | null,
  ) {}

  get effectiveAt(): number {
    this.position ??= this.effect?.after ? this.effect.after.endIndex : (this.effect?.at ?? this.node.startIndex);
    return this.position;
  }
}

const COMPREHENSIONS: Record<string, string> = {
  list_comprehension: 'listcomp',
  set_comprehension: 'setcomp',
  dictionary_comprehension: 'dictcomp',
  generator_expression: 'genexpr',
};

const LEAVES = new Set([
  'comment', 'integer', 'float', 'true', 'false', 'none', 'ellipsis', 'string_start', 'string_end',
  'string_content', 'escape_sequence', 'escape_interpolation', 'type_conversion', 'line_continuation',
  'keyword_separator', 'positional_separator', 'wildcard_import', 'import_prefix',
]);

/** Python compares identifiers after NFKC normalisation. */
function identifier(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
}

/**
 * Named children, extras included: the walk meets comments and backslash line
 * continuations anywhere and skips them itself. (`type` crosses into WebAssembly
 * on every read, so the hot path reads it once per node.)
 */
function children(node: Node | null): Node[] {
  // web-tree-sitter types children as nullable, but an existing node's children are never null.
  return node ? (node.namedChildren as Node[]) : [];
}

/** Named children without the extras, for code that picks children by position. */
export function named(node: Node | null): Node[] {
  return children(node).filter((c) => {
    const type = c.type;
    return type !== 'comment' && type !== 'line_continuation';
  });
}

/** True when the module starts (after its docstring) with `from __future__ import annotations`. */
export function hasFutureAnnotations(module: Node): boolean {
  // Only the first statements matter: walk them one by one rather than listing the whole module.
  let statement = module.firstNamedChild;
  while (statement?.type === 'comment') statement = statement.nextNamedSibling;
  if (statement && isDocstring(statement)) statement = statement.nextNamedSibling;
  for (; statement && (statement.type === 'future_import_statement' || statement.type === 'comment'); statement = statement.nextNamedSibling) {
    for (const name of statement.childrenForFieldName('name')) {
      const imported = name?.type === 'aliased_import' ? name.childForFieldName('name') : name;
      if (imported?.text === 'annotations') return true;
    }
  }
  return false;
}

export class ScopeBuilder {
  private readonly stack: Scope[] = [];
  private cur!: Scope;
  private module!: Scope;
  private privateName: string | null = null;
  /** Set while visiting a comprehension's iteration targets (CPython's `ste_comp_iter_target`). */
  private compIterTarget: Scope | null = null;
  private binding: Binding | null = null;
  /** Set while visiting an annotation: whether Python evaluates it at run time. */
  private annotationEvaluated: boolean | null = null;
  /** PEP 695 type parameters in force (3.12 syntax, accepted without modelling its extra scopes). */
  private typeParams: string[] = [];
  private readonly occurrences = new Map<number, Occurrence>();
  /** The module's text, to look at string prefixes without asking the tree. */
  private source = '';
  private sourceStart = 0;
  private readonly scopesByNode = new Map<number, Scope>();

  /**
   * `shallow` builds the module scope alone: function, class and lambda bodies and
   * comprehensions are not entered (the hover's quick view of module-level names).
   */
  constructor(
    private readonly futureAnnotations: boolean,
    private readonly shallow = false,
    /** The one member of the outermost class body to visit (a method unit); consumed by that class. */
    private member: Node | undefined = undefined,
    private readonly bodiless: ReadonlySet<number> = new Set(),
  ) {}

  /** Builds the module scope for `statements` (a whole module, or one top-level statement of it). */
  build(moduleNode: Node, statements: readonly Node[]): BuiltScopes {
    this.source = moduleNode.text;
    this.sourceStart = moduleNode.startIndex;
    this.module = this.newScope('module', 'top', moduleNode, 0, null, false);
    this.cur = this.module;
    this.stack.push(this.module);
    for (const s of statements) this.statement(s);
    return { module: this.module, occurrences: this.occurrences, scopesByNode: this.scopesByNode };
  }

  private newScope(type: ScopeType, name: string, node: Node, line: number, parent: Scope | null, comprehension: boolean): Scope {
    const scope: Scope = { type, name, line, node, parent, children: [], symbols: new Map(), comprehension, enclosingBound: null };
    this.scopesByNode.set(node.id, scope);
    return scope;
  }

  private enter(type: ScopeType, name: string, node: Node, comprehension = false): void {
    const scope = this.newScope(type, name, node, node.startPosition.row + 1, this.cur, comprehension);
    this.cur.children.push(scope);
    this.stack.push(scope);
    this.cur = scope;
  }

  private exit(): void {
    this.stack.pop();
    this.cur = this.stack[this.stack.length - 1];
  }

  private symbol(scope: Scope, name: string): SymbolEntry {
    let entry = scope.symbols.get(name);
    if (!entry) {
      entry = { name, flags: 0, scope: 'global_implicit', occurrences: [] };
      scope.symbols.set(name, entry);
    }
    return entry;
  }

  /** CPython's `symtable_add_def_helper`: sets `flag` on `name` in `scope`, and records where it happened. */
  private addDef(name: string, flag: number, scope: Scope, occurrence?: { node: Node; kind: OccurrenceKind }): void {
    const plain = identifier(name);
    // `__x` written inside class `C` is stored as `_C__x` (CPython's `_Py_Mangle`).
    const mangled = this.privateName && plain.startsWith('__') ? (mangle(plain, this.privateName) ?? plain) : plain;
    const entry = this.symbol(scope, mangled);
    entry.flags |= flag;
    if (this.compIterTarget === scope) entry.flags |= DEF_COMP_ITER;
    if (flag & DEF_GLOBAL && scope !== this.module) this.symbol(this.module, mangled).flags |= flag;
    if (!occurrence) return;
    const { node, kind } = occurrence;
    const binding = kind === 'store' || kind === 'augmented' ? this.binding : null;
    const takesEffectLater = kind === 'store' || kind === 'augmented' || kind === 'delete';
    const record = new OccurrenceRecord(
      node,
      mangled,
      kind,
      binding?.kind ?? null,
      scope,
      this.annotationEvaluated ?? true,
      binding?.importedFrom ?? null,
      takesEffectLater ? this.binding : null,
    );
    entry.occurrences.push(record);
    this.occurrences.set(node.startIndex, record);
  }

  private bind<T>(binding: Binding, visit: () => T): T {
    const saved = this.binding;
    this.binding = binding;
    try {
      return visit();
    } finally {
      this.binding = saved;
    }
  }

  // ---- statements -------------------------------------------------------

  private block(node: Node | null): void {
    for (const s of children(node)) this.statement(s);
  }

  private statement(s: Node): void {
    switch (s.type) {
      case 'expression_statement':
        for (const child of children(s)) {
          const type = child.type;
          if (type === 'assignment') this.assignment(child);
          else if (type === 'augmented_assignment') this.augmentedAssignment(child);
          else this.expr(child, 'load', type);
        }
        return;
      case 'function_definition':
        return this.functionDefinition(s, []);
      case 'class_definition':
        return this.classDefinition(s, []);
      case 'decorated_definition': {
        const decorators = named(s).filter((c) => c.type === 'decorator');
        const definition = s.childForFieldName('definition');
        if (definition?.type === 'function_definition') this.functionDefinition(definition, decorators);
        else if (definition?.type === 'class_definition') this.classDefinition(definition, decorators);
        return;
      }
      case 'delete_statement':
        return this.bind({ kind: 'assignment', after: s }, () => {
          for (const target of children(s)) this.expr(target, 'del');
        });
      case 'if_statement':
        this.expr(s.childForFieldName('condition'), 'load');
        this.block(s.childForFieldName('consequence'));
        for (const alternative of s.childrenForFieldName('alternative')) {
          if (alternative?.type === 'elif_clause') {
            this.expr(alternative.childForFieldName('condition'), 'load');
            this.block(alternative.childForFieldName('consequence'));
          } else if (alternative) {
            this.block(alternative.childForFieldName('body'));
          }
        }
        return;
      case 'for_statement': {
        const right = s.childForFieldName('right');
        this.target(s.childForFieldName('left'), { kind: 'for', after: right, at: s.startIndex });
        this.expr(right, 'load');
        this.block(s.childForFieldName('body'));
        this.block(s.childForFieldName('alternative')?.childForFieldName('body') ?? null);
        return;
      }
      case 'while_statement':
        this.expr(s.childForFieldName('condition'), 'load');
        this.block(s.childForFieldName('body'));
        this.block(s.childForFieldName('alternative')?.childForFieldName('body') ?? null);
        return;
      case 'try_statement': {
        // CPython visits the body, then `else`, then the handlers, then `finally`.
        const clauses = named(s);
        this.block(s.childForFieldName('body'));
        for (const c of clauses) if (c.type === 'else_clause') this.block(c.childForFieldName('body'));
        for (const c of clauses) if (c.type === 'except_clause' || c.type === 'except_group_clause') this.exceptClause(c);
        for (const c of clauses) if (c.type === 'finally_clause') this.block(named(c).find((b) => b.type === 'block') ?? null);
        return;
      }
      case 'with_statement':
        for (const clause of children(s)) {
          if (clause.type !== 'with_clause') continue;
          for (const item of children(clause)) this.withItem(item);
        }
        this.block(s.childForFieldName('body'));
        return;
      case 'match_statement':
        return this.matchStatement(s);
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        return this.importStatement(s);
      case 'global_statement':
      case 'nonlocal_statement': {
        const flag = s.type === 'global_statement' ? DEF_GLOBAL : DEF_NONLOCAL;
        const kind = s.type === 'global_statement' ? 'global' : 'nonlocal';
        for (const name of children(s)) if (name.type === 'identifier') this.addDef(name.text, flag, this.cur, { node: name, kind });
        return;
      }
      case 'type_alias_statement':
        return this.typeAlias(s);
      case 'pass_statement':
      case 'break_statement':
      case 'continue_statement':
      case 'comment':
        return;
      case 'block':
        return this.block(s);
      default:
        // return, raise, assert, print/exec (Python 2 forms tree-sitter accepts) and error recovery.
        for (const child of children(s)) {
          if (child.type.endsWith('_statement') || child.type.endsWith('_definition')) this.statement(child);
          else if (child.type === 'block') this.block(child);
          else this.expr(child, 'load');
        }
    }
  }

  /** `left [: type] [= right]` from one child list (cheaper than three field lookups). */
  private assignmentParts(node: Node): { left: Node | null; annotation: Node | null; right: Node | null } {
    const parts = { left: null as Node | null, annotation: null as Node | null, right: null as Node | null };
    for (const c of children(node)) {
      const type = c.type;
      if (type === 'comment' || type === 'line_continuation') continue;
      if (!parts.left) parts.left = c;
      else if (type === 'type' && !parts.annotation && !parts.right) parts.annotation = c;
      else parts.right = c;
    }
    return parts;
  }

  private assignment(node: Node): void {
    let parts = this.assignmentParts(node);
    if (parts.annotation) return this.annotatedAssignment(node, parts.annotation, parts.left, parts.right);
    // `a = b = value`: the targets left to right, then the value (Python's Assign).
    const targets: Node[] = [];
    let value: Node | null = node;
    let valueType = 'assignment';
    while (valueType === 'assignment' && !parts.annotation) {
      if (parts.left) targets.push(parts.left);
      value = parts.right;
      valueType = value?.type ?? '';
      if (valueType === 'assignment') parts = this.assignmentParts(value!);
    }
    for (const t of targets) this.target(t, { kind: 'assignment', after: node });
    if (valueType === 'augmented_assignment') this.augmentedAssignment(value!);
    else if (valueType === 'assignment') this.assignment(value!);
    else this.expr(value, 'load', valueType);
  }

  private annotatedAssignment(node: Node, annotation: Node, left: Node | null, value: Node | null): void {
    const parenthesized = left?.type === 'tuple_pattern' && left.namedChildCount === 1 && left.namedChild(0)!.type === 'identifier' && !/,\s*\)$/.test(left.text);
    const name = left?.type === 'identifier' ? left : parenthesized ? left!.namedChild(0)! : null;
    if (name) {
      // `x: int` alone still makes `x` a local of the block (and "assigned", for symtable).
      const simple = left?.type === 'identifier';
      const flag = simple ? DEF_ANNOT | DEF_LOCAL : value ? DEF_LOCAL : 0;
      // A bare `x: int` is recorded as an `annotation` binding: it makes `x` local without assigning it.
      if (flag) {
        this.bind({ kind: value ? 'assignment' : 'annotation', after: node }, () =>
          this.addDef(name.text, flag, this.cur, { node: name, kind: 'store' }),
        );
      }
    } else if (left) {
      this.target(left, { kind: 'assignment', after: node });
    }
    // Annotations of local variables are recorded but never evaluated.
    this.annotation(annotation, this.cur.type !== 'function');
    if (value) this.expr(value, 'load');
  }

  private augmentedAssignment(node: Node): void {
    const left = node.childForFieldName('left');
    if (left?.type === 'identifier') {
      this.bind({ kind: 'augmented', after: node }, () => this.addDef(left.text, DEF_LOCAL, this.cur, { node: left, kind: 'augmented' }));
    } else {
      this.target(left, { kind: 'augmented', after: node });
    }
    this.expr(node.childForFieldName('right'), 'load');
  }

  private target(node: Node | null, binding: Binding): void {
    if (node) this.bind(binding, () => this.expr(node, 'store'));
  }

  private annotation(node: Node | null, evaluated: boolean): void {
    if (!node || this.futureAnnotations) return;
    const saved = this.annotationEvaluated;
    this.annotationEvaluated = evaluated;
    try {
      this.expr(node, 'load');
    } finally {
      this.annotationEvaluated = saved;
    }
  }

  private exceptClause(clause: Node): void {
    const value = clause.childForFieldName('value');
    if (value?.type === 'as_pattern') {
      const [type, alias] = this.asPatternParts(value);
      this.expr(type, 'load');
      const name = alias?.type === 'identifier' ? alias : null;
      if (name) this.bind({ kind: 'except', after: value }, () => this.addDef(name.text, DEF_LOCAL, this.cur, { node: name, kind: 'store' }));
      else if (alias) this.target(alias, { kind: 'except', after: value });
    } else {
      this.expr(value, 'load');
    }
    for (const child of children(clause)) if (child.type === 'block') this.block(child);
  }

  /** `expr as target` in `with`/`except`: the expression and the target inside `as_pattern_target`. */
  private asPatternParts(node: Node): [Node | null, Node | null] {
    const parts = named(node);
    const aliasNode = node.childForFieldName('alias');
    const alias = aliasNode?.type === 'as_pattern_target' ? named(aliasNode)[0] ?? null : aliasNode;
    return [parts[0] ?? null, alias];
  }

  private withItem(item: Node): void {
    const value = item.childForFieldName('value');
    if (value?.type === 'as_pattern') {
      const [context, target] = this.asPatternParts(value);
      this.expr(context, 'load');
      this.target(target, { kind: 'with', after: item });
    } else {
      this.expr(value, 'load');
    }
  }

  private importStatement(s: Node): void {
    const moduleNode = s.childForFieldName('module_name');
    const from = s.type === 'future_import_statement' ? '__future__' : moduleNode?.text ?? null;
    for (const item of s.childrenForFieldName('name')) {
      if (!item) continue;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
      const bound = alias ?? dotted?.namedChild(0) ?? null;
      if (!bound || !dotted) continue;
      const importedFrom = from ?? dotted.text;
      this.bind({ kind: 'import', after: s, importedFrom }, () =>
        this.addDef(bound.text, DEF_IMPORT, this.cur, { node: bound, kind: 'store' }),
      );
    }
  }

  private matchStatement(s: Node): void {
    this.expr(s.childForFieldName('subject'), 'load');
    for (const clause of s.childForFieldName('body')?.childrenForFieldName('alternative') ?? []) {
      if (!clause) continue;
      const patterns = named(clause).filter((c) => c.type === 'case_pattern');
      this.bind({ kind: 'match', after: patterns[patterns.length - 1], at: clause.startIndex }, () => {
        for (const p of patterns) this.pattern(p);
      });
      const guard = clause.childForFieldName('guard');
      for (const e of children(guard)) this.expr(e, 'load');
      this.block(clause.childForFieldName('consequence'));
    }
  }

  private capture(name: Node): void {
    this.addDef(name.text, DEF_LOCAL, this.cur, { node: name, kind: 'store' });
  }

  /** A dotted name in a pattern is a value to compare with (`Color.RED`), its first part a read. */
  private patternValue(dotted: Node): void {
    const head = dotted.type === 'identifier' ? dotted : dotted.namedChild(0);
    if (head?.type === 'identifier') this.expr(head, 'load');
  }

  private pattern(p: Node): void {
    switch (p.type) {
      case 'dotted_name':
        if (p.namedChildCount === 1) this.capture(p.namedChild(0)!);
        else this.patternValue(p);
        return;
      case 'identifier':
        return this.capture(p);
      case 'class_pattern': {
        const [cls, ...rest] = named(p);
        if (cls) this.patternValue(cls);
        for (const r of rest) this.pattern(r);
        return;
      }
      case 'keyword_pattern':
        // The first identifier names an attribute, not a variable.
        for (const r of named(p).slice(1)) this.pattern(r);
        return;
      case 'as_pattern': {
        const parts = named(p);
        const last = parts[parts.length - 1];
        const aliasNode = p.childForFieldName('alias') ?? (parts.length > 1 && last.type === 'identifier' ? last : null);
        const alias = aliasNode?.type === 'as_pattern_target' ? named(aliasNode)[0] : aliasNode;
        for (const c of parts) if (c !== aliasNode) this.pattern(c);
        if (alias?.type === 'identifier') this.capture(alias);
        return;
      }
      case 'splat_pattern': {
        const name = named(p)[0];
        if (name?.type === 'identifier') this.capture(name);
        return;
      }
      case 'dict_pattern':
        for (let i = 0; i < p.childCount; i++) {
          const child = p.child(i);
          if (!child?.isNamed || child.type === 'comment') continue;
          if (p.fieldNameForChild(i) === 'key') {
            if (child.type === 'dotted_name') this.patternValue(child);
            else this.pattern(child);
          } else {
            this.pattern(child);
          }
        }
        return;
      case 'case_pattern':
      case 'union_pattern':
      case 'list_pattern':
      case 'tuple_pattern':
        for (const c of children(p)) this.pattern(c);
        return;
      default:
        // Literals and complex numbers bind nothing; anything else is read.
        if (!LEAVES.has(p.type) && p.type !== 'string' && p.type !== 'concatenated_string' && p.type !== 'complex_pattern') this.expr(p, 'load');
    }
  }

  private typeParameterNames(node: Node | null): string[] {
    const names: string[] = [];
    for (const t of children(node)) {
      const id = t.descendantsOfType('identifier')[0];
      if (id) names.push(id.text);
    }
    return names;
  }

  private typeAlias(s: Node): void {
    const left = s.childForFieldName('left');
    const inner = left?.namedChild(0) ?? null;
    const name = inner?.type === 'identifier' ? inner : inner?.type === 'generic_type' ? inner.namedChild(0) : null;
    if (!name && inner) {
      // tree-sitter reads `type(obj).attr = value` as a type alias; it is an assignment to an attribute of `type(obj)`.
      const keyword = s.child(0);
      if (keyword?.type === 'type') this.addDef('type', USE, this.cur, { node: keyword, kind: 'read' });
      this.target(inner, { kind: 'assignment', after: s });
      this.expr(s.childForFieldName('right'), 'load');
      return;
    }
    if (name?.type === 'identifier') {
      this.bind({ kind: 'type', after: s }, () => this.addDef(name.text, DEF_LOCAL, this.cur, { node: name, kind: 'store' }));
    }
    const params = inner?.type === 'generic_type' ? this.typeParameterNames(named(inner).find((c) => c.type === 'type_parameter') ?? null) : [];
    this.withTypeParams(params, () => this.expr(s.childForFieldName('right'), 'load'));
  }

  private withTypeParams(names: string[], visit: () => void): void {
    if (names.length === 0) return visit();
    const saved = this.typeParams;
    this.typeParams = [...saved, ...names];
    try {
      visit();
    } finally {
      this.typeParams = saved;
    }
  }

  // ---- definitions ------------------------------------------------------

  private functionDefinition(def: Node, decorators: Node[]): void {
    const name = def.childForFieldName('name');
    if (!name) return;
    this.bind({ kind: 'function', after: def }, () => this.addDef(name.text, DEF_LOCAL, this.cur, { node: name, kind: 'store' }));
    const parameters = def.childForFieldName('parameters');
    const typeParams = this.typeParameterNames(def.childForFieldName('type_parameters'));
    this.withTypeParams(typeParams, () => {
      this.defaults(parameters);
      // Positional parameters, *args, **kwargs, keyword-only parameters, then the return type.
      for (const annotation of parameterAnnotations(parameters)) this.annotation(annotation, true);
      this.annotation(def.childForFieldName('return_type'), true);
      for (const d of decorators) for (const e of children(d)) this.expr(e, 'load');
      if (this.shallow || this.bodiless.has(def.id)) return;
      this.enter('function', identifier(name.text), def);
      this.parameters(parameters, def);
      this.block(def.childForFieldName('body'));
      this.exit();
    });
  }

  private defaults(parameters: Node | null): void {
    for (const p of children(parameters)) {
      if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') this.expr(p.childForFieldName('value'), 'load');
    }
  }

  private parameters(parameters: Node | null, owner: Node): void {
    this.bind({ kind: 'parameter', at: owner.startIndex }, () => {
      for (const p of children(parameters)) {
        for (const name of parameterNames(p)) this.addDef(name.text, DEF_PARAM, this.cur, { node: name, kind: 'store' });
      }
    });
  }

  private classDefinition(cls: Node, decorators: Node[]): void {
    const name = cls.childForFieldName('name');
    if (!name) return;
    this.bind({ kind: 'class', after: cls }, () => this.addDef(name.text, DEF_LOCAL, this.cur, { node: name, kind: 'store' }));
    const typeParams = this.typeParameterNames(cls.childForFieldName('type_parameters'));
    this.withTypeParams(typeParams, () => {
      this.arguments(cls.childForFieldName('superclasses'));
      for (const d of decorators) for (const e of children(d)) this.expr(e, 'load');
      if (this.shallow) return;
      this.enter('class', identifier(name.text), cls);
      const saved = this.privateName;
      this.privateName = identifier(name.text);
      const member = this.member;
      this.member = undefined;
      if (member) this.statement(member);
      else this.block(cls.childForFieldName('body'));
      this.privateName = saved;
      this.exit();
    });
  }

  /** Call arguments: positional ones (with `*x`) first, then keywords (with `**x`), as Python's AST orders them. */
  private arguments(list: Node | null): void {
    if (!list) return;
    if (list.type === 'generator_expression') return this.expr(list, 'load');
    const args = children(list);
    const types = args.map((a) => a.type);
    args.forEach((a, i) => {
      if (types[i] !== 'keyword_argument' && types[i] !== 'dictionary_splat') this.expr(a, 'load');
    });
    args.forEach((a, i) => {
      if (types[i] === 'keyword_argument') this.expr(a.childForFieldName('value'), 'load');
      else if (types[i] === 'dictionary_splat') this.expr(a, 'load');
    });
  }

  private lambda(node: Node): void {
    const parameters = node.childForFieldName('parameters');
    this.defaults(parameters);
    if (this.shallow) return;
    this.enter('function', 'lambda', node);
    this.parameters(parameters, node);
    this.expr(node.childForFieldName('body'), 'load');
    this.exit();
  }

  private comprehension(node: Node, scopeName: string): void {
    const generators: Array<{ clause: Node; ifs: Node[] }> = [];
    let element: Node | null = null;
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      if (!child?.isNamed || child.type === 'comment') continue;
      if (node.fieldNameForChild(i) === 'body') element = child;
      else if (child.type === 'for_in_clause') generators.push({ clause: child, ifs: [] });
      else if (child.type === 'if_clause') generators[generators.length - 1]?.ifs.push(child);
    }
    if (generators.length === 0) return;
    const iterables = (clause: Node) => clause.childrenForFieldName('right').filter((c): c is Node => c !== null && c.isNamed);
    // The outermost iterable is evaluated in the enclosing scope and passed in as `.0`.
    const [outer, ...rest] = generators;
    for (const it of iterables(outer.clause)) this.expr(it, 'load');
    if (this.shallow) return;
    this.enter('function', scopeName, node, true);
    this.addDef('.0', DEF_PARAM, this.cur);
    const visitTarget = (clause: Node) => {
      const saved = this.compIterTarget;
      this.compIterTarget = this.cur;
      // The element is written first but runs after the targets are bound.
      this.target(clause.childForFieldName('left'), { kind: 'comprehension', at: node.startIndex });
      this.compIterTarget = saved;
    };
    visitTarget(outer.clause);
    for (const c of outer.ifs) for (const e of children(c)) this.expr(e, 'load');
    for (const g of rest) {
      visitTarget(g.clause);
      for (const it of iterables(g.clause)) this.expr(it, 'load');
      for (const c of g.ifs) for (const e of children(c)) this.expr(e, 'load');
    }
    if (element?.type === 'pair') {
      // A dict comprehension evaluates the value before the key in CPython's symtable walk.
      this.expr(element.childForFieldName('value'), 'load');
      this.expr(element.childForFieldName('key'), 'load');
    } else {
      this.expr(element, 'load');
    }
    this.exit();
  }

  /** A walrus inside a comprehension binds in the nearest enclosing function or the module (PEP 572). */
  private namedExpression(node: Node): void {
    const name = node.childForFieldName('name');
    const value = node.childForFieldName('value');
    let target: Scope | null = null;
    if (name && this.cur.comprehension) {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const scope = this.stack[i];
        if (scope.comprehension) continue;
        if (scope.type !== 'class') target = scope;
        break;
      }
    }
    this.expr(value, 'load');
    if (!name) return;
    if (!target) {
      this.target(name, { kind: 'walrus', after: node });
      return;
    }
    const binding: Binding = { kind: 'walrus', after: node };
    if (target.type === 'function') {
      const declaredGlobal = (target.symbols.get(identifier(name.text))?.flags ?? 0) & DEF_GLOBAL;
      this.addDef(name.text, declaredGlobal ? DEF_GLOBAL : DEF_NONLOCAL, this.cur);
      this.bind(binding, () => this.addDef(name.text, DEF_LOCAL, target, { node: name, kind: 'store' }));
    } else {
      this.addDef(name.text, DEF_GLOBAL, this.cur);
      this.bind(binding, () => this.addDef(name.text, DEF_GLOBAL, target, { node: name, kind: 'store' }));
    }
    this.addDef(name.text, DEF_LOCAL, this.cur);
  }

  // ---- expressions ------------------------------------------------------

  /** An identifier's text, read from the source (`node.text` asks the tree for its end: a WebAssembly call). */
  private identifierText(node: Node): string {
    const source = this.source;
    const start = node.startIndex - this.sourceStart;
    let end = start;
    while (isAsciiNameCharacter(source.charCodeAt(end))) end++;
    // Non-ASCII letters: let the tree say where the name ends.
    return end === start || source.charCodeAt(end) > 127 ? node.text : source.slice(start, end);
  }

  /** Whether the string literal starting at `offset` has an `f` among its prefix letters (f, rf, Fr...). */
  private isFString(offset: number): boolean {
    for (let i = offset - this.sourceStart; i < offset - this.sourceStart + 3; i++) {
      const c = this.source.charCodeAt(i);
      if (c === 102 || c === 70) return true; // f or F
      if (c === 34 || c === 39) return false; // a quote: the prefix is over
    }
    return false;
  }

  private expr(node: Node | null, context: Context, knownType?: string): void {
    if (!node) return;
    const type = knownType ?? node.type;
    if (LEAVES.has(type)) return;
    switch (type) {
      case 'identifier': {
        const name = this.identifierText(node);
        if (context === 'load') {
          if (this.typeParams.includes(name)) return;
          this.addDef(name, USE, this.cur, { node, kind: 'read' });
          // `super()` needs the `__class__` cell of the method's class.
          if (name === 'super' && this.cur.type === 'function') this.addDef('__class__', USE, this.cur);
        } else {
          this.addDef(name, DEF_LOCAL, this.cur, { node, kind: context === 'store' ? 'store' : 'delete' });
        }
        return;
      }
      case 'attribute':
        return this.expr(node.childForFieldName('object'), 'load');
      case 'subscript':
        this.expr(node.childForFieldName('value'), 'load');
        for (const s of node.childrenForFieldName('subscript')) this.expr(s, 'load');
        return;
      case 'generic_type': {
        const [base, ...rest] = named(node);
        this.expr(base, 'load');
        for (const r of rest) this.expr(r, 'load');
        return;
      }
      case 'member_type':
        return this.expr(named(node)[0] ?? null, 'load');
      case 'call':
        this.expr(node.childForFieldName('function'), 'load');
        this.arguments(node.childForFieldName('arguments'));
        return;
      case 'lambda':
        return this.lambda(node);
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        return this.comprehension(node, COMPREHENSIONS[type]);
      case 'named_expression':
        return this.namedExpression(node);
      case 'conditional_expression': {
        // `body if test else orelse`: Python visits the test first.
        const [body, test, orelse] = named(node);
        this.expr(test ?? null, 'load');
        this.expr(body ?? null, 'load');
        this.expr(orelse ?? null, 'load');
        return;
      }
      case 'dictionary': {
        // Python's Dict node lists all keys, then all values (`**x` is a value without a key).
        const items = named(node);
        for (const item of items) if (item.type === 'pair') this.expr(item.childForFieldName('key'), 'load');
        for (const item of items) this.expr(item.type === 'pair' ? item.childForFieldName('value') : item, 'load');
        return;
      }
      case 'keyword_argument':
        return this.expr(node.childForFieldName('value'), 'load');
      case 'string':
        // Only f-strings hold expressions; skip the pieces of every other string (docstrings are many).
        if (this.isFString(node.startIndex)) for (const child of children(node)) this.expr(child, 'load');
        return;
      case 'as_pattern': {
        const [value, alias] = this.asPatternParts(node);
        this.expr(value, 'load');
        this.expr(alias, 'store');
        return;
      }
      default:
        for (const child of children(node)) this.expr(child, context);
    }
  }
}

/**
 * Parameter annotations in the order CPython visits them: positional parameters,
 * `*args`, `**kwargs`, then keyword-only parameters.
 */
function parameterAnnotations(parameters: Node | null): Node[] {
  const positional: Node[] = [];
  const varargs: Node[] = [];
  const kwargs: Node[] = [];
  const keywordOnly: Node[] = [];
  let afterStar = false;
  for (const p of children(parameters)) {
    const type = p.type;
    if (type === 'keyword_separator' || type === 'list_splat_pattern') afterStar = true;
    if (type !== 'typed_parameter' && type !== 'typed_default_parameter') continue;
    const annotation = p.childForFieldName('type');
    if (!annotation) continue;
    const inner = type === 'typed_parameter' ? named(p).find((c) => c.type !== 'type')?.type : null;
    if (inner === 'list_splat_pattern') {
      varargs.push(annotation);
      afterStar = true;
    } else if (inner === 'dictionary_splat_pattern') kwargs.push(annotation);
    else (afterStar ? keywordOnly : positional).push(annotation);
  }
  return [...positional, ...varargs, ...kwargs, ...keywordOnly];
}

/** The identifiers a parameter binds (Python 2 tuple parameters bind several). */
export function parameterNames(p: Node): Node[] {
  switch (p.type) {
    case 'identifier':
      return [p];
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = p.childForFieldName('name');
      return name ? parameterNames(name) : [];
    }
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
    case 'tuple_pattern':
      return named(p).filter((c) => c.type !== 'type').flatMap(parameterNames);
    default:
      return [];
  }
}
