// Python is the oracle for the knowledge base: every example runs with python3, and
// every comment on a print() line that states an output (it starts like a value: a
// bracket, a quote, a digit, True/False/None, or `...`) must be what Python prints;
// an explanation may follow after `: `, `, ` or ` (`, and `...` stands for any text.
// A comment on a line of its own right after a print() states that print's output.
// A comment that starts with `->` or `output:` states the whole output after it, in
// whatever shape (`# -> a Dog`, `# -> list: [1, 'a']`), still with `...` for any text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { KNOWLEDGE_BASE } from '../../server/src/engine/explanations';
import { ROOT } from '../support/engine';

interface Printed {
  line: number;
  out: string;
  comment: string | null;
}
interface Ran {
  key: string;
  error: string | null;
  prints: Printed[];
}

/** Runs every example in one python3 process, in a scratch folder holding the files examples open. */
function runExamples(): Ran[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-examples-'));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'first line\nsecond line\n');
  const input = [...KNOWLEDGE_BASE.entries()].map(([key, { entry }]) => ({ key, code: entry.example }));
  const run = spawnSync('python3', [path.join(ROOT, 'test', 'support', 'run-examples.py')], { input: JSON.stringify(input), cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Ran[];
}

const CLAIM = /^(?:[[({'"<]|\d|-\d|True\b|False\b|None\b|\.\.\.)/;

/** Where the stated output ends in `comment`: the first `: `, `, ` or ` (` after which the rest is prose, at bracket depth 0. */
function cut(comment: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < comment.length; i++) {
    const ch = comment[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if ('([{<'.includes(ch)) depth++;
    else if (')]}>'.includes(ch)) depth--;
    else if (depth === 0 && (comment.startsWith(': ', i) || comment.startsWith(', ', i) || comment.startsWith(' (', i))) return i;
  }
  return comment.length;
}

const EXPLICIT = /^(?:->|output:)\s*/;

/** Whether `comment` states an output at all (rather than explaining the line). */
function isClaim(comment: string): boolean {
  return EXPLICIT.test(comment) || CLAIM.test(comment);
}

/** Whether `printed` is the output `comment` states (the part before any explanation; all of it after `->`). */
function matches(printed: string, comment: string): boolean {
  const explicit = EXPLICIT.exec(comment);
  const stated = explicit ? comment.slice(explicit[0].length) : comment.slice(0, cut(comment));
  const pattern = stated
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^]*');
  return new RegExp(`^${pattern}$`).test(printed);
}

describe('the knowledge base, checked by running Python', () => {
  const ran = runExamples();

  it('runs every example without an error (network access aside)', () => {
    const failed = ran.filter((r) => r.error !== null && !/^(?:URLError|OSError|ConnectionError|TimeoutError)\b/.test(r.error)).map((r) => `${r.key}: ${r.error}`);
    assert.deepEqual(failed, []);
    assert.ok(ran.length >= KNOWLEDGE_BASE.size, 'every entry ran');
  });

  it('states in comments exactly what the examples print', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of ran) {
      const code = KNOWLEDGE_BASE.get(r.key)!.entry.example.split('\n');
      for (const p of r.prints) {
        // The output stated on the print's line, or on a comment line of its own right after it.
        const next = code[p.line]?.trim();
        const comment = p.comment ?? (next?.startsWith('#') ? next.slice(1).trim() : null);
        if (comment === null || !isClaim(comment)) continue;
        checked++;
        if (!matches(p.out, comment)) wrong.push(`${r.key}, line ${p.line}: prints ${JSON.stringify(p.out)}, the comment says ${JSON.stringify(comment)}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(checked >= 60, `only ${checked} stated outputs checked`);
  });
});

describe('knowledge-base claims, checked against Python', () => {
  const entry = (key: string) => KNOWLEDGE_BASE.get(key)!.entry;
  const python = (code: string) => {
    const run = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim();
  };

  it('reflected operators: a subclass that overrides the reflected method is tried first', () => {
    const order = python(
      'class A:\n def __add__(s, o): print("A.__add__"); return NotImplemented\n' +
        'class B(A):\n def __radd__(s, o): print("B.__radd__"); return 1\nA() + B()',
    );
    assert.equal(order, 'B.__radd__');
    for (const key of ['__radd__', '__rsub__', '__rmul__', '__rtruediv__', '__rpow__', '__rand__']) {
      assert.match(entry(key).trigger, /subclass of `a`'s that provides its own `__r\w+__`, Python tries `b\.__r\w+__\(a\)` before/, key);
    }
  });

  it('collections.abc: only the ABCs with a __subclasshook__ accept a class that merely has the methods', () => {
    const structural = new Set(
      JSON.parse(python('import collections.abc as c, json; print(json.dumps([n for n in c.__all__ if "__subclasshook__" in vars(getattr(c, n))]))')) as string[],
    );
    assert.equal(python('from collections.abc import Sequence\nclass S:\n def __getitem__(s, i): return i\n def __len__(s): return 0\nprint(isinstance(S(), Sequence))'), 'False');
    const abcs = [...KNOWLEDGE_BASE.keys()].filter((k) => k.startsWith('collections.abc.'));
    assert.ok(abcs.length >= 20);
    for (const key of abcs) {
      const name = key.slice('collections.abc.'.length);
      assert.equal(/merely has the right methods/.test(entry(key).trigger), !structural.has(name), key);
      assert.equal(/__subclasshook__/.test(entry(key).trigger), structural.has(name), key);
    }
  });

  it('`is` does not recommend `is True`; __bases__, tuple and WeakSet say what Python does', () => {
    assert.doesNotMatch(entry('is').trigger, /singletons \(`None`, `True`, `False`/);
    assert.match(entry('is').trigger, /not `flag is True`/);
    assert.equal(python('class A: pass\nprint(A.__bases__)'), "(<class 'object'>,)");
    assert.match(entry('__bases__').summary, /`\(object,\)` when it lists none/);
    assert.equal(python('print(type(()), type((1,)), len(((1, 2),)))'), "<class 'tuple'> <class 'tuple'> 1");
    assert.match(entry('builtins.tuple').trigger, /empty tuple `\(\)`/);
    assert.equal(python('import weakref\nclass L: pass\ns = weakref.WeakSet()\nx = L(); s.add(x); del x\nprint(len(s))'), '0');
    assert.doesNotMatch(entry('weakref.WeakSet').trigger, /during garbage collection/);
    assert.match(entry('weakref.WeakSet').trigger, /at once/);
  });

  it('asyncio.get_event_loop: 3.11 with no running loop creates one silently in a fresh main thread, fails elsewhere', () => {
    const run = spawnSync('python3', ['-W', 'error::DeprecationWarning', '-c', [
      'import asyncio, threading',
      'loop = asyncio.get_event_loop()',
      'failed = []',
      'def other():',
      '    try: asyncio.get_event_loop()',
      '    except RuntimeError: failed.append("other thread")',
      'worker = threading.Thread(target=other); worker.start(); worker.join()',
      'loop.close()',
      'async def noop(): pass',
      'asyncio.run(noop())',
      'try: asyncio.get_event_loop()',
      'except RuntimeError: failed.append("after run")',
      'print(loop.is_closed(), failed)',
    ].join('\n')], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout.trim(), "True ['other thread', 'after run']");
    const { trigger } = entry('asyncio.get_event_loop');
    assert.match(trigger, /in the main thread, if no loop was ever set there, it creates and sets one, silently/);
    assert.match(trigger, /once a loop has been set and cleared \(`asyncio.run\(\)` clears it on exit\), and in any other thread without a loop, it raises `RuntimeError`/);
  });

  it('concurrent.futures: map reads its inputs at once, wait returns at the timeout, submit after shutdown fails', () => {
    const facts = python([
      'from concurrent.futures import ThreadPoolExecutor, wait',
      'import threading',
      'read = []',
      'def inputs():',
      '    for n in range(3): read.append(n); yield n',
      'gate = threading.Event()',
      'with ThreadPoolExecutor() as pool:',
      '    results = pool.map(abs, inputs())',
      '    done, not_done = wait([pool.submit(gate.wait)], timeout=0.01)',
      '    print(read, len(done), len(not_done)); gate.set()',
      'try: pool.submit(abs, 1)',
      'except RuntimeError: print("RuntimeError")',
    ].join('\n'));
    assert.equal(facts, '[0, 1, 2] 0 1\nRuntimeError');
    assert.match(entry('concurrent.futures.Executor.map').trigger, /the inputs are read eagerly/);
    assert.match(entry('concurrent.futures.wait').trigger, /returns whatever is done by then instead of raising/);
    assert.match(entry('concurrent.futures.Executor.submit').trigger, /After `shutdown\(\)`, `submit` raises `RuntimeError`/);
  });

  it('types.MappingProxyType: a class __dict__ is one', () => {
    assert.equal(python('import types\nclass A: pass\nprint(type(A.__dict__) is types.MappingProxyType)'), 'True');
    assert.match(entry('types.MappingProxyType').trigger, /a class's `__dict__` is one of these/);
  });
});
