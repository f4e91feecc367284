// The server under load, through the real bundled server over stdio: a burst of edits is
// parsed and analysed far fewer times than it has changes, cancelled requests are answered
// with RequestCancelled, fix-all is computed only when asked for, a document over the size
// limit is left alone, and requests are answered while a big file is being analysed.
// Every assertion is about order or about the server's own counters
// (`pythonic/internalStats`), never about time.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine';
import type { ServerStats } from '../server/src/lsp/stats';
import { check, STORE } from './support/engine';
import { randomEdits } from './support/random-edits';
import { TestServer } from './support/lsp';

const STDLIB = execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
const PYDECIMAL = fs.readFileSync(path.join(STDLIB, '_pydecimal.py'), 'utf8');
const REQUEST_CANCELLED = -32800;

interface CodeAction {
  title: string;
  kind?: string;
  data?: unknown;
  edit?: { changes: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> };
}

/** Asks for the counters until `predicate` holds (each answer is a round trip; no timers). */
async function statsWhen(server: TestServer, what: string, predicate: (s: ServerStats) => boolean): Promise<ServerStats> {
  for (let asked = 0; asked < 100_000; asked++) {
    const stats = await server.stats();
    if (predicate(stats)) return stats;
  }
  throw new Error(`the server's counters never showed ${what}`);
}

async function rejection(promise: Promise<unknown>): Promise<{ code?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: number };
  }
  assert.fail('the request was answered, not cancelled');
}

const wholeFile = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('server scheduling: a burst of edits', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-burst-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('3,000 random edits sent at once: analysed far fewer times, ending with a fresh open\'s diagnostics for the last version', async () => {
    const file = path.join(dir, '_pydecimal.py');
    fs.copyFileSync(path.join(STDLIB, '_pydecimal.py'), file);
    const uri = pathToFileURL(file).toString();
    const { notifications, text: finalText } = randomEdits(PYDECIMAL, 3000, 20240611);
    const server = await TestServer.start();
    try {
      await server.open(uri, PYDECIMAL);
      await server.diagnosticsFor(uri, 1);
      const before = await server.stats();
      // As fast as possible: every notification is written without waiting for anything.
      const last = notifications.length + 1;
      await Promise.all(notifications.map((changes, i) => server.change(uri, i + 2, changes)));
      // A generous limit: this is a safety net for a hung server, not a measurement.
      const final = await server.diagnosticsFor(uri, last, 300_000);
      const stats = await server.stats(); // a round trip: anything the server sent before it has arrived
      const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.equal(versions.at(-1), last, 'the last diagnostics published are for the last version');
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `never a version older than one already published: ${versions.join(', ')}`);

      const analyses = stats.analysesStarted - before.analysesStarted;
      assert.equal(stats.changes - before.changes, 3000);
      assert.ok(analyses >= 1 && analyses <= 300, `${analyses} analyses for 3,000 changes`);
      // A parse waits for a turn without changes; a change arriving between that parse and the analysis
      // it starts costs one more parse, so how many there are depends on timing: bound them like analyses.
      const parses = stats.parses - before.parses;
      assert.ok(parses >= 1 && parses <= 300, `${parses} parses for 3,000 changes`);
      assert.equal(stats.analysesStarted, stats.analysesCompleted + stats.analysesAbandoned, 'every analysis completed or was abandoned');
      assert.equal(stats.catchUpCorrections, 0, 'no analysis of an edited unit alone disagreed with the whole analysis after it');

      const fresh = await TestServer.start();
      try {
        await fresh.open(uri, finalText, last);
        const expected = await fresh.diagnosticsFor(uri, last);
        assert.ok(expected.diagnostics.length > 0, 'the edits leave something to report');
        assert.deepEqual(final.diagnostics, expected.diagnostics);
      } finally {
        await fresh.stop();
      }
    } finally {
      await server.stop();
    }
  });

  it('one change is parsed once, reusing the tree, and analysed once', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///one.py';
      await server.open(uri, 'def f(x=[]):\n    return x\n');
      await server.diagnosticsFor(uri, 1);
      const before = await server.stats();
      await server.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'def g(y={}):\n    return y\n' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics.map((d) => d.code), ['PP401', 'PP401']);
      const stats = await server.stats();
      assert.deepEqual(
        [stats.parses - before.parses, stats.incrementalParses - before.incrementalParses, stats.analysesStarted - before.analysesStarted, stats.analysesCompleted - before.analysesCompleted, stats.publishes - before.publishes],
        [1, 1, 1, 1, 1],
      );
    } finally {
      await server.stop();
    }
  });
});

