import type { Node } from '../../parser';
import type { ClassSummary } from '../class-summary';
import { methodOf } from '../methods';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

const ACCESSORS = new Set(['setter', 'deleter']);

export const setterNameMismatch: Rule = {
  meta: {
    code: 'PP306',
    name: 'setter-name-mismatch',
    title: 'Property setter or deleter under another name',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a method decorated with `@x.setter` or `@x.deleter`, where `x` is bound in the same class ' +
        'body, whose own name is not `x`.',
      whyIsThisBad:
        '`@x.setter` does not change the property `x`: it returns a new property, made of the old getter ' +
        'and the new setter, and the `def` binds that new property to its own name. Under another name the ' +
        'class gains a second property, while `x` keeps no setter, so `obj.x = value` raises ' +
        '`AttributeError` (and `del obj.x` likewise for a deleter).',
      example: [
        'class Account:',
        '    @property',
        '    def balance(self):',
        '        return self._balance',
        '',
        '    @balance.setter',
        '    def set_balance(self, value):  # `balance` stays read-only',
        '        self._balance = value',
      ].join('\n'),
      useInstead: [
        'class Account:',
        '    @property',
        '    def balance(self):',
        '        return self._balance',
        '',
        '    @balance.setter',
        '    def balance(self, value):',
        '        self._balance = value',
      ].join('\n'),
      fixSafety:
        'Unsafe. The method is renamed to the property\'s name, so assignments to the property start ' +
        'calling the setter, and the attribute under the old name no longer exists for code that used it. ' +
        'No fix is offered when the class body uses the old name elsewhere (another accessor chained on it, ' +
        'a `property(...)` call) or binds it more than once.',
    },
  },

  create(context) {
    return {
      // Decorators are far fewer than functions: start from `@x.setter` / `@x.deleter`.
      decorator(decorator) {
        if (!/\.\s*(?:setter|deleter)\s*$/.test(decorator.text)) return;
        const expression = decorator.namedChild(0);
        if (expression?.type !== 'attribute') return;
        const accessor = expression.childForFieldName('attribute')?.text ?? '';
        const property = expression.childForFieldName('object');
        const fn = context.parentOf(decorator)?.childForFieldName('definition');
        const name = fn?.type === 'function_definition' ? fn.childForFieldName('name') : null;
        if (!ACCESSORS.has(accessor) || property?.type !== 'identifier' || !name || property.text === name.text) return;
        const method = methodOf(fn!, context);
        if (!method) return;
        const summary = context.classSummary(method.classNode);
        // `x` must be the class's own: a name from elsewhere may be any object with a `setter` attribute.
        if (!summary.boundNames.includes(property.text)) return;
        context.report({
          node: name,
          message: `\`${name.text}\` is decorated with \`@${property.text}.${accessor}\` but named differently: the ${accessor} is bound to \`${name.text}\`, and \`${property.text}\` keeps no ${accessor}`,
          fix: renameFix(name, property.text, summary, context),
        });
      },
    };
  },
};

/** Renames the method's binding in the class scope, unless the class body uses or rebinds the old name. */
function renameFix(name: Node, to: string, summary: ClassSummary, context: RuleContext): Fix | null {
  if (summary.mentionedNames.has(name.text) || summary.boundNames.filter((n) => n === name.text).length !== 1) return null;
  const occurrence = context.scopes.treeFor(name).occurrenceOf(name);
  const entry = occurrence?.scope.symbols.get(occurrence.name);
  if (!occurrence || occurrence.scope.type !== 'class' || !entry) return null;
  return {
    title: `Rename \`${name.text}\` to \`${to}\``,
    safety: 'unsafe',
    edits: entry.occurrences.map((o) => ({ range: context.source.rangeOf(o.node), newText: to })),
  };
}
