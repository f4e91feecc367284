// The rest of what a person meets in the editor, through the VS Code API: files with
// broken syntax, hovers on names, snippet completions and fix-all on save.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, codeOf, diagnosticsFor, hoverText, openPythonFile, positionOf, until } from './helpers';

describe('Pythonic in VS Code: hovers, snippets, broken files', () => {
  it('still reports the valid parts of a file with broken syntax', async () => {
    const document = await openPythonFile('broken.py', 'def add(item, bucket=[]):\n    return bucket\n\n\ndef broken(:\n    pass\n');
    const diagnostics = await diagnosticsFor(document);
    const pp401 = diagnostics.find((d) => codeOf(d) === 'PP401');
    assert.ok(pp401, 'PP401 on the valid function');
    assert.deepEqual([pp401.range.start.line, pp401.range.start.character], [0, 21]);
  });

  it('shows the mangled name of __x inside class C', async () => {
    const document = await openPythonFile('mangled.py', 'class C:\n    def __init__(self):\n        self.__x = 1\n');
    const text = await hoverText(document, positionOf(document, '__x', 1));
    assert.match(text, /_C__x/);
  });

  it(
    'explains a dunder method on hover',
    async () => {
      const document = await openPythonFile('dunder.py', 'class Money:\n    def __repr__(self):\n        return "Money()"\n');
      const text = await hoverText(document, positionOf(document, '__repr__', 2));
      assert.match(text, /__repr__/);
      assert.match(text, /repr\(/, 'the hover says what calls __repr__');
    },
  );

  it(
    'mentions UnboundLocalError on a read before assignment',
    async () => {
      const document = await openPythonFile('scope.py', 'counter = 0\n\n\ndef increment():\n    counter += 1\n    return counter\n');
      const text = await until('a hover on counter', async () => {
        const found = await hoverText(document, positionOf(document, 'counter +=', 2));
        return found || undefined;
      }, 10_000);
      assert.match(text, /UnboundLocalError/);
    },
  );

  it(
    'offers the dataclass snippet as a completion item',
    async () => {
      const document = await openPythonFile('snippet.py', 'dataclass');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(0, 'dataclass'.length),
      );
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'dataclass');
      assert.ok(item, `a dataclass item among ${list.items.length} completions`);
      assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
      const body = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
      assert.match(body, /@dataclass/);
    },
  );
});

describe('Pythonic in VS Code: fix-all on save (source.fixAll.pythonic)', () => {
  const editorConfig = () => vscode.workspace.getConfiguration('editor');

  before(async () => {
    await editorConfig().update('codeActionsOnSave', { 'source.fixAll.pythonic': 'explicit' }, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Appends a comment (so there is something to save), saves, and returns the saved text. */
  async function editAndSave(document: vscode.TextDocument): Promise<string> {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), '# saved\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save(), 'the document saved');
    const bytes = await vscode.workspace.fs.readFile(document.uri);
    return Buffer.from(bytes).toString('utf8');
  }

  it('offers no fix-all action when the only fix is unsafe', async () => {
    const document = await openPythonFile('unsafe_only.py', 'def remember(name, seen=[]):\n    seen.append(name)\n    return seen\n');
    await diagnosticsFor(document);
    const actions = await codeActions(document, new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll.pythonic');
    assert.deepEqual(actions.map((a) => a.title), []);
  });

  it('does not apply the unsafe PP401 fix when saving', async () => {
    const document = await openPythonFile('save_me.py', 'def remember(name, seen=[]):\n    seen.append(name)\n    return seen\n');
    await diagnosticsFor(document);
    const saved = await editAndSave(document);
    assert.equal(saved, 'def remember(name, seen=[]):\n    seen.append(name)\n    return seen\n# saved\n');
  });

  it(
    'applies safe fixes when saving',
    async () => {
      const document = await openPythonFile('safe_fix.py', 'class Pair:\n    def __hash__(self):\n        return hash(self.a) ^ hash(self.b)\n');
      await diagnosticsFor(document);
      const saved = await editAndSave(document);
      assert.match(saved, /return hash\(\(self\.a, self\.b\)\)/);
      assert.match(saved, /# saved/);
    },
  );
});
