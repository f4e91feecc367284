// The language server's one import of `vscode-languageserver/node`; the other lsp/
// modules import it from here. It is a CommonJS package, and esbuild's bundle gives
// every module that imports one its own copy of the package's ~320 exports (a getter
// each): one importer instead of eleven takes that work off the server's cold start.
export {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  Message,
  MessageType,
  NotebookCellKind,
  NotebookDocuments,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
export type {
  CancellationToken,
  CodeAction,
  Connection,
  DataCallback,
  Diagnostic,
  Disposable,
  InitializeParams,
  MessageReader,
  MessageWriter,
  NotebookDocument,
  Position,
  Range,
  RequestMessage,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
