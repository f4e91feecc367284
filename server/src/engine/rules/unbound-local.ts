import type { Node } from '../../parser';
import { isDocstring, statementsOf } from '../python';
import { isUnitFunction, namesBodyMayBind, unitBindingSites, type Rule, type RuleContext } from '../rule';
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
 * stored as `_C__x`) gets the whole check.
 */
function mayReadBeforeBinding(fn: Node, context: RuleContext): boolean {
  if (fn.type === 'lambda') return context.source.text.slice(fn.startIndex, fn.endIndex).includes(':=');
  const names = namesBodyMayBind(fn, context);
  if (!names) return true;
  if (names.size === 0) return false;
  if ([...names].some((name) => name.startsWith('__') && !name.endsWith('__'))) return true;
  if (!isUnitFunction(context.unit, fn)) {
    const around = namesBoundWhere(unitBindingSites(context)!, fn.startIndex, fn.endIndex, false);
    if ([...names].some((name) => around.has(name))) return true;
  }
  return context.module.bindsAnyOf([...names].sort().join(' '));
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