describe('server scheduling: an edit inside one method', () => {
  const line = (n: number, from: number, to: number) => ({ start: { line: n, character: from }, end: { line: n, character: to } });

  it('is analysed from that method alone, and the whole file catches up once typing pauses, publishing nothing new', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///store.py';
      await server.open(uri, STORE);
      assert.deepEqual((await server.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['PP204']);
      const before = await server.stats();
      // `seen == None` -> `seen is None`.
      await server.change(uri, 2, [{ range: line(10, 16, 18), text: 'is' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics, []);
      const alone = await server.stats();
      assert.deepEqual(
        [alone.editsAnalysedAlone - before.editsAnalysedAlone, alone.unitsAnalysed - before.unitsAnalysed, alone.parses - before.parses, alone.analysesStarted - before.analysesStarted],
        [1, 1, 0, 0],
        'one unit analysed, without parsing or analysing the whole file',
      );
      const caughtUp = await statsWhen(server, 'a catch-up', (s) => s.catchUps > alone.catchUps);
      assert.deepEqual(
        [caughtUp.parses - alone.parses, caughtUp.unitsAnalysed - alone.unitsAnalysed, caughtUp.catchUpCorrections, caughtUp.publishes - alone.publishes],
        [1, 0, 0, 0],
        'one parse, every unit from the cache, the same diagnostics (not published again)',
      );
    } finally {
      await server.stop();
    }
  });

  it('parses the tree at once for a request that comes before the catch-up', async () => {
    // A catch-up an hour after the last change: none comes before the hover.
    const server = await TestServer.start({ env: { PYTHONIC_CATCH_UP_MS: '3600000' } });
    try {
      const uri = 'file:///store.py';
      await server.open(uri, STORE);
      await server.diagnosticsFor(uri, 1);
      // `total` -> `totalled` (the line keeps its length but for the new letters), then a hover on the new name's end.
      await server.change(uri, 2, [{ range: line(9, 13, 13), text: 'led' }]);
      await server.diagnosticsFor(uri, 2);
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 14 } });
      assert.match(hover?.contents.value ?? '', /totalled/);
      const stats = await server.stats();
      assert.deepEqual([stats.editsAnalysedAlone, stats.catchUps, stats.parses], [1, 0, 2], 'the hover parsed the text the edit made');
    } finally {
      await server.stop();
    }
  });
});

