// The builtins and keywords a reader meets in everyday code each have an entry of
// their own: `lookup` (and so `pythonic explain` and `--list`) finds every one,
// and what the entries say about the special methods a builtin calls is what
// CPython does.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { lookup, type ExplanationKind, KNOWLEDGE_BASE } from '../../server/src/engine/explanations';
import { renderExplanation } from '../../server/src/engine/explanations/render';
import { CALL_TRIGGERS } from '../../server/src/engine/explanations/triggers';
import { runCli } from '../support/cli';
import { ROOT } from '../support/engine';

const BUILTINS: Readonly<Record<string, ExplanationKind>> = {
  isinstance: 'builtin function', issubclass: 'builtin function', getattr: 'builtin function', setattr: 'builtin function',
  hasattr: 'builtin function', delattr: 'builtin function', vars: 'builtin function', dir: 'builtin function',
  type: 'builtin type', super: 'builtin function', object: 'builtin type', id: 'builtin function', hash: 'builtin function',
  len: 'builtin function', iter: 'builtin function', next: 'builtin function', repr: 'builtin function',
  int: 'builtin type', float: 'builtin type', bool: 'builtin type',
  None: 'builtin constant', True: 'builtin constant', False: 'builtin constant', NotImplemented: 'builtin constant',
  enumerate: 'builtin function', zip: 'builtin function', map: 'builtin function', filter: 'builtin function',
  sorted: 'builtin function', reversed: 'builtin function', range: 'builtin type', any: 'builtin function',
  all: 'builtin function', open: 'builtin function', print: 'builtin function', callable: 'builtin function',
};

const KEYWORDS = [
  'while', 'if', 'elif', 'return', 'pass', 'break', 'continue', 'class', 'def', 'import', 'from', 'as',
  'and', 'or', 'not', 'match', 'case',
];

describe('entries for the everyday builtins and keywords', () => {
  it('finds exactly one entry of the right kind for each builtin name', () => {
    for (const [name, kind] of Object.entries(BUILTINS)) {
      const found = lookup(name);
      assert.deepEqual(found.map((e) => [e.key, e.kind]), [[`builtins.${name}`, kind]], name);
      assert.equal(renderExplanation(found[0]).split('\n')[0], `**\`${name}\`** · ${kind}`);
    }
  });

  it('finds exactly one keyword entry for each keyword', () => {
    for (const name of KEYWORDS) assert.deepEqual(lookup(name).map((e) => [e.key, e.kind]), [[name, 'keyword']], name);
  });

  it('links every special method a builtin calls under its own entry', () => {
    for (const [key, dunders] of Object.entries(CALL_TRIGGERS)) {
      const own = KNOWLEDGE_BASE.get(key);
      if (!own) continue;
      const lines = renderExplanation(own).split('\n');
      const start = lines.indexOf('**Calls:**');
      assert.deepEqual(lines.slice(start + 1, start + 1 + dunders.length), dunders.map((d) => `- \`${d}\` — ${KNOWLEDGE_BASE.get(d)!.entry.summary}`), key);
    }
  });
});

describe('pythonic explain for the builtins and keywords', () => {
  it('lists every one of them with --list', () => {
    const { code, stdout } = runCli(['explain', '--list'], ROOT);
    assert.equal(code, 0);
    const listed = new Set(stdout.trim().split('\n'));
    for (const [name, kind] of Object.entries(BUILTINS)) assert.ok(listed.has(`${name}  (${kind})`), name);
    for (const name of KEYWORDS) assert.ok(listed.has(`${name}  (keyword)`), name);
  });

  it('prints the builtin entry with its linked special method, and a keyword entry', () => {
    const len = runCli(['explain', 'len'], ROOT);
    assert.equal(len.code, 0);
    assert.equal(len.stdout, renderExplanation(KNOWLEDGE_BASE.get('builtins.len')!, { allOptions: true }) + '\n');
    assert.ok(len.stdout.includes('\n**Calls:**\n- `__len__` — The number of items; must return an integer >= 0.\n'));
    const match = runCli(['explain', 'match'], ROOT);
    assert.equal(match.code, 0);
    assert.equal(match.stdout.split('\n')[0], '**`match`** · keyword');
  });
});

