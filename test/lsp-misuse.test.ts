// A client that misuses the protocol, through the real server process: documents it never
// opened, changes before the open, inverted and overlapping ranges, positions out of range,
// negative, null (what JSON makes of NaN) or of the wrong type, made-up diagnostics,
// cancelling requests that do not exist, unknown methods and malformed params. After each
// case the server must still publish the right diagnostics for a good document and answer
// a hover on it; at the end it must exit with code 0.
// (Lifecycle misuse — requests after shutdown, initialize twice, exit without shutdown,
// stale versions — is tested with the lifecycle.)
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from './support/engine';
import { TestServer } from './support/lsp';

const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const TWO = 'def f(a=[]):\n    return a\r\n\r\ndef g(b={}):\n    return b\n';

interface Position {
  line: number;
  character: number;
}
interface Change {
  range?: { start: Position; end: Position };
  text: string;
}

type Settled<T> = { result: T } | { error: ResponseError<unknown> };

async function settle<T>(request: Promise<T>): Promise<Settled<T>> {
  try {
    return { result: await request };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `expected a JSON-RPC error response, got ${String(error)}`);
    return { error };
  }
}

function assertInvalidParams(answer: Settled<unknown>, what: string): void {
  assert.ok('error' in answer, `${what} answered ${JSON.stringify(answer)}`);
  assert.equal(answer.error.code, ErrorCodes.InvalidParams, `${what}: ${answer.error.message}`);
}

function keys(diagnostics: Array<{ code?: string | number; range: { start: Position; end: Position } }>): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

/**
 * What vscode-languageserver-textdocument makes of one change: a reversed range is swapped,
 * positions are clamped by a TextDocument made afresh from the text (an incrementally
 * updated one can be left with holes in its line offsets; see text-buffer.test).
 */
function applyLikeTextDocument(text: string, change: Change): string {
  if (!change.range) return change.text;
  const doc = TextDocument.create('file:///oracle.py', 'python', 0, text);
  let { start, end } = change.range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
  return text.slice(0, doc.offsetAt(start)) + change.text + text.slice(doc.offsetAt(end));
}

