// Facts about the module as a whole that rules analysing one unit may need: what
// names the module binds, what it imports, and where an import can be added.
// Computed from a shallow scan of module-level statements (not function or class
// bodies), so it is cheap to redo on every change. Rules read them through a
// `ModuleView`, which records every question and its answer: a cached unit is
// reused only while each of its questions still gets the same answer, so a new
// module-level name re-analyses just the units that asked about that name.
import type { Node, Tree } from '../parser';
import { NameIndex } from './name-index';
import { boundNames, DISPLAY_TYPES, dottedName, isDocstring, statementsOf, topLevelStatements } from './python';
import { ScopeFacts } from './scope/facts';
import type { Position, TextEdit } from './types';

export interface FromImport {
  /** Where `, Name` is appended to merge a name into this statement. */
  appendAt: Position;
  names: string[];
  star: boolean;
}

/** A class statement at module level, at a glance (for rules about a class's bases). */
export interface ModuleClass {
  /** The positional bases as written (`Base`, `abc.ABC`, `Generic[T]`). */
  bases: string[];
  /** The other arguments of the class statement as written (`metaclass=ABCMeta`, `**options`). */
  keywords: string[];
  /** The decorators' expressions as written. */
  decorators: string[];
  /**
   * The `__init__` the body defines directly, or null: with the receivers of the
   * `__init__` calls it makes (`super` for `super().__init__()`, `Base` for `Base.__init__(self)`).
   */
  init: { calls: string[] } | null;
  /** Whether the body says `__hash__ = None`: instances are meant to be unhashable. */
  unhashable: boolean;
}

export interface ModuleFacts {
  /** How many times each name is bound by module-level code. */
  bindingCounts: Map<string, number>;
  /** The line (0-based) of the first module-level statement that binds each name. */
  firstBindings: Map<string, number>;
  /** Module-level `def`s without decorators, by name (whether the name is bound elsewhere too is `bindingCounts`' business). */
  functions: Map<string, Node>;
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
  /** What follows each top-level statement on its last line, by the statement's text; listed when first asked for. */
  lineTails?: Map<string, LineTail>;
  root: Node;
  /** Module-level class statements (with their decorators) by name; the last one when a name has several. */
  classStatements: Map<string, Node>;
  /** `ModuleClass`es described so far: each is made when first asked for. */
  classes: Map<string, ModuleClass>;
  /** Per module-level name, the attributes module-level code assigns on it (`Point.__hash__ = ...`). */
  attributeAssignments: Map<string, string[]>;
  /** Where names are written anywhere in the file, function and class bodies included (computed when asked). */
  names: NameIndex;
  /** Local name -> the top-level `import` or `from ... import` statement and the item in it that bind the name. */
  importItems: Map<string, { statement: Node; item: Node }>;
  /** Import removals, each computed when first asked for. */
  removals: Map<string, TextEdit | null>;
  /** The file's text, read from the tree when first needed. */
  text?: string;
  /** The names that follow `async def` anywhere in the file, listed when first asked for. */
  asyncDefNames?: Set<string>;
}

/** What follows a top-level statement on its last line: nothing, a comment, a `# type:` comment, or more code (`; x = 1`). */
export type LineTail = 'none' | 'comment' | 'type-comment' | 'code';

const TAIL_ORDER: readonly LineTail[] = ['none', 'comment', 'type-comment', 'code'];

/** The tails of all top-level statements; statements with the same text get the most demanding of their tails. */
function lineTailsOf(root: Node): Map<string, LineTail> {
  const tails = new Map<string, LineTail>();
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child?.isNamed || child.type === 'comment') continue;
    const next = children[i + 1];
    let tail: LineTail = 'none';
    if (next && next.startPosition.row === child.endPosition.row) {
      if (next.type !== 'comment') tail = 'code';
      else tail = /^#\s*type:(?!\s*ignore\b)/.test(next.text) ? 'type-comment' : 'comment';
    }
    const known = tails.get(child.text);
    if (!known || TAIL_ORDER.indexOf(tail) > TAIL_ORDER.indexOf(known)) tails.set(child.text, tail);
  }
  return tails;
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