describe('what the builtin entries say, checked against CPython', () => {
  const observed = JSON.parse(
    execFileSync('python3', ['-c', [
      'import json, sys',
      'out, log = {}, []',
      'class Both:',
      '    def __getattribute__(self, name): log.append("__getattribute__"); raise AttributeError(name)',
      '    def __getattr__(self, name): log.append("__getattr__"); return 1',
      'getattr(Both(), "x"); out["getattr"] = log[:]; log.clear()',
      'hasattr(Both(), "x"); out["hasattr"] = log[:]',
      'class OnlyLen:',
      '    def __len__(self): return 0',
      'class OnlyGetitem:',
      '    def __getitem__(self, i):',
      '        if i < 2: return i',
      '        raise IndexError(i)',
      'class LenGetitem(OnlyGetitem):',
      '    def __len__(self): return 2',
      'class OnlyIndex:',
      '    def __index__(self): return 7',
      'out["bool"] = bool(OnlyLen())',
      'out["iter"] = list(iter(OnlyGetitem()))',
      'out["reversed"] = list(reversed(LenGetitem()))',
      'out["float"], out["int"] = float(OnlyIndex()), int(OnlyIndex())',
      'class Huge:',
      '    def __len__(self): return sys.maxsize + 1',
      'class Negative:',
      '    def __len__(self): return -1',
      'for cls in (Huge, Negative):',
      '    try: len(cls())',
      '    except Exception as e: out[cls.__name__] = type(e).__name__',
      'class Big:',
      '    def __hash__(self): return 2**70',
      'out["hash"] = [hash(Big()), hash(-1), sys.hash_info.modulus]',
      'class Meta(type):',
      '    def __instancecheck__(cls, obj): return True',
      'class Anything(metaclass=Meta): pass',
      'out["isinstance"] = isinstance(3, Anything)',
      'class Base:',
      '    def who(self): return "base"',
      'class Child(Base):',
      '    def who(self): return super().who()',
      'out["super"] = Child.who.__code__.co_freevars',
      'out["next"] = next(iter([]), "default")',
      'out["sentinel"] = list(iter(iter([1, 2, 0, 3]).__next__, 0))',
      'print(json.dumps(out))',
    ].join('\n')], { encoding: 'utf8' }),
  );
  const entry = (name: string) => KNOWLEDGE_BASE.get(`builtins.${name}`)!.entry;

  it('getattr and hasattr try __getattribute__, then __getattr__', () => {
    assert.deepEqual(observed.getattr, ['__getattribute__', '__getattr__']);
    assert.deepEqual(observed.hasattr, ['__getattribute__', '__getattr__']);
    assert.deepEqual(CALL_TRIGGERS['builtins.getattr'], observed.getattr);
    assert.deepEqual(CALL_TRIGGERS['builtins.hasattr'], observed.hasattr);
    assert.match(entry('getattr').trigger, /`type\(obj\).__getattribute__` runs first, and only when it raises `AttributeError` does `__getattr__` get a turn/);
  });

  it('bool, iter, reversed, float and int fall back to the methods listed after the first', () => {
    assert.equal(observed.bool, false);
    assert.deepEqual(CALL_TRIGGERS['builtins.bool'], ['__bool__', '__len__']);
    assert.deepEqual(observed.iter, [0, 1]);
    assert.deepEqual(CALL_TRIGGERS['builtins.iter'], ['__iter__', '__getitem__']);
    assert.deepEqual(observed.reversed, [1, 0]);
    assert.deepEqual(CALL_TRIGGERS['builtins.reversed'], ['__reversed__', '__len__', '__getitem__']);
    assert.deepEqual([observed.float, observed.int], [7, 7]);
    assert.deepEqual(CALL_TRIGGERS['builtins.float'], ['__float__', '__index__']);
    assert.deepEqual(CALL_TRIGGERS['builtins.int'], ['__int__', '__index__']);
  });

  it('len rejects a negative result and one beyond sys.maxsize', () => {
    assert.deepEqual([observed.Negative, observed.Huge], ['ValueError', 'OverflowError']);
    assert.match(entry('len').trigger, /a negative one raises `ValueError`, one above `sys.maxsize` raises `OverflowError`/);
  });

  it('hash reduces an oversized __hash__ result and never returns -1', () => {
    const [big, minusOne, modulus] = observed.hash as number[];
    assert.equal(modulus, 2 ** 61 - 1);
    assert.equal(BigInt(big), 2n ** 70n % (2n ** 61n - 1n));
    assert.equal(minusOne, -2);
    assert.match(entry('hash').trigger, /modulo 2\*\*61 - 1 on 64-bit builds\), and -1, which CPython reserves for errors, becomes -2/);
  });

  it('isinstance asks the metaclass, super() uses the __class__ cell, next and iter take their extra argument', () => {
    assert.equal(observed.isinstance, true);
    assert.match(entry('isinstance').trigger, /`type\(cls\).__instancecheck__\(cls, obj\)`/);
    assert.deepEqual(observed.super, ['__class__']);
    assert.match(entry('super').trigger, /gives the function a `__class__` cell/);
    assert.equal(observed.next, 'default');
    assert.match(entry('next').trigger, /`next\(it, default\)` returns the default/);
    assert.deepEqual(observed.sentinel, [1, 2]);
    assert.match(entry('iter').summary, /`iter\(func, sentinel\)` calls `func\(\)` until it returns `sentinel`/);
  });
});
