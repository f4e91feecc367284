// The workspace check, live settings and non-file documents, through the real server process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../shared/protocol';
import { TestServer, type PublishedDiagnostics } from './support/lsp';

const BUS = 'class Bus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const NONE_EQ = 'def is_empty(x):\n    if x == None:\n        return True\n    return False\n';
const LAMBDA = 'square = lambda x: x * x\n';

/** Each file's published codes and start positions, by path relative to `root`, for unversioned publishes (closed files). */
function closedFileResults(published: readonly PublishedDiagnostics[], root: string): Record<string, string[]> {
  const results: Record<string, string[]> = {};
  const rootUri = pathToFileURL(root).toString() + '/';
  for (const p of published) {
    if (p.version !== undefined || !p.uri.startsWith(rootUri)) continue;
    results[p.uri.slice(rootUri.length)] = p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
  }
  return results;
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

describe('pythonic/checkWorkspace', () => {
  let root: string;
  let server: TestServer;
  let editorSettings: Record<string, unknown>;

  beforeEach(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-workspace-')));
    editorSettings = {};
    server = await TestServer.start({ configuration: () => editorSettings });
  });
  afterEach(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const folder = (exclude?: string[]) => ({ uri: pathToFileURL(root).toString(), exclude });
  const checkWorkspace = (params: CheckWorkspaceParams) => server.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, params);

  it('publishes diagnostics for every Python file of the folder, skipping notebooks, virtualenvs, VCS and excluded folders', async () => {
    write(root, {
      'bus.py': BUS,
      'pkg/checks.py': NONE_EQ,
      'pkg/clean.py': LAMBDA,
      'notes.txt': BUS,
      'analysis.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', source: BUS }], metadata: {} }),
      '.git/hooks/x.py': BUS,
      '.venv/lib/y.py': BUS,
      'env/pyvenv.cfg': 'home = /usr/bin\n',
      'env/lib/z.py': BUS,
      'lib/site-packages/dep.py': BUS,
      'node_modules/m.py': BUS,
      'build/gen.py': BUS,
    });
    const result = await checkWorkspace({ folders: [folder(['**/build'])] });
    assert.deepEqual(result, { files: 3, skippedOpen: 0, problems: 2, failures: 0 });
    assert.deepEqual(closedFileResults(server.published, root), {
      'bus.py': ['PP401@1:34'],
      'pkg/checks.py': ['PP204@1:7'],
      'pkg/clean.py': [],
    });
  });

  it('reports progress as n/total under the client token', async () => {
    write(root, { 'a.py': BUS, 'b.py': BUS, 'c.py': BUS, 'd.py': BUS });
    const reports: Array<{ kind: string; message?: string; percentage?: number }> = [];
    server.connection.onNotification('$/progress', ({ token, value }: { token: string; value: (typeof reports)[number] }) => {
      if (token === 'check-1') reports.push(value);
    });
    await checkWorkspace({ folders: [folder()], workDoneToken: 'check-1' });
    await server.until('the end of progress', () => (reports.at(-1)?.kind === 'end' ? true : undefined));
    assert.deepEqual(
      reports.map((r) => [r.kind, r.message, r.percentage]),
      [['begin', '0/4', 0], ['report', '1/4', 25], ['report', '2/4', 50], ['report', '3/4', 75], ['report', '4/4', 100], ['end', undefined, undefined]],
    );
  });

  it('leaves open files to the live analysis', async () => {
    write(root, { 'open.py': BUS, 'closed.py': BUS });
    const openUri = pathToFileURL(path.join(root, 'open.py')).toString();
    // The editor's text differs from the disk's: the live diagnostics are about the editor's.
    await server.open(openUri, NONE_EQ);
    await server.diagnosticsFor(openUri, 1);
    const result = await checkWorkspace({ folders: [folder()] });
    assert.deepEqual(result, { files: 2, skippedOpen: 1, problems: 1, failures: 0 });
    assert.deepEqual(closedFileResults(server.published, root), { 'closed.py': ['PP401@1:34'] });
  });

  it('clears, on the next run, the results of files that are gone', async () => {
    write(root, { 'keep.py': BUS, 'gone.py': BUS });
    await checkWorkspace({ folders: [folder()] });
    assert.deepEqual(closedFileResults(server.published, root), { 'gone.py': ['PP401@1:34'], 'keep.py': ['PP401@1:34'] });
    fs.rmSync(path.join(root, 'gone.py'));
    fs.writeFileSync(path.join(root, 'keep.py'), LAMBDA);
    server.published.length = 0;
    await checkWorkspace({ folders: [folder()] });
    assert.deepEqual(closedFileResults(server.published, root), { 'gone.py': [], 'keep.py': [] });
  });

  it('checks each file with the settings for it', async () => {
    write(root, { 'pyproject.toml': '[tool.pythonic]\nignore = ["PP204"]\n', 'a.py': BUS + NONE_EQ });
    editorSettings = { severity: { PP401: 'error' } };
    await checkWorkspace({ folders: [folder()] });
    const [published] = server.published.filter((p) => p.uri.endsWith('/a.py'));
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['PP401', 1]]);
  });

  it('reads a pyproject.toml again when it changed, even without a file-change notification', async () => {
    write(root, { 'pyproject.toml': '[tool.pythonic]\nignore = ["PP204"]\n', 'a.py': BUS + NONE_EQ, 'b.py': NONE_EQ });
    await checkWorkspace({ folders: [folder()] });
    assert.deepEqual(closedFileResults(server.published, root), { 'a.py': ['PP401@1:34'], 'b.py': [] });
    write(root, { 'pyproject.toml': '[tool.pythonic]\nignore = ["PP401", "PP705"]\n' });
    server.published.length = 0;
    await checkWorkspace({ folders: [folder()] });
    assert.deepEqual(closedFileResults(server.published, root), { 'a.py': ['PP204@4:7'], 'b.py': ['PP204@1:7'] });
  });

  it('does not read excluded files: nothing is shown for them, not even a NUL byte', async () => {
    write(root, { 'pyproject.toml': '[tool.pythonic]\nextend-exclude = ["generated"]\n', 'generated/nul.py': 'x = 1\0\n', 'a.py': NONE_EQ });
    const result = await checkWorkspace({ folders: [folder()] });
    assert.deepEqual(closedFileResults(server.published, root), { 'a.py': ['PP204@1:7'], 'generated/nul.py': [] });
    assert.equal(result.failures, 0);
  });

  it('stops when cancelled, having published fewer files than it found', async () => {
    const total = 300;
    const files: Record<string, string> = {};
    for (let i = 0; i < total; i++) files[`m${String(i).padStart(3, '0')}.py`] = (BUS + NONE_EQ).repeat(20);
    write(root, files);
    const request = server.cancellableRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, { folders: [folder()] });
    await server.until('a first file', () => (server.published.length > 0 ? true : undefined));
    request.cancel();
    await assert.rejects(request.result, (error: { code?: number }) => error.code === -32800);
    const checked = server.published.length;
    assert.ok(checked >= 1 && checked < total, `published ${checked} of ${total} files`);
    // Nothing more arrives after the answer: ask something and compare.
    await server.stats();
    assert.equal(server.published.length, checked);
    assert.equal((await server.stats()).requestsCancelled, 1);
  });

  it('answers a malformed request with InvalidParams', async () => {
    await assert.rejects(server.request(CHECK_WORKSPACE_REQUEST, { folders: 'nope' }), (error: { code?: number }) => error.code === -32602);
    await assert.rejects(server.request(CHECK_WORKSPACE_REQUEST, null), (error: { code?: number }) => error.code === -32602);
  });

  it('skips folders that are not on disk', async () => {
    const result = await checkWorkspace({ folders: [{ uri: 'vscode-vfs://github/owner/repo' }] });
    assert.deepEqual(result, { files: 0, skippedOpen: 0, problems: 0, failures: 0 });
    assert.ok(server.logs.some((l) => l.includes('vscode-vfs://github/owner/repo is not on disk')));
  });
});

