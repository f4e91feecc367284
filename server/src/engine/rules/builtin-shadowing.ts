import type { Node } from '../../parser';
import { TOP_LEVEL_STATEMENT, type Rule, type RuleContext } from '../rule';
import {
  DEF_BOUND,
  DEF_GLOBAL,
  DEF_NONLOCAL,
  type Occurrence,
  type Scope,
} from '../scope';
import { BUILTIN_NAMES } from '../scope/builtins';
import { namesBoundWhere } from '../scope/maybe-bound';
import type { Fix } from '../types';

/** What `site` adds to the builtins for the interactive prompt; they are not part of the language. */
const SITE_NAMES = new Set(['help', 'exit', 'quit', 'copyright', 'credits', 'license']);

/** The builtin functions and types (`list`, `id`, `open`...): exceptions and constants are left to other checks. */
export const BUILTIN_CALLABLES: ReadonlySet<string> = new Set([...BUILTIN_NAMES].filter((n) => /^[a-z]/.test(n) && !SITE_NAMES.has(n)));

/**
 * A builtin's name where a statement may bind it: before `=`, `,`, `)`, `]` or `:=`, or
 * after `for` or `as` (a statement without one binds no builtin name).
 */
const BUILTIN_TARGET = (() => {
  const names = `(?<![\\w.])(?:${[...BUILTIN_CALLABLES].join('|')})(?!\\w)`;
  return new RegExp(`${names}[ \\t]*(?:=(?!=)|,|\\)|\\]|:=)|\\b(?:for|as)\\b[^\\n:=]*?${names}`);
})();

/**
 * Whether the function (or lambda, or comprehension) may bind a builtin's name, by a look
 * at its text (the unit's, which PP801 looks at too): most bind none, and then need no
 * scope tree.
 */
function mayBindBuiltin(node: Node, context: RuleContext): boolean {
  const sites = context.bindingSites();
  return !sites || [...namesBoundWhere(sites, node.startIndex, node.endIndex, true)].some((name) => BUILTIN_CALLABLES.has(name));
}

/** Calls that see local variables by their names: renaming one changes what they find. */
const NAMESPACE_READERS = ['locals', 'vars', 'eval', 'exec'];

const BINDING_WORDS: Record<string, string> = {
  parameter: 'parameter',
  import: 'import alias',
  function: 'function',
  class: 'class',
  for: 'loop variable',
  comprehension: 'loop variable',
  with: '`with` target',
  except: '`except` target',
};

