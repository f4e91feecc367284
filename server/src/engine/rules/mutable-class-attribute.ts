import type { Node } from '../../parser';
import { operationCode, type AttributeUse, type ClassSummary } from '../class-summary';
import { mutableConstructorOf, type ModuleView } from '../module-facts';
import { ancestors } from '../parents';
import type { Rule } from '../rule';
import type { SourceFile } from '../source';

/** Decorators of classes whose class-level assignments declare fields with per-instance values (dataclasses, attrs). */
const MODEL_DECORATORS: ReadonlySet<string> = new Set(['dataclass', 's', 'attrs', 'define', 'mutable', 'frozen', 'dataclass_json']);
/** Bases that give instances no attributes of their own: the class body is all there is to see. */
const PLAIN_BASES: ReadonlySet<string> = new Set(['object', 'ABC', 'Generic', 'Protocol']);
/**
 * Names that say the object is shared on purpose: private class-level state (`_handlers`)
 * and caches, registries, memo tables and lists of instances.
 */
const SHARED_ON_PURPOSE = /^_|cache|registry|memo|seen|instances/i;
const DEFINITION_START = /^(?:def\s|@|async\s|class\s|#)/;

export const mutableClassAttribute: Rule = {
  meta: {
    code: 'PP403',
    name: 'mutable-class-attribute',
    title: 'Mutable class attribute changed through `self`',
    severity: 'warning',
    fix: 'none',
    peers: ['RUF012'],
    docs: {
      whatItDoes:
        'Flags a class-level `name = []`, `{}`, `set()` (or another fresh list, dict, set, deque, `Counter`...) that ' +
        'a method of the class changes in place through `self.name`: `append`, `update`, `add`, an item assignment ' +
        'or deletion, `+=`. Left alone, because the sharing is then deliberate or cannot be judged: attributes ' +
        'annotated `ClassVar`; attributes some method rebinds with `self.name = ...` (each instance gets its own); ' +
        'attributes changed through `cls` in a class method or filled in `__init__` (a registry of instances); ' +
        'private names and caches or registries (`_handlers`, `lookup_cache`); classes with a decorator such as ' +
        '`@dataclass`, with a base other than `object`, `ABC`, `Generic` or `Protocol` (a named tuple, enum, model ' +
        'or base class the analysis cannot see may give instances their own copy), or defined inside a function.',
      whyIsThisBad:
        'The class body runs once, so the class holds a single list, and `self.name` finds that list through the ' +
        'class whenever the instance has no attribute of its own. Changing it in place through one instance ' +
        'changes it for every instance, present and future, which is rarely what a per-object collection means.',
      example: [
        'class Basket:',
        '    items = []',
        '',
        '    def add(self, item):',
        '        self.items.append(item)  # every Basket shares one list',
      ].join('\n'),
      useInstead: [
        'class Basket:',
        '    def __init__(self):',
        '        self.items = []',
        '',
        '    def add(self, item):',
        '        self.items.append(item)',
      ].join('\n'),
      fixSafety:
        'No fix: whether the object should belong to each instance (create it in `__init__`) or be shared on ' +
        'purpose (say so with `ClassVar` and change it through the class) is a decision about the design.',
    },
  },

  create(context) {
    return {
      class_definition(cls) {
        const candidates = mutableAttributes(cls, context.source, context.module).filter((c) => !SHARED_ON_PURPOSE.test(c.name.text));
        // A class made inside a function is a local helper (often a test double recording calls on purpose).
        if (candidates.length === 0 || [...ancestors(cls, context)].some((a) => a.type === 'function_definition')) return;
        const parent = context.parentOf(cls);
        const summary = context.classSummary(parent?.type === 'decorated_definition' ? parent : cls);
        if (!isPlainClass(summary)) return;
        for (const { name, constructor } of candidates) {
          const use = summary.attributeUse(name.text);
          if (use.mutations.length === 0 || use.assignments.length > 0 || use.classMutations.length > 0) continue;
          // Changed as each instance is made: a registry of instances, shared on purpose.
          if (use.mutations.some((m) => m.method === '__init__' || m.method === '__new__')) continue;
          const kind = constructor.split('.').pop()!;
          context.report({
            node: name,
            message:
              `\`${name.text}\` is one ${kind} made when the class is defined, shared by every instance: ${describe(name.text, use)}, ` +
              `so a change made through one instance shows in all of them; create it per instance in \`__init__\`, or ` +
              `mark it \`ClassVar\` if sharing is meant`,
          });
        }
      },
    };
  },
};

interface Candidate {
  name: Node;
  constructor: string;
}

/** Class-level `name = <fresh mutable>` statements, `ClassVar` annotations left out. */
function mutableAttributes(cls: Node, source: SourceFile, module: ModuleView): Candidate[] {
  const found: Candidate[] = [];
  for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
    // Methods, the bulk of a class, are recognised from the text without asking the tree.
    if (!statement || DEFINITION_START.test(source.text.slice(statement.startIndex, statement.startIndex + 6))) continue;
    if (statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChild(0);
    if (assignment?.type !== 'assignment') continue;
    const name = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    const annotation = assignment.childForFieldName('type');
    if (name?.type !== 'identifier' || !value) continue;
    if (annotation && /^\s*["']?(?:[\w.]+\.)?ClassVar\b/.test(annotation.text)) continue;
    const constructor = mutableConstructorOf(value, module);
    if (constructor) found.push({ name, constructor });
  }
  return found;
}

function lastName(expression: string): string {
  return expression.replace(/\(.*$/s, '').split('.').pop()!.trim();
}

/** The base classes and keywords as written, split at the commas between them. */
function basesOf(summary: ClassSummary): string[] {
  const text = summary.bases.replace(/^\(|\)$/g, '');
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * A class the analysis can judge from its own body: no dataclass-like decorator (its
 * class-level assignments are per-instance fields), and no base but `object`, `ABC`,
 * `Generic` or `Protocol`. A base it cannot see may give each instance its own copy in its
 * `__init__` (numpy's `FCompiler` copies `executables`), turn class-level assignments
 * into fields or members (`NamedTuple`, `TypedDict`, `Enum`, pydantic's `BaseModel`), or be
 * a framework that shares class-level state on purpose.
 */
function isPlainClass(summary: ClassSummary): boolean {
  if (summary.decorators.some((d) => MODEL_DECORATORS.has(lastName(d)))) return false;
  return basesOf(summary).every((b) => PLAIN_BASES.has(lastName(b.replace(/\[.*$/s, ''))) || /^metaclass\s*=\s*(?:abc\.)?ABCMeta$/.test(b));
}

function describe(name: string, use: AttributeUse): string {
  const { method, operation } = use.mutations[0];
  return `\`${method}()\` changes it in place (\`${operationCode(`self.${name}`, operation)}\`)`;
}
