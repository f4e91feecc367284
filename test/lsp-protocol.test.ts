// What the server does with every message a client may send, through the real bundled
// server process over stdio: didChange with any kind of range, stale versions, requests
// outside the lifecycle (before `initialize`, after `shutdown`), exit codes, and texts
// Python would refuse or that are not text at all.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestServer } from './support/lsp';
import { prng } from './support/random-edits';

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const hoverAt = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
const at = (line: number, character: number) => ({ line, character });

async function rejection(promise: Promise<unknown>): Promise<{ code?: number; message?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: number };
  }
  assert.fail('the request was answered');
}

/** What a fresh open of `text` publishes, in a server of its own (so counters and versions do not mix). */
async function freshDiagnostics(server: TestServer, text: string): Promise<unknown> {
  const uri = `file:///fresh-${server.published.length}.py`;
  await server.open(uri, text);
  return (await server.diagnosticsFor(uri, 1)).diagnostics;
}

describe('didChange, as the LSP spec describes it', () => {
  it('inverted ranges, positions past a line or the end, several changes in order and full-text changes: a fresh open\'s diagnostics', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///changes.py';
      await server.open(uri, 'import os\n\ndef f(a=[]):\n    return a\n\nx = 1\n');
      await server.diagnosticsFor(uri, 1);
      // The range end before its start: the lines 0..2 go, as if the range had been written the other way round.
      await server.change(uri, 2, [{ range: { start: at(2, 0), end: at(0, 0) }, text: '' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics.map((d) => [d.code, d.range.start]), [['PP401', at(0, 8)]]);
      // Inverted on one line, a character past the line's end, a line past the end of the text.
      await server.change(uri, 3, [
        { range: { start: at(0, 10), end: at(0, 8) }, text: '{}' },
        { range: { start: at(1, 999), end: at(1, 4) }, text: 'return None' },
        { range: { start: at(99, 0), end: at(42, 7) }, text: 'def g(b=set()):\n    return b\n' },
      ]);
      const afterInverted = 'def f(a={}):\n    return None\n\nx = 1\ndef g(b=set()):\n    return b\n';
      assert.deepEqual((await server.diagnosticsFor(uri, 3)).diagnostics, await freshDiagnostics(server, afterInverted));
      // A full-text change in the middle of a notification replaces everything; the changes after it refer to its text.
      await server.change(uri, 4, [
        { range: { start: at(3, 0), end: at(0, 0) }, text: 'y = 2\n' },
        { text: BUS },
        { range: { start: at(2, 37), end: at(2, 8) }, text: 'print(passengers)' },
        { range: { start: at(0, 0), end: at(0, 0) }, text: 'def h(c=[]):\n    pass\n' },
      ]);
      const final = 'def h(c=[]):\n    pass\nclass HauntedBus:\n    def __init__(self, passengers=[]):\n        print(passengers)\n';
      const published = (await server.diagnosticsFor(uri, 4)).diagnostics;
      assert.deepEqual(published.map((d) => d.range.start), [at(0, 8), at(3, 34)]);
      assert.deepEqual(published, await freshDiagnostics(server, final));
      // Hover agrees with the text too: line 3 is where the mutable default is now.
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', hoverAt(uri, 3, 35));
      assert.match(hover?.contents.value ?? '', /^\*\*PP401 /);
    } finally {
      await server.stop();
    }
  });

  it('ignores a change whose version is not above the document\'s, with one log line, and publishes nothing for it', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///versions.py';
      await server.open(uri, 'x = 1\n', 1);
      await server.diagnosticsFor(uri, 1);
      await server.change(uri, 3, [{ text: BUS }]);
      assert.equal((await server.diagnosticsFor(uri, 3)).diagnostics.length, 1);
      // Older and equal versions, as a misbehaving client (or a reordered queue) would send them.
      await server.change(uri, 2, [{ text: 'stale = 2\n' }]);
      await server.change(uri, 3, [{ range: { start: at(0, 0), end: at(3, 0) }, text: 'also_stale = 3\n' }]);
      await server.stats(); // a round trip: whatever the server did with them has been sent
      await server.change(uri, 4, [{ range: { start: at(0, 0), end: at(0, 0) }, text: 'import os\n' }]);
      const final = (await server.diagnosticsFor(uri, 4)).diagnostics;
      assert.deepEqual(final, await freshDiagnostics(server, 'import os\n' + BUS));
      assert.deepEqual(server.published.filter((p) => p.uri === uri).map((p) => p.version), [1, 3, 4]);
      const ignored = [...server.logs.join('\n').matchAll(/ignored a change to file:\/\/\/versions\.py at version (\d): the document is already at version 3/g)];
      assert.deepEqual(ignored.map((m) => m[1]), ['2', '3'], 'one log line per ignored change');
    } finally {
      await server.stop();
    }
  });
});

