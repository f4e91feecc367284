// The VS Code side: starts the language server and registers the client-only
// commands. Nothing here understands Python.
import * as path from 'node:path';
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const outputChannel = window.createOutputChannel('Pythonic', { log: true });
  const serverModule = context.asAbsolutePath(path.join('out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'vscode-notebook-cell', language: 'python' },
    ],
    outputChannel,
    // The server pulls `pythonic.*` per document and reads [tool.pythonic]; these tell it when to read again.
    synchronize: { configurationSection: 'pythonic', fileEvents: workspace.createFileSystemWatcher('**/pyproject.toml') },
  };
  client = new LanguageClient('pythonic', 'Pythonic', serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('pythonic.restartServer', async () => {
      outputChannel.appendLine('Restarting the Pythonic server...');
      await client?.restart();
    }),
    commands.registerCommand('pythonic.showRuleDocs', async (code?: unknown) => {
      const docsDir = Uri.file(context.asAbsolutePath(path.join('docs', 'rules')));
      let chosen = typeof code === 'string' ? code : undefined;
      if (!chosen) {
        const entries = await workspace.fs.readDirectory(docsDir);
        const codes = entries.map(([name]) => name.replace(/\.md$/, '')).filter((name) => /^PP\d+$/.test(name)).sort();
        chosen = await window.showQuickPick(codes, { placeHolder: 'Which rule?' });
      }
      if (chosen) await commands.executeCommand('markdown.showPreview', Uri.joinPath(docsDir, `${chosen.toUpperCase()}.md`));
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
