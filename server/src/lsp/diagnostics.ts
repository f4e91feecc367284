// Diagnostics as LSP sees them, and publishing them: at most once per analysis, and
// never for a version older than one already published for the document.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from './vscode-languageserver';
import type { Diagnostic } from '../engine';
import { defaultWasmDir } from '../parser';
import type { ServerStats } from './stats';

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
    // A problem no rule reports (a NUL byte) has no code and no docs page.
    ...(d.code && { code: d.code, codeDescription: { href: ruleDocsUri(d.code) } }),
    source: 'pythonic',
    message: d.message,
    data: { fixable: d.fix !== null },
  };
}

export class DiagnosticsPublisher {
  /** The newest version published per document since it was opened. */
  private readonly published = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly stats: ServerStats,
    private readonly logError: (message: string, error?: unknown) => void,
  ) {}

  publish(uri: string, version: number, diagnostics: readonly Diagnostic[]): void {
    const newest = this.published.get(uri);
    if (newest !== undefined && version < newest) return;
    this.published.set(uri, version);
    this.send(uri, version, diagnostics.map(toLspDiagnostic));
  }

  /** The document was opened (again) or closed: its version numbers start over. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  /** Clears the editor's list for a closed document (no version: there is none any more). */
  clear(uri: string): void {
    this.forget(uri);
    this.send(uri, undefined, []);
  }

  /** Diagnostics for a file that is not open (read from disk by the workspace check): it has no version. */
  publishUnversioned(uri: string, diagnostics: readonly Diagnostic[]): void {
    this.send(uri, undefined, diagnostics.map(toLspDiagnostic));
  }

  private send(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void {
    this.stats.publishes++;
    this.connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => this.logError(`could not publish diagnostics for ${uri}`, error));
  }
}
