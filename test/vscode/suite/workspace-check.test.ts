// The workspace check, the status bar item and settings that apply without a restart,
// in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PythonicApi } from '../../../client/src/extension';
import type { CheckWorkspaceResult } from '../../../shared/protocol';
import { codeOf, diagnosticsFor, openPythonFile, pythonicDiagnostics, until, workspaceFolder } from './helpers';

const BUS = 'class Bus:\n    def __init__(self, passengers=[]):\n        self.passengers = passengers\n';
const NONE_EQ = 'def is_empty(x):\n    if x == None:\n        return True\n    return False\n';

async function pythonicApi(): Promise<PythonicApi> {
  const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'pythonic');
  assert.ok(extension, 'extension is installed');
  return (await extension.activate()) as PythonicApi;
}

const codes = (uri: vscode.Uri) => pythonicDiagnostics(uri).map(codeOf);

describe('Pythonic: Check Workspace', () => {
  it('puts the problems of files that are not open in the Problems panel, and leaves open files to the live analysis', async () => {
    const closed = vscode.Uri.joinPath(workspaceFolder(), 'check_me', 'closed_bus.py');
    await vscode.workspace.fs.writeFile(closed, Buffer.from(BUS, 'utf8'));
    // On disk this one has PP401; in the editor, unsaved, PP204 instead.
    const open = await openPythonFile('open_edited.py', BUS);
    const editor = await vscode.window.showTextDocument(open);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, open.lineCount, 0), NONE_EQ));
    await until('live PP204 on the edited file', () => (codes(open.uri).join() === 'PP204' ? true : undefined));
    assert.deepEqual(codes(closed), []);

    const result = await vscode.commands.executeCommand<CheckWorkspaceResult>('pythonic.checkWorkspace');
    assert.ok(result.files >= 2 && result.skippedOpen >= 1, `checked ${JSON.stringify(result)}`);
    const found = await until('PP401 on the closed file', () => (pythonicDiagnostics(closed).length ? pythonicDiagnostics(closed) : undefined));
    assert.deepEqual(found.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]), [['PP401', 1, 34]]);
    assert.deepEqual(codes(open.uri), ['PP204']);
  });
});

describe('Pythonic status bar item', () => {
  it('shows the running server while a Python file is active and opens the output on click', async () => {
    const api = await pythonicApi();
    await openPythonFile('status.py', 'x = 1\n');
    const status = await until('the running state', () => (api.status().text === '$(check) Pythonic' ? api.status() : undefined));
    assert.deepEqual(status, {
      text: '$(check) Pythonic',
      tooltip: 'Pythonic: the server is running. Click to open its output.',
      command: 'pythonic.showOutput',
      visible: true,
    });
    assert.ok((await vscode.commands.getCommands(true)).includes('pythonic.showOutput'));
    await vscode.commands.executeCommand('pythonic.showOutput');
  });

  it('hides while the active editor is not Python', async () => {
    const api = await pythonicApi();
    const text = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'hello\n' });
    await vscode.window.showTextDocument(text);
    await until('the item to hide', () => (api.status().visible ? undefined : true));
  });
});

describe('Pythonic settings apply without a restart', () => {
  it('drops PP401 from an open file when pythonic.ignore lists it, and brings it back when restored', async () => {
    const document = await openPythonFile('live_settings.py', BUS);
    assert.deepEqual((await diagnosticsFor(document)).map(codeOf), ['PP401']);
    const config = vscode.workspace.getConfiguration('pythonic');
    try {
      await config.update('ignore', ['PP401'], vscode.ConfigurationTarget.Workspace);
      await until('PP401 to go', () => (codes(document.uri).length === 0 ? true : undefined));
    } finally {
      await config.update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('PP401 to come back', () => (codes(document.uri).join() === 'PP401' ? true : undefined));
  });
});
