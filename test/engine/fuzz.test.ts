// Property tests with fast-check (issue 11): mutated standard-library files and generated
// deep nesting. Every rule runs (`select: ['ALL']`); analysis and hover never throw, no
// rule crashes, and on every input CPython compiles, each offered fix alone still
// compiles and removes its diagnostic. Seeds are fixed, so a failure replays exactly;
// fast-check prints the seed and the counterexample, the fix checks print the seed and
// the sample's index.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, hover, parsePython, parseSettings, RULES, type Diagnostic, type Position } from '../../server/src/engine';
import { readSource, STDLIB } from '../support/corpus';
import { testParser } from '../support/engine';

const SEED = 20261130;
const ALL = parseSettings({ select: ['ALL'] });
const FILE_COUNT = 20;

/** About 20 small top-level stdlib modules, the same ones on every run with the same Python. */
const FILES: Array<{ name: string; text: string }> = (() => {
  const candidates = fs
    .readdirSync(STDLIB)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .filter((f) => {
      const size = fs.statSync(path.join(STDLIB, f)).size;
      return size > 1_000 && size < 30_000;
    });
  const step = Math.max(1, Math.floor(candidates.length / FILE_COUNT));
  return candidates
    .filter((_, i) => i % step === 0)
    .slice(0, FILE_COUNT)
    .map((name) => ({ name, text: readSource(path.join(STDLIB, name)) }));
})();

const TOKENS = [
  'def ', 'class ', 'lambda', 'lambda x: ', ':', '(', ')', '[', ']', '{', '}', 'if ', 'else', 'elif ', 'for ', ' in ', 'while ',
  'try:', 'except', 'finally:', 'with ', ' as ', 'async ', 'await ', 'yield ', 'return ', 'global x', 'nonlocal x', 'del ',
  ' == ', ' is ', 'not ', 'None', ' = ', ' += ', ':=', '**', '*', '@', '.', ',', '"""', "'", 'f"{', '}"', '\\', '# ', '\n',
  '\n    ', '\t', 'x', 'self', '__init__', '[]', '{}', 'match ', 'case ', '_', '...', '0x', '1e', 'b"', 'r"\\', '\r', '\r\n',
  '\0', '\ud800', '\udfff', '\ufeff', 'print(x)', 'x == None', 'def f(a=[]):\n    pass\n', 'type(x) == int', 'open(p)',
];

/** Whole statements (at a line start, with that line's indentation) that trigger fixable rules and keep code compiling. */
const STATEMENTS = [
  'if x == None: pass', 'def f(a=[]): return a', 'y = lambda v: v + 1', 'z = [i for i in range(3)]', 'if type(x) == int: pass',
  'q = dict([(k, 1) for k in "ab"])', 'w = list([1, 2])', 'print(x is 1)', 'f = open("p")', 'r = len(x) == 0',
];

/** Every fixable rule's docs example (code that triggers it), so each fix gets tried somewhere in a real file. */
const EXAMPLES = RULES.filter((r) => r.meta.fix !== 'none').map((r) => r.meta.docs.example);

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'statement'; line: number; text: string }
  | { kind: 'deleteLines'; line: number; count: number }
  | { kind: 'lineEndings'; eol: '\r' | '\r\n'; every: number }
  | { kind: 'bom' }
  | { kind: 'tabs'; every: number }
  | { kind: 'truncate'; at: number; atLineStart: boolean };

const fraction = fc.integer({ min: 0, max: 1_000_000 });
const randomChars = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 8 }).map((codes) => String.fromCharCode(...codes));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(fc.constantFrom(...TOKENS), randomChars) }),
  fc.record({ kind: fc.constant('statement' as const), line: fraction, text: fc.constantFrom(...STATEMENTS, ...EXAMPLES) }),
  fc.record({ kind: fc.constant('deleteLines' as const), line: fraction, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('lineEndings' as const), eol: fc.constantFrom('\r' as const, '\r\n' as const), every: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('tabs' as const), every: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction, atLineStart: fc.boolean() }),
);