export const builtinShadowing: Rule = {
  meta: {
    code: 'PP101',
    name: 'builtin-shadowing',
    title: 'Name hides a builtin function or type',
    severity: 'information',
    fix: 'unsafe',
    optIn: true,
    peers: ['A001', 'A002'],
    docs: {
      whatItDoes:
        'Flags a variable, parameter, `def`, `class`, loop, `with` or `except` target, or import alias that takes the ' +
        'name of a builtin function or type, such as `list`, `id`, `type`, `input`, `sum` or `filter`. Names bound in ' +
        'a class body are attributes and do not hide anything, so they are left alone; so are keyword arguments at ' +
        'call sites, and stub files (`.pyi`), whose names only describe code found elsewhere.',
      whyIsThisBad:
        'Python looks a name up in the local scope, then the enclosing ones, then the module, and only then in the ' +
        'builtins. Once a function binds `list`, every `list(...)` in that function reaches the new object instead, ' +
        'which fails with a puzzling "object is not callable" far from the assignment, or silently does something ' +
        'else. A module-level binding does the same for the whole module. Even when nothing breaks today, the next ' +
        'person to add a `max(...)` call there walks into it.',
      example: ['def tally(list):', '    total = sum(list)', '    return total, list(set(list))  # TypeError: the parameter is called'].join('\n'),
      useInstead: ['def tally(values):', '    total = sum(values)', '    return total, list(set(values))'].join('\n'),
      fixSafety:
        'Unsafe. The fix renames the binding and every reference to it, as the scope analysis resolves them, to ' +
        '`name_` (`list_`); you will often prefer a more telling name. Renaming a parameter changes the function\'s ' +
        'signature, so callers passing it by keyword (`f(type=...)`) break. There is no fix when the name may be ' +
        'seen from outside what was analysed (a module-level name, which other modules may import), when `name_` ' +
        'is already used there, when a nested function declares it `nonlocal` or `global`, or when the code calls ' +
        '`locals()`, `vars()`, `eval()` or `exec()`, which find variables by their names.',
    },
  },

  create(context) {
    // Stubs only describe names that live elsewhere.
    if (context.source.isStub) return {};
    const checkScope = (scope: Scope | undefined, within: Node | null) => {
      if (!scope || scope.type === 'class') return;
      for (const entry of scope.symbols.values()) {
        if (!BUILTIN_CALLABLES.has(entry.name) || !(entry.flags & DEF_BOUND) || entry.flags & (DEF_GLOBAL | DEF_NONLOCAL)) continue;
        const binding = firstShadowingBinding(scope, entry.occurrences, within, context);
        if (!binding) continue;
        const where = scope.type === 'module' ? 'the whole module' : scope.comprehension ? 'this comprehension' : scope.name === 'lambda' ? 'this lambda' : `\`${scope.name}\``;
        const what = BINDING_WORDS[binding.binding ?? ''] ?? 'variable';
        context.report({
          node: binding.node,
          message:
            `The ${what} \`${entry.name}\` hides the builtin \`${entry.name}\` in ${where}: a \`${entry.name}(...)\` ` +
            `there reaches this binding instead; choose another name, such as \`${entry.name}_\``,
          fix: scope.type === 'module' ? null : renameFix(scope, entry.name, context),
        });
      }
    };
    const checkFunction = (node: Node) => {
      if (!mayBindBuiltin(node, context)) return;
      checkScope(context.scopes.treeFor(node).scopeDefinedBy(node), null);
    };
    return {
      [TOP_LEVEL_STATEMENT](statement) {
        // A module's functions, classes and imports are its API; only plain statements may bind data at module level.
        if (context.unit.kind !== 'statement' || !BUILTIN_TARGET.test(context.source.text.slice(statement.startIndex, statement.endIndex))) return;
        checkScope(context.scopes.treeFor(statement).module, statement);
      },
      function_definition: checkFunction,
      lambda: checkFunction,
      list_comprehension: checkFunction,
      set_comprehension: checkFunction,
      dictionary_comprehension: checkFunction,
      generator_expression: checkFunction,
    };
  },
};

/** Values that make a module-level name plain data rather than part of the module's API (`open = TarFile.open`). */
const DATA_VALUES = new Set([
  'list', 'dictionary', 'set', 'tuple', 'string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none',
  'list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'generator_expression', 'binary_operator',
  'unary_operator', 'boolean_operator', 'comparison_operator',
]);

/** The first binding of the name that hides the builtin for no good reason (see `hidesBuiltin`). */
function firstShadowingBinding(scope: Scope, occurrences: readonly Occurrence[], within: Node | null, context: RuleContext): Occurrence | null {
  let first: Occurrence | null = null;
  for (const o of occurrences) {
    if (first && o.node.startIndex > first.node.startIndex) continue;
    if (within && (o.node.startIndex < within.startIndex || o.node.endIndex > within.endIndex)) continue;
    if (hidesBuiltin(o, scope, context)) first = o;
  }
  return first;
}

/**
 * Whether a binding hides the builtin, rather than name part of an interface on purpose: a
 * module's functions, classes, imports and aliases are its API (`gzip.open`, `numpy.sum`),
 * and so are the keywords of a public function or method (`subprocess.run(input=...)`).
 */
function hidesBuiltin(o: Occurrence, scope: Scope, context: RuleContext): boolean {
  if (o.kind !== 'store' || o.binding === 'annotation') return false;
  const atModule = scope.type === 'module';
  switch (o.binding) {
    case 'parameter':
      return parameterIsPrivate(o.node, scope, context);
    case 'import':
      return !atModule && context.parentOf(o.node)?.type === 'aliased_import';
    case 'function':
    case 'class':
      return !atModule;
    case 'assignment':
      return !atModule || isModuleData(o.node, context);
    default:
      return true;
  }
}