describe('settings changed in the editor', () => {
  it('re-publishes every open document without a change to it or a restart', async () => {
    let settings: Record<string, unknown> = {};
    const server = await TestServer.start({ configuration: () => settings });
    try {
      await server.open('file:///live/a.py', BUS + NONE_EQ);
      await server.open('file:///live/b.py', BUS);
      const codes = (uri: string) => server.diagnosticsFor(uri, 1).then((p) => p.diagnostics.map((d) => [d.code, d.severity]));
      assert.deepEqual(await codes('file:///live/a.py'), [['PP401', 2], ['PP204', 2]]);
      assert.deepEqual(await codes('file:///live/b.py'), [['PP401', 2]]);
      const before = server.published.length;
      settings = { ignore: ['PP401'], severity: { PP204: 'error' } };
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const republished = (uri: string) => server.until(`new diagnostics for ${uri}`, () => server.published.slice(before).find((p) => p.uri === uri));
      assert.deepEqual((await republished('file:///live/a.py')).diagnostics.map((d) => [d.code, d.severity]), [['PP204', 1]]);
      assert.deepEqual((await republished('file:///live/b.py')).diagnostics, []);
      // Back again, still the same document version.
      settings = {};
      const middle = server.published.length;
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const again = await server.until('diagnostics after the second change', () => server.published.slice(middle).find((p) => p.uri === 'file:///live/b.py'));
      assert.deepEqual([again.version, again.diagnostics.map((d) => d.code)], [1, ['PP401']]);
    } finally {
      await server.stop();
    }
  });
});

describe('documents that are not files', () => {
  it('analyses a virtual workspace document (vscode-vfs:) without looking for a pyproject.toml', async () => {
    const server = await TestServer.start({ configuration: () => ({}) });
    try {
      const uri = 'vscode-vfs://github/owner/repo/pkg/bus.py';
      await server.open(uri, BUS);
      const published = await server.diagnosticsFor(uri, 1);
      assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start]), [['PP401', { line: 1, character: 34 }]]);
      const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 35 } });
      assert.match(hover?.contents.value ?? '', /PP401/);
      assert.deepEqual(server.logs.filter((l) => /error|could not/i.test(l)), []);
    } finally {
      await server.stop();
    }
  });
});