describe('server scheduling: cancellation', () => {
  // The client holds back its answer to workspace/configuration for held.py, so the server
  // cannot analyse it and requests about it wait: cancelling them is the only way out.
  let release: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let server: TestServer;
  const uri = 'file:///held.py';
  const hoverParams = { textDocument: { uri }, position: { line: 1, character: 14 } };
  const actionParams = { textDocument: { uri }, range: { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, context: { diagnostics: [] } };

  before(async () => {
    server = await TestServer.start({ configuration: async (scope) => (scope?.endsWith('held.py') ? held.then(() => ({})) : {}) });
    await server.open(uri, 'def f(x):\n    return x == None\n');
  });
  after(async () => {
    release();
    assert.equal(await server.stop(), 0);
  });

  it('a hover and a code action cancelled while they wait are answered with RequestCancelled (-32800)', async () => {
    const hover = server.cancellableRequest('textDocument/hover', hoverParams);
    const actions = server.cancellableRequest('textDocument/codeAction', actionParams);
    const waiting = await statsWhen(server, 'two requests waiting', (s) => s.requestsWaiting === 2);
    hover.cancel();
    actions.cancel();
    assert.equal((await rejection(hover.result)).code, REQUEST_CANCELLED);
    assert.equal((await rejection(actions.result)).code, REQUEST_CANCELLED);
    const stats = await server.stats();
    assert.equal(stats.requestsCancelled - waiting.requestsCancelled, 2);
    assert.equal(stats.requestsWaiting, 0);
  });

  it('requests cancelled right after they are sent are answered with RequestCancelled too', async () => {
    const hover = server.cancellableRequest('textDocument/hover', hoverParams);
    const actions = server.cancellableRequest('textDocument/codeAction', { ...actionParams, context: { diagnostics: [], only: ['source.fixAll'] } });
    hover.cancel();
    actions.cancel();
    assert.equal((await rejection(hover.result)).code, REQUEST_CANCELLED);
    assert.equal((await rejection(actions.result)).code, REQUEST_CANCELLED);
  });

  it('once the document can be analysed, the same requests are answered', async () => {
    release();
    await server.diagnosticsFor(uri, 1);
    const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', hoverParams);
    assert.match(hover?.contents.value ?? '', /PP204/);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', actionParams);
    assert.ok(actions.some((a) => a.title.endsWith('(PP204)')));
  });
});

describe('server scheduling: fix-all only when asked', () => {
  const text = 'class Pair:\n    def __hash__(self):\n        return hash(self.a) ^ hash(self.b)\n';
  const fixed = 'class Pair:\n    def __hash__(self):\n        return hash((self.a, self.b))\n';

  it('a code action request without `only` does not compute fix-all; with only source.fixAll.pythonic it does', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///none.py';
      await server.open(uri, text);
      assert.deepEqual((await server.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['PP302']);
      const before = await server.stats();
      const cursor = { start: { line: 2, character: 20 }, end: { line: 2, character: 20 } };
      const onCursorMove = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } });
      // The fix, "Disable for this line" and "Show documentation".
      assert.deepEqual(onCursorMove.map((a) => a.kind), ['quickfix', 'quickfix', 'quickfix']);
      assert.ok(onCursorMove.every((a) => !a.title.startsWith('Fix all')));
      assert.equal((await server.stats()).fixAllComputations, before.fixAllComputations, 'no fix-all computed for a request without `only`');

      const asked = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeFile, context: { diagnostics: [], only: ['source.fixAll.pythonic'] } });
      assert.deepEqual(asked.map((a) => [a.title, a.kind]), [['Fix all safe Pythonic problems', 'source.fixAll.pythonic']]);
      assert.equal(applyEdits(text, asked[0].edit!.changes[uri]), fixed);
      assert.equal((await server.stats()).fixAllComputations, before.fixAllComputations + 1);

      const quickFixesOnly = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [], only: ['quickfix'] } });
      assert.equal(quickFixesOnly.length, 3);
      assert.equal((await server.stats()).fixAllComputations, before.fixAllComputations + 1);
    } finally {
      await server.stop();
    }
  });

  it('a client that resolves code actions is offered a lazy fix-all, computed in codeAction/resolve', async () => {
    const server = await TestServer.start({ textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    try {
      const uri = 'file:///lazy.py';
      await server.open(uri, text);
      await server.diagnosticsFor(uri, 1);
      const before = await server.stats();
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wholeFile, context: { diagnostics: [] } });
      const lazy = actions.find((a) => a.kind === 'source.fixAll.pythonic');
      assert.ok(lazy && !lazy.edit, 'a fix-all action without its edit');
      assert.equal((await server.stats()).fixAllComputations, before.fixAllComputations);
      const resolved = await server.request<CodeAction>('codeAction/resolve', lazy);
      assert.equal(applyEdits(text, resolved.edit!.changes[uri]), fixed);
      assert.equal((await server.stats()).fixAllComputations, before.fixAllComputations + 1);
    } finally {
      await server.stop();
    }
  });
});

describe('server scheduling: the size limit', () => {
  it('a document over the limit is not parsed while it stays over, is logged once, and is analysed again when it shrinks', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///grows.py';
      await server.open(uri, 'def f(x=[]):\n    return x\n');
      assert.deepEqual((await server.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['PP401']);
      const before = await server.stats();
      // One change takes it over the limit (a 5,000,001-character comment on line 2), then twenty keystrokes.
      await server.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '#'.repeat(5_000_001) }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics, []);
      for (let i = 0; i < 20; i++) {
        await server.change(uri, 3 + i, [{ range: { start: { line: 1, character: 12 + i }, end: { line: 1, character: 12 + i } }, text: 'x' }]);
      }
      assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } }), null);
      const over = await server.stats();
      assert.equal(over.changes - before.changes, 21);
      assert.equal(over.parses, before.parses, 'no parse while over the limit');
      assert.equal(over.analysesStarted, before.analysesStarted, 'no analysis while over the limit');
      assert.equal(over.overLimit - before.overLimit, 1);
      assert.equal(server.logs.filter((l) => l.includes('grows.py has') && l.includes('not analysed')).length, 1, 'one log line, not one per keystroke');
      // Deleting the comment brings it back under the limit: parsed and analysed again.
      await server.change(uri, 23, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5_000_001 } }, text: '' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 23)).diagnostics.map((d) => d.code), ['PP401']);
      const back = await server.stats();
      assert.equal(back.parses - over.parses, 1);
      assert.equal(back.analysesCompleted - over.analysesCompleted, 1);
    } finally {
      await server.stop();
    }
  });
});