/** A parameter of a module-level function, as `ModuleView.functionSignature` describes it. */
export interface ParameterFact {
  name: string;
  kind: 'positional-only' | 'positional' | 'keyword-only' | 'args' | 'kwargs';
  /** The annotation as written, or null. */
  annotation: string | null;
  /** `None` when the default is `None`, `other` for any other default, null without a default. */
  default: 'None' | 'other' | null;
}

/** The questions a rule may ask about the module. */
export interface ModuleView {
  /** How many times module-level code binds the name (0: never). */
  bindingCount(name: string): number;
  /** Whether module-level code binds any of the names (separated by spaces): one question, where asking `bindingCount` of each would record many. */
  bindsAnyOf(names: string): boolean;
  /** The line (0-based) of the first module-level statement that binds the name. */
  firstBinding(name: string): number | undefined;
  /** The parameters of the undecorated module-level `def` that is the name's only module-level binding, when one is annotated. */
  functionSignature(name: string): ParameterFact[] | undefined;
  /**
   * Whether the name's only binding anywhere in the file is an undecorated module-level
   * `async def` without `yield`: calling it makes a coroutine. A name some `global`
   * statement declares is not known.
   */
  coroutineFunction(name: string): boolean;
  /** Whether an `async def` of this name appears anywhere in the file (methods and nested functions included): a cheap first test. */
  asyncDefNamed(name: string): boolean;
  /** What follows the top-level statement with this text on its last line (outside the statement's unit). */
  lineTail(statementText: string): LineTail;
  /** The qualified name a module-level import binds `name` to (`dd` -> `collections.defaultdict`). */
  importOf(name: string): string | undefined;
  /** The constructor of the fresh mutable object a name bound once at module level holds. */
  mutableGlobal(name: string): string | undefined;
  /** The first module-level `from module import ...`. */
  fromImport(module: string): FromImport | undefined;
  /** First line after the module docstring and `__future__` imports. */
  importLine(): number;
  /** `from __future__ import annotations`: annotations are then never evaluated. */
  futureAnnotations(): boolean;
  /** Names the top-level statement (by index) reads after an earlier top-level `del` removed them. */
  deadReads(statementIndex: number): string[];
  /** Whether any top-level statement reads a name after a top-level `del` removed it. */
  anyDeadReads(): boolean;
  /** How many times `word` occurs in the file as a whole word: in code, strings and comments alike. */
  wordCount(word: string): number;
  /**
   * The edit that removes the import binding `name` (the whole statement when it imports
   * nothing else), when a simple top-level import statement is the module's only binding of
   * it; null otherwise (aliased dotted imports, comments in the statement, `;` on its line).
   */
  importRemoval(name: string): TextEdit | null;
  /** Whether some `global` statement in a file that deletes names declares `name`. */
  declaredGlobal(name: string): boolean;
  /** The file deletes names and uses `globals()` or `exec(`: module names may change behind the analysis's back. */
  dynamicGlobals(): boolean;
  /** The class a module-level `class` statement binds to `name`, when nothing else at module level binds it. */
  moduleClass(name: string): ModuleClass | undefined;
  /** The attributes module-level code assigns on `name` (`Point.__hash__ = ...` gives `__hash__`). */
  assignedAttributes(name: string): string[];
  /** The classes (by the name they mangle with, `''` for none) that store the private attribute `__x`: see `NameIndex`. */
  privateOwners(name: string): string[];
}

type Question = keyof ModuleView;

/** One question a unit asked (`key` joins question and argument) and the answer it got, as JSON. */
export type FactRead = readonly [key: string, question: Question, argument: string, answer: string];

/** The facts of one parse, answering questions; with `record`, each question and answer is passed to it. */
export class FactsView implements ModuleView {
  constructor(
    private readonly facts: ModuleFacts,
    private readonly record?: (read: FactRead) => void,
  ) {}

  private answer<T>(question: Question, argument: string, value: T): T {
    this.record?.([`${question} ${argument}`, question, argument, JSON.stringify(value) ?? 'undefined']);
    return value;
  }

