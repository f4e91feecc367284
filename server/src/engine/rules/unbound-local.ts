import type { Node } from '../../parser';
import { isDocstring, isNameCharacter, statementsOf } from '../python';
import { isUnitFunction, namesBodyMayBind, type Rule, type RuleContext } from '../rule';
import { DEF_ANNOT, DEF_NONLOCAL, DEF_PARAM, type Scope, type SymbolEntry } from '../scope';
import { readBeforeFirstBinding } from '../scope/flow';
import { namesBoundWhere } from '../scope/maybe-bound';
import type { Fix } from '../types';

export const unboundLocal: Rule = {
  meta: {
    code: 'PP801',
    name: 'unbound-local',
    title: 'Local variable read before it is assigned',
    severity: 'error',
    fix: 'unsafe',
    peers: ['F823'],
    docs: {
      whatItDoes:
        'Flags a read of a name inside a function (including `x += 1`) that runs before the function first assigns ' +
        'that name, when an enclosing function or the module also binds it. The function almost certainly meant the ' +
        'outer variable.',
      whyIsThisBad:
        'Python decides at compile time that a name assigned anywhere in a function is local to the whole function. ' +
        'A read that comes before the assignment therefore does not fall back to the module-level or enclosing ' +
        'variable of the same name: it raises UnboundLocalError when it runs. The assignment further down changes ' +
        'the meaning of lines above it, which is easy to miss when reading the code.',
      example: [
        'hits = 0',
        '',
        'def record():',
        '    hits += 1  # UnboundLocalError: the assignment makes `hits` local',
      ].join('\n'),
      useInstead: [
        'hits = 0',
        '',
        'def record():',
        '    global hits',
        '    hits += 1',
      ].join('\n'),
      fixSafety:
        'Unsafe. The fix declares the name `nonlocal` (when an enclosing function binds it) or `global` (when the ' +
        'module does) as the first statement after the docstring, so every assignment in the function now changes ' +
        'the outer variable. If the function was meant to have its own variable, rename it instead. No fix is ' +
        'offered for lambdas, one-line `def`s, or when the declaration would not compile (an annotated assignment ' +
        'of the name, or an inner `nonlocal` that relies on the local).',
    },
  },

  create(context) {
    const check = (fn: Node) => {
      if (!mayReadBeforeBinding(fn, context)) return;
      const tree = context.scopes.treeFor(fn);
      const scope = tree.scopeDefinedBy(fn);
      if (!scope) return;
      for (const entry of scope.symbols.values()) {
        if ((entry.scope !== 'local' && entry.scope !== 'cell') || entry.flags & DEF_PARAM) continue;
        const outer = outerBinding(scope, entry.name, context);
        if (!outer) continue;
        const early = readBeforeFirstBinding(scope, entry, context);
        if (!early) continue;
        const written = early.read.node.text;
        const owner = scope.name === 'lambda' ? 'this lambda' : `\`${scope.name}\``;
        const where = outer.keyword === 'global' ? 'the module-level' : `${outer.owner}'s`;
        // No line numbers in messages: a cached result is reused when its statement moves.
        context.report({
          node: early.read.node,
          message:
            `\`${written}\` is read before ${owner} assigns it: an assignment anywhere in a function makes the name local ` +
            `to all of it, so this read raises UnboundLocalError instead of seeing ${where} \`${written}\``,
          fix: buildFix({ fn, scope, entry, name: written, keyword: outer.keyword, context }),
        });
      }
    };
    return { function_definition: check, lambda: check };
  },
};

/**
 * False when a look at the text shows that the function binds nothing an outer scope
 * binds too, so that it needs no scope tree: a lambda without `:=` binds only its
 * parameters, and a function's body may bind only the names `bindingSites` finds in it
 * (parameters are never reported, and the `def` line binds nothing else inside the
 * function). An outer binding is the module's, or, for a function inside another, one
 * that the rest of the unit's text may make. A name mangled inside a class (`__x`,
 * stored as `_C__x`) gets the whole check; a name the function binds before anything
 * can read it (`boundFirst`) needs none.
 */
