// Round trips through the real bundled server process over stdio.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine';
import { offsetToPosition } from '../server/src/engine/source';
import { assertCompiles, check } from './support/engine';
import { TestServer } from './support/lsp';

const BUS = 'class HauntedBus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const BUS_FIXED = 'class HauntedBus:\n    def __init__(self, passengers=None):\n        if passengers is None:\n            passengers = []\n        self.passengers = passengers\n';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Array<{ code?: string }>;
  edit?: { changes: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> };
}

describe('language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    assert.equal(await server.stop(), 0, 'server exits cleanly after shutdown/exit');
  });

  it('publishes PP401 with code, source, severity, docs link and the document version', async () => {
    await server.open('file:///bus.py', BUS, 7);
    const published = await server.diagnosticsFor('file:///bus.py', 7);
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.deepEqual(d.range, { start: { line: 1, character: 34 }, end: { line: 1, character: 36 } });
    assert.equal(d.code, 'PP401');
    assert.equal(d.source, 'pythonic');
    assert.equal(d.severity, 2);
    assert.match(d.message, /^`passengers` defaults to a list `\[\]`, made once when `__init__` is defined/);
    assert.ok(d.codeDescription?.href.endsWith('/docs/rules/PP401.md'));
    assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href)), 'the docs link points at a real file');
  });

  it('hovers a diagnostic with the rule title, why and example', async () => {
    const hover = await server.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', {
      textDocument: { uri: 'file:///bus.py' },
      position: { line: 1, character: 35 },
    });
    assert.equal(hover.contents.kind, 'markdown');
    const lines = hover.contents.value.split('\n');
    assert.equal(lines[0], '**PP401 Mutable default argument** (`mutable-default-argument`)');
    assert.match(hover.contents.value, /Python evaluates a default once, when the `def` statement runs/);
    assert.match(hover.contents.value, /```python\nclass Playlist:\n    def __init__\(self, songs=\[\]\):/);
    assert.match(hover.contents.value, /may change behaviour, so it is applied only when you pick it/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 34 }, end: { line: 1, character: 36 } });
  });

  it('hovers names with underscores, with the mangled name of `__x` in its class', async () => {
    const text = 'class Outer:\n    class Inner:\n        def f(self):\n            self.__secret = 1\n    _hidden = 2\n    class_ = 3\n    for _ in range(2):\n        pass\n';
    await server.open('file:///names.py', text);
    await server.diagnosticsFor('file:///names.py', 1);
    const hoverAt = async (line: number, character: number) =>
      (await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: 'file:///names.py' }, position: { line, character } }))?.contents.value;
    const mangled = await hoverAt(3, 20);
    assert.match(mangled ?? '', /^\*\*`__secret` — name-mangled class-private name\*\*/);
    assert.match(mangled ?? '', /inside class `Inner`, Python stores and looks it up as `_Inner__secret`/);
    assert.match((await hoverAt(4, 6)) ?? '', /^\*\*`_hidden` — internal by convention\*\*/);
    assert.match((await hoverAt(5, 6)) ?? '', /^\*\*`class_` — trailing underscore to avoid a clash\*\*/);
    assert.match((await hoverAt(6, 8)) ?? '', /^\*\*`_` — a name for values you do not need\*\*/);
  });

  it('offers the quick-fix, which rewrites the code as expected', async () => {
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///bus.py' },
      range: { start: { line: 1, character: 35 }, end: { line: 1, character: 35 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Default `passengers` to `None` and create the value inside the function (PP401)', 'quickfix', false],
        ['Disable PP401 for this line', 'quickfix', false],
        ['Show documentation for PP401', 'quickfix', false],
      ],
    );
    const fixed = applyEdits(BUS, actions[0].edit!.changes['file:///bus.py']);
    assert.equal(fixed, BUS_FIXED);
    assertCompiles(fixed);
    const suppressed = applyEdits(BUS, actions[1].edit!.changes['file:///bus.py']);
    assert.equal(suppressed.split('\n')[1], '    def __init__(self, passengers=[]):  # noqa: PP401');

    // The editor applies the edit and tells the server: the warning goes away.
    await server.change('file:///bus.py', 8, [{ text: fixed }]);
    assert.deepEqual((await server.diagnosticsFor('file:///bus.py', 8)).diagnostics, []);
    await server.change('file:///bus.py', 9, [{ text: suppressed }]);
    assert.deepEqual((await server.diagnosticsFor('file:///bus.py', 9)).diagnostics, []);
  });

  it('fix-all applies every safe fix in one edit and leaves unsafe ones', async () => {
    const text = [
      'class Pair:',
      '    def key(self, seen=[]):',
      '        return self.a == None',
      '',
      '    def __hash__(self):',
      '        return hash(self.a) ^ hash(self.b)',
      '',
      'class Triple(Pair):',
      '    def __hash__(self):',
      '        return hash(self.a) ^ hash(self.b) ^ hash(self.c)',
      '',
    ].join('\n');
    await server.open('file:///fixall.py', text);
    await server.diagnosticsFor('file:///fixall.py', 1);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///fixall.py' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe Pythonic problems', 'source.fixAll.pythonic']]);
    const edits = actions[0].edit!.changes['file:///fixall.py'];
    assert.equal(edits.length, 1);
    const fixed = applyEdits(text, edits);
    // Both PP302 fixes are safe; PP401's and PP204's are not.
    assert.equal(fixed, text.replace('hash(self.a) ^ hash(self.b) ^ hash(self.c)', 'hash((self.a, self.b, self.c))').replace('hash(self.a) ^ hash(self.b)\n', 'hash((self.a, self.b))\n'));
    assertCompiles(fixed);
  });

  it('fix-all applies no unsafe fix', async () => {
    await server.open('file:///unsafe-only.py', BUS);
    await server.diagnosticsFor('file:///unsafe-only.py', 1);
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///unsafe-only.py' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.pythonic'] },
    });
    assert.deepEqual(actions, []);
  });

  it('after any sequence of incremental edits, reports what a fresh open of the final text reports', async () => {
    const pieces = ['def f(a, b=[]):\n    return a\n', 'X = {}\n', 'def g(y=X):\n    y[1] = 2\n', '\n', 'pass\n', ' = [', ')', '(', 'é😀', '"""doc"""\n', 'class C:\n    def m(self, z=set()):\n        ...\n', '\r\n'];
    let text = 'import os\n\n' + pieces.slice(0, 4).join('');
    await server.open('file:///edits.py', text);
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let version = 1;
    for (let step = 0; step < 150; step++) {
      const start = random(text.length + 1);
      const deleting = random(3) === 0;
      const end = deleting ? Math.min(text.length, start + random(12)) : start;
      const inserted = deleting ? '' : pieces[random(pieces.length)];
      const change = { range: { start: offsetToPosition(text, start), end: offsetToPosition(text, end) }, text: inserted };
      // Some steps batch two changes in one notification; the second refers to the text after the first.
      text = text.slice(0, start) + inserted + text.slice(end);
      const batch = [change];
      if (random(4) === 0) {
        const at = random(text.length + 1);
        batch.push({ range: { start: offsetToPosition(text, at), end: offsetToPosition(text, at) }, text: 'def h(q={}):\n    return q\n' });
        text = text.slice(0, at) + 'def h(q={}):\n    return q\n' + text.slice(at);
      }
      await server.change('file:///edits.py', ++version, batch);
    }
    const final = (await server.diagnosticsFor('file:///edits.py', version)).diagnostics;
    await server.open('file:///fresh.py', text);
    const fresh = (await server.diagnosticsFor('file:///fresh.py', 1)).diagnostics;
    assert.ok(fresh.length > 0, 'the edit sequence leaves something to report');
    assert.deepEqual(final, fresh.map((d) => ({ ...d, codeDescription: d.codeDescription })));
    assert.deepEqual(
      final.map((d) => [d.code, d.range]),
      (await check(text)).map((d) => [d.code, d.range]),
      'the server agrees with the engine on the final text',
    );
  });
});

describe('language server robustness', () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    await server.stop();
  });

  it('answers unknown documents and out-of-range positions without failing', async () => {
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///nope.py' }, position: { line: 0, character: 0 } }), null);
    assert.equal(
      await server.request('textDocument/codeAction', { textDocument: { uri: 'untitled:nope' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
      null,
    );
    await server.change('file:///never-opened.py', 2, [{ text: 'x = 1\n' }]);
    await server.until('a log line about the unknown document', () => server.logs.find((l) => l.includes('never-opened.py')));

    await server.open('file:///short.py', 'def f(x=[]):\n    return x\n');
    await server.diagnosticsFor('file:///short.py', 1);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///short.py' }, position: { line: 999, character: 999 } }), null);
    // A change whose range lies past the end is clamped, as the spec asks.
    await server.change('file:///short.py', 2, [{ range: { start: { line: 50, character: 0 }, end: { line: 60, character: 3 } }, text: 'def g(y={}):\n    return y\n' }]);
    const after = await server.diagnosticsFor('file:///short.py', 2);
    assert.deepEqual(after.diagnostics.map((d) => d.range.start), [{ line: 0, character: 8 }, { line: 2, character: 8 }]);
  });

  it('still reports the valid parts of a file with broken syntax', async () => {
    const text = 'def broken(:\n    pass\n\nclass Bus:\n    def __init__(self, passengers=[]):\n        self.p = passengers\n\nx = = 1\n';
    await server.open('file:///broken.py', text);
    const published = await server.diagnosticsFor('file:///broken.py', 1);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start]), [['PP401', { line: 4, character: 34 }]]);
  });

  it('does not analyse a document over the size limit, says so, and keeps its text', async () => {
    const huge = 'def f(x=[]):\n    return x\n' + '#'.repeat(5_000_000) + '\n';
    await server.open('file:///huge.py', huge);
    assert.deepEqual((await server.diagnosticsFor('file:///huge.py', 1)).diagnostics, []);
    assert.ok(server.logs.some((l) => l.includes('huge.py has 5000027 characters; not analysed')));
    // Shrinking it below the limit by an incremental edit brings diagnostics back.
    await server.change('file:///huge.py', 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5_000_000 } }, text: '' }]);
    assert.deepEqual((await server.diagnosticsFor('file:///huge.py', 2)).diagnostics.map((d) => d.code), ['PP401']);
  });

  it('keeps serving after all of that', async () => {
    await server.open('file:///after.py', 'async def f(x={}):\n    return x\n');
    const published = await server.diagnosticsFor('file:///after.py', 1);
    assert.equal(published.diagnostics.length, 1);
  });
});

describe('language server settings', () => {
  it('honours [tool.pythonic] in the nearest pyproject.toml unless the editor sets the value', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-project-'));
    fs.mkdirSync(path.join(dir, 'pkg'));
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic]\nseverity = { PP401 = "information" }\nignore = ["PP401"]\n');
    const server = await TestServer.start({ configuration: (uri) => (uri?.endsWith('editor.py') ? { ignore: ['PP8'] } : {}) });
    try {
      const project = pathToFileURL(path.join(dir, 'pkg', 'project.py')).toString();
      const editor = pathToFileURL(path.join(dir, 'pkg', 'editor.py')).toString();
      await server.open(project, BUS);
      await server.open(editor, BUS);
      assert.deepEqual((await server.diagnosticsFor(project, 1)).diagnostics, []);
      assert.deepEqual((await server.diagnosticsFor(editor, 1)).diagnostics.map((d) => [d.code, d.severity]), [['PP401', 3]]);
      // Editing pyproject.toml takes effect once the client reports the change.
      fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.pythonic]\n');
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'pyproject.toml')).toString(), type: 2 }] });
      await server.change(project, 2, [{ text: BUS }]);
      assert.deepEqual((await server.diagnosticsFor(project, 2)).diagnostics.map((d) => [d.code, d.severity]), [['PP401', 2]]);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes settings from initializationOptions and didChangeConfiguration when the client cannot be asked', async () => {
    const server = await TestServer.start({ initializationOptions: { settings: { ignore: ['PP401'] } } });
    try {
      await server.open('file:///pushed.py', BUS);
      assert.deepEqual((await server.diagnosticsFor('file:///pushed.py', 1)).diagnostics, []);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pythonic: { severity: { PP401: 'hint' } } } });
      await server.change('file:///pushed.py', 2, [{ text: BUS + '\n' }]);
      assert.deepEqual((await server.diagnosticsFor('file:///pushed.py', 2)).diagnostics.map((d) => [d.code, d.severity]), [['PP401', 4]]);
    } finally {
      await server.stop();
    }
  });

  it('reads pythonic.* per document through workspace/configuration', async () => {
    const server = await TestServer.start({
      configuration: (uri) => (uri?.endsWith('strict.py') ? { severity: { PP401: 'error' } } : uri?.endsWith('off.py') ? { ignore: ['PP4'] } : {}),
    });
    try {
      await server.open('file:///strict.py', BUS);
      await server.open('file:///off.py', BUS);
      assert.equal((await server.diagnosticsFor('file:///strict.py', 1)).diagnostics[0].severity, 1);
      assert.deepEqual((await server.diagnosticsFor('file:///off.py', 1)).diagnostics, []);
    } finally {
      await server.stop();
    }
  });
});