  bindingCount(name: string): number {
    return this.answer('bindingCount', name, this.facts.bindingCounts.get(name) ?? 0);
  }

  bindsAnyOf(names: string): boolean {
    return this.answer('bindsAnyOf', names, names.split(' ').some((name) => (this.facts.bindingCounts.get(name) ?? 0) > 0));
  }

  firstBinding(name: string): number | undefined {
    return this.answer('firstBinding', name, this.facts.firstBindings.get(name));
  }

  functionSignature(name: string): ParameterFact[] | undefined {
    const fn = this.facts.bindingCounts.get(name) === 1 ? this.facts.functions.get(name) : undefined;
    const params = fn ? signatureOf(fn) : undefined;
    return this.answer('functionSignature', name, params?.some((p) => p.annotation !== null) ? params : undefined);
  }

  coroutineFunction(name: string): boolean {
    const fn = this.facts.bindingCounts.get(name) === 1 ? this.facts.functions.get(name) : undefined;
    const known = fn !== undefined && isAsyncDef(fn) && !yields(fn) && !declaredGlobalAnywhere(this.facts, name);
    return this.answer('coroutineFunction', name, known);
  }

  asyncDefNamed(name: string): boolean {
    if (!this.facts.asyncDefNames) {
      this.facts.text ??= this.facts.root.text;
      this.facts.asyncDefNames = new Set([...this.facts.text.matchAll(ASYNC_DEF_NAME)].map((m) => m[1]));
    }
    return this.answer('asyncDefNamed', name, this.facts.asyncDefNames.has(name));
  }

  lineTail(statementText: string): LineTail {
    this.facts.lineTails ??= lineTailsOf(this.facts.root);
    return this.answer('lineTail', statementText, this.facts.lineTails.get(statementText) ?? 'none');
  }

  importOf(name: string): string | undefined {
    return this.answer('importOf', name, this.facts.imports.get(name));
  }

  mutableGlobal(name: string): string | undefined {
    return this.answer('mutableGlobal', name, this.facts.mutableGlobals.get(name));
  }

  fromImport(module: string): FromImport | undefined {
    return this.answer('fromImport', module, this.facts.fromImports.get(module));
  }

  importLine(): number {
    return this.answer('importLine', '', this.facts.importLine);
  }

  futureAnnotations(): boolean {
    return this.answer('futureAnnotations', '', this.facts.scope.futureAnnotations);
  }

  deadReads(statementIndex: number): string[] {
    const { deadReads, statementKeys } = this.facts.scope;
    // Most files have none: then the question recorded is "are there any?", which costs nothing to ask again.
    if (deadReads.size === 0) {
      this.answer('anyDeadReads', '', false);
      return [];
    }
    const key = statementKeys[statementIndex];
    return this.answer('deadReads', key, deadReads.get(key) ?? []);
  }

  anyDeadReads(): boolean {
    return this.answer('anyDeadReads', '', this.facts.scope.deadReads.size > 0);
  }

  importRemoval(name: string): TextEdit | null {
    let removal = this.facts.removals.get(name);
    if (removal === undefined) {
      removal = this.facts.bindingCounts.get(name) === 1 ? importRemovalOf(this.facts.importItems.get(name)) : null;
      this.facts.removals.set(name, removal);
    }
    return this.answer('importRemoval', name, removal);
  }

  declaredGlobal(name: string): boolean {
    return this.answer('declaredGlobal', name, this.facts.scope.declaredGlobal.has(name));
  }

  dynamicGlobals(): boolean {
    return this.answer('dynamicGlobals', '', this.facts.scope.dynamicGlobals);
  }

  moduleClass(name: string): ModuleClass | undefined {
    const { classes, classStatements, bindingCounts } = this.facts;
    let described = classes.get(name);
    if (!described && bindingCounts.get(name) === 1 && classStatements.has(name)) {
      described = describeClass(classStatements.get(name)!);
      classes.set(name, described);
    }
    return this.answer('moduleClass', name, described);
  }