function mayReadBeforeBinding(fn: Node, context: RuleContext): boolean {
  if (fn.type === 'lambda') return context.source.text.slice(fn.startIndex, fn.endIndex).includes(':=');
  const bound = namesBodyMayBind(fn, context);
  if (!bound) return true;
  if (bound.size === 0) return false;
  const names = [...bound];
  if (names.some((name) => name.startsWith('__') && !name.endsWith('__'))) return true;
  const around = isUnitFunction(context.unit, fn) ? null : namesBoundWhere(context.bindingSites()!, fn.startIndex, fn.endIndex, false);
  if (!names.some((name) => around?.has(name)) && !context.module.bindsAnyOf(names.sort().join(' '))) return false;
  // Few functions get here, and most of them bind each such name before anything reads it
  // (a local import, or `x = ...` first): then they need no scope tree either.
  return names.some((name) => (around?.has(name) || context.module.bindingCount(name) > 0) && !boundFirst(fn, name, context));
}

/**
 * True when no read of `name` in `fn` can come before the function first binds it, or the
 * function does not bind it at all. Where the name first appears in the body's code (as a
 * word outside strings and comments) is then one of these, in the function's own code:
 * the whole target of a statement that binds it and mentions it nowhere else (`name = value`,
 * `a, name = value`, an import), so nothing before that spot reads the name and the statement
 * reads it neither; or a `global` or `nonlocal` statement, which leaves the name no local
 * variable of the function. The code is the function's own when no `def`, `class` or
 * `lambda` comes before that spot in the body.
 */
function boundFirst(fn: Node, name: string, context: RuleContext): boolean {
  const { text } = context.source;
  const body = fn.childForFieldName('body');
  if (!body) return false;
  for (let at = firstWord(text, name, body.startIndex, fn.endIndex); at >= 0; at = firstWord(text, name, at + 1, fn.endIndex)) {
    if (NESTED_SCOPE.test(text.slice(body.startIndex, at))) return false;
    const node = fn.descendantForIndex(at, at + name.length);
    if (node?.type === 'comment' || node?.type === 'string_content') continue;
    if (node?.type !== 'identifier' || node.startIndex !== at || node.endIndex !== at + name.length) return false;
    const statement = bindingStatement(node, context);
    if (statement?.type === 'global_statement' || statement?.type === 'nonlocal_statement') return true;
    return statement !== null && !statement.hasError && firstWord(text, name, at + name.length, statement.endIndex) < 0;
  }
  return false;
}

/** Targets that list several names: `a, b = ...`, `(a, [b]) = ...`. */
const TARGET_LISTS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern']);

/**
 * The statement that binds `id` as (part of) its whole target: `id = value` (`id: T = value`,
 * `a, id = value`), `import id`, `import a as id`, `from m import id`; or the `global` or
 * `nonlocal` statement that names it.
 */
function bindingStatement(id: Node, context: RuleContext): Node | null {
  const parent = context.parentOf(id);
  if (parent?.type === 'global_statement' || parent?.type === 'nonlocal_statement') return parent;
  let target = id;
  let above = parent;
  while (above && TARGET_LISTS.has(above.type)) {
    target = above;
    above = context.parentOf(above);
  }
  if (above?.type === 'assignment') {
    // Not `id: T` alone, which binds nothing; not `a = id = value` (the outer assignment is the statement).
    if (above.childForFieldName('left')?.id !== target.id || !above.childForFieldName('right')) return null;
    const statement = context.parentOf(above);
    return statement?.type === 'expression_statement' ? statement : null;
  }
  if (target !== id) return null;
  // The alias is the one identifier directly under an aliased import.
  if (parent?.type === 'aliased_import') return importStatement(context.parentOf(parent));
  // `import id.sub` binds `id`; the module of a `from` import binds nothing.
  if (parent?.type !== 'dotted_name' || parent.namedChild(0)?.id !== id.id) return null;
  const statement = importStatement(context.parentOf(parent));
  if (statement?.type !== 'import_from_statement') return statement;
  const module = statement.childForFieldName('module_name');
  return module && module.endIndex <= parent.startIndex && parent.namedChildCount === 1 ? statement : null;
}

