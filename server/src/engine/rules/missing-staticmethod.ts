import { baseNames, decoratorLineEdit, firstParameter, lastPart, looksLikeMetaclass, undecoratedMethodVisitors } from '../methods';
import type { Node } from '../../parser';
import type { ClassSummary } from '../class-summary';
import type { ParentLookup } from '../parents';
import { isDocstring, isStubBody, statementsOf, underscoreForm } from '../python';
import type { Rule } from '../rule';

/** Names that receive the instance or class by convention. */
const RECEIVER_NAMES = new Set(['self', 'cls', 'mcs', 'metacls', '_']);

/** A parameter list starting with a receiver name or `*args`. */
const RECEIVER_FIRST = /^\(\s*(?:(?:self|cls|mcs|metacls|_)\b|\*(?!\s*[*,)]))/;

/** Other names people give the receiver on purpose (`self_`, `inner_self` and the like contain `self`). */
const DELIBERATE_RECEIVER_NAMES = new Set(['this', 'me', 'myself', 'slf', 's', 'obj', 'inst', 'instance', 'klass', 'kls', 'clazz', 'mcls', 'meta', 'metaclass']);

/**
 * Methods Python itself calls without an instance, or that a well-known metaclass binds
 * another way (Pygments' `LexerMeta` turns every lexer's `analyse_text` into a static method).
 */
const IMPLICITLY_BOUND = new Set(['__new__', '__init_subclass__', '__class_getitem__', '_generate_next_value_', 'analyse_text']);

/**
 * Classes whose methods are declarations, not code that runs on an instance: `typing.Protocol`
 * and zope.interface's `Interface` (whose convention is to leave `self` out).
 */
function declaresOnly(summary: ClassSummary): boolean {
  return baseNames(summary).some((base) => {
    const name = lastPart(base);
    return name === 'Protocol' || name.endsWith('Interface') || /^I[A-Z][a-z]/.test(name);
  }) || /^I[A-Z][a-z]/.test(summary.name);
}

/** Every data-model method receives the instance, and some parameter names say they do. */
function namesReceiver(method: string, parameter: string): boolean {
  return underscoreForm(method) === 'dunder' || parameter.includes('self') || DELIBERATE_RECEIVER_NAMES.has(parameter);
}

/**
 * Whether the first parameter may be the instance after all: the body reads its attributes,
 * asks its type or calls `super()`. A body that never reads it (an override or a stub
 * that ignores the instance) is left alone too.
 */
function mayBeTheInstance(name: string, body: Node, parents: ParentLookup): boolean {
  let read = false;
  for (const id of body.descendantsOfType('identifier')) {
    if (!id) continue;
    const parent = parents.parentOf(id);
    if (id.text === 'super' && parent?.type === 'call' && parent.childForFieldName('arguments')?.namedChildCount === 0) return true;
    if (id.text !== name) continue;
    if (parent?.type === 'attribute') {
      if (parent.childForFieldName('object')?.id === id.id) return true;
      continue;
    }
    read = true;
    if (parent?.type === 'argument_list' && parent.namedChild(0)?.id === id.id) {
      const callee = parents.parentOf(parent)?.childForFieldName('function')?.text;
      if (callee === 'isinstance' || callee === 'type') return true;
    }
  }
  return !read;
}

/**
 * A `metaclass=` other than `ABCMeta`: it may treat the functions of the body its own way
 * (turn them into static methods, properties of the class...).
 */
function customMetaclass(summary: ClassSummary): boolean {
  const m = /\bmetaclass\s*=\s*([\w.]+)/.exec(summary.bases);
  return m !== null && lastPart(m[1]) !== 'ABCMeta';
}

/** A body that only marks a place: `pass`, `...`, a docstring, `raise NotImplementedError`. */
function isPlaceholder(body: Node): boolean {
  const statements = statementsOf(body).filter((s) => !isDocstring(s));
  if (statements.length === 1 && statements[0].type === 'raise_statement') {
    const raised = statements[0].namedChild(0);
    const exception = raised?.type === 'call' ? raised.childForFieldName('function') : raised;
    if (exception?.text === 'NotImplementedError') return true;
  }
  return isStubBody(body);
}

function sharesReceiverName(name: string, fn: Node, summary: ClassSummary): boolean {
  const pattern = new RegExp(`^\\(\\s*${name}\\b`);
  return summary.methods.some((m) => m.node.id !== fn.id && pattern.test(m.parameters));
}

