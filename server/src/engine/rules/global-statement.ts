import type { Rule } from '../rule';
import { isBinding } from '../scope';

export const globalStatement: Rule = {
  meta: {
    code: 'PP804',
    name: 'global-statement',
    title: 'Function rebinds a module-level variable through `global`',
    severity: 'hint',
    fix: 'none',
    optIn: true,
    peers: ['PLW0603'],
    docs: {
      whatItDoes:
        'Points out a `global x` statement in a function that also assigns `x` (or imports, defines or deletes ' +
        'it): the function changes module-level state.',
      whyIsThisBad:
        'A function that rebinds a global has an effect nobody can see from its call: results depend on the order ' +
        'of earlier calls, tests have to reset the module between runs, and threads share the value without any ' +
        'locking. Returning the new value, keeping the state on an object, or closing over it in a factory keeps ' +
        'the data flow visible. This is a hint, not an error: a module-level cache or a one-time setup flag can be ' +
        'a fair use.',
      example: [
        'total = 0',
        '',
        'def add(amount):',
        '    global total',
        '    total += amount',
      ].join('\n'),
      useInstead: [
        'class Tally:',
        '    def __init__(self):',
        '        self.total = 0',
        '',
        '    def add(self, amount):',
        '        self.total += amount',
      ].join('\n'),
      fixSafety: 'No automatic fix: where the state should live instead is a design choice.',
    },
  },

  create(context) {
    return {
      global_statement(statement) {
        const tree = context.scopes.treeFor(statement);
        const scope = tree.scopeContaining(statement);
        if (scope.type !== 'function') return;
        const assigned: string[] = [];
        for (const id of statement.namedChildren) {
          if (id?.type !== 'identifier') continue;
          const name = tree.occurrenceOf(id)?.name ?? id.text;
          const entry = scope.symbols.get(name);
          if (entry?.occurrences.some((o) => isBinding(o) || o.kind === 'delete') && !assigned.includes(id.text)) assigned.push(id.text);
        }
        if (assigned.length === 0) return;
        const names = assigned.map((n) => `\`${n}\``).join(', ');
        context.report({
          node: statement,
          message: `\`${scope.name}\` rebinds the module-level ${names} through \`global\`: hidden shared state that every caller of \`${scope.name}\` sees change`,
          fix: null,
        });
      },
    };
  },
};