describe('server scheduling: a big file', () => {
  const BIG = PYDECIMAL + PYDECIMAL + PYDECIMAL;

  it('a hover on a small document is answered before the big document\'s diagnostics are published', async () => {
    const server = await TestServer.start();
    try {
      const small = 'file:///small.py';
      await server.open(small, 'class C:\n    def __init__(self):\n        self.__x = 1\n');
      await server.diagnosticsFor(small, 1);
      const before = await server.stats();
      const big = 'file:///big.py';
      await server.open(big, BIG);
      // The counters are answered between slices of the big analysis: wait until it has started.
      const analysing = await statsWhen(server, 'the big analysis started', (s) => s.analysesStarted > before.analysesStarted);
      assert.equal(analysing.analysesCompleted, before.analysesCompleted, 'the big analysis was still running when the counters were answered');
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 15 } });
      assert.match(hover?.contents.value ?? '', /_C__x/);
      assert.ok(!server.published.some((p) => p.uri === big), 'the hover was answered before the big document\'s diagnostics were published');
      const published = await server.diagnosticsFor(big, 1, 120_000);
      const after = await server.stats();
      assert.ok(after.slices - analysing.slices > 1, `the big analysis ran in ${after.slices - before.slices} slices`);
      assert.ok(after.parseSteps - before.parseSteps > 1, `the big document was parsed in ${after.parseSteps - before.parseSteps} steps`);
      // Analysed in slices, it is what one uninterrupted analysis finds.
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), (await check(BIG)).map((d) => [d.code, d.range]));
    } finally {
      await server.stop();
    }
  });

  it('a change while the big document is being analysed ends with the diagnostics of the last version', async (t) => {
    const server = await TestServer.start();
    try {
      const big = 'file:///big.py';
      const before = await server.stats();
      await server.open(big, BIG);
      await statsWhen(server, 'the analysis started', (s) => s.analysesStarted > before.analysesStarted);
      const inserted = 'def _round_half_evenx(self, seen=[]):\n        return seen\n\n    ';
      const at = BIG.indexOf('def _round_half_even');
      const position = { line: BIG.slice(0, at).split('\n').length - 1, character: 4 };
      await server.change(big, 2, [{ range: { start: position, end: position }, text: inserted }]);
      const published = await server.diagnosticsFor(big, 2, 120_000);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), (await check(BIG.slice(0, at) + inserted + BIG.slice(at))).map((d) => [d.code, d.range]));
      const stats = await server.stats();
      t.diagnostic(`analyses started ${stats.analysesStarted}, abandoned ${stats.analysesAbandoned}`);
    } finally {
      await server.stop();
    }
  });
});

