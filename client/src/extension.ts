// The VS Code side: starts the language server and registers the client-only
// commands. Nothing here understands Python.
import * as path from 'node:path';
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerStatus, SHOW_OUTPUT_COMMAND, type StatusSnapshot } from './status';
import { virtualWorkspaceSelectors } from './virtual-workspace';
import { checkWorkspace } from './workspace-check';
import { SERVER_NODE_FLAGS } from '../../shared/node-flags';

let client: LanguageClient | undefined;

/** What `activate` returns: a small window on the extension for the VS Code test suite. */
export interface PythonicApi {
  status(): StatusSnapshot;
}

export async function activate(context: ExtensionContext): Promise<PythonicApi> {
  const outputChannel = window.createOutputChannel('Pythonic', { log: true });
  // `pythonic server` itself (out/cli.js), over IPC: its launcher runs the bundle through a V8
  // code cache and starts compiling the parser's WebAssembly first (README, "How the server starts quickly").
  const serverModule = context.asAbsolutePath(path.join('out', 'cli.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, args: ['server'], transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, args: ['server'], transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'vscode-notebook-cell', language: 'python' },
      ...virtualWorkspaceSelectors(),
    ],
    outputChannel,
    // The server pulls `pythonic.*` per document and reads [tool.pythonic]; these tell it when to read again.
    synchronize: { configurationSection: 'pythonic', fileEvents: workspace.createFileSystemWatcher('**/pyproject.toml') },
  };
  const languageClient = new LanguageClient('pythonic', 'Pythonic', serverOptions, clientOptions);
  client = languageClient;
  const status = new ServerStatus(languageClient);

  context.subscriptions.push(
    outputChannel,
    status,
    commands.registerCommand(SHOW_OUTPUT_COMMAND, () => outputChannel.show()),
    commands.registerCommand('pythonic.checkWorkspace', () => checkWorkspace(languageClient)),
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
  await languageClient.start();
  return { status: () => status.snapshot() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
