// The language server: adapts LSP requests to engine calls. It understands no
// Python itself; everything here is about documents, settings and the protocol.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { loadProjectConfig, type ProjectConfig } from './config-file';
import { PythonDocument } from './documents';
import {
  analyze,
  DEFAULT_SETTINGS,
  fixAll,
  hover,
  noqaEdit,
  parseSettings,
  SourceFile,
  type Diagnostic,
  type Settings,
} from './engine';
import { mergeSettings } from './engine/settings';
import { comparePositions, offsetToPosition } from './engine/source';
import { createParser, defaultWasmDir, type Parser } from './parser';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.pythonic`;

/** Bigger documents are not analysed: a log line says so and the editor keeps working. */
const MAX_DOCUMENT_CHARS = 5_000_000;

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule docs ship with the extension and the npm package, one folder above the bundle. */
export function ruleDocsUri(code: string): string {
  return pathToFileURL(path.join(defaultWasmDir(), '..', 'docs', 'rules', `${code}.md`)).toString();
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocsUri(d.code) },
    source: 'pythonic',
    message: d.message,
    data: { fixable: d.fix !== null },
  };
}

export function startServer(connection: Connection, parserPromise: Promise<Parser> = createParser()): void {
  const documents = new Map<string, PythonDocument>();
  const pending = new Set<string>();
  let canPullConfiguration = false;
  let initializationSettings: unknown = undefined;
  let parser: Parser | undefined;

  const log = (message: string) => connection.console.log(`[pythonic] ${message}`);
  const logError = (message: string, error?: unknown) =>
    connection.console.error(`[pythonic] ${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ''}`);

  async function settingsFor(doc: PythonDocument): Promise<Settings> {
    if (doc.settings) return doc.settings;
    let raw: unknown = initializationSettings;
    if (canPullConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration({ scopeUri: doc.uri, section: 'pythonic' });
      } catch (error) {
        logError(`could not read settings for ${doc.uri}`, error);
      }
    }
    const editor = raw === undefined ? DEFAULT_SETTINGS : parseSettings(raw);
    doc.settings = mergeSettings(editor, projectConfigFor(doc.uri)?.values);
    return doc.settings;
  }

  function projectConfigFor(uri: string): ProjectConfig | null {
    if (!uri.startsWith('file:')) return null;
    try {
      const config = loadProjectConfig(path.dirname(fileURLToPath(uri)));
      for (const key of config?.unknownKeys ?? []) log(`${config!.file}: unknown key '${key}' in [tool.pythonic], ignored`);
      return config;
    } catch (error) {
      logError(`could not read the project settings for ${uri}`, error);
      return null;
    }
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const settings = await settingsFor(doc);
    if (documents.get(uri) !== doc) return;
    const version = doc.version;
    if (!doc.tree || doc.text.length > MAX_DOCUMENT_CHARS) {
      if (doc.text.length > MAX_DOCUMENT_CHARS) log(`${uri} has ${doc.text.length} characters; not analysed (limit ${MAX_DOCUMENT_CHARS})`);
      doc.diagnostics = [];
    } else {
      const result = analyze({
        tree: doc.tree,
        text: doc.text,
        settings,
        path: uri,
        cache: doc.cache,
        onRuleError: ({ code, error }) => logError(`rule ${code} failed on ${uri}`, error),
      });
      doc.cache = result.cache;
      doc.diagnostics = result.diagnostics;
    }
    await connection.sendDiagnostics({ uri, version, diagnostics: doc.diagnostics.map(toLspDiagnostic) });
  }

  /** Coalesces bursts of changes: one analysis per document per turn of the event loop. */
  function schedule(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      validate(uri).catch((error) => logError(`analysis failed for ${uri}`, error));
    });
  }

  connection.onInitialize((params: InitializeParams) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    initializationSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
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

  connection.onDidOpenTextDocument(async ({ textDocument }) => {
    try {
      parser ??= await parserPromise;
      documents.get(textDocument.uri)?.dispose();
      documents.set(textDocument.uri, new PythonDocument(textDocument.uri, textDocument.version, textDocument.text, parser));
      schedule(textDocument.uri);
    } catch (error) {
      logError(`could not open ${textDocument.uri}`, error);
    }
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) {
      log(`change for a document that is not open: ${textDocument.uri}`);
      return;
    }
    try {
      doc.update(contentChanges, textDocument.version);
    } catch (error) {
      logError(`could not apply a change to ${textDocument.uri}`, error);
    }
    schedule(textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    documents.get(textDocument.uri)?.dispose();
    documents.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  // The client watches pyproject.toml files; any change may alter [tool.pythonic].
  connection.onDidChangeWatchedFiles(() => {
    for (const doc of documents.values()) {
      doc.settings = undefined;
      schedule(doc.uri);
    }
  });

  connection.onDidChangeConfiguration(({ settings }) => {
    // Clients that cannot answer workspace/configuration push the settings here instead.
    if (!canPullConfiguration) initializationSettings = (settings as { pythonic?: unknown } | null)?.pythonic ?? initializationSettings;
    for (const doc of documents.values()) {
      doc.settings = undefined;
      schedule(doc.uri);
    }
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc?.tree) return null;
    try {
      const result = hover({ tree: doc.tree, position, diagnostics: doc.diagnostics });
      return result && { contents: { kind: 'markdown', value: result.markdown }, range: result.range };
    } catch (error) {
      logError(`hover failed in ${textDocument.uri}`, error);
      return null;
    }
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc?.tree) return null;
    try {
      return codeActions(doc, params);
    } catch (error) {
      logError(`code actions failed in ${params.textDocument.uri}`, error);
      return null;
    }
  });

  function codeActions(doc: PythonDocument, params: CodeActionParams): CodeAction[] {
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const { start, end } = params.range;
      const touching = doc.diagnostics.filter(
        (d) => comparePositions(d.range.start, end) <= 0 && comparePositions(start, d.range.end) <= 0,
      );
      const source = doc.tree ? new SourceFile(doc.text, doc.tree, doc.uri) : null;
      for (const d of touching) {
        const lspDiagnostic = toLspDiagnostic(d);
        if (d.fix) {
          actions.push({
            title: `${d.fix.title} (${d.code})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [lspDiagnostic],
            isPreferred: d.fix.safety === 'safe',
            edit: { changes: { [doc.uri]: d.fix.edits } },
          });
        }
        const suppress = source && noqaEdit(source, d.range.start.line, d.code);
        if (suppress) {
          actions.push({
            title: `Disable ${d.code} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [lspDiagnostic],
            edit: { changes: { [doc.uri]: [suppress] } },
          });
        }
      }
    }
    if (wants(FIX_ALL_KIND) && parser && doc.diagnostics.some((d) => d.fix?.safety === 'safe')) {
      const settings = doc.settings ?? DEFAULT_SETTINGS;
      const fixed = fixAll({ parser, text: doc.text, settings, path: doc.uri, unsafe: false });
      if (fixed.applied > 0) {
        actions.push({ title: 'Fix all safe Pythonic problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [minimalEdit(doc.text, fixed.text)] } } });
      }
    }
    return actions;
  }

  connection.onShutdown(() => {
    for (const doc of documents.values()) doc.dispose();
    documents.clear();
  });

  connection.listen();
}

/** One edit covering only the span that differs, so the editor keeps cursor and folding elsewhere. */
function minimalEdit(before: string, after: string) {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  return {
    range: { start: offsetToPosition(before, prefix), end: offsetToPosition(before, before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

export async function startStdioServer(): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Anything written to stdout that is not a message would corrupt the stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection);
}
