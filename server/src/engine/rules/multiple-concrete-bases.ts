import type { Node } from '../../parser';
import type { ModuleClass, ModuleView } from '../module-facts';
import type { Rule } from '../rule';

/** Bases that make a class an interface rather than a concrete class. */
const ABSTRACT_BASES = /^(?:abc\.)?ABC$|^(?:typing(?:_extensions)?\.)?(?:Protocol|Generic)$/;

/** Names of built-in exception classes and the usual suffixes of user-defined ones. */
const EXCEPTION = /(?:Error|Exception|Warning|Exit|Interrupt|Iteration)$/;

/** A base as the MRO computation sees it: a class of this module, `object`, or anything else (unknown). */
type Entry = { kind: 'local'; name: string; info: ModuleClass } | { kind: 'object' } | { kind: 'unknown'; text: string };

export const multipleConcreteBases: Rule = {
  meta: {
    code: 'PP313',
    name: 'multiple-concrete-bases',
    title: 'Class inherits from two concrete classes whose initialisers do not cooperate',
    severity: 'warning',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a module-level class with two or more bases defined in the same file (not named `*Mixin`, not ' +
        'ABCs, protocols or exceptions) when the bases bring their own `__init__` and only one of them can run: ' +
        'the class defines no `__init__` of its own, and the first `__init__` in its method resolution order ' +
        'neither calls `super().__init__()` nor calls the others. Multiple inheritance that is handled (an ' +
        '`__init__` in the class that calls both, or cooperative `super()` calls) is left alone, as are classes ' +
        'whose hierarchy leaves the file before the first `__init__`, or that have a decorator or a metaclass.',
      whyIsThisBad:
        'Python runs one `__init__`: the first it finds along the method resolution order. When that one does ' +
        'not pass the call on with `super().__init__()`, the second base\'s `__init__` never runs, so its ' +
        'attributes are missing and the first method that reads one fails with `AttributeError`, far from the ' +
        'class statement. Two concrete bases also mean two sets of state and method names that can collide ' +
        'silently. Holding the second object as an attribute (composition) keeps both initialisers and makes ' +
        'the relationship explicit; a base that only adds methods is better written as a mixin.',
      example: [
        'class Logger:',
        '    def __init__(self):',
        '        self.lines = []',
        '',
        'class Connection:',
        '    def __init__(self):',
        '        self.open = True',
        '',
        'class LoggedConnection(Connection, Logger):',
        '    pass  # Logger.__init__ never runs: no self.lines',
      ].join('\n'),
      useInstead: [
        'class LoggedConnection(Connection):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.log = Logger()',
      ].join('\n'),
      fixSafety: 'No fix: choosing between composition and cooperative initialisers is a design decision.',
    },
  },

  create(context) {
    return {
      class_definition(cls) {
        // Module-level classes only: their bases are looked up among the module's classes.
        // (A decorator may write `__init__`, as `@dataclass` does: decorated classes are left alone.)
        const { unit } = context;
        if (unit.kind !== 'class' || unit.node.id !== cls.id) return;
        // The header must list two bases: read the text before asking the tree.
        const header = /^class\s+\w+\s*\(([^:]*)/.exec(context.source.text.slice(cls.startIndex, cls.startIndex + 500));
        if (header && !header[1].includes(',')) return;
        const superclasses = cls.childForFieldName('superclasses');
        if (!superclasses || !context.source.text.slice(superclasses.startIndex, superclasses.endIndex).includes(',')) return;
        const bases = superclasses.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
        if (bases.length < 2 || bases.some((b) => b.type !== 'identifier' && b.type !== 'attribute' && b.type !== 'subscript')) return;
        const summary = context.classSummary(cls);
        if (summary.methods.some((m) => m.name === '__init__' || m.name === '__new__')) return;
        const skipped = skippedInitializer(bases.map((b) => b.text), context.module);
        const name = cls.childForFieldName('name');
        if (!skipped || !name) return;
        context.report({
          node: name,
          message:
            `\`${summary.name}\` inherits from two concrete classes of this module: \`${skipped.runs}.__init__\` runs and does not ` +
            `call \`super().__init__()\`, so \`${skipped.skipped}.__init__\` never runs for a \`${summary.name}\`. Hold a ` +
            `\`${skipped.skipped}\` as an attribute instead (composition), or make the initialisers cooperate`,
          fix: null,
        });
      },
    };
  },
};

/**
 * The initialiser that runs and one that never does, or null when all run, when the
 * answer depends on classes outside the file, or when fewer than two bases are
 * concrete classes of this module.
 */
function skippedInitializer(bases: string[], module: ModuleView): { runs: string; skipped: string } | null {
  const resolve = (text: string): Entry => {
    if (text === 'object' && module.bindingCount('object') === 0) return { kind: 'object' };
    const info = /^\w+$/.test(text) ? module.moduleClass(text) : undefined;
    return info ? { kind: 'local', name: text, info } : { kind: 'unknown', text };
  };
  const direct = bases.map(resolve);
  const concrete = direct.filter((e) => e.kind === 'local' && !/Mix[iI]n$/.test(e.name));
  if (concrete.length < 2) return null;

  // C3 linearisation over the module's classes, every other base an opaque leaf.
  const linearizations = new Map<string, string[] | null>();
  const classes = new Map<string, Entry>();
  const keyOf = (e: Entry) => (e.kind === 'local' ? e.name : e.kind === 'object' ? 'object' : `?${e.text}`);
  const linearize = (entry: Entry, depth: number): string[] | null => {
    const key = keyOf(entry);
    classes.set(key, entry);
    classes.set('object', { kind: 'object' });
    if (entry.kind !== 'local') return entry.kind === 'object' ? ['object'] : [key, 'object'];
    if (linearizations.has(key)) return linearizations.get(key)!;
    linearizations.set(key, null);
    const parents: Entry[] = entry.info.bases.length > 0 ? entry.info.bases.map(resolve) : [{ kind: 'object' }];
    const lists = depth > 50 ? null : parents.map((p) => linearize(p, depth + 1));
    const result = lists && !lists.includes(null) ? merge([key], [...(lists as string[][]), parents.map(keyOf)]) : null;
    linearizations.set(key, result);
    return result;
  };
  const lists = direct.map((d) => linearize(d, 0));
  if (lists.includes(null)) return null;
  const mro = merge([], [...(lists as string[][]), direct.map(keyOf)]);
  if (!mro) return null;

  // Interfaces and exceptions anywhere in the hierarchy, decorators and metaclasses: stay silent.
  for (const key of mro) {
    const entry = classes.get(key)!;
    if (entry.kind === 'unknown' && (ABSTRACT_BASES.test(entry.text.replace(/\[.*$/s, '')) || EXCEPTION.test(entry.text))) return null;
    if (entry.kind === 'local' && (entry.info.decorators.length > 0 || entry.info.keywords.length > 0 || EXCEPTION.test(entry.name))) return null;
  }

  // The first `__init__` along the MRO runs; an unknown class before it might have one.
  const runsAt = mro.findIndex((key) => {
    const entry = classes.get(key)!;
    return entry.kind === 'unknown' || (entry.kind === 'local' && entry.info.init !== null);
  });
  const runs = runsAt < 0 ? undefined : classes.get(mro[runsAt]);
  if (!runs || runs.kind !== 'local') return null;
  const calls = runs.info.init!.calls;
  if (calls.includes('super')) return null;
  const overridden = new Set(linearizations.get(runs.name) ?? []);
  for (const key of mro.slice(runsAt + 1)) {
    const entry = classes.get(key)!;
    if (entry.kind !== 'local' || entry.info.init === null || overridden.has(key) || calls.includes(key)) continue;
    if (/Mix[iI]n$/.test(key)) continue;
    return { runs: runs.name, skipped: key };
  }
  return null;
}

/** C3 merge of `lists` after `head`; null when no consistent order exists (Python raises `TypeError`). */
function merge(head: string[], lists: string[][]): string[] | null {
  const result = [...head];
  const pending = lists.map((l) => [...l]).filter((l) => l.length > 0);
  while (pending.length > 0) {
    const candidate = pending.map((l) => l[0]).find((c) => pending.every((l) => !l.slice(1).includes(c)));
    if (candidate === undefined) return null;
    result.push(candidate);
    for (const l of pending) if (l[0] === candidate) l.shift();
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i].length === 0) pending.splice(i, 1);
  }
  return result;
}