  assignedAttributes(name: string): string[] {
    return this.answer('assignedAttributes', name, this.facts.attributeAssignments.get(name) ?? []);
  }

  wordCount(word: string): number {
    return this.answer('wordCount', word, this.facts.names.wordCount(word));
  }

  privateOwners(name: string): string[] {
    return this.answer('privateOwners', name, this.facts.names.privateOwners(name));
  }

  /** Answers as JSON, by question and argument: many cached units asked the same questions. */
  private readonly answers = new Map<string, string>();

  /** Whether every recorded question still gets the answer it got then. */
  answersStill(reads: readonly FactRead[]): boolean {
    for (const [key, question, argument, answer] of reads) {
      let now = this.answers.get(key);
      if (now === undefined) {
        const value = question === 'deadReads' ? (this.facts.scope.deadReads.get(argument) ?? []) : (this[question] as (arg: string) => unknown)(argument);
        now = JSON.stringify(value) ?? 'undefined';
        this.answers.set(key, now);
      }
      if (now !== answer) return false;
    }
    return true;
  }
}

function describeClass(statement: Node): ModuleClass {
  const cls = statement.type === 'decorated_definition' ? statement.childForFieldName('definition')! : statement;
  const described: ModuleClass = { bases: [], keywords: [], decorators: [], init: null, unhashable: false };
  if (statement !== cls) {
    for (const d of statement.namedChildren) if (d?.type === 'decorator' && d.namedChild(0)) described.decorators.push(d.namedChild(0)!.text);
  }
  for (const argument of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (!argument || argument.type === 'comment') continue;
    const kind = ['keyword_argument', 'list_splat', 'dictionary_splat'].includes(argument.type) ? described.keywords : described.bases;
    kind.push(argument.text);
  }
  for (const member of statementsOf(cls.childForFieldName('body'))) {
    if (member.type === 'expression_statement' && /^__hash__\s*(?::[^=]*)?=\s*None$/.test(member.text)) described.unhashable = true;
    const fn = member.type === 'decorated_definition' ? member.childForFieldName('definition') : member;
    if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== '__init__') continue;
    described.init = { calls: initCalls(fn) };
  }
  return described;
}

/** Whose `__init__` an `__init__` method calls (`super`, or the receiver as written: `Base`), in order. */
export function initCalls(fn: Node): string[] {
  const calls: string[] = [];
  for (const call of fn.childForFieldName('body')?.descendantsOfType('call') ?? []) {
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== '__init__') continue;
    const receiver = callee.childForFieldName('object');
    if (!receiver) continue;
    const isSuper = receiver.type === 'call' && receiver.childForFieldName('function')?.text === 'super';
    calls.push(isSuper ? 'super' : receiver.text);
  }
  return calls;
}

/** The names an import statement binds, in order: `a.b` and `x as y` items, or the names after `from m import`. */
function importedItems(statement: Node): Node[] {
  if (statement.type === 'import_from_statement') return statement.childrenForFieldName('name').filter((c): c is Node => c !== null);
  return statement.namedChildren.filter((c): c is Node => c !== null && (c.type === 'dotted_name' || c.type === 'aliased_import'));
}

function importRemovalOf(found: { statement: Node; item: Node } | undefined): TextEdit | null {
  if (!found) return null;
  const { statement, item } = found;
  // `import a.b` binds `a` but also loads `a.b`, which other code may rely on.
  if (statement.type === 'import_statement' && item.type === 'dotted_name' && item.namedChildCount > 1) return null;
  if (statement.descendantsOfType('comment').length > 0) return null;
  const items = importedItems(statement);
  const i = items.findIndex((n) => n.id === item.id);
  if (i < 0) return null;
  const at = (p: { row: number; column: number }): Position => ({ line: p.row, character: p.column });
  if (items.length > 1) {
    // `a, b, c`: take `b` with the comma after it; the last one with the comma before it.
    const range = i < items.length - 1 ? { start: at(item.startPosition), end: at(items[i + 1].startPosition) } : { start: at(items[i - 1].endPosition), end: at(item.endPosition) };
    return { range, newText: '' };
  }
  // The whole statement, with its line: only when it has the line to itself (a trailing comment goes too).
  const next = statement.nextSibling;
  if (statement.startPosition.column !== 0 || (next && next.type !== 'comment' && next.startPosition.row === statement.endPosition.row)) return null;
  return { range: { start: { line: statement.startPosition.row, character: 0 }, end: { line: statement.endPosition.row + 1, character: 0 } }, newText: '' };
}