export const missingStaticmethod: Rule = {
  meta: {
    code: 'PP303',
    name: 'missing-staticmethod',
    title: 'Method without a parameter for the instance',
    severity: 'warning',
    fix: 'unsafe',
    peers: ['PLR6301'],
    docs: {
      whatItDoes:
        'Flags a `def` written directly in a class body, without any decorator, that either has no positional ' +
        'parameter at all or whose first parameter is not a receiver: not `self`, `cls`, `mcs`, `metacls` or `_`, ' +
        'and not used like one either. A first parameter counts as the instance under another name when the ' +
        'method is a data-model method (`__add__(a, b)`), when the name says so (`this`, `obj`, `self_`...), ' +
        'when several methods of the class share it (`f` in sympy\'s polynomial classes, `ctx` in mpmath), or ' +
        'when the body reads its attributes, asks its type, calls `super()` or never reads it. `__new__`, ' +
        '`__init_subclass__`, `__class_getitem__`, `_generate_next_value_`, placeholder bodies (`pass`, ' +
        '`...`, `raise NotImplementedError`), methods of `Protocol` and interface classes and of classes with ' +
        'a custom `metaclass=`, and functions the class body itself uses (a helper called while the class is ' +
        'built, or wrapped later with `f = staticmethod(f)`) are left alone.',
      whyIsThisBad:
        'A plain function in a class becomes a method: looked up on an instance, Python binds it and passes ' +
        'the instance as the first argument. A function that takes no parameters then fails with a ' +
        '`TypeError` as soon as it is called on an instance, and one whose first parameter means something ' +
        'else silently receives the instance in its place. It only appears to work when called on the class ' +
        'itself.',
      example: [
        'class Temperature:',
        '    def from_fahrenheit(degrees):',
        '        return (degrees - 32) * 5 / 9',
        '',
        'Temperature().from_fahrenheit(212)  # TypeError: takes 1 positional argument but 2 were given',
      ].join('\n'),
      useInstead: [
        'class Temperature:',
        '    @staticmethod',
        '    def from_fahrenheit(degrees):',
        '        return (degrees - 32) * 5 / 9',
      ].join('\n'),
      fixSafety:
        'Unsafe. `@staticmethod` is added above the `def`. When the first parameter was in fact meant to ' +
        'receive the instance under an unusual name (`this`, `obj`), the method stops receiving it and every ' +
        'call on an instance changes meaning; in that case rename the parameter to `self` instead.',
    },
  },

  create(context) {
    return undecoratedMethodVisitors(context, (method) => {
      const { fn } = method;
      // Nearly every method starts with `self`, `cls` or `*args`: settle those from the text alone.
      if (RECEIVER_FIRST.test(fn.childForFieldName('parameters')?.text ?? '')) return;
      const name = fn.childForFieldName('name');
      if (!name || IMPLICITLY_BOUND.has(name.text)) return;
      const first = firstParameter(fn);
      const receiver = first.kind === 'positional' ? first.name!.text : null;
      if (first.kind === 'star' || (receiver && (RECEIVER_NAMES.has(receiver) || namesReceiver(name.text, receiver)))) return;
      const summary = context.classSummary(method.classNode);
      if (declaresOnly(summary) || customMetaclass(summary) || summary.mentionedNames.has(name.text)) return;
      // One unusual name shared by several methods (`f` in sympy's polynomials, `ctx` in mpmath) is the class's name for the receiver.
      if (receiver && sharesReceiverName(receiver, fn, summary)) return;
      // A metaclass's `__prepare__` is looked up on the metaclass itself, so no instance is ever passed.
      if (name.text === '__prepare__' && looksLikeMetaclass(summary)) return;
      const body = fn.childForFieldName('body');
      if (!body || isPlaceholder(body) || (receiver && mayBeTheInstance(receiver, body, context))) return;
      const message =
        first.kind === 'positional'
          ? `\`${name.text}\` is called with the instance as its first argument \`${first.name!.text}\`: if it does not use the instance, make it a \`@staticmethod\`; if it does, name the parameter \`self\``
          : `\`${name.text}\` has no parameter for the instance, so calling it on an instance raises \`TypeError\`: make it a \`@staticmethod\``;
      const edit = decoratorLineEdit(method, 'staticmethod', context.source);
      context.report({
        node: name,
        message,
        fix: edit && { title: 'Add `@staticmethod`', safety: 'unsafe', edits: [edit] },
      });
    });
  },
};
