// A Jupyter notebook in the editor (the built-in ipynb support provides the
// `jupyter-notebook` type): its Python cells are analysed as one module, and each cell
// gets its own diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, pythonicDiagnostics, until, workspaceFolder } from './helpers';

const code = (source: string[]) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });

const NOTEBOOK = {
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Notes'] },
    code(['def isinstance(a, b):\n', '    return True']),
    code(['%matplotlib inline\n', 'isinstance(3, float)\n', 'def add(item, bucket=[]):\n', '    return bucket']),
  ],
  metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

describe('Pythonic in VS Code: notebooks', () => {
  it('sees a name from an earlier cell and reports a later cell’s problem on that cell', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'analysis.ipynb');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(NOTEBOOK, null, 1), 'utf8'));
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const [defining, using] = notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
    assert.equal(using.document.languageId, 'python');
    const diagnostics = await until('PP401 on the third cell', () => {
      const found = pythonicDiagnostics(using.document.uri);
      return found.some((d) => codeOf(d) === 'PP401') ? found : undefined;
    });
    // No PP201 on line 2: `isinstance` there is the function the previous cell defines. Nothing on the magic line.
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]),
      [['PP401', 2, 21]],
    );
    assert.deepEqual(pythonicDiagnostics(defining.document.uri), []);
  });
});
