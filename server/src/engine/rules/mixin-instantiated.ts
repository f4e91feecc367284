import type { Node } from '../../parser';
import { ancestors } from '../parents';
import type { Rule, RuleContext } from '../rule';

export const mixinInstantiated: Rule = {
  meta: {
    code: 'PP312',
    name: 'mixin-instantiated',
    title: 'A mixin class is instantiated on its own',
    severity: 'warning',
    fix: 'none',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a call `SomethingMixin(...)` where `SomethingMixin` is a class defined in the module or imported ' +
        '(`mod.SomethingMixin(...)` too, when `mod` is an imported module). Names bound inside a function are not ' +
        'followed, and calls inside test functions and test classes are left alone: a test may exercise a mixin ' +
        'on its own on purpose.',
      whyIsThisBad:
        'A mixin is half a class: it adds methods to the classes that inherit from it and relies on them for the ' +
        'rest: attributes set by their `__init__`, methods it calls on `self`. An instance of the mixin alone ' +
        'usually fails with an `AttributeError` the first time one of those methods runs, far from this call. ' +
        'And if the class really works alone, the `Mixin` name misleads every reader.',
      example: [
        'class JsonMixin:',
        '    def to_json(self):',
        '        return json.dumps(self.as_dict())',
        '',
        'payload = JsonMixin().to_json()  # AttributeError: no as_dict',
      ].join('\n'),
      useInstead: [
        'class Order(JsonMixin, Record):',
        '    ...',
        '',
        'payload = Order(items).to_json()',
      ].join('\n'),
      fixSafety: 'No fix: the class to combine the mixin with is a design decision.',
    },
  },

  create(context) {
    // Most files never mention a mixin: then there is no call to look at (asked once per analysis).
    if (!context.source.mayContain('Mixin')) return {};
    return {
      call(call) {
        // Reading the text is far cheaper than asking the tree for the callee.
        if (!context.source.text.slice(call.startIndex, call.endIndex).includes('Mixin')) return;
        const callee = call.childForFieldName('function');
        if (!callee) return;
        const name = calledMixin(callee, context);
        if (!name || inTest(call, context)) return;
        context.report({
          node: call,
          message:
            `\`${name}\` is a mixin, meant to be combined with other classes through inheritance: on its own it ` +
            'lacks what its methods expect from the class they are mixed into. Instantiate a class that inherits from it',
          fix: null,
        });
      },
    };
  },
};

/** RULES: a class named `*Mixin` (`ConfigMixIn`-style names are left alone: such classes are often used on their own). */
const MIXIN = /Mixin$/;

/** The mixin's name when `callee` names a mixin class defined at module level or imported, else null. */
function calledMixin(callee: Node, context: RuleContext): string | null {
  if (callee.type === 'identifier') {
    const name = callee.text;
    if (!MIXIN.test(name)) return null;
    if (!context.module.moduleClass(name) && !context.module.importOf(name)) return null;
    return isModuleName(callee, context) ? name : null;
  }
  if (callee.type === 'attribute') {
    const attribute = callee.childForFieldName('attribute')?.text ?? '';
    const object = callee.childForFieldName('object');
    if (!MIXIN.test(attribute) || object?.type !== 'identifier') return null;
    // `mod.SomethingMixin(...)`: only when `mod` is an imported module, not an object.
    const imported = context.module.importOf(object.text);
    if (!imported || context.module.bindingCount(object.text) !== 1 || !isModuleName(object, context)) return null;
    return `${object.text}.${attribute}`;
  }
  return null;
}

/** Inside a test function or test class: tests exercise a mixin on its own on purpose. */
function inTest(node: Node, context: RuleContext): boolean {
  for (const above of ancestors(node, context)) {
    if (above.type !== 'function_definition' && above.type !== 'class_definition') continue;
    const name = above.childForFieldName('name')?.text ?? '';
    if (above.type === 'function_definition' ? /^test/i.test(name) : /^Test|Tests?$/.test(name)) return true;
  }
  return false;
}

/** Whether the identifier reads the module-level binding (no local, enclosing or class binding hides it). */
function isModuleName(identifier: Node, context: RuleContext): boolean {
  const tree = context.scopes.treeFor(identifier);
  const occurrence = tree.occurrenceOf(identifier);
  if (!occurrence) return false;
  if (occurrence.scope.type === 'module') return true;
  const entry = occurrence.scope.symbols.get(occurrence.name);
  return entry?.scope === 'global_implicit' || entry?.scope === 'global_explicit';
}
