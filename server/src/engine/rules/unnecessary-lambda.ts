import type { Node } from '../../parser';
import { assignmentOfValue, plainArguments } from '../python';
import { boundAround, resolveName } from '../resolve';
import type { Rule, RuleContext } from '../rule';
import { DEF_GLOBAL, isBinding, type Scope, type ScopeTree } from '../scope';
import { BUILTIN_NAMES } from '../scope/builtins';

export const unnecessaryLambda: Rule = {
  meta: {
    code: 'PP703',
    name: 'unnecessary-lambda',
    title: 'Lambda that only passes its arguments on to a function',
    severity: 'information',
    fix: 'unsafe',
    peers: ['PLW0108'],
    docs: {
      whatItDoes:
        'Flags `lambda a, b: f(a, b)`: a lambda whose plain positional parameters are passed, in the same order ' +
        'and nothing else, to a function named by a name or by an attribute of a module brought in by `import`. ' +
        'It stays silent when the name may refer to another object by the time the lambda is called: the name is ' +
        'one of the lambda\'s parameters, is bound more than once, in a loop around the lambda or after it, or is ' +
        'declared `global` and assigned; when the function is an attribute of an object (`self.handler` is looked ' +
        'up on every call); when module or class code creates the lambda and the function is imported (tests ' +
        'patch imported names, and only the lambda would see the patch); when the lambda is meant as a method (a ' +
        'class body assigns it, or its first parameter is `self` or `cls`); and when a class receives a lambda ' +
        'with parameters (constraint and injection frameworks read the parameter names).',
      whyIsThisBad:
        'The lambda adds a layer that does nothing: one more call on every use, a `<lambda>` frame in tracebacks ' +
        'instead of the function that does the work, and a reader who has to check that the arguments really go ' +
        'through unchanged. Passing the function itself says the same thing directly.',
      example: ['import json', '', 'def load_all(texts):', '    return list(map(lambda text: json.loads(text), texts))'].join('\n'),
      useInstead: ['import json', '', 'def load_all(texts):', '    return list(map(json.loads, texts))'].join('\n'),
      fixSafety:
        'Unsafe. The lambda looks the function up each time it is called; the fix looks it up once, where the ' +
        'lambda was written, so a later rebinding (a test that patches it, a module that replaces it) is no ' +
        'longer seen. The lambda also accepts exactly its parameters, while the function may accept more, or ' +
        'keywords, and it is not the same object: code that compares callbacks or reads `__name__` notices.',
    },
  },

  create(context) {
    return {
      lambda(lambda) {
        const parameters = lambda.childForFieldName('parameters');
        let body = lambda.childForFieldName('body');
        while (body?.type === 'parenthesized_expression') {
          const inner = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
          body = inner.length === 1 ? inner[0] : null;
        }
        if (body?.type !== 'call') return;
        const names = (parameters?.namedChildren ?? []).filter((p): p is Node => p !== null);
        if (names.some((p) => p.type !== 'identifier')) return;
        const callee = body.childForFieldName('function');
        const args = plainArguments(body);
        if (!callee || !args || args.keywords.length > 0 || args.positional.length !== names.length) return;
        if (!args.positional.every((a, i) => a.type === 'identifier' && a.text === names[i].text)) return;
        if (callee.type !== 'identifier' && callee.type !== 'attribute') return;
        // `lambda self: str(self)` is meant to become a method, which `str` would not.
        if (names.length > 0 && (names[0].text === 'self' || names[0].text === 'cls')) return;
        if (names.length > 0 && namesMayMatter(lambda, context)) return;
        if (!stableCallee(callee, lambda, context) || isClassLevelValue(lambda, context)) return;
        context.report({
          node: lambda,
          message: `this lambda only passes its arguments on to \`${callee.text}\`: pass \`${callee.text}\` itself`,
          fix:
            lambda.descendantsOfType('comment').length > 0
              ? null
              : { title: `Use \`${callee.text}\``, safety: 'unsafe', edits: [{ range: context.source.rangeOf(lambda), newText: callee.text }] },
        });
      },
    };
  },
};

/**
 * Whether the callee names, when the lambda is written, the object it will name when the lambda
 * is called: a function's variable bound once before the lambda and not in a loop around it, a
 * module-level name bound once, a builtin, or an attribute of a module brought in by `import`.
 * A lambda that module or class code creates lives
 * as long as the module: it is left alone unless its callee is a builtin or a function or class of
 * the module, since an imported name is what tests patch (the lambda sees the patch, the bare
 * function captured at import time would not).
 */