describe('language server misuse', () => {
  let server: TestServer;
  let good = 0;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    assert.equal(await server.stop(), 0, 'the server exits cleanly after all the misuse');
  });

  async function assertStillServing(): Promise<void> {
    const uri = `file:///good-${++good}.py`;
    await server.open(uri, BUS);
    const published = await server.diagnosticsFor(uri, 1);
    assert.deepEqual(keys(published.diagnostics), keys(await check(BUS)));
    const answer = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 35 } });
    assert.match(answer?.contents.value ?? '', /^\*\*PP401 /);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** A misuse case, followed by the check that the server still serves a good document. */
  function misuse(name: string, body: () => Promise<void>, options: { todo?: string } = {}): void {
    it(name, options, async () => {
      await body();
      await assertStillServing();
    });
  }

  /** Opens `uri` with `text`, then sends `changes` (one notification each) and checks the diagnostics published for the last version. */
  async function changesMeanWhatTextDocumentMeans(uri: string, text: string, notifications: Change[][]): Promise<void> {
    await server.open(uri, text);
    let version = 1;
    for (const changes of notifications) {
      await server.change(uri, ++version, changes);
      text = changes.reduce(applyLikeTextDocument, text);
    }
    const published = await server.diagnosticsFor(uri, version);
    assert.deepEqual(keys(published.diagnostics), keys(await check(text)), `final text:\n${JSON.stringify(text)}`);
  }

  const at = (line: number, character: number): Position => ({ line, character });

  misuse('hover, codeAction, resolve, didChange and didClose on a URI never opened', async () => {
    const textDocument = { uri: 'file:///never-opened.py' };
    assert.equal(await server.request('textDocument/hover', { textDocument, position: at(0, 0) }), null);
    assert.equal(await server.request('textDocument/codeAction', { textDocument, range: { start: at(0, 0), end: at(0, 0) }, context: { diagnostics: [] } }), null);
    const action = { title: 'Fix all safe Pythonic problems', kind: 'source.fixAll.pythonic', data: { uri: textDocument.uri } };
    assert.deepEqual(await server.request('codeAction/resolve', action), action);
    await server.change(textDocument.uri, 2, [{ range: { start: at(0, 0), end: at(0, 0) }, text: 'x = 1\n' }]);
    await server.connection.sendNotification('textDocument/didClose', { textDocument });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:Untitled-1' } });
  });

  misuse('didChange before didOpen: the change is dropped, the open counts', async () => {
    const uri = 'file:///changed-first.py';
    await server.change(uri, 1, [{ text: 'def early(x=[]):\n    pass\n' }]);
    await server.change(uri, 2, [{ range: { start: at(0, 0), end: at(0, 3) }, text: 'async def' }]);
    await server.open(uri, TWO, 3);
    const published = await server.diagnosticsFor(uri, 3);
    assert.deepEqual(keys(published.diagnostics), keys(await check(TWO)));
  });

  misuse('inverted ranges are swapped, as TextDocument swaps them', async () => {
    await changesMeanWhatTextDocumentMeans('file:///inverted.py', TWO, [
      [{ range: { start: at(1, 12), end: at(0, 0) }, text: 'def h(q=set()):\n    return q' }],
      [{ range: { start: at(0, 10), end: at(0, 2) }, text: 'f' }],
      [{ range: { start: at(3, 0), end: at(2, 0) }, text: '\r' }],
    ]);
  });

  misuse('overlapping changes in one notification apply one after the other', async () => {
    await changesMeanWhatTextDocumentMeans('file:///overlapping.py', TWO, [
      [
        { range: { start: at(0, 0), end: at(3, 5) }, text: 'def k(c=[]):\n    return c\n\ndef ' },
        { range: { start: at(1, 4), end: at(3, 7) }, text: 'pass\ndef m(d={}):' },
        { range: { start: at(1, 0), end: at(1, 8) }, text: '\t' },
      ],
      [
        { range: { start: at(0, 0), end: at(0, 0) }, text: 'import os\r' },
        { range: { start: at(0, 0), end: at(1, 0) }, text: '' },
      ],
    ]);
  });

  misuse('positions past the end, negative and huge in didChange are clamped', async () => {
    await changesMeanWhatTextDocumentMeans('file:///clamped.py', TWO, [
      [{ range: { start: at(1000, 0), end: at(2000, 5) }, text: 'def tail(t=[]):\n    return t\n' }],
      [{ range: { start: at(0, 500), end: at(1, 1e9) }, text: '' }],
      [{ range: { start: at(-5, -3), end: at(0, -1) }, text: 'X = 1\n' }],
      [{ range: { start: at(2, -7), end: at(-1, 4) }, text: '' }],
      [{ range: { start: at(Number.MAX_SAFE_INTEGER, 0), end: at(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) }, text: 'x == None\n' }],
    ]);
  });

  misuse('null (JSON for NaN), fractional and string positions in didChange: the document recovers with the next full text', async () => {
    const uri = 'file:///nan-change.py';
    await server.open(uri, TWO);
    await server.diagnosticsFor(uri, 1);
    await server.change(uri, 2, [{ range: { start: at(NaN, NaN), end: at(0, NaN) }, text: 'zzz' }]);
    await server.change(uri, 3, [{ range: { start: at(0.5, 1.5), end: at(1.25, 0) }, text: 'y' }]);
    await server.change(uri, 4, [{ range: { start: { line: '0', character: '1' }, end: { line: '0', character: '2' } }, text: 'q' }]);
    await server.change(uri, 5, [{ range: { start: at(0, 0) }, text: 'no end' }]);
    await server.change(uri, 6, [{ text: BUS }]);
    const published = await server.diagnosticsFor(uri, 6);
    assert.deepEqual(keys(published.diagnostics), keys(await check(BUS)));
  });

  misuse('hover and codeAction at out-of-range and negative positions answer; null, fractional and string positions get InvalidParams', async () => {
    const uri = 'file:///positions.py';
    await server.open(uri, TWO);
    await server.diagnosticsFor(uri, 1);
    const textDocument = { uri };
    const integers = [at(999, 999), at(0, 1e9), at(-1, 0), at(0, -1), at(-5, -5)];
    for (const position of integers) {
      const answer = await settle(server.request<unknown>('textDocument/hover', { textDocument, position }));
      assert.ok('result' in answer, `hover at ${JSON.stringify(position)}: ${JSON.stringify(answer)}`);
      const actions = await settle(server.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }));
      assert.ok('result' in actions, `codeAction at ${JSON.stringify(position)}: ${JSON.stringify(actions)}`);
    }
    const malformed: unknown[] = [at(NaN, NaN), at(0, NaN), at(0.5, 7.5), { line: '0', character: '8' }, { line: 0 }, {}, null, 'here'];
    for (const position of malformed) {
      assertInvalidParams(await settle(server.request('textDocument/hover', { textDocument, position })), `hover at ${JSON.stringify(position)}`);
      assertInvalidParams(
        await settle(server.request('textDocument/codeAction', { textDocument, range: { start: at(0, 0), end: position }, context: { diagnostics: [] } })),
        `codeAction to ${JSON.stringify(position)}`,
      );
    }
    // Out of the document, no diagnostic is touched, so no quick-fix.
    const outside = await server.request<unknown[]>('textDocument/codeAction', { textDocument, range: { start: at(100, 0), end: at(200, 0) }, context: { diagnostics: [] } });
    assert.deepEqual(outside, []);
    // An inverted range covers nothing either (start after end).
    await settle(server.request('textDocument/codeAction', { textDocument, range: { start: at(4, 0), end: at(0, 0) }, context: { diagnostics: [] } }));
  });

  misuse('codeAction with made-up diagnostics: unknown codes and ranges out of the document are ignored', async () => {
    const uri = 'file:///made-up.py';
    await server.open(uri, TWO);
    const published = await server.diagnosticsFor(uri, 1);
    const made = [
      { range: { start: at(0, 0), end: at(0, 3) }, code: 'PP999', message: 'not a rule', source: 'pythonic' },
      { range: { start: at(500, 0), end: at(600, 1) }, code: 'PP401', message: 'nowhere', source: 'pythonic' },
      { range: { start: at(0, 6), end: at(0, 8) }, code: 42, message: 'numeric code' },
      { range: { start: at(0, 6), end: at(0, 8) }, message: 'no code at all' },
    ];
    const actions = await server.request<Array<{ title: string }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: at(0, 0), end: at(0, 12) },
      context: { diagnostics: made },
    });
    // The server answers from its own diagnostics: the real PP401 on line 0 gets its fix and its noqa.
    assert.ok(published.diagnostics.some((d) => d.code === 'PP401' && d.range.start.line === 0));
    assert.ok(actions.length >= 1 && actions.every((a) => /PP401/.test(a.title)), JSON.stringify(actions));
    const far = await server.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: at(500, 0), end: at(600, 1) },
      context: { diagnostics: made },
    });
    assert.deepEqual(far, []);
  });

  misuse('$/cancelRequest for ids that were never sent', async () => {
    for (const params of [{ id: 987_654 }, { id: 'no-such-request' }, { id: -1 }, { id: null }, {}]) {
      await server.connection.sendNotification('$/cancelRequest', params);
    }
  });

  misuse('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
    for (const method of ['pythonic/noSuchThing', 'textDocument/definition', 'workspace/executeCommand']) {
      const answer = await settle(server.request(method, {}));
      assert.ok('error' in answer, `${method} answered ${JSON.stringify(answer)}`);
      assert.equal(answer.error.code, ErrorCodes.MethodNotFound, method);
    }
    await server.connection.sendNotification('pythonic/noSuchNotification', { x: 1 });
    await server.connection.sendNotification('$/noSuchNotification', {});
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri: 'file:///never-opened.py' } });
  });

  misuse('malformed params in requests: InvalidParams, not an internal failure', async () => {
    const uri = 'file:///malformed.py';
    await server.open(uri, TWO);
    await server.diagnosticsFor(uri, 1);
    const invalid: Array<[string, unknown]> = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { position: at(0, 0) }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: at(0, 0) }],
      ['textDocument/hover', { textDocument: { uri }, position: 'here' }],
      ['textDocument/hover', { textDocument: null, position: at(0, 0) }],
      ['textDocument/hover', null],
      ['textDocument/codeAction', {}],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: at(0, 0), end: at(0, 5) } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: 'all', context: { diagnostics: 'none' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: at(0, 0), end: at(0, 5) }, context: { only: 'quickfix' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: at(0, 0), end: at(0, 5) }, context: { only: [1, 2] } }],
    ];
    const logged = server.logs.length;
    for (const [method, params] of invalid) assertInvalidParams(await settle(server.request(method, params)), `${method} ${JSON.stringify(params)}`);
    assert.deepEqual(server.logs.slice(logged).filter((l) => / failed in /.test(l)), [], 'a client mistake is not logged as a server failure');
    // Params by position, and resolve of actions the server never made: whatever the answer, no crash.
    const odd: Array<[string, unknown]> = [
      ['textDocument/hover', [uri, 0, 0]],
      ['codeAction/resolve', {}],
      ['codeAction/resolve', { title: 'x', kind: 'source.fixAll.pythonic', data: { uri: 7 } }],
      ['codeAction/resolve', { title: 'x', kind: 'source.fixAll.pythonic', data: null }],
    ];
    for (const [method, params] of odd) await settle(server.request(method, params));
  });

  misuse('malformed params in notifications: ignored or logged, never a crash', async () => {
    const uri = 'file:///malformed-notifications.py';
    const notifications: Array<[string, unknown]> = [
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///no-text.py', languageId: 'python', version: 1 } }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///number-text.py', languageId: 'python', version: 1, text: 42 } }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///no-version.py', languageId: 'python', text: 'x = 1\n' } }],
      ['textDocument/didChange', {}],
      ['textDocument/didChange', { textDocument: { uri, version: 2 } }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null }],
      ['textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: 'x = 2' }],
      ['textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: 7 }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [null] }],
      ['textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: at(0, 0), end: at(0, 1) } }] }],
      ['textDocument/didClose', {}],
      ['textDocument/didClose', { textDocument: 'file:///x.py' }],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeConfiguration', { settings: 'nonsense' }],
      ['workspace/didChangeWatchedFiles', { changes: null }],
    ];
    await server.open(uri, TWO);
    await server.diagnosticsFor(uri, 1);
    for (const [method, params] of notifications) await server.connection.sendNotification(method, params);
    // The document mangled above recovers with a full text.
    await server.change(uri, 7, [{ text: BUS }]);
    assert.deepEqual(keys((await server.diagnosticsFor(uri, 7)).diagnostics), keys(await check(BUS)));
  });
});
