import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, parsePython, RULES, type Rule, type RuleError } from '../../server/src/engine';
import { calleeName, indexOfAsciiWord } from '../../server/src/engine/python';
import { callsTo } from '../../server/src/engine/rule';
import { testParser } from '../support/engine';

const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';

const exploding: Rule = {
  meta: { ...RULES[0].meta, optIn: undefined, code: 'PP000', name: 'exploding-test-rule' },
  create: () => ({
    function_definition() {
      throw new Error('boom');
    },
  }),
};

describe('analyze', () => {
  it('isolates a failing rule: logged with code and file, the other rules still report', async () => {
    const parser = await testParser();
    const tree = parser.parse(BUS)!;
    const errors: RuleError[] = [];
    const { diagnostics } = analyze({ tree, text: BUS, settings: DEFAULT_SETTINGS, path: 'bus.py', rules: [exploding, ...RULES], onRuleError: (e) => errors.push(e) });
    assert.deepEqual(diagnostics.map((d) => d.code), ['PP401']);
    assert.deepEqual(errors.map((e) => [e.code, e.path, String(e.error)]), [['PP000', 'bus.py', 'Error: boom']]);
  });

  it('reports a visitor for a node type the grammar lacks instead of failing', async () => {
    const parser = await testParser();
    const tree = parser.parse(BUS)!;
    const errors: RuleError[] = [];
    const typo: Rule = { meta: { ...RULES[0].meta, optIn: undefined, code: 'PP000' }, create: () => ({ function_defnition() {} }) };
    const { diagnostics } = analyze({ tree, text: BUS, settings: DEFAULT_SETTINGS, path: 'bus.py', rules: [typo, ...RULES], onRuleError: (e) => errors.push(e) });
    assert.deepEqual(diagnostics.map((d) => d.code), ['PP401']);
    assert.match(String(errors[0]?.error), /unknown node type 'function_defnition'/);
  });

  it('hands a call to the visitors of the name its callee ends in (callsTo), and every call to the visitors of calls', async () => {
    const parser = await testParser();
    const text = ['open(p)', 'io.open(p)', 'x . open (p)', 'opener(p)', 'f()(p)', 'a[0](p)', 'reopen(p)', 'obj.open', 'open', '\uff4f\uff50\uff45\uff4e(p)', 'x.\uff4f\uff50\uff45\uff4e(p)', ''].join('\n');
    const tree = parser.parse(text)!;
    const named: string[] = [];
    const every: string[] = [];
    const probe: Rule = {
      meta: { ...RULES[0].meta, optIn: undefined, code: 'PP000', name: 'callee-probe' },
      create: () => ({ ...callsTo(['open', '\uff4f\uff50\uff45\uff4e'], (call) => named.push(call.text)), call: (call) => every.push(call.text) }),
    };
    const errors: RuleError[] = [];
    analyze({ tree, text, settings: DEFAULT_SETTINGS, rules: [probe], onRuleError: (e) => errors.push(e) });
    assert.deepEqual(errors, []);
    assert.deepEqual(named, ['open(p)', 'io.open(p)', 'x . open (p)', '\uff4f\uff50\uff45\uff4e(p)', 'x.\uff4f\uff50\uff45\uff4e(p)']);
    assert.deepEqual(every, ['open(p)', 'io.open(p)', 'x . open (p)', 'opener(p)', 'f()(p)', 'f()', 'a[0](p)', 'reopen(p)', '\uff4f\uff50\uff45\uff4e(p)', 'x.\uff4f\uff50\uff45\uff4e(p)']);
    // Only the calls to a name: calls are still found when no rule wants every call.
    named.length = 0;
    const only: Rule = { ...probe, create: () => callsTo(['open'], (call) => named.push(call.text)) };
    analyze({ tree, text, settings: DEFAULT_SETTINGS, rules: [only] });
    assert.deepEqual(named, ['open(p)', 'io.open(p)', 'x . open (p)']);
    tree.delete();
  });

  it('reads the plain name a call starts with from the text (calleeName)', async () => {
    const parser = await testParser();
    const text = ['f(x)', 'f2 \t(x)', '_g(x)', 'a.f(x)', 'f(a)(b)', '\u00e9t\u00e9(x)', '(f)(x)', ''].join('\n');
    const tree = parser.parse(text)!;
    const calls = tree.rootNode.descendantsOfType('call').filter((c) => c!.parent!.type === 'expression_statement');
    assert.deepEqual(calls.map((c) => calleeName(c!, text)), ['f', 'f2', '_g', null, 'f', null, null]);
    tree.delete();
  });

  it('every registered rule, opt-in ones too, runs without an error (a visitor for a node type the grammar lacks is one)', async () => {
    const parser = await testParser();
    const errors: RuleError[] = [];
    analyze({ tree: parser.parse(BUS)!, text: BUS, settings: { ...DEFAULT_SETTINGS, select: ['ALL'] }, path: 'bus.py', onRuleError: (e) => errors.push(e) });
    assert.deepEqual(errors.map((e) => `${e.code}: ${String(e.error)}`), []);
  });

  it('re-analyses only units whose text changed and shifts the others', async () => {
    const parser = await testParser();
    const before = `import os\n\ndef a(x=[]):\n    return x\n\n${BUS}`;
    const after = `import os\n\n# a comment\n\ndef a(x=[]):\n    return x\n\nprint(os.sep)\n\n${BUS}`;
    const first = analyze({ tree: parser.parse(before)!, text: before, settings: DEFAULT_SETTINGS });
    const second = analyze({ tree: parser.parse(after)!, text: after, settings: DEFAULT_SETTINGS, cache: first.cache });
    assert.deepEqual(second.stats, { units: 5, analysed: 1 });
    const fresh = analyze({ tree: parser.parse(after)!, text: after, settings: DEFAULT_SETTINGS });
    assert.deepEqual(second.diagnostics, fresh.diagnostics);
    assert.deepEqual(second.diagnostics.map((d) => d.range.start.line), [4, 10]);
    // The same cache can serve again: it is not consumed.
    assert.deepEqual(analyze({ tree: parser.parse(after)!, text: after, settings: DEFAULT_SETTINGS, cache: first.cache }).stats.analysed, 1);
  });

  it('re-analyses a unit when a module fact it asked about changes', async () => {
    const parser = await testParser();
    const before = 'def f(x=X):\n    return x\n';
    const after = 'X = []\ndef f(x=X):\n    return x\n';
    const first = analyze({ tree: parser.parse(before)!, text: before, settings: DEFAULT_SETTINGS });
    assert.equal(first.diagnostics.length, 0);
    const second = analyze({ tree: parser.parse(after)!, text: after, settings: DEFAULT_SETTINGS, cache: first.cache });
    assert.deepEqual(second.stats, { units: 2, analysed: 2 });
    assert.deepEqual(second.diagnostics.map((d) => d.code), ['PP401']);
  });

  it('gives LSP positions in files that break lines with a lone carriage return, and fixes there too', async () => {
    const parser = await testParser();
    const text = 'import os\rdef f(x=[]):\r    return x\r';
    const { diagnostics } = analyze({ tree: parsePython(parser, text)!, text, settings: DEFAULT_SETTINGS });
    assert.deepEqual(diagnostics.map((d) => [d.range, d.fix?.safety]), [[{ start: { line: 1, character: 8 }, end: { line: 1, character: 10 } }, 'unsafe']]);
  });

  it('finds a word as the pattern \\bword\\b does (the module facts\' look for `del`)', () => {
    const texts = ['del x', 'x = 1\ndel x', 'model = 1', 'del_ = 1', '_del = 1', 'o.delx', 'o.del(1)', '\u00e9del x', 'del\u00e9', 'x;del y', 'dell', '', 'de l', 'x = "del"'];
    const found = texts.map((text) => indexOfAsciiWord(text, 'del') >= 0);
    assert.deepEqual(found, texts.map((text) => /\bdel\b/.test(text)));
    assert.deepEqual(found, [true, true, false, false, false, false, true, true, true, true, false, false, false, true]);
    // Bounded as use-after-del asks (`mayAppearAfter`): from an offset, ending by the unit's end.
    assert.equal(indexOfAsciiWord('del a; del b', 'del', 1), 7);
    assert.equal(indexOfAsciiWord('del a; del b', 'del', 1, 9), -1);
  });

  it('honours # noqa comments, with our codes and peer codes, but not inside strings', async () => {
    const parser = await testParser();
    const text = [
      'def a(x=[]):  # noqa: PP401',
      '    pass',
      'def b(x=[]):  # noqa: B006',
      '    pass',
      'def c(x=[]):  # noqa',
      '    pass',
      'def d(x=[]):  # noqa: E501',
      '    pass',
      'def e(x=[], y="# noqa"):',
      '    pass',
      '',
    ].join('\n');
    const { diagnostics } = analyze({ tree: parser.parse(text)!, text, settings: DEFAULT_SETTINGS });
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [6, 8]);
  });
});
