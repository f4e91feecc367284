// Helpers shared by the VS Code API tests (bundled into each test file).
import * as vscode from 'vscode';

/** Polls `probe` until it returns something other than undefined; no fixed sleeps. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The folder the window opened; each launcher gives the suite a fresh scratch folder. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a window with a folder open');
  return folder.uri;
}

/** Writes a Python file into the workspace, opens it in an editor and returns its document. */
export async function openPythonFile(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

export function pythonicDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pythonic');
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Waits until the server has published at least one diagnostic for the document and returns them. */
export function diagnosticsFor(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return until(`pythonic diagnostics for ${document.uri.path}`, () => {
    const found = pythonicDiagnostics(document.uri);
    return found.length ? found : undefined;
  });
}

/**
 * The code actions VS Code gathers for `range` (of `kind`, when given). VS Code cancels the
 * request when the document's text changes while it runs (its TextModelCancellationTokenSource),
 * and a loaded code-server has also cancelled it from the workbench with the text unchanged
 * (a clean-clone CI run, 2026-12-02); the command then fails with `Canceled`. A cancellation is
 * the editor's doing: the server answers a code-action request with RequestCancelled only
 * after a `$/cancelRequest` for it. So a cancelled request is asked again, up to three times
 * in all, each retry logged with the document's versions; a third cancellation fails with
 * that log.
 */
export async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const retries: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const version = document.version;
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind);
    } catch (error) {
      const cancelled = error instanceof Error && error.name === 'Canceled';
      if (!cancelled) throw error;
      retries.push(`attempt ${attempt}: cancelled at version ${version} -> ${document.version}`);
      console.log(`codeActions(${document.uri.path}): VS Code ${retries.at(-1)}`);
      if (attempt === 3) throw new Error(`VS Code cancelled every code-action request for ${document.uri.path}: ${retries.join('; ')}: ${error.stack}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** All hover text at a position, as one string. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Position of the `offset`-th character of the first `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in ${document.uri.path}`);
  return document.positionAt(index + offset);
}
