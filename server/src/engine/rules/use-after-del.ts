import type { Node } from '../../parser';
import type { Rule, RuleContext } from '../rule';
import { DEF_NONLOCAL, isRead, type Scope } from '../scope';
import { BUILTIN_NAMES } from '../scope/builtins';
import { deletedNames, statementKey, statementOrdinal } from '../scope/facts';
import { expectsNameError, readAfterDelete } from '../scope/flow';

/** Statement types that can stand at the top level of a module (the engine's regions). */
const TOP_LEVEL = [
  'expression_statement', 'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement',
  'match_statement', 'function_definition', 'class_definition', 'decorated_definition', 'assert_statement',
  'raise_statement', 'return_statement', 'delete_statement', 'print_statement', 'type_alias_statement',
];

export const useAfterDel: Rule = {
  meta: {
    code: 'PP805',
    name: 'use-after-del',
    title: 'Name read after `del` removed it',
    severity: 'error',
    fix: 'none',
    peers: ['F821'],
    docs: {
      whatItDoes:
        'Flags a read of a name that a `del name` earlier in the same block removed, when nothing binds the name ' +
        'again in between.',
      whyIsThisBad:
        '`del name` unbinds the name, it does not just drop the object. Reading it afterwards raises ' +
        'UnboundLocalError inside a function and NameError at module level, so the line after the `del` is dead on ' +
        'arrival. Usually the `del` was moved up by an edit, or the read meant another variable.',
      example: [
        'def summarize(rows):',
        '    table = build(rows)',
        '    del rows',
        '    return len(rows), table  # UnboundLocalError',
      ].join('\n'),
      useInstead: [
        'def summarize(rows):',
        '    table = build(rows)',
        '    count = len(rows)',
        '    del rows',
        '    return count, table',
      ].join('\n'),
      fixSafety: 'No automatic fix: either the `del` moves down or the read changes, and only the author knows which.',
    },
  },

  create(context) {
    // No line numbers in messages: a cached result is reused when its statement moves.
    const reportRead = (read: Node, scope: Scope) =>
      context.report({
        node: read,
        message:
          `\`${read.text}\` is read after \`del ${read.text}\` removed it, and nothing binds it again in between: ` +
          `this raises ${scope.type === 'function' ? 'UnboundLocalError' : 'NameError'}`,
        fix: null,
      });

    const inRegion = (statement: Node) => {
      const tree = context.scopes.treeFor(statement);
      const scope = tree.scopeContaining(statement);
      // Top-level `del`s: later statements are other regions, handled through the module facts.
      if (scope.type === 'module' && statement.parent?.type === 'module') return;
      if (scope.type === 'class' || !namespaceIsClosed(scope, context)) return;
      for (const target of deletedNames(statement)) {
        const deletion = tree.occurrenceOf(target);
        const entry = deletion && scope.symbols.get(deletion.name);
        if (!deletion || !entry || !canOnlyChangeHere(scope, entry.name, entry.scope, context)) continue;
        const found = readAfterDelete(entry, deletion, statement, scope);
        if (found) reportRead(found.read.node, scope);
      }
    };

    /** A top-level statement the module facts say reads a name an earlier top-level `del` removed. */
    const laterStatement = (statement: Node) => {
      const { deadReads } = context.module.scope;
      if (deadReads.length === 0 || statement.parent?.type !== 'module') return;
      const key = statementKey(statement);
      const candidates = deadReads.filter((d) => d.statement === key);
      if (candidates.length === 0) return;
      const nth = statementOrdinal(statement);
      const tree = context.scopes.treeFor(statement);
      for (const d of candidates) {
        if (d.nth !== nth) continue;
        const read = tree.module.symbols
          .get(d.name)
          ?.occurrences.filter((o) => isRead(o) && o.evaluated && !expectsNameError(o.node, tree.module))
          .sort((a, b) => a.node.startIndex - b.node.startIndex)[0];
        if (read) reportRead(read.node, tree.module);
      }
    };

    const visitors: Partial<Record<string, (node: Node) => void>> = {};
    for (const type of TOP_LEVEL) visitors[type] = laterStatement;
    visitors.delete_statement = (statement) => {
      inRegion(statement);
      laterStatement(statement);
    };
    return visitors;
  },
};

/** Module names can be rebound by any function that declares them `global`, or through `globals()`/`exec`. */
function namespaceIsClosed(scope: Scope | null, context: RuleContext): boolean {
  if (scope && scope.type === 'function') return true;
  return !context.module.scope.dynamicGlobals;
}

/**
 * A function's local can change only in that function, unless an inner function
 * declares it `nonlocal`; a module name can change in any function declaring it
 * `global`, and a deleted module name may still be found among the builtins.
 */
function canOnlyChangeHere(scope: Scope, name: string, kind: string, context: RuleContext): boolean {
  if (scope.type === 'module') return !context.module.scope.declaredGlobal.includes(name) && !BUILTIN_NAMES.has(name);
  if (kind === 'local') return true;
  if (kind !== 'cell') return false;
  const declaresNonlocal = (s: Scope): boolean => s.children.some((c) => ((c.symbols.get(name)?.flags ?? 0) & DEF_NONLOCAL) !== 0 || declaresNonlocal(c));
  return !declaresNonlocal(scope);
}