function scale(f: number, length: number): number {
  return Math.floor((f / 1_000_001) * (length + 1));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = scale(m.at, text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = scale(m.at, text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'statement': {
      const starts = lineStarts(text);
      const at = starts[Math.min(starts.length - 1, scale(m.line, starts.length - 1))];
      const indent = /^[ \t]*/.exec(text.slice(at))![0];
      const block = m.text.replace(/\n+$/, '').replace(/\n(?=.)/g, `\n${indent}`);
      return `${text.slice(0, at)}${indent}${block}\n${text.slice(at)}`;
    }
    case 'deleteLines': {
      const starts = lineStarts(text);
      const first = Math.min(starts.length - 1, scale(m.line, starts.length - 1));
      const end = starts[first + m.count] ?? text.length;
      return text.slice(0, starts[first]) + text.slice(end);
    }
    case 'lineEndings': {
      let n = 0;
      return text.replace(/\r?\n/g, (eol) => (n++ % m.every === 0 ? m.eol : eol));
    }
    case 'bom':
      return text.startsWith('\ufeff') ? text : '\ufeff' + text;
    case 'tabs': {
      let n = 0;
      return text.replace(/^ {4}/gm, (four) => (n++ % m.every === 0 ? '\t' : four));
    }
    case 'truncate': {
      const at = scale(m.at, text.length);
      if (!m.atLineStart) return text.slice(0, at);
      const nl = text.lastIndexOf('\n', at);
      return text.slice(0, nl + 1);
    }
  }
}

const mutatedFile = fc
  .record({ file: fc.integer({ min: 0, max: FILES.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }) })
  .map(({ file, mutations }) => ({ label: `${FILES[file].name} ${JSON.stringify(mutations)}`, text: mutations.reduce(mutate, FILES[file].text) }));

/** Nesting a few hundred levels deep: brackets, lambda chains, nested defs and ifs, or all of them interleaved. */
function nested(kind: string, depth: number): string {
  switch (kind) {
    case 'brackets': {
      const pairs = ['()', '[]', '{}'];
      const open = Array.from({ length: depth }, (_, i) => pairs[i % 3][0]).join('');
      const close = Array.from({ length: depth }, (_, i) => pairs[(depth - 1 - i) % 3][1]).join('');
      return `x = ${open}1${close}\n`;
    }
    case 'lambdas':
      return `f = ${'lambda: '.repeat(depth)}x == None\n`;
    case 'defs':
      return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}def f${i}(a=[]):`).join('\n') + `\n${' '.repeat(depth)}return a == None\n`;
    case 'ifs':
      return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}if x${i} == None:`).join('\n') + `\n${' '.repeat(depth)}pass\n`;
    default: {
      const lines: string[] = [];
      for (let i = 0; i < depth; i++) {
        const indent = ' '.repeat(i);
        lines.push(i % 3 === 0 ? `${indent}def g${i}(b={}):` : i % 3 === 1 ? `${indent}if (lambda: [b, (x${i} == None)])():` : `${indent}for v in range(3):`);
      }
      return lines.join('\n') + `\n${' '.repeat(depth)}return (lambda: lambda: x is 1)\n`;
    }
  }
}

const deepNesting = fc
  .record({ kind: fc.constantFrom('brackets', 'lambdas', 'defs', 'ifs', 'mixed'), depth: fc.integer({ min: 1, max: 400 }) })
  .map(({ kind, depth }) => ({ label: `${kind} x${depth}`, text: nested(kind, depth) }));

const input = fc.oneof({ arbitrary: mutatedFile, weight: 4 }, { arbitrary: deepNesting, weight: 1 });

interface Analysed {
  diagnostics: Diagnostic[];
  ruleErrors: string[];
}

async function analyseAll(text: string, withHover: Position[] = []): Promise<Analysed> {
  const parser = await testParser();
  const tree = parsePython(parser, text);
  assert.ok(tree, 'the parser returned no tree');
  const ruleErrors: string[] = [];
  try {
    const { diagnostics } = analyze({ tree, text, settings: ALL, path: 'fuzz.py', onRuleError: (e) => ruleErrors.push(`${e.code}: ${String(e.error)}`) });
    for (const position of withHover) hover({ tree, position, diagnostics });
    return { diagnostics, ruleErrors };
  } finally {
    tree.delete();
  }
}

