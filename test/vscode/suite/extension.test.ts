// The extension inside a real VS Code: activation, a diagnostic, a hover and a quick-fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, until } from './helpers';

const SOURCE = 'def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n';

describe('Pythonic in VS Code', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'python', content: SOURCE });
    await vscode.window.showTextDocument(document);
  });

  it('activates on Python files', async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'pythonic');
    assert.ok(extension, 'extension is installed');
    await until('activation', () => (extension.isActive ? true : undefined));
  });

  it('reports PP401 on the mutable default', async () => {
    const diagnostics = await until('PP401', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'pythonic');
      return found.length ? found : undefined;
    });
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(typeof d.code === 'object' ? d.code.value : d.code, 'PP401');
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [0, 21, 23]);
  });

  it('explains it on hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 22));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /PP401 Mutable default argument/);
  });

  it('fixes it with the quick-fix', async () => {
    const range = new vscode.Range(0, 21, 0, 23);
    const actions = await codeActions(document, range);
    const fix = actions.find((a) => a.title.includes('PP401') && a.edit);
    assert.ok(fix?.edit, 'a PP401 quick-fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(
      document.getText(),
      'def add(item, bucket=None):\n    if bucket is None:\n        bucket = []\n    bucket.append(item)\n    return bucket\n',
    );
  });
});
