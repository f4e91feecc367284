import type { Node } from '../../parser';
import { mayAppearAfter, TOP_LEVEL_STATEMENT, type Rule, type RuleContext } from '../rule';
import { DEF_NONLOCAL, isRead, type Scope } from '../scope';
import { BUILTIN_NAMES } from '../scope/builtins';
import { deletedNames } from '../scope/facts';
import { expectsNameError, readAfterDelete, readAfterHandler } from '../scope/flow';

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
        'again in between. In a function it also flags a read of an `except ... as name` target after its handler, ' +
        'when nothing but such handlers binds the name before the read.',
      whyIsThisBad:
        '`del name` unbinds the name, it does not just drop the object. Reading it afterwards raises ' +
        'UnboundLocalError inside a function and NameError at module level, so the line after the `del` is dead on ' +
        'arrival. Usually the `del` was moved up by an edit, or the read meant another variable. Python ends every ' +
        '`except ... as name` handler with a hidden `del name`, so the exception is gone after the handler too: keep ' +
        'it in another variable inside the handler if later code needs it.',
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

    /** `except E as name:` ends with a hidden `del name`: a later read in the function finds nothing. */
    const afterHandler = (clause: Node) => {
      const value = clause.childForFieldName('value');
      if (value?.type !== 'as_pattern') return;
      const alias = value.childForFieldName('alias');
      const target = alias?.type === 'as_pattern_target' ? alias.namedChild(0) : alias;
      if (target?.type !== 'identifier' || !mayAppearAfter(context, target.text, clause.endIndex)) return;
      const tree = context.scopes.treeFor(clause);
      const scope = tree.scopeContaining(clause);
      const binding = tree.occurrenceOf(target);
      const entry = binding && scope.symbols.get(binding.name);
      if (scope.type !== 'function' || !binding || !entry || !canOnlyChangeHere(scope, entry.name, entry.scope, context)) return;
      const read = entry.occurrences
        .filter((o) => isRead(o) && o.node.startIndex >= clause.endIndex)
        .sort((a, b) => a.node.startIndex - b.node.startIndex)
        .find((o) => readAfterHandler(scope, entry, o, context) === binding);
      if (read) {
        context.report({
          node: read.node,
          message:
            `\`${read.node.text}\` is read after the \`except ... as ${read.node.text}\` handler, which unbinds it when it ends, ` +
            'and nothing else binds it before: this raises UnboundLocalError',
          fix: null,
        });
      }
    };

    return {
      except_clause: afterHandler,

      delete_statement(statement) {
        // Top-level `del`s: later statements are other units, handled through the module facts.
        if (context.parentOf(statement)?.type === 'module') return;
        // No scope tree unless a deleted name appears later in the unit.
        const targets = deletedNames(statement);
        if (!targets.some((target) => mayAppearAfter(context, target.text, statement.endIndex))) return;
        const tree = context.scopes.treeFor(statement);
        const scope = tree.scopeContaining(statement);
        if (scope.type === 'class' || !namespaceIsClosed(scope, context)) return;
        for (const target of targets) {
          const deletion = tree.occurrenceOf(target);
          const entry = deletion && scope.symbols.get(deletion.name);
          if (!deletion || !entry || !canOnlyChangeHere(scope, entry.name, entry.scope, context)) continue;
          const found = readAfterDelete(entry, deletion, statement, scope, context);
          if (found) reportRead(found.read.node, scope);
        }
      },

      /** A top-level statement the module facts say reads a name an earlier top-level `del` removed. */
      [TOP_LEVEL_STATEMENT](statement) {
        const { statementIndex } = context.unit;
        if (statementIndex === null) return;
        const names = context.module.deadReads(statementIndex);
        if (names.length === 0) return;
        const tree = context.scopes.treeFor(statement);
        for (const name of names) {
          const read = tree.module.symbols
            .get(name)
            ?.occurrences.filter((o) => isRead(o) && o.evaluated && !expectsNameError(o.node, tree.module, context))
            .sort((a, b) => a.node.startIndex - b.node.startIndex)[0];
          if (read) reportRead(read.node, tree.module);
        }
      },
    };
  },
};

/** Module names can be rebound by any function that declares them `global`, or through `globals()`/`exec`. */
function namespaceIsClosed(scope: Scope | null, context: RuleContext): boolean {
  if (scope && scope.type === 'function') return true;
  return !context.module.dynamicGlobals();
}

/**
 * A function's local can change only in that function, unless an inner function
 * declares it `nonlocal`; a module name can change in any function declaring it
 * `global`, and a deleted module name may still be found among the builtins.
 */
function canOnlyChangeHere(scope: Scope, name: string, kind: string, context: RuleContext): boolean {
  if (scope.type === 'module') return !context.module.declaredGlobal(name) && !BUILTIN_NAMES.has(name);
  if (kind === 'local') return true;
  if (kind !== 'cell') return false;
  const declaresNonlocal = (s: Scope): boolean => s.children.some((c) => ((c.symbols.get(name)?.flags ?? 0) & DEF_NONLOCAL) !== 0 || declaresNonlocal(c));
  return !declaresNonlocal(scope);
}