/** `deque` -> `collections.deque` when imported so; `list` -> `builtins.list` unless the module rebinds it. */
export function qualifiedName(node: Node, facts: ModuleView): string | null {
  const dotted = dottedName(node);
  if (!dotted) return null;
  const [head, ...rest] = dotted.split('.');
  const imported = facts.importOf(head);
  if (imported) return [imported, ...rest].join('.');
  if (facts.bindingCount(head) > 0) return null;
  return rest.length === 0 ? `builtins.${head}` : null;
}

/** The constructor of the fresh mutable object an expression creates, or null. */
export function mutableConstructorOf(value: Node, facts: ModuleView): string | null {
  if (value.type !== 'tuple' && DISPLAY_TYPES[value.type]) return DISPLAY_TYPES[value.type];
  if (value.type === 'call') {
    const fn = value.childForFieldName('function');
    const name = fn ? qualifiedName(fn, facts) : null;
    return name && MUTABLE_CONSTRUCTORS.has(name) ? name : null;
  }
  return null;
}

const ASYNC_DEF_NAME = /\basync\s+def\s+([\p{L}\p{Nl}_][\p{L}\p{N}_]*)/gu;

/** Whether a `function_definition` is an `async def`. */
export function isAsyncDef(fn: Node): boolean {
  return fn.child(0)?.type === 'async';
}

const SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Whether the function's own body yields (nested functions and classes left out): an `async def` with `yield` is an async generator. */
function yields(fn: Node): boolean {
  const visit = (node: Node): boolean => {
    for (const child of node.namedChildren) {
      if (!child || SCOPES.has(child.type)) continue;
      if (child.type === 'yield' || visit(child)) return true;
    }
    return false;
  };
  const body = fn.childForFieldName('body');
  return body !== null && visit(body);
}

/** Whether a `global` statement anywhere in the file names `name` (a function may then rebind it). */
function declaredGlobalAnywhere(facts: ModuleFacts, name: string): boolean {
  facts.text ??= facts.root.text;
  if (!facts.text.includes('global')) return false;
  return new RegExp(`\\bglobal\\b[^\\n;#]*\\b${name}\\b`).test(facts.text);
}

const signatures = new WeakMap<Node, ParameterFact[]>();

/** The parameters of a `def`, in order; computed once per node. */
function signatureOf(fn: Node): ParameterFact[] {
  let params = signatures.get(fn);
  if (params) return params;
  params = [];
  let kind: ParameterFact['kind'] = 'positional';
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p || p.type === 'comment') continue;
    if (p.type === 'positional_separator') {
      for (const earlier of params) if (earlier.kind === 'positional') earlier.kind = 'positional-only';
      continue;
    }
    if (p.type === 'keyword_separator') {
      kind = 'keyword-only';
      continue;
    }
    const annotation = p.childForFieldName('type')?.text ?? null;
    const value = p.childForFieldName('value');
    const defaultKind = value ? (value.type === 'none' ? 'None' : 'other') : null;
    const target = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChild(0));
    if (target?.type === 'list_splat_pattern' || target?.type === 'dictionary_splat_pattern') {
      const star = target.type === 'list_splat_pattern' ? 'args' : 'kwargs';
      params.push({ name: target.namedChild(0)?.text ?? '', kind: star, annotation, default: null });
      if (star === 'args') kind = 'keyword-only';
      continue;
    }
    if (target?.type !== 'identifier') continue;
    params.push({ name: target.text, kind, annotation, default: defaultKind });
  }
  signatures.set(fn, params);
  return params;
}