describe('the LSP lifecycle', () => {
  it('refuses requests before initialize with ServerNotInitialized, drops notifications, and refuses a second initialize', async () => {
    const server = await TestServer.start({ initialize: false });
    try {
      const early = await rejection(server.request('textDocument/hover', hoverAt('file:///early.py', 0, 0)));
      assert.equal(early.code, SERVER_NOT_INITIALIZED);
      assert.equal((await rejection(server.request('shutdown', undefined))).code, SERVER_NOT_INITIALIZED);
      // Dropped: the document is unknown once the server is initialized.
      await server.open('file:///early.py', BUS);
      const result = (await server.initialize()) as { capabilities: { hoverProvider?: boolean } };
      assert.equal(result.capabilities.hoverProvider, true);
      assert.equal((await rejection(server.request('initialize', { processId: null, rootUri: null, capabilities: {} }))).code, INVALID_REQUEST);
      assert.equal(await server.request('textDocument/hover', hoverAt('file:///early.py', 1, 35)), null);
      // And it works as usual.
      await server.open('file:///later.py', BUS);
      assert.equal((await server.diagnosticsFor('file:///later.py', 1)).diagnostics.length, 1);
      assert.ok(!server.published.some((p) => p.uri === 'file:///early.py'), 'nothing published for the dropped didOpen');
      assert.equal(await server.stop(), 0);
    } finally {
      server.kill();
    }
  });

  it('refuses every request after shutdown with InvalidRequest; exit then ends the process with code 0', async () => {
    const server = await TestServer.start();
    try {
      await server.open('file:///bus.py', BUS);
      await server.diagnosticsFor('file:///bus.py', 1);
      assert.equal(await server.request('shutdown', undefined), null);
      assert.equal((await rejection(server.request('textDocument/hover', hoverAt('file:///bus.py', 1, 35)))).code, INVALID_REQUEST);
      assert.equal((await rejection(server.stats())).code, INVALID_REQUEST);
      assert.equal((await rejection(server.request('shutdown', undefined))).code, INVALID_REQUEST);
      await server.connection.sendNotification('exit');
      assert.equal(await server.exited, 0);
    } finally {
      server.kill();
    }
  });

  it('exit without shutdown ends the process with code 1', async () => {
    const server = await TestServer.start();
    try {
      await server.connection.sendNotification('exit');
      assert.equal(await server.exited, 1);
    } finally {
      server.kill();
    }
  });

  it('exit before initialize ends the process with code 1', async () => {
    const server = await TestServer.start({ initialize: false });
    try {
      await server.connection.sendNotification('exit');
      assert.equal(await server.exited, 1);
    } finally {
      server.kill();
    }
  });
});

describe('texts Python refuses, and texts that are not text', () => {
  it('a NUL byte: one diagnostic at the first one, without a rule code, and nothing else analysed', async () => {
    const server = await TestServer.start();
    try {
      const uri = 'file:///nul.py';
      await server.open(uri, BUS + 'x = "a\0b"\0\n' + BUS);
      const [only, ...others] = (await server.diagnosticsFor(uri, 1)).diagnostics;
      assert.deepEqual(others, []);
      assert.deepEqual(only.range, { start: at(3, 6), end: at(3, 7) });
      assert.equal(only.code, undefined);
      assert.equal(only.codeDescription, undefined);
      assert.equal(only.source, 'pythonic');
      assert.equal(only.severity, 1);
      assert.match(only.message, /^Python refuses this file: source code cannot contain null bytes/);
      assert.equal(await server.request('textDocument/hover', hoverAt(uri, 1, 35)), null);
      // Removing the NUL bytes brings the analysis back.
      await server.change(uri, 2, [{ range: { start: at(3, 6), end: at(3, 7) }, text: '' }, { range: { start: at(3, 8), end: at(3, 9) }, text: '' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics.map((d) => [d.code, d.range.start.line]), [['PP401', 1], ['PP401', 5]]);
    } finally {
      await server.stop();
    }
  });

  it('a megabyte of binary garbage: a log line, no diagnostics, and other documents are served meanwhile', async () => {
    const server = await TestServer.start();
    try {
      const random = prng(7);
      const bytes = Buffer.alloc(1 << 20);
      for (let i = 0; i < bytes.length; i++) bytes[i] = random(256);
      const garbage = bytes.toString('utf8'); // as an editor decodes it: U+FFFD and control characters
      await server.open('file:///garbage.py', garbage);
      await server.open('file:///small.py', BUS);
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', hoverAt('file:///small.py', 1, 35));
      assert.match(hover?.contents.value ?? '', /^\*\*PP401 /);
      assert.equal((await server.diagnosticsFor('file:///small.py', 1)).diagnostics.length, 1);
      assert.deepEqual((await server.diagnosticsFor('file:///garbage.py', 1)).diagnostics, []);
      assert.ok(server.logs.some((l) => /garbage\.py is mostly not text \(\d+% of the first 8192 characters are control or replacement characters\); not analysed/.test(l)));
      assert.equal((await server.stats()).analysesStarted, 1, 'only the small document was analysed');
    } finally {
      await server.stop();
    }
  });
});
