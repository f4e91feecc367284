// The language server: adapts LSP requests to engine calls. It understands no Python
// itself. This module wires the pieces to the connection: documents (documents.ts),
// when they are parsed and analysed (scheduler.ts), publishing (diagnostics.ts),
// settings (configuration.ts), hover (hover.ts), code actions (code-actions.ts), the
// workspace check (workspace-check.ts) and the counters tests read (stats.ts).
import {
  CodeActionKind,
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type Connection,
  type MessageReader,
  type MessageWriter,
} from './vscode-languageserver';
import { createParser, type Parser } from '../parser';
import { CodeActions, FIX_ALL_KIND } from './code-actions';
import { Configuration } from './configuration';
import { DiagnosticsPublisher } from './diagnostics';
import { PythonDocument } from './documents';
import { registerHover } from './hover';
import { guardLifecycle } from './lifecycle';
import { NOTEBOOK_DOCUMENT_SYNC, Notebooks } from './notebooks';
import { Scheduler } from './scheduler';
import { INTERNAL_STATS_REQUEST, newStats } from './stats';
import { filePathOf, WorkspaceCheck } from './workspace-check';

export function startServer(connection: Connection, parserPromise: Promise<Parser> = createParser()): void {
  const stats = newStats();
  const documents = new Map<string, PythonDocument>();
  let parser: Parser | undefined;
  parserPromise.then((p) => (parser = p), () => undefined);

  const log = (message: string) => connection.console.log(`[pythonic] ${message}`);
  const logError = (message: string, error?: unknown) =>
    connection.console.error(`[pythonic] ${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ''}`);

  const configuration = new Configuration(connection, log, logError);
  const settingsFor = (doc: PythonDocument) => configuration.settingsFor(doc);
  const publisher = new DiagnosticsPublisher(connection, stats, logError);
  const notebooks = new Notebooks({
    documents,
    publisher,
    opened: (doc) => opened(doc),
    changed: (doc) => scheduler.changed(doc),
    closed: (uri) => close(uri),
  });
  const catchUpDelayMs = Number(process.env.PYTHONIC_CATCH_UP_MS) || undefined;
  const scheduler = new Scheduler({ parser: parserPromise, settingsFor, publisher: notebooks, stats, catchUpDelayMs, log, logError });
  const view = (uri: string) => notebooks.view(uri);
  const projectFolderFor = (file: string) => configuration.projectFolderFor(file);
  const codeActions = new CodeActions({ view, scheduler, settingsFor, parser: () => parser, stats, logError, projectFolderFor });
  const workspaceCheck = new WorkspaceCheck({
    connection,
    parser: parserPromise,
    settingsForUri: (uri) => configuration.settingsForUri(uri),
    openFiles: () => new Set([...documents.keys()].map(filePathOf).filter((file) => file !== null)),
    publisher,
    stats,
    log,
  });

  connection.onInitialize((params) => {
    configuration.initialize(params);
    codeActions.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        notebookDocumentSync: NOTEBOOK_DOCUMENT_SYNC,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      },
      serverInfo: { name: 'pythonic', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    parserPromise.then(
      () => log('parser ready'),
      (error) => logError('could not load the Python grammar; no diagnostics will be produced', error),
    );
  });

  function close(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    scheduler.closed(doc);
    doc.dispose();
    documents.delete(uri);
  }

  function opened(doc: PythonDocument): void {
    documents.set(doc.uri, doc);
    publisher.forget(doc.uri);
    workspaceCheck.handOver(doc.uri);
    scheduler.opened(doc);
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    close(textDocument.uri);
    opened(new PythonDocument(textDocument.uri, textDocument.version, textDocument.text));
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) {
      log(`change for a document that is not open: ${textDocument.uri}`);
      return;
    }
    // (A number check too: a client from before LSP 3.0 may send null, which `<=` would take for 0.)
    if (typeof textDocument.version === 'number' && textDocument.version <= doc.version) {
      log(`ignored a change to ${textDocument.uri} at version ${textDocument.version}: the document is already at version ${doc.version}`);
      return;
    }
    try {
      doc.update(contentChanges, textDocument.version);
    } catch (error) {
      logError(`could not apply a change to ${textDocument.uri}`, error);
    }
    scheduler.changed(doc);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    close(textDocument.uri);
    publisher.clear(textDocument.uri);
    workspaceCheck.handOver(textDocument.uri);
  });

  configuration.listen(() => documents.values(), (doc) => scheduler.reanalyse(doc));
  notebooks.listen(connection);
  registerHover({ connection, view, scheduler, stats, logError });
  codeActions.register(connection);
  workspaceCheck.register();
  connection.onRequest(INTERNAL_STATS_REQUEST, () => ({ ...stats }));

  connection.onShutdown(() => {
    for (const uri of [...documents.keys()]) close(uri);
  });

  connection.listen();
}

/** A connection over `reader` and `writer` that keeps to the LSP lifecycle (lifecycle.ts). */
function serverConnection(reader: MessageReader, writer: MessageWriter): Connection {
  const log = (message: string) => process.stderr.write(`[pythonic] ${message}\n`);
  return createConnection(ProposedFeatures.all, guardLifecycle({ reader, writer, log }), writer);
}

/** `pythonic server --node-ipc`: the server over the Node IPC channel of the process that forked it (how VS Code starts it). */
export function startIpcServer(): void {
  startServer(serverConnection(new IPCMessageReader(process), new IPCMessageWriter(process)));
}

export async function startStdioServer(): Promise<void> {
  const connection = serverConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Anything written to stdout that is not a message would corrupt the stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection);
}