/** Statements run at module level: top-level ones and those nested in `if`/`try`/`for`/`with`/`while`/`match`. */
function moduleLevelStatements(root: Node): { statements: Node[]; topLevel: Set<Node> } {
  const out: Node[] = [];
  const top = topLevelStatements(root);
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
  visit(top);
  return { statements: out, topLevel: new Set(top) };
}

export function computeModuleFacts(root: Node): ModuleFacts {
  const facts: ModuleFacts = {
    bindingCounts: new Map(),
    firstBindings: new Map(),
    functions: new Map(),
    imports: new Map(),
    mutableGlobals: new Map(),
    fromImports: new Map(),
    importLine: 0,
    scope: new ScopeFacts(root),
    root,
    classStatements: new Map(),
    classes: new Map(),
    attributeAssignments: new Map(),
    names: new NameIndex(root),
    importItems: new Map(),
    removals: new Map(),
  };
  let row = 0;
  const bind = (name: string) => {
    facts.bindingCounts.set(name, (facts.bindingCounts.get(name) ?? 0) + 1);
    if (!facts.firstBindings.has(name)) facts.firstBindings.set(name, row);
  };
  const assignments: Array<{ name: string; value: Node }> = [];
  const { statements, topLevel } = moduleLevelStatements(root);

  for (const s of statements) {
    row = s.startPosition.row;
    switch (s.type) {
      case 'import_statement':
        for (const item of s.namedChildren) {
          if (!item) continue;
          if (item.type === 'dotted_name') {
            const head = item.text.split('.')[0];
            facts.imports.set(head, head);
            bind(head);
            if (topLevel.has(s)) facts.importItems.set(head, { statement: s, item });
          } else if (item.type === 'aliased_import') {
            const alias = item.childForFieldName('alias')?.text;
            const name = item.childForFieldName('name')?.text;
            if (alias && name) {
              facts.imports.set(alias, name);
              bind(alias);
              if (topLevel.has(s)) facts.importItems.set(alias, { statement: s, item });
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
          if (topLevel.has(s)) facts.importItems.set(local, { statement: s, item });
          if (module) facts.imports.set(local, `${module}.${imported}`);
        }
        if (s.namedChildren.some((c) => c?.type === 'wildcard_import')) star = true;
        if (module && !facts.fromImports.has(module) && topLevel.has(s) && (last || star)) {
          const end = (last ?? s).endPosition;
          facts.fromImports.set(module, { appendAt: { line: end.row, character: end.column }, names, star });
        }
        break;
      }
      case 'function_definition':
      case 'class_definition': {
        const name = s.childForFieldName('name')?.text;
        if (name) bind(name);
        if (name && s.type === 'function_definition') facts.functions.set(name, s);
        if (name && s.type === 'class_definition') facts.classStatements.set(name, s);
        break;
      }
      case 'decorated_definition': {
        const definition = s.childForFieldName('definition');
        const name = definition?.childForFieldName('name')?.text;
        if (name) bind(name);
        if (name && definition?.type === 'class_definition') facts.classStatements.set(name, s);
        break;
      }
      case 'expression_statement':
        for (let expr = s.namedChild(0); expr && expr.type === 'assignment'; ) {
          const left = expr.childForFieldName('left');
          const right = expr.childForFieldName('right');
          const names = left ? boundNames(left) : [];
          for (const n of names) bind(n.text);
          const object = left?.type === 'attribute' ? left.childForFieldName('object') : null;
          if (object?.type === 'identifier') {
            const assigned = facts.attributeAssignments.get(object.text) ?? [];
            assigned.push(left!.childForFieldName('attribute')!.text);
            facts.attributeAssignments.set(object.text, assigned);
          }
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

  const view = new FactsView(facts);
  for (const { name, value } of assignments) {
    const constructor = facts.bindingCounts.get(name) === 1 ? mutableConstructorOf(value, view) : null;
    if (constructor) facts.mutableGlobals.set(name, constructor);
  }

  const top = topLevelStatements(root);
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

/** The facts of a tree, answering without recording (hover, explanations). */
export function moduleViewFor(tree: Tree): ModuleView {
  return new FactsView(moduleFactsFor(tree));
}
