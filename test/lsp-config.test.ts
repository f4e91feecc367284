// The language server with Ruff-style configuration: a broken pyproject.toml, editor
// settings over [tool.pythonic], exclude, and the code actions that write per-file-ignores.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestServer } from './support/lsp';

const BUS = 'def f(x=[]):\n    return x\n';

interface Action {
  title: string;
  kind?: string;
  edit?: { changes?: Record<string, Array<{ range: Range; newText: string }>>; documentChanges?: unknown[] };
  command?: { command: string; arguments?: unknown[] };
}
interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-lsp-config-')));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const uriOf = (file: string) => pathToFileURL(file).toString();

/** Applies single-line-or-not LSP edits to `text` (ranges refer to the original). */
function applyEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const offset = (p: { line: number; character: number }) => {
    const lines = text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  };
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

async function reload(server: TestServer, pyproject: string): Promise<void> {
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pyproject), type: 2 }] });
}

describe('language server: pyproject.toml problems', () => {
  it('a broken pyproject.toml gives one message naming file:line, and diagnostics still arrive with the defaults', async () => {
    const dir = project({ 'pyproject.toml': '[project]\nname = "demo"\n[tool.pythonic\nselect = ["PP8"]\n' });
    const server = await TestServer.start({ workspaceFolders: [uriOf(dir)] });
    try {
      const uris = ['a.py', 'b.py', 'c.py'].map((n) => uriOf(path.join(dir, n)));
      for (const uri of uris) await server.open(uri, BUS);
      for (const uri of uris) assert.deepEqual((await server.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['PP401']);
      // Typing re-analyses; the message is not repeated.
      await server.change(uris[0], 2, [{ text: BUS + '\n' }]);
      await server.diagnosticsFor(uris[0], 2);
      const file = path.join(dir, 'pyproject.toml');
      assert.deepEqual(server.messages, [{ type: 2, message: `Pythonic: ${file}:3:15: not valid TOML: illegal character in key; using the default settings` }]);
      assert.ok(server.logs.some((l) => l.includes(`${file}:3:15: not valid TOML`)));
    } finally {
      await server.stop();
    }
  });

  it('an unknown key and a bad value: one message with their lines; the good values still apply', async () => {
    const dir = project({ 'pyproject.toml': '[tool.pythonic]\nextend-ignore = ["PP401"]\nignor = ["PP4"]\nseverity = "error"\n' });
    const server = await TestServer.start();
    try {
      const uri = uriOf(path.join(dir, 'app.py'));
      await server.open(uri, BUS + 'y = 1 == None\n');
      assert.deepEqual((await server.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['PP204']);
      const file = path.join(dir, 'pyproject.toml');
      assert.deepEqual(server.messages, [
        {
          type: 2,
          message:
            `Pythonic: ${file}:3: unknown key 'ignor' in [tool.pythonic]; did you mean 'ignore'?; using the default ` +
            `${file}:4: 'severity' in [tool.pythonic] takes a table of codes to "error", "warning", "information" or "hint", not "error"; using the default`,
        },
      ]);
    } finally {
      await server.stop();
    }
  });
});

describe('language server: editor settings over [tool.pythonic]', () => {
  it('an editor value wins over the file; an editor value left at its default does not hide it; exclude stops analysis', async () => {
    const dir = project({
      'pyproject.toml': '[tool.pythonic]\nextend-ignore = ["PP401"]\nextend-exclude = ["generated"]\n',
    });
    const server = await TestServer.start({ configuration: (uri) => (uri?.endsWith('editor.py') ? { extendIgnore: ['PP2'] } : {}) });
    try {
      const text = BUS + 'y = 1 == None\n';
      const [plain, editor, generated] = ['plain.py', 'editor.py', 'generated/models.py'].map((n) => uriOf(path.join(dir, n)));
      for (const uri of [plain, editor, generated]) await server.open(uri, text);
      assert.deepEqual((await server.diagnosticsFor(plain, 1)).diagnostics.map((d) => d.code), ['PP204']);
      assert.deepEqual((await server.diagnosticsFor(editor, 1)).diagnostics.map((d) => d.code), ['PP401']);
      assert.deepEqual((await server.diagnosticsFor(generated, 1)).diagnostics, []);
    } finally {
      await server.stop();
    }
  });
});

describe('language server: fix safety settings', () => {
  it('fix-all applies a fix made safe by extendSafeFixes and leaves an unfixable rule alone, whose quick-fix stays', async () => {
    const server = await TestServer.start({ configuration: () => ({ extendSafeFixes: ['PP204'], unfixable: ['PP705'] }) });
    try {
      const uri = 'file:///safety.py';
      const text = 'def g(o, x):\n    return getattr(o, "name"), x == None\n';
      await server.open(uri, text);
      await server.diagnosticsFor(uri, 1);
      const range = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
      const [fixAll] = await server.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.equal(applyEdits(text, fixAll.edit!.changes![uri]), text.replace('x == None', 'x is None'));
      const quick = await server.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
      assert.ok(quick.some((a) => a.title.endsWith('(PP705)') && a.edit));
    } finally {
      await server.stop();
    }
  });
});

describe('language server: per-file-ignores and docs code actions', () => {
  const actionsFor = async (server: TestServer, uri: string) =>
    server.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } },
      context: { diagnostics: [] },
    });

  it('offers the quick-fix, noqa, per-file-ignores and docs actions; the edit keeps the rest of pyproject.toml; the diagnostic goes after reload', async () => {
    const original = '# Build settings\n[project]\nname = "demo"\n\n[tool.pythonic]\nselect = ["PP"]  # keep this comment\n\n[tool.other]\nx = 1\n';
    const dir = project({ 'pyproject.toml': original });
    const pyproject = path.join(dir, 'pyproject.toml');
    const server = await TestServer.start();
    try {
      const uri = uriOf(path.join(dir, 'pkg', 'mod.py'));
      await server.open(uri, BUS);
      await server.diagnosticsFor(uri, 1);
      const actions = await actionsFor(server, uri);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind]),
        [
          ['Default `x` to `None` and create the value inside the function (PP401)', 'quickfix'],
          ['Disable PP401 for this line', 'quickfix'],
          ['Ignore PP401 in this file (pyproject.toml `per-file-ignores`)', 'quickfix'],
          ['Show documentation for PP401', 'quickfix'],
        ],
      );
      assert.deepEqual(actions[3].command, { title: 'Show documentation for PP401', command: 'pythonic.showRuleDocs', arguments: ['PP401'] });
      const edits = actions[2].edit!.changes![uriOf(pyproject)];
      const edited = applyEdits(original, edits);
      assert.equal(
        edited,
        '# Build settings\n[project]\nname = "demo"\n\n[tool.pythonic]\nselect = ["PP"]  # keep this comment\n\n' +
          '[tool.pythonic.per-file-ignores]\n"pkg/mod.py" = ["PP401"]\n\n[tool.other]\nx = 1\n',
      );
      fs.writeFileSync(pyproject, edited);
      await reload(server, pyproject);
      await server.change(uri, 2, [{ text: BUS + 'y = 1 == None\n' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics.map((d) => d.code), ['PP204']);
      // A second code for the same file joins its list.
      const second = (await server.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 2, character: 8 }, end: { line: 2, character: 8 } },
        context: { diagnostics: [] },
      })).find((a) => a.title.startsWith('Ignore PP204'))!;
      assert.equal(
        applyEdits(edited, second.edit!.changes![uriOf(pyproject)]),
        edited.replace('"pkg/mod.py" = ["PP401"]', '"pkg/mod.py" = ["PP401", "PP204"]'),
      );
    } finally {
      await server.stop();
    }
  });

  it('without a pyproject.toml, creates one in the workspace folder (when the client can create files)', async () => {
    const dir = project({ 'src/app.py': BUS });
    const server = await TestServer.start({ workspace: { workspaceEdit: { resourceOperations: ['create'] } }, workspaceFolders: [uriOf(dir)] });
    try {
      const uri = uriOf(path.join(dir, 'src', 'app.py'));
      await server.open(uri, BUS);
      await server.diagnosticsFor(uri, 1);
      const ignore = (await actionsFor(server, uri)).find((a) => a.title.startsWith('Ignore PP401'))!;
      const pyproject = path.join(dir, 'pyproject.toml');
      assert.deepEqual(ignore.edit!.documentChanges, [
        { kind: 'create', uri: uriOf(pyproject), options: { ignoreIfExists: true } },
        {
          textDocument: { uri: uriOf(pyproject), version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '[tool.pythonic.per-file-ignores]\n"src/app.py" = ["PP401"]\n' }],
        },
      ]);
      fs.writeFileSync(pyproject, '[tool.pythonic.per-file-ignores]\n"src/app.py" = ["PP401"]\n');
      await reload(server, pyproject);
      await server.change(uri, 2, [{ text: BUS + '\n' }]);
      assert.deepEqual((await server.diagnosticsFor(uri, 2)).diagnostics, []);
    } finally {
      await server.stop();
    }
  });

  it('a client that cannot create files gets no per-file-ignores action where there is no pyproject.toml', async () => {
    const dir = project({});
    const server = await TestServer.start();
    try {
      const uri = uriOf(path.join(dir, 'app.py'));
      await server.open(uri, BUS);
      await server.diagnosticsFor(uri, 1);
      assert.deepEqual((await actionsFor(server, uri)).map((a) => a.title), ['Default `x` to `None` and create the value inside the function (PP401)', 'Disable PP401 for this line', 'Show documentation for PP401']);
    } finally {
      await server.stop();
    }
  });
});