/** A module-level assignment of data (`list = [1, 2]`) or one of several names unpacked at once. */
function isModuleData(name: Node, context: RuleContext): boolean {
  const parent = context.parentOf(name);
  if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.id !== name.id) return parent?.type !== 'assignment' && parent?.type !== 'augmented_assignment';
  let value = parent.childForFieldName('right');
  while (value?.type === 'assignment') value = value.childForFieldName('right');
  return value !== null && DATA_VALUES.has(value.type);
}

/**
 * A parameter no caller can name: in a lambda or a nested function, `*args` and
 * `**kwargs`, or positional-only; never `len=len`, which keeps the builtin close at hand.
 */
function parameterIsPrivate(name: Node, scope: Scope, context: RuleContext): boolean {
  let parameter = name;
  for (let p = context.parentOf(name); p && p.type !== 'parameters' && p.type !== 'lambda_parameters'; p = context.parentOf(p)) parameter = p;
  if (parameter.type === 'default_parameter' || parameter.type === 'typed_default_parameter') {
    const value = parameter.childForFieldName('value');
    if (value?.type === 'identifier' && value.text === name.text) return false;
  }
  if (scope.node.type === 'lambda' || scope.parent?.type === 'function') return true;
  const inner = parameter.type === 'typed_parameter' ? parameter.namedChild(0) : parameter;
  if (inner?.type === 'list_splat_pattern' || inner?.type === 'dictionary_splat_pattern') return true;
  for (let next = parameter.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type === 'positional_separator') return true;
  return false;
}

/**
 * Renames the name to `name_` in `scope` and wherever an inner scope reads it from
 * there, or declines (null) when that might change more than the name.
 */
function renameFix(scope: Scope, name: string, context: RuleContext): Fix | null {
  if (scope.node.hasError) return null;
  const renamed = `${name}_`;
  const nodes: Node[] = [];
  const collect = (s: Scope, own: boolean): boolean => {
    if (s.symbols.has(renamed) || NAMESPACE_READERS.some((n) => n !== name && s.symbols.has(n))) return false;
    const entry = s.symbols.get(name);
    if (entry && !own) {
      if (entry.flags & (DEF_GLOBAL | DEF_NONLOCAL)) return false;
      if (entry.flags & DEF_BOUND) {
        // A function binding the name has a variable of its own; a class body reading it before binding it would see the module's.
        return s.type !== 'class' && !hasName(s, renamed);
      }
      if (entry.scope !== 'free') return false;
    }
    if (entry) for (const o of entry.occurrences) nodes.push(o.node);
    return s.children.every((c) => collect(c, false));
  };
  if (!collect(scope, true) || nodes.length === 0) return null;
  // `lambda type=type: ...` passes the value on under the same name: renaming one side would undo that.
  if (nodes.some((n) => isSameNamedDefault(n, context))) return null;
  // Annotations are left out of the scope analysis when they are never evaluated; a reference there would be missed.
  if (context.module.futureAnnotations() && scope.node.descendantsOfType('type').some((t) => t.descendantsOfType('identifier').some((i) => i.text === name))) return null;
  const { source } = context;
  return {
    title: `Rename \`${name}\` to \`${renamed}\``,
    safety: 'unsafe',
    edits: nodes.map((n) => ({ range: source.rangeOf(n), newText: renamed })),
  };
}

/** Whether the identifier is the default value of a parameter of the same name (`type=type`). */
function isSameNamedDefault(identifier: Node, context: RuleContext): boolean {
  const parameter = context.parentOf(identifier);
  if (parameter?.type !== 'default_parameter' && parameter?.type !== 'typed_default_parameter') return false;
  return parameter.childForFieldName('value')?.id === identifier.id && parameter.childForFieldName('name')?.text === identifier.text;
}

/** Whether the scope or one nested in it knows the name. */
function hasName(scope: Scope, name: string): boolean {
  return scope.symbols.has(name) || scope.children.some((c) => hasName(c, name));
}
