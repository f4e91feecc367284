// What the scope hover says, as data. `{placeholders}` are filled by hover.ts;
// `{scope}`, `{binder}` and `{inner}` arrive formatted ("`over`", "the lambda on line 3").
import type { BindingKind } from './model';

export const SCOPE_SUMMARY = {
  parameter: 'parameter of {scope}',
  parameterCell: 'parameter of {scope}, captured by {inner} (closure cell)',
  local: 'local to {scope} ({bound} on line {line})',
  localCell: 'local to {scope} ({bound} on line {line}), captured by {inner} (closure cell)',
  localUnassigned: 'local to {scope}, but never assigned there (line {line} makes it local)',
  comprehensionTarget: 'loop variable of {scope}, local to it',
  classAttribute: 'class attribute — not visible inside methods without `self.`/`cls.`',
  classAttributeRead: 'class attribute of `{class}`, read while the class body runs',
  classAnnotationOnly: 'annotated in the class body, but never assigned there: not a class attribute',
  moduleGlobal: 'global, defined at module level on line {line}',
  moduleGlobalDeleted: 'global, defined at module level on line {line}, deleted there on line {deleted}',
  exceptTarget: 'global, bound by the `except` clause on line {line}',
  unboundGlobal: 'global, but unbound at this point',
  globalAssignedBy: 'global, assigned in a function through `global {name}` (line {line})',
  importedFrom: 'imported from `{module}`',
  importedModule: 'imported module `{module}`',
  importedLocal: '{imported}, local to {scope}',
  importedClassAttribute: '{imported} — class attribute — not visible inside methods without `self.`/`cls.`',
  builtin: 'builtin',
  builtinOrStar: 'builtin, unless a star import provides a name `{name}`',
  moduleAttribute: 'module attribute Python sets before the code runs',
  undefinedGlobal: 'global, but nothing in this file assigns it',
  free: 'free variable captured from {binder} (closure cell)',
  freeUnbound: 'free variable, but no enclosing function binds it',
  classCell: 'implicit closure cell holding the class `{class}` (what `super()` uses)',
} as const;

export const SCOPE_DETAIL = {
  parameter: 'Bound to the argument when {scope} is called.',
  local: 'Python decides at compile time that {scope} owns `{name}`, because {scope} binds it; other functions cannot see it.',
  localUnassigned: 'A `del` or a bare annotation is enough for Python to treat `{name}` as local to {scope}; with no assignment, every read of it there raises UnboundLocalError.',
  cell: '{inner} reads it later through a cell, so it sees the current value, not a copy.',
  comprehension: 'A comprehension runs in its own scope: the variable does not leak into the surrounding code.',
  classAnnotationOnly:
    '`{name}: ...` on line {line} of class `{class}` records a type in `{class}.__annotations__` and assigns nothing: `{class}.{name}` raises AttributeError, and an instance has `{name}` only once some code sets `self.{name}` (a `@dataclass` or `NamedTuple` turns such lines into fields).',
  classBody: 'Defined in the body of class `{class}` on line {line}. Methods reach it as `self.{name}` or `{class}.{name}`; a bare `{name}` in a method looks past the class to the module.',
  importedHere: 'Bound by the import on line {line}.',
  declaredGlobal: 'Declared with `global {name}` on line {line}, so assignments in {scope} rebind the module-level variable.',
  readsGlobal: '{scope} does not bind `{name}`, so each read looks it up when it runs: first among the module\'s names, then the builtins.',
  starImport: 'It may come from `from {module} import *` on line {line}.',
  starImports: 'It may come from any of the star imports: {imports}. If several provide it, the last one to run wins.',
  free: '{binder} binds it on line {line}; this read sees its value at the time the code runs, not when the function was created.',
  nonlocal: 'Declared `nonlocal` on line {line}: assignments here change the variable of {binder}.',
  maybeAfterHandler: 'If the `except ... as {name}` handler of line {line} ran, Python unbound `{name}` when it ended, and this read raises {error}.',
  deletedByModule: 'Code here that runs after the `del {name}` on line {line} raises NameError.',
  walrusInComprehension:
    'Bound by `{name} := ...` inside a comprehension: `:=` assigns in the scope around the comprehension, here the module.',
  classNotYetBound:
    'Class `{class}` binds `{name}` only later (line {line}); a class body runs top to bottom, so at this point it has no `{name}` of its own and this read finds the {what}.',
  classDeleted: '`del {name}` on line {line} removed it from class `{class}`, so this read finds the {what}.',
  builtinAfterDelete: '`del {name}` on line {line} removed the module\'s own `{name}`, so this read finds the builtin again.',
  classShadow:
    'Class `{class}` also defines `{name}` (line {line}), but methods cannot see class attributes by their bare name: this `{name}` is the {what}. Write `self.{name}` or `cls.{name}` for the class attribute.',
} as const;

export const SCOPE_WARNING = {
  unboundLocal:
    '**Can raise UnboundLocalError here.** {scope} assigns `{name}` on line {line}, which makes `{name}` local to all of {scope}, including this read — and when this line runs, nothing has been assigned yet.',
  unboundLocalOuter: 'The {outer} `{name}` is not consulted. To mean it, declare `{keyword} {name}` at the top of {scope}.',
  afterDelete:
    '**Raises {error} here.** `del {name}` on line {line} removed the name and nothing assigns it again before this read.',
  afterHandler:
    '**Raises {error} here.** Python unbinds `{name}` when the `except ... as {name}` handler of line {line} ends, and nothing else assigns it before this read: `{name}` is unbound here whether or not that handler ran.',
} as const;

export const DECLARATION = {
  global:
    '**`global {name}`** — inside {scope}, `{name}` means the module-level variable{defined}: reads see the module\'s value, and assignments rebind it for the whole module rather than creating a local.',
  globalDefined: ' (defined at module level on line {line})',
  globalUndefined: ' (nothing at module level assigns it yet: the first assignment here creates it)',
  nonlocal:
    '**`nonlocal {name}`** — inside {scope}, `{name}` is the variable of the enclosing function {binder} (assigned on line {line}), shared through a closure cell: assignments here change the value {binder} sees.',
  nonlocalUnbound:
    '**`nonlocal {name}`** — no enclosing function binds `{name}`, so Python rejects the whole file with a SyntaxError. Use `global {name}` for a module-level variable.',
} as const;

/** How a binding gave the name its value, for `{bound}`: "local to `f` (assigned on line 3)". */
export const BINDING_VERBS: Readonly<Record<BindingKind, string>> = {
  assignment: 'assigned',
  augmented: 'assigned',
  annotation: 'annotated',
  parameter: 'a parameter',
  import: 'imported',
  function: 'defined',
  class: 'defined',
  for: 'bound by a `for` loop',
  with: 'bound by `with ... as`',
  except: 'bound by `except ... as`',
  match: 'captured by `case`',
  walrus: 'assigned with `:=`',
  comprehension: 'bound by the comprehension',
  type: 'defined',
};

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