function stableCallee(callee: Node, lambda: Node, context: RuleContext): boolean {
  const tree = context.scopes.treeFor(lambda);
  const atImport = runsAtImport(tree.scopeContaining(lambda));
  if (callee.type === 'attribute') {
    if (atImport) return false;
    let head = callee;
    while (head.type === 'attribute') head = head.childForFieldName('object')!;
    if (head.type !== 'identifier' || !resolveName(callee, context)) return false;
    // `import os` or `import numpy as np`: a module. `from sympy.abc import x` may bind any object,
    // and looking `x.cos` up early would raise where the lambda raised only when called.
    const imported = context.module.importOf(head.text);
    return imported !== undefined && !imported.includes('.') && context.module.bindingCount(head.text) === 1;
  }
  const occurrence = tree.occurrenceOf(callee);
  const entry = occurrence?.scope.symbols.get(occurrence.name);
  if (!occurrence || !entry) return false;
  const name = occurrence.name;
  if (entry.scope === 'free') {
    const binder = bindingScope(occurrence.scope, name);
    return binder !== null && boundOnceBefore(binder, name, lambda, tree, context);
  }
  if (entry.scope !== 'global_implicit' && entry.scope !== 'global_explicit') return false;
  // What the name means where the lambda is written (a class body may bind it) must be the global.
  if (boundAround(lambda, name, context)) return false;
  if (tree.scopes.some((s) => (s.symbols.get(name)?.flags ?? 0) & DEF_GLOBAL && s.symbols.get(name)!.occurrences.some(isBinding))) return false;
  const bindings = context.module.bindingCount(name);
  if (bindings === 0) return BUILTIN_NAMES.has(name);
  if (bindings !== 1) return false;
  if (!atImport) return true;
  const row = context.module.firstBinding(name);
  return context.module.importOf(name) === undefined && row !== undefined && row < lambda.startPosition.row;
}

/** Whether code in this scope runs when the module is imported: module and class bodies, and comprehensions in them. */
function runsAtImport(scope: Scope): boolean {
  for (let s: Scope | null = scope; s; s = s.parent) {
    if (s.type === 'function' && !s.comprehension) return false;
  }
  return true;
}

/** The function scope whose local a free name of the lambda is. */
function bindingScope(from: Scope, name: string): Scope | null {
  for (let s = from.parent; s; s = s.parent) {
    if (s.type === 'class') continue;
    const entry = s.symbols.get(name);
    if (entry && (entry.scope === 'local' || entry.scope === 'cell')) return s;
  }
  return null;
}

function within(node: Node, container: Node): boolean {
  return container.startIndex <= node.startIndex && node.endIndex <= container.endIndex;
}

/**
 * A function's variable keeps its value for the lambda when it is bound once, before the
 * lambda, outside any loop around the lambda, and no nested function rebinds it (`nonlocal`).
 */
function boundOnceBefore(binder: Scope, name: string, lambda: Node, tree: ScopeTree, context: RuleContext): boolean {
  if (binder.comprehension) return false;
  const bindings = binder.symbols.get(name)!.occurrences.filter(isBinding);
  if (bindings.length !== 1 || bindings[0].node.startIndex >= lambda.startIndex) return false;
  const rebound = tree.scopes.some((s) => s !== binder && within(s.node, binder.node) && s.symbols.get(name)?.scope === 'free' && s.symbols.get(name)!.occurrences.some(isBinding));
  if (rebound) return false;
  for (let p = context.parentOf(lambda); p && p.id !== binder.node.id; p = context.parentOf(p)) {
    if ((p.type === 'for_statement' || p.type === 'while_statement') && within(bindings[0].node, p)) return false;
  }
  return true;
}

/**
 * Whether a class receives the lambda (`CustomConstraint(lambda a, x: free_of(a, x))`): classes
 * that store a callable with parameters may read the parameters' names (matchpy's constraints,
 * dependency injection), which the function passed instead would not share.
 */
function namesMayMatter(lambda: Node, context: RuleContext): boolean {
  let holder = context.parentOf(lambda);
  if (holder?.type === 'keyword_argument') holder = context.parentOf(holder);
  const call = holder?.type === 'argument_list' ? context.parentOf(holder) : null;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  return name !== undefined && /^_*[A-Z]/.test(name) && /[a-z]/.test(name);
}

/** Whether the lambda is the value a class body assigns: a method, which a function of another kind would not be. */
function isClassLevelValue(lambda: Node, context: RuleContext): boolean {
  if (!assignmentOfValue(lambda, context)) return false;
  return context.scopes.treeFor(lambda).scopeContaining(lambda).type === 'class';
}