function importStatement(node: Node | null): Node | null {
  return node?.type === 'import_statement' || node?.type === 'import_from_statement' ? node : null;
}

/** A `def`, `class` or `lambda` keyword: perhaps a nested scope. */
const NESTED_SCOPE = /\b(?:def|class|lambda)\b/;

/** The offset of the first appearance of `word` in `text` from `from` to `to` that no name character touches; -1 if none. */
function firstWord(text: string, word: string, from: number, to: number): number {
  for (let at = text.indexOf(word, from); at >= 0 && at + word.length <= to; at = text.indexOf(word, at + 1)) {
    if (!isNameCharacter(text.charCodeAt(at - 1)) && !isNameCharacter(text.charCodeAt(at + word.length))) return at;
  }
  return -1;
}

interface OuterBinding {
  keyword: 'global' | 'nonlocal';
  /** The enclosing function that binds the name, formatted for a message. */
  owner: string;
}

/** Where the name the function shadows lives: an enclosing function, or the module. */
function outerBinding(scope: Scope, name: string, context: RuleContext): OuterBinding | null {
  if (scope.enclosingBound?.has(name)) {
    for (let s = scope.parent; s; s = s.parent) {
      if (s.type !== 'function') continue;
      const entry = s.symbols.get(name);
      if (entry && (entry.scope === 'local' || entry.scope === 'cell')) {
        return { keyword: 'nonlocal', owner: s.comprehension ? 'the comprehension' : s.name === 'lambda' ? 'the lambda' : `\`${s.name}\`` };
      }
    }
    return null;
  }
  return context.module.bindingCount(name) > 0 ? { keyword: 'global', owner: 'the module' } : null;
}

/** True when an inner scope declares `nonlocal name` (a `global` declaration here would break it). */
function innerNonlocal(scope: Scope, name: string): boolean {
  return scope.children.some((c) => ((c.symbols.get(name)?.flags ?? 0) & DEF_NONLOCAL) !== 0 || innerNonlocal(c, name));
}

interface FixInput {
  fn: Node;
  scope: Scope;
  entry: SymbolEntry;
  /** The name as written (the symbol table holds it mangled inside classes). */
  name: string;
  keyword: 'global' | 'nonlocal';
  context: RuleContext;
}

function buildFix({ fn, scope, entry, name, keyword, context }: FixInput): Fix | null {
  if (fn.type !== 'function_definition' || fn.hasError) return null;
  // `x: int = ...` cannot be declared global/nonlocal; an inner `nonlocal x` needs this function's own `x`.
  if (entry.flags & DEF_ANNOT || (keyword === 'global' && innerNonlocal(scope, entry.name))) return null;
  const { source } = context;
  const body = fn.childForFieldName('body');
  const colon = fn.children.find((c) => c?.type === ':');
  const statements = statementsOf(body);
  if (!body || !colon || body.startPosition.row === colon.startPosition.row) return null;
  const first = isDocstring(statements[0]) ? 1 : 0;
  const anchor = statements[first];
  if (!anchor) return null;
  const indent = source.indentOf(anchor.startPosition.row);
  const previousEnd = first > 0 ? statements[0].endPosition.row : colon.endPosition.row;
  if (anchor.startPosition.column !== indent.length || anchor.startPosition.row <= previousEnd) return null;
  const at = { line: anchor.startPosition.row, character: 0 };
  return {
    title: `Declare \`${keyword} ${name}\``,
    safety: 'unsafe',
    edits: [{ range: { start: at, end: at }, newText: `${indent}${keyword} ${name}${source.eol}` }],
  };
}
