import type { Node } from '../../parser';
import { nameFromModule } from '../name-access';
import type { Rule, RuleContext } from '../rule';
import type { Fix } from '../types';

const FUNCTION_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);
const NESTED_DEF = /^[ \t]+(?:async[ \t]+)?def[ \t]+([_\p{ID_Start}]\p{ID_Continue}*)/gmu;
const RETURNED_NAME = /\breturn[ \t]+([_\p{ID_Start}]\p{ID_Continue}*)[ \t]*(?:[#;\r\n]|$)/gmu;

/** Names of indented `def`s that some `return name` in the text returns: read from the text, so that most functions cost no tree walk. */
function returnedDefinitions(text: string): Set<string> {
  const found = new Set<string>();
  // A nested `def` needs a second `def` in the text (the first is the function's own): most functions have none.
  if (!text.includes('return') || text.indexOf('def', text.indexOf('def') + 3) < 0 || !/^[ \t]+(?:async[ \t]+)?def[ \t]/m.test(text)) return found;
  const returned = new Set<string>();
  for (const m of text.matchAll(RETURNED_NAME)) returned.add(m[1]);
  for (const m of text.matchAll(NESTED_DEF)) if (returned.has(m[1])) found.add(m[1]);
  return found;
}

export const decoratorWithoutWraps: Rule = {
  meta: {
    code: 'PP307',
    name: 'decorator-without-wraps',
    title: 'Decorator wrapper without functools.wraps',
    severity: 'warning',
    fix: 'unsafe',
    peers: [],
    docs: {
      whatItDoes:
        'Flags a decorator: a function that takes a callable, defines an inner function that calls it with the ' +
        "inner function's own arguments (`return func(*args, **kwargs)`), and returns that inner function, when " +
        'the inner function has no decorator. Decorator factories are covered at every level. Wrappers whose ' +
        'metadata is copied by hand (`wrapper.__name__ = ...`, `update_wrapper(wrapper, func)`, any call that ' +
        'receives the wrapper) and functions that return something other than the bare inner function are left alone.',
      whyIsThisBad:
        "The decorated name now refers to the wrapper, so it reports the wrapper's `__name__`, `__qualname__`, " +
        '`__doc__` and `__module__`: every decorated function is called "wrapper" in tracebacks, logs and ' +
        'profiles, `help()` shows no docstring, `inspect.signature` shows `(*args, **kwargs)`, and tools that look ' +
        'up `__wrapped__` (pytest fixtures, `inspect.unwrap`, documentation generators) cannot find the original.',
      example: [
        'def logged(func):',
        '    def wrapper(*args, **kwargs):',
        '        print("calling", func.__name__)',
        '        return func(*args, **kwargs)',
        '    return wrapper',
      ].join('\n'),
      useInstead: [
        'from functools import wraps',
        '',
        'def logged(func):',
        '    @wraps(func)',
        '    def wrapper(*args, **kwargs):',
        '        print("calling", func.__name__)',
        '        return func(*args, **kwargs)',
        '    return wrapper',
      ].join('\n'),
      fixSafety:
        'Unsafe. The fix adds `@wraps(func)` (imported from `functools`, or `@functools.wraps(func)` when the ' +
        "module imports `functools` itself): the wrapper's `__name__`, `__qualname__`, `__doc__`, `__module__` and " +
        "`__dict__` become the wrapped function's, and it gains `__wrapped__`, which changes what `inspect.signature` " +
        'reports. Code that relied on the old names, or on attributes set on the wrapped function being absent from ' +
        'the wrapper, behaves differently. No fix is offered when `wraps` or `functools` already means something ' +
        'else where the decorator would go.',
    },
  },

  create(context) {
    return {
      function_definition(outer) {
        if (context.source.isStub) return;
        // Most functions return no function they define, and their text says so: the tree is asked about the rest only.
        const text = context.source.textOf(outer);
        const candidates = returnedDefinitions(text);
        if (candidates.size === 0) return;
        const callable = callableParameter(outer);
        if (!callable) return;
        const calls = new RegExp(`(?<![\\p{ID_Continue}.])${callable}\\s*\\(`, 'u');
        const body = outer.childForFieldName('body');
        if (!body || !calls.test(text)) return;
        const column = body.startPosition.column;
        for (const inner of body.descendantsOfType('function_definition')) {
          // A `def` at the body's own indentation is one of its statements, not nested deeper.
          if (!inner || inner.startPosition.column !== column || !calls.test(context.source.textOf(inner))) continue;
          const name = inner.childForFieldName('name');
          if (!name || !candidates.has(name.text) || context.parentOf(inner)?.id !== body.id) continue;
          if (!forwardsTo(inner, callable, context) || !returnedBare(name.text, inner, body, context)) continue;
          // "not using @wraps here for performance": a comment that mentions it says the choice was made.
          if (outer.descendantsOfType('comment').some((c) => c !== null && /\bwraps\b/.test(c.text))) return;
          context.report({
            node: name,
            message:
              `\`${name.text}\` stands in for \`${callable}\` but keeps its own name, docstring and signature: ` +
              `decorate it with \`@functools.wraps(${callable})\``,
            fix: wrapsFix(inner, callable, context),
          });
        }
      },
    };
  },
};

/** Plain parameter names of a `parameters` node, with the kind each is. */
function parameterList(parameters: Node | null): Array<{ name: string; kind: 'positional' | 'keyword' | 'args' | 'kwargs'; hasDefault: boolean }> {
  const list: Array<{ name: string; kind: 'positional' | 'keyword' | 'args' | 'kwargs'; hasDefault: boolean }> = [];
  let keywordOnly = false;
  for (const p of parameters?.namedChildren ?? []) {
    if (!p) continue;
    switch (p.type) {
      case 'identifier':
        list.push({ name: p.text, kind: keywordOnly ? 'keyword' : 'positional', hasDefault: false });
        break;
      case 'typed_parameter': {
        const inner = p.namedChild(0);
        if (inner?.type === 'identifier') list.push({ name: inner.text, kind: keywordOnly ? 'keyword' : 'positional', hasDefault: false });
        else if (inner?.type === 'list_splat_pattern') {
          keywordOnly = true;
          list.push({ name: inner.namedChild(0)?.text ?? '', kind: 'args', hasDefault: false });
        } else if (inner?.type === 'dictionary_splat_pattern') list.push({ name: inner.namedChild(0)?.text ?? '', kind: 'kwargs', hasDefault: false });
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        if (name?.type === 'identifier') list.push({ name: name.text, kind: keywordOnly ? 'keyword' : 'positional', hasDefault: true });
        break;
      }
      case 'list_splat_pattern':
        keywordOnly = true;
        list.push({ name: p.namedChild(0)?.text ?? '', kind: 'args', hasDefault: false });
        break;
      case 'keyword_separator':
        keywordOnly = true;
        break;
      case 'dictionary_splat_pattern':
        list.push({ name: p.namedChild(0)?.text ?? '', kind: 'kwargs', hasDefault: false });
        break;
      default:
        break;
    }
  }
  return list;
}

/**
 * The parameter that may be the decorated callable: the first one (after `self`/`cls`
 * in a method), when every later parameter has a default. `def tryit(rule, exception)`
 * combines two things; `def deco(func, *, name=None)` decorates `func`.
 */
function callableParameter(outer: Node): string | null {
  const list = parameterList(outer.childForFieldName('parameters'));
  const i = list.length > 1 && (list[0].name === 'self' || list[0].name === 'cls') ? 1 : 0;
  const candidate = list[i];
  if (!candidate || candidate.kind !== 'positional') return null;
  return list.slice(i + 1).every((p) => p.hasDefault || p.kind === 'args' || p.kind === 'kwargs') ? candidate.name : null;
}

/** Whether a node lies in `fn`'s own code, not in a function, lambda or class nested in it. */
function inOwnCode(node: Node, fn: Node, context: RuleContext): boolean {
  for (let p = context.parentOf(node); p && p.id !== fn.id; p = context.parentOf(p)) {
    if (FUNCTION_TYPES.has(p.type)) return false;
  }
  return true;
}

/**
 * Whether `inner` calls `callee` once in its own code, passing on exactly its own
 * parameters in order and in the same form (`p`, `*args`, `k=k`, `**kwargs`): the
 * shape of a wrapper standing in for `callee`. A function that calls it twice or with
 * other arguments computes something new from it (`f(f(x))`).
 */
function forwardsTo(inner: Node, callee: string, context: RuleContext): boolean {
  const own = parameterList(inner.childForFieldName('parameters'));
  if (own.some((p) => p.name === callee)) return false;
  const body = inner.childForFieldName('body');
  if (!body) return false;
  const calls = body.descendantsOfType('call').filter((call): call is Node => {
    const fn = call?.childForFieldName('function');
    return fn?.type === 'identifier' && fn.text === callee && inOwnCode(call!, inner, context);
  });
  if (calls.length !== 1 || !handsOnResult(calls[0], context)) return false;
  const args = (calls[0].childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => a !== null && a.type !== 'comment');
  return (
    args.length === own.length &&
    own.every((p, i) => {
      const a = args[i];
      switch (p.kind) {
        case 'positional':
          return a.type === 'identifier' && a.text === p.name;
        case 'args':
          return a.type === 'list_splat' && a.namedChild(0)?.text === p.name;
        case 'keyword':
          return a.type === 'keyword_argument' && a.childForFieldName('name')?.text === p.name && a.childForFieldName('value')?.text === p.name;
        case 'kwargs':
          return a.type === 'dictionary_splat' && a.namedChild(0)?.text === p.name;
      }
    })
  );
}

/** Places where a call's value is handed on, kept or dropped as a wrapper does, rather than used to compute something else. */
const HANDING_ON = new Set(['return_statement', 'expression_statement', 'yield']);

/**
 * Whether the call is a statement of its own, returned, yielded, or stored in a name
 * (`result = func(*args)`), `await` allowed, or the only argument of a call that is
 * (`return list(func(*args))`): not looped over (`for w in succ(v)`), raised, or
 * combined with other things (`ClosingIterator(app(environ, start), cleanup)`).
 */
function handsOnResult(call: Node, context: RuleContext): boolean {
  let parent = context.parentOf(call);
  if (parent?.type === 'await') parent = context.parentOf(parent);
  if (!parent) return false;
  if (HANDING_ON.has(parent.type)) return true;
  if (parent.type === 'argument_list') {
    const outerCall = context.parentOf(parent);
    return parent.namedChildren.filter((a) => a?.type !== 'comment').length === 1 && outerCall?.type === 'call' && handsOnResult(outerCall, context);
  }
  return parent.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier';
}

/**
 * Whether the outer function returns the inner one as it is (`return wrapper`) and
 * does nothing else with it that may copy metadata: a call that receives it
 * (`update_wrapper(wrapper, func)`), a dunder set on it (`wrapper.__doc__ = ...`),
 * or a rebinding.
 */
function returnedBare(name: string, inner: Node, body: Node, context: RuleContext): boolean {
  let returned = false;
  for (const id of body.descendantsOfType('identifier')) {
    if (!id || id.text !== name || (id.startIndex >= inner.startIndex && id.endIndex <= inner.endIndex)) continue;
    const parent = context.parentOf(id);
    if (!parent) return false;
    if (parent.type === 'return_statement') {
      if (!inOwnCode(id, context.parentOf(body)!, context)) return false;
      returned = true;
      continue;
    }
    // `wrapper.calls = 0` keeps state on the wrapper; `wrapper.__name__ = ...` copies metadata by hand.
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === id.id) {
      const attribute = parent.childForFieldName('attribute')?.text ?? '';
      if (/^__\w+__$/.test(attribute)) return false;
      continue;
    }
    return false;
  }
  return returned;
}

function wrapsFix(inner: Node, wrapped: string, context: RuleContext): Fix | null {
  const { source } = context;
  const line = inner.startPosition.row;
  const indent = source.indentOf(line);
  if (indent.length !== inner.startPosition.column) return null;
  const access = nameFromModule('functools', 'wraps', inner, context);
  if (!access) return null;
  const at = { line, character: indent.length };
  const edits = [{ range: { start: at, end: at }, newText: `@${access.text}(${wrapped})${source.eol}${indent}` }];
  if (access.edit) edits.push(access.edit);
  return { title: `Add \`@${access.text}(${wrapped})\``, safety: 'unsafe', edits };
}