describe('server scheduling: a big file parsed in steps', () => {
  // About 1.4 million characters: parsed from scratch in some 40 steps, with requests answered in between.
  const BIGGER = PYDECIMAL.repeat(6);
  const smallText = 'class C:\n    def __init__(self):\n        self.__x = 1\n';

  it('a hover on a small document is answered while the big document is being parsed', async () => {
    const server = await TestServer.start();
    try {
      const small = 'file:///small.py';
      await server.open(small, smallText);
      await server.diagnosticsFor(small, 1);
      const before = await server.stats();
      const big = 'file:///big.py';
      await server.open(big, BIGGER);
      const parsing = await statsWhen(server, 'the big parse started', (s) => s.parseSteps > before.parseSteps);
      assert.equal(parsing.analysesStarted, before.analysesStarted, 'the big parse was still going when the counters were answered');
      // The counters, asked after the hover, are answered after it: the parse had not finished by then.
      const [hover, afterHover] = await Promise.all([
        server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 15 } }),
        server.stats(),
      ]);
      assert.match(hover?.contents.value ?? '', /_C__x/);
      assert.equal(afterHover.analysesStarted, before.analysesStarted, 'the hover was answered before the big parse finished');
      assert.equal(afterHover.parses - before.parses, 1);
      await server.diagnosticsFor(big, 1, 120_000);
      const after = await server.stats();
      assert.ok(after.parseSteps - afterHover.parseSteps >= 1, `${after.parseSteps - afterHover.parseSteps} steps after the hover`);
      assert.equal(after.parses - before.parses, 1);
      assert.equal(after.parsesAbandoned, 0);
    } finally {
      await server.stop();
    }
  });

  it('a change while the big document is being parsed drops that parse; the diagnostics are those of the new text, broken or not', async () => {
    const server = await TestServer.start();
    try {
      const big = 'file:///big.py';
      const before = await server.stats();
      await server.open(big, BIGGER);
      const parsing = await statsWhen(server, 'the parse started', (s) => s.parseSteps > before.parseSteps);
      assert.equal(parsing.analysesStarted, before.analysesStarted, 'the parse was still going when the counters were answered');
      // A mutable default (a diagnostic) and an unfinished expression (a syntax error, so the text is parsed whole again at the end).
      const inserted = 'def _round_half_evenx(self, seen=[]):\n        return seen +\n\n    ';
      const at = BIGGER.indexOf('def _round_half_even');
      const position = { line: BIGGER.slice(0, at).split('\n').length - 1, character: 4 };
      await server.change(big, 2, [{ range: { start: position, end: position }, text: inserted }]);
      const published = await server.diagnosticsFor(big, 2, 120_000);
      const text = BIGGER.slice(0, at) + inserted + BIGGER.slice(at);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), (await check(text)).map((d) => [d.code, d.range]));
      assert.ok(published.diagnostics.some((d) => d.code === 'PP401' && d.range.start.line === position.line));
      const after = await server.stats();
      assert.equal(after.parsesAbandoned - before.parsesAbandoned, 1, 'the parse of version 1 was dropped');
      assert.equal(after.parses - before.parses, 2);
      assert.equal(after.analysesStarted - before.analysesStarted, 1, 'only version 2 was analysed');
      assert.equal(server.published.filter((p) => p.uri === big).length, 1, 'nothing was published for version 1');
    } finally {
      await server.stop();
    }
  });
});

describe('server scheduling: the tree budget', () => {
  // Three documents of about 250,000 characters each: together over TREE_BUDGET_CHARS (600,000).
  const big = (name: string) =>
    [`def ${name}(items=[]):`, '    return items', ...Array.from({ length: 12_000 }, (_, i) => `${name}_${i} = ${i}`), `print(${name}_7)`, ''].join('\n');
  const docs = ['alpha', 'beta', 'gamma'].map((name) => ({ uri: `file:///budget/${name}.py`, text: big(name), name }));

  it('opening big files one after another frees the oldest trees; a hover parses one again, and an edit is still analysed right', async () => {
    assert.ok(docs.reduce((sum, d) => sum + d.text.length, 0) > 600_000);
    const server = await TestServer.start();
    try {
      for (const doc of docs) {
        await server.open(doc.uri, doc.text);
        await server.diagnosticsFor(doc.uri, 1, 60_000);
      }
      const afterOpen = await server.stats();
      assert.ok(afterOpen.treesReleased >= 1, `expected a tree to be freed, stats: ${JSON.stringify(afterOpen)}`);
      assert.equal(afterOpen.treesRestored, 0);
      // The oldest document's tree was freed: the hover parses it again and answers from it.
      const lastLine = docs[0].text.split('\n').length - 2;
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: docs[0].uri },
        position: { line: lastLine, character: 'print('.length + 1 },
      });
      assert.match(hover?.contents.value ?? '', /alpha_7/);
      assert.equal((await server.stats()).treesRestored, 1);
      // An edit of a document without a tree: parsed from its text, with the same diagnostics as a fresh analysis.
      await server.change(docs[0].uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '    items.append(1)\n' }]);
      const edited = await server.diagnosticsFor(docs[0].uri, 2, 60_000);
      const text = docs[0].text.replace('    return items', '    items.append(1)\n    return items');
      assert.deepEqual(
        edited.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
        (await check(text)).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
      );
    } finally {
      await server.stop();
    }
  });

  it('opening them all at once never holds more trees than the budget beside the one being parsed', async () => {
    const server = await TestServer.start();
    try {
      for (const doc of docs) await server.open(doc.uri, doc.text);
      for (const doc of docs) await server.diagnosticsFor(doc.uri, 1, 60_000);
      const stats = await server.stats();
      const largest = Math.max(...docs.map((d) => d.text.length));
      assert.ok(stats.peakTreeChars <= 600_000 + largest, `peak ${stats.peakTreeChars}`);
      assert.ok(stats.peakTreeChars < docs.reduce((sum, d) => sum + d.text.length, 0), `peak ${stats.peakTreeChars}: every tree was held at once`);
    } finally {
      await server.stop();
    }
  });
});