/** Compiles every text as `py_compile` would (UTF-8 bytes, BOM and all) in one CPython process; true where it compiles. */
function compilesAll(texts: string[]): boolean[] {
  const script = [
    'import json, sys',
    'out = []',
    'for src in json.load(sys.stdin):',
    '    try:',
    '        compile(src.encode("utf-8", "surrogatepass"), "fuzz.py", "exec", dont_inherit=True)',
    '        out.append(True)',
    '    except Exception:',
    '        out.append(False)',
    'print(json.dumps(out))',
  ].join('\n');
  const out = execFileSync('python3', ['-W', 'ignore', '-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 256 << 20 });
  return JSON.parse(out) as boolean[];
}

const positions = fc.array(
  fc.record({ line: fc.integer({ min: -2, max: 2_000 }), character: fc.integer({ min: -2, max: 200 }) }),
  { minLength: 1, maxLength: 12 },
);

describe('fuzz: mutated stdlib files and deep nesting, every rule on', () => {
  it('found by the fuzz: a fix that adds an import keeps a leading BOM first (CPython rejects U+FEFF elsewhere)', async () => {
    const text = '\ufeffclass LowerDict(dict):\n    def __setitem__(self, key, value):\n        super().__setitem__(key.lower(), value)\n';
    const [d] = (await analyseAll(text)).diagnostics.filter((x) => x.code === 'PP310');
    assert.ok(d?.fix, 'PP310 offers its fix');
    const fixed = applyEdits(text, d.fix.edits);
    assert.ok(fixed.startsWith('\ufefffrom collections import UserDict\n'), JSON.stringify(fixed));
    assert.deepEqual(compilesAll([fixed]), [true]);
  });


  it(`picks ${FILE_COUNT} stdlib files`, () => {
    assert.equal(FILES.length, FILE_COUNT, `stdlib at ${STDLIB}`);
  });

  it('analysis and hover at random positions never throw, and no rule crashes', async () => {
    await fc.assert(
      fc.asyncProperty(input, positions, async ({ text }, hoverAt) => {
        const { ruleErrors } = await analyseAll(text, hoverAt);
        assert.deepEqual(ruleErrors, []);
      }),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('on inputs CPython compiles, each fix alone compiles and removes its diagnostic', async (t) => {
    const samples = fc.sample(input, { seed: SEED + 1, numRuns: 400 });
    const MAX_FIXES_PER_INPUT = 10;
    const trials: Array<{ sample: number; label: string; diagnostic: Diagnostic; before: Diagnostic[]; fixed: string }> = [];
    const originals = await Promise.all(samples.map(async ({ text }) => (await analyseAll(text)).diagnostics));
    const compiles = compilesAll(samples.map((s) => s.text));
    for (const [i, sample] of samples.entries()) {
      if (!compiles[i]) continue;
      const fixable = originals[i].filter((d) => d.fix);
      // Spread the trials over the file rather than taking its first few.
      const step = Math.max(1, Math.ceil(fixable.length / MAX_FIXES_PER_INPUT));
      for (const d of fixable.filter((_, k) => k % step === 0)) {
        trials.push({ sample: i, label: sample.label, diagnostic: d, before: originals[i], fixed: applyEdits(sample.text, d.fix!.edits) });
      }
    }
    const fixedCompiles = compilesAll(trials.map((t) => t.fixed));
    const failures: string[] = [];
    for (const [k, t] of trials.entries()) {
      const where = `seed ${SEED + 1}, sample #${t.sample} (${t.label.slice(0, 300)}): ${t.diagnostic.code} at ${t.diagnostic.range.start.line}:${t.diagnostic.range.start.character}`;
      if (!fixedCompiles[k]) {
        failures.push(`${where}: the fix does not compile`);
        continue;
      }
      const after = (await analyseAll(t.fixed)).diagnostics;
      const count = (ds: Diagnostic[]) => ds.filter((d) => d.code === t.diagnostic.code).length;
      const samePlace = (d: Diagnostic) =>
        d.code === t.diagnostic.code && d.range.start.line === t.diagnostic.range.start.line && d.range.start.character === t.diagnostic.range.start.character;
      if (after.some(samePlace) && count(after) >= count(t.before)) failures.push(`${where}: the diagnostic is still there`);
    }
    const compiled = compiles.filter(Boolean).length;
    t.diagnostic(`seed ${SEED + 1}: ${samples.length} inputs, ${compiled} compile; ${trials.length} fixes tried (${new Set(trials.map((x) => x.diagnostic.code)).size} rules)`);
    assert.ok(compiled >= 20, `only ${compiled} of ${samples.length} inputs compile: the fix property proves little`);
    assert.ok(trials.length >= 50, `only ${trials.length} fixes tried`);
    assert.deepEqual(failures, [], `${failures.length} of ${trials.length} fixes failed on the ${compiled} inputs that compile`);
  });
});
