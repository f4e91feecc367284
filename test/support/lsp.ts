// A minimal LSP client for tests: spawns the real bundled server (`node out/cli.js server
// --stdio`, or `--node-ipc` as VS Code starts it) and speaks JSON-RPC to it over pipes or IPC.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ServerStats } from '../../server/src/lsp/stats';
import { OUT } from './engine';
import { SERVER_NODE_FLAGS } from '../../shared/node-flags';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
  }>;
}

export interface ServerOptions {
  /**
   * What the server gets for `workspace/configuration` (a promise holds the answer back until it
   * resolves); undefined = the client lacks that capability.
   */
  configuration?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** Client capabilities under `textDocument`, e.g. `{ codeAction: { resolveSupport: { properties: ['edit'] } } }`. */
  textDocument?: unknown;
  /** Client capabilities under `workspace`, besides `configuration`, e.g. `{ workspaceEdit: { resourceOperations: ['create'] } }`. */
  workspace?: Record<string, unknown>;
  /** Workspace folder URIs sent in `initialize`. */
  workspaceFolders?: string[];
  /** Environment variables for the server process, besides this process's. */
  env?: Record<string, string>;
  /** Node's options for the server process; by default the server's V8 flags, as the extension passes them. */
  nodeFlags?: readonly string[];
  /** False: start without the `initialize` / `initialized` handshake (`initialize()` does it later). */
  initialize?: boolean;
  /** 'ipc': `server --node-ipc` over a Node IPC channel, as VS Code's client starts it; default 'stdio'. */
  transport?: 'stdio' | 'ipc';
}

export interface NotebookCellInput {
  uri: string;
  text: string;
  markdown?: boolean;
  language?: string;
}

function notebookCell(cell: NotebookCellInput) {
  return { kind: cell.markdown ? 1 : 2, document: cell.uri };
}

function cellTextDocument(cell: NotebookCellInput) {
  return { uri: cell.uri, languageId: cell.markdown ? 'markdown' : (cell.language ?? 'python'), version: 1, text: cell.text };
}

/** A request that can be cancelled after it was sent (`$/cancelRequest`). */
export interface CancellableRequest<T> {
  result: Promise<T>;
  cancel(): void;
}

export class TestServer {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications, in order. */
  readonly messages: Array<{ type: number; message: string }> = [];
  private waiters: Array<() => void> = [];

  /** The process's exit code once it has exited (null when killed by a signal). */
  readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    private readonly options: ServerOptions,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  static async start(options: ServerOptions = {}): Promise<TestServer> {
    // Started as the extension starts it: with the server's V8 flags (and over IPC, the same arguments).
    const ipc = options.transport === 'ipc';
    const channel = ipc ? ['--node-ipc', `--clientProcessId=${process.pid}`] : ['--stdio'];
    const child = spawn(process.execPath, [...(options.nodeFlags ?? SERVER_NODE_FLAGS), path.join(OUT, 'cli.js'), 'server', ...channel], {
      stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe',
      env: { ...process.env, ...options.env },
    }) as ChildProcessWithoutNullStreams;
    const connection = ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new TestServer(child, connection, options);
    child.stderr.on('data', (chunk: Buffer) => server.logs.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      server.published.push(params);
      server.wake();
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      server.messages.push(params);
      server.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      server.logs.push(params.message);
      server.wake();
    });
    if (options.configuration) {
      connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string }> }) =>
        Promise.all(params.items.map((item) => options.configuration!(item.scopeUri))),
      );
    }
    connection.listen();
    if (options.initialize !== false) await server.initialize();
    return server;
  }

  /** The `initialize` request and the `initialized` notification; resolves with the initialize result. */
  async initialize(): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: this.options.workspaceFolders?.map((uri) => ({ uri, name: uri.split('/').at(-1) })) ?? null,
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: { configuration: this.options.configuration !== undefined, ...this.options.workspace },
        textDocument: this.options.textDocument,
        notebookDocument: { synchronization: { dynamicRegistration: false } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `predicate` holds, re-checking on every message from the server. */
  async until<T>(what: string, predicate: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; logs:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for `uri` at exactly `version`. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<PublishedDiagnostics> {
    return this.until(
      `diagnostics for ${uri}@${version}`,
      () => this.published.filter((p) => p.uri === uri && p.version === version).at(-1),
      timeoutMs,
    );
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** `notebookDocument/didOpen` of a Jupyter notebook; cells are code cells unless `markdown`, Python unless another language is given. */
  openNotebook(uri: string, cells: readonly NotebookCellInput[], version = 1): Promise<void> {
    return this.connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri, notebookType: 'jupyter-notebook', version, cells: cells.map(notebookCell) },
      cellTextDocuments: cells.map(cellTextDocument),
    });
  }

  /**
   * `notebookDocument/didChange`: `structure` replaces `deleteCount` cells at `start` with
   * `cells` (opening their text, closing the removed ones'); `text` edits a cell's text.
   */
  changeNotebook(
    uri: string,
    version: number,
    change: {
      structure?: { start: number; deleteCount: number; cells?: NotebookCellInput[]; removed?: string[] };
      text?: Array<{ uri: string; version: number; changes: unknown[] }>;
    },
  ): Promise<void> {
    const { structure, text } = change;
    return this.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri, version },
      change: {
        cells: {
          ...(structure && {
            structure: {
              array: { start: structure.start, deleteCount: structure.deleteCount, cells: structure.cells?.map(notebookCell) },
              didOpen: structure.cells?.map(cellTextDocument),
              didClose: structure.removed?.map((cellUri) => ({ uri: cellUri })),
            },
          }),
          ...(text && { textContent: text.map((t) => ({ document: { uri: t.uri, version: t.version }, changes: t.changes })) }),
        },
      },
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  cancellableRequest<T>(method: string, params: unknown): CancellableRequest<T> {
    const source = new CancellationTokenSource();
    const result = this.connection.sendRequest(method, params, source.token) as Promise<T>;
    return { result, cancel: () => source.cancel() };
  }

  /** The server's counters (`pythonic/internalStats`). */
  stats(): Promise<ServerStats> {
    return this.request<ServerStats>('pythonic/internalStats', undefined);
  }

  /** Ends the process if it still runs (after a failed test), and the connection. */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    this.connection.dispose();
  }

  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}
