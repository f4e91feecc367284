import type { Rule } from '../rule';

export const nonlocalWithoutBinding: Rule = {
  meta: {
    code: 'PP802',
    name: 'nonlocal-without-binding',
    title: '`nonlocal` names a variable no enclosing function has',
    severity: 'error',
    fix: 'none',
    peers: ['PLE0117'],
    docs: {
      whatItDoes:
        'Flags a `nonlocal x` statement when no enclosing function binds `x`: at module level, in a class body at ' +
        'module level, or in a function whose enclosing functions never assign `x` (or declare it `global`).',
      whyIsThisBad:
        '`nonlocal` can only point at a variable of an enclosing function; module-level variables need `global` ' +
        'and class attributes are not reachable this way at all. Python checks this when it compiles the file, so ' +
        'the whole module fails to import with a SyntaxError, not just the function.',
      example: [
        'count = 0',
        '',
        'def increment():',
        '    nonlocal count  # SyntaxError: no binding for nonlocal \'count\' found',
        '    count += 1',
      ].join('\n'),
      useInstead: [
        'count = 0',
        '',
        'def increment():',
        '    global count',
        '    count += 1',
      ].join('\n'),
      fixSafety:
        'No automatic fix: whether the code wants the module-level variable (`global`), a variable the enclosing ' +
        'function should create first, or an attribute is a design decision.',
    },
  },

  create(context) {
    return {
      nonlocal_statement(statement) {
        const tree = context.scopes.treeFor(statement);
        const scope = tree.scopeContaining(statement);
        for (const id of statement.namedChildren) {
          if (id?.type !== 'identifier') continue;
          const name = tree.occurrenceOf(id)?.name ?? id.text;
          const problem = tree.problems.find((p) => p.scope === scope && p.name === name && p.kind !== 'nonlocal-and-global');
          if (!problem) continue;
          const message =
            problem.kind === 'nonlocal-at-module'
              ? `\`nonlocal ${id.text}\` at module level is a SyntaxError: \`nonlocal\` only works inside a nested function (use \`global\` for module variables)`
              : scope.type === 'class'
                ? `\`nonlocal ${id.text}\` in the body of class \`${scope.name}\`: no enclosing function binds \`${id.text}\`, so the module fails to compile (SyntaxError)`
                : `\`nonlocal ${id.text}\`: no enclosing function binds \`${id.text}\`, so the module fails to compile (SyntaxError)${
                    context.module.bindingCount(name) > 0 ? `; for the module-level \`${id.text}\` use \`global\`` : ''
                  }`;
          context.report({ node: statement, message, fix: null });
        }
      },
    };
  },
};
