// Jupyter notebooks through the real server process (notebook document sync): the
// Python cells are one module, and everything the editor sees is per cell.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine';
import { TestServer, type PublishedDiagnostics } from './support/lsp';

const NOTEBOOK = 'file:///work/analysis.ipynb';
const cellUri = (id: string) => `vscode-notebook-cell:/work/analysis.ipynb#${id}`;
const [NOTES, SHADOW, BUCKET, QUIET] = ['notes', 'shadow', 'bucket', 'quiet'].map(cellUri);

const SHADOW_TEXT = 'def isinstance(a, b):\n    return True\n';
const BUCKET_TEXT = '%matplotlib inline\nfiles = !ls\nisinstance(3, float)\ndef add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n';
const BUCKET_FIXED = '%matplotlib inline\nfiles = !ls\nisinstance(3, float)\ndef add(item, bucket=None):\n    if bucket is None:\n        bucket = []\n    bucket.append(item)\n    return bucket\n';
const QUIET_TEXT = 'def g(seen=[]):  # noqa: PP401\n    return seen\n';

interface CodeAction {
  title: string;
  kind?: string;
  edit?: { changes: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> };
  command?: { command: string; arguments?: unknown[] };
}

const summary = (p: PublishedDiagnostics) => p.diagnostics.map((d) => [d.code, d.range]);
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('notebooks over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  /** The newest diagnostics published for `uri`, once `predicate` holds for them. */
  const latest = (uri: string, what: string, predicate: (p: PublishedDiagnostics) => boolean) =>
    server.until(what, () => {
      const newest = server.published.filter((p) => p.uri === uri).at(-1);
      return newest && predicate(newest) ? newest : undefined;
    });

  it('analyses the Python cells as one module and publishes per cell, with cell ranges', async () => {
    await server.openNotebook(NOTEBOOK, [
      { uri: NOTES, text: '# Notes\nisinstance(3, float)', markdown: true },
      { uri: SHADOW, text: SHADOW_TEXT },
      { uri: BUCKET, text: BUCKET_TEXT },
      { uri: QUIET, text: QUIET_TEXT },
    ]);
    // `isinstance` is the cell-1 function in cell 2, so PP201 does not apply; the magic lines are not Python and not flagged.
    assert.deepEqual(summary(await server.diagnosticsFor(BUCKET, 1)), [['PP401', range(3, 21, 23)]]);
    assert.deepEqual(summary(await server.diagnosticsFor(SHADOW, 1)), []);
    // A `# noqa` on a cell's line silences that line.
    assert.deepEqual(summary(await server.diagnosticsFor(QUIET, 1)), []);
    assert.equal(server.published.filter((p) => p.uri === NOTES || p.uri === NOTEBOOK).length, 0, 'nothing for the markdown cell or the notebook itself');
  });

  it('hovers in a cell with cell positions, and not on a magic line', async () => {
    const hover = await server.request<{ contents: { value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri: BUCKET }, position: { line: 3, character: 22 } });
    assert.match(hover.contents.value, /^\*\*PP401 Mutable default argument\*\*/);
    assert.deepEqual(hover.range, range(3, 21, 23));
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: BUCKET }, position: { line: 0, character: 2 } }), null);
  });

  it('offers a quick fix and a noqa that edit only the cell, with cell positions', async () => {
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: BUCKET },
      range: range(3, 22, 22),
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.edit ? Object.keys(a.edit.changes) : a.command?.command]), [
      ['Default `bucket` to `None` and create the value inside the function (PP401)', [BUCKET]],
      ['Disable PP401 for this line', [BUCKET]],
      // (No "Ignore PP401 in this file": the notebook has no pyproject.toml above it, and this client cannot create files.)
      ['Show documentation for PP401', 'pythonic.showRuleDocs'],
    ]);
    assert.equal(applyEdits(BUCKET_TEXT, actions[0].edit!.changes[BUCKET]), BUCKET_FIXED);
    assert.equal(applyEdits(BUCKET_TEXT, actions[1].edit!.changes[BUCKET]).split('\n')[3], 'def add(item, bucket=[]):  # noqa: PP401');
  });

  it('re-analyses when a cell is edited', async () => {
    await server.changeNotebook(NOTEBOOK, 2, { text: [{ uri: BUCKET, version: 2, changes: [{ text: BUCKET_FIXED }] }] });
    assert.deepEqual(summary(await server.diagnosticsFor(BUCKET, 2)), []);
  });

  it('re-analyses when a cell is removed: the name it defined is gone, and its diagnostics are cleared', async () => {
    const before = server.published.length;
    await server.changeNotebook(NOTEBOOK, 3, { structure: { start: 1, deleteCount: 1, removed: [SHADOW] } });
    const bucket = await latest(BUCKET, 'PP201 in the bucket cell', (p) => p.diagnostics.length > 0);
    assert.deepEqual(summary(bucket), [['PP201', range(2, 14, 19)]]);
    // (Published before the remaining cells' diagnostics.)
    assert.deepEqual(server.published.slice(before).filter((p) => p.uri === SHADOW), [{ uri: SHADOW, diagnostics: [] }]);
  });

  it('fix-all edits each cell it fixes', async () => {
    const text = 'class Pair:\n    def __hash__(self):\n        return hash(self.a) ^ hash(self.b)\n';
    await server.changeNotebook(NOTEBOOK, 4, { structure: { start: 3, deleteCount: 0, cells: [{ uri: cellUri('pair'), text }] } });
    await latest(cellUri('pair'), 'PP302 in the new cell', (p) => p.diagnostics.some((d) => d.code === 'PP302'));
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: cellUri('pair') },
      range: range(0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(Object.keys(actions[0].edit!.changes), [cellUri('pair')]);
    assert.equal(applyEdits(text, actions[0].edit!.changes[cellUri('pair')]), text.replace('hash(self.a) ^ hash(self.b)', 'hash((self.a, self.b))'));
  });

  it('clears every cell when the notebook closes', async () => {
    const before = server.published.length;
    await server.connection.sendNotification('notebookDocument/didClose', {
      notebookDocument: { uri: NOTEBOOK },
      cellTextDocuments: [NOTES, BUCKET, QUIET, cellUri('pair')].map((uri) => ({ uri })),
    });
    const cleared = await server.until('cells cleared', () => {
      const uris = server.published.slice(before).filter((p) => p.diagnostics.length === 0 && p.version === undefined).map((p) => p.uri);
      return uris.length >= 3 ? uris : undefined;
    });
    assert.deepEqual(cleared.sort(), [BUCKET, QUIET, cellUri('pair')].sort());
  });
});
