import { calleeName, plainArguments } from '../python';
import { isBuiltin, resolveNameAt } from '../resolve';
import { callsTo, type Rule } from '../rule';

export const hasattrCall: Rule = {
  meta: {
    code: 'PP704',
    name: 'hasattr-call',
    title: '`hasattr(x, "__call__")` instead of `callable(x)`',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['B004'],
    docs: {
      whatItDoes: 'Flags `hasattr(obj, "__call__")` used to ask whether an object can be called.',
      whyIsThisBad:
        'Calling `obj()` looks `__call__` up on the type, never on the instance, but `hasattr` looks at both. An ' +
        'instance that got a `__call__` attribute of its own answers `True` and still cannot be called, and an ' +
        'object whose `__getattr__` answers every name (a mock, a proxy, a lazy wrapper) claims to be callable when ' +
        'it is not. `callable(obj)` asks the question the call itself would ask.',
      example: ['def run(task):', '    if hasattr(task, "__call__"):', '        return task()', '    return task'].join('\n'),
      useInstead: ['def run(task):', '    if callable(task):', '        return task()', '    return task'].join('\n'),
      fixSafety:
        'Unsafe: the answers differ for exactly the objects described above (a `__call__` set on an instance, a ' +
        '`__getattr__` that answers `__call__`), and `callable` never runs a property or `__getattr__`, whose side ' +
        'effects or exceptions `hasattr` would have triggered. No fix is offered when `callable` is rebound in the ' +
        'file or a comment sits inside the call.',
    },
  },

  create(context) {
    // A file that never mentions `hasattr` has no unit that calls it.
    if (!context.source.mayContain('hasattr')) return {};
    return {
      ...callsTo(['hasattr'], (call) => {
        if (calleeName(call, context.source.text) !== 'hasattr') return;
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'identifier' || fn.text !== 'hasattr') return;
        const args = plainArguments(call);
        if (!args || args.keywords.length > 0 || args.positional.length !== 2) return;
        const [subject, name] = args.positional;
        if (name.type !== 'string' || !/^[rRuU]?(['"])__call__\1$/.test(name.text)) return;
        if (!isBuiltin(fn, 'hasattr', context)) return;
        const fixable = resolveNameAt(call, 'callable', context) === 'builtins.callable' && call.descendantsOfType('comment').length === 0;
        context.report({
          node: call,
          message: '`hasattr(..., "__call__")` also finds a `__call__` set on the instance, which calling ignores; `callable(...)` asks what a call would',
          fix: fixable
            ? {
                title: 'Use `callable(...)`',
                safety: 'unsafe',
                edits: [{ range: context.source.rangeOf(call), newText: `callable(${subject.text})` }],
              }
            : null,
        });
      }),
    };
  },
};
