// "Pythonic: Check Workspace" (`pythonic/checkWorkspace`): every Python file below the
// client's folders, found and read from disk the way `pythonic check` does (files.ts,
// check/file.ts), one file per turn of the event loop so cancellation and the editor's
// own requests get in between. Files open in the editor are left alone: their live
// diagnostics stay. For the others the results are published without a version.
//
// Whose diagnostics a closed file shows: those of the last run that checked it. A run
// publishes for every file it checks (an empty list clears an old result) and, when it
// completes, clears what the previous run showed for files it no longer found (deleted,
// or excluded since). Opening a file hands it to the live analysis; closing it clears
// its list like any closed document's, until the next run.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from './vscode-languageserver';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult, type WorkspaceFolderToCheck } from '../../../shared/protocol';
import { checkFile } from '../check/file';
import type { Settings } from '../engine';
import { collectPythonFiles, isNotebookPath } from '../files';
import type { Parser } from '../parser';
import { throwIfCancelled } from './cancellation';
import type { DiagnosticsPublisher } from './diagnostics';
import type { ServerStats } from './stats';

export interface WorkspaceCheckOptions {
  connection: Connection;
  parser: Promise<Parser>;
  /** Settings for a file that is not open (editor settings for its folder over its pyproject.toml). */
  settingsForUri: (uri: string) => Promise<Settings>;
  /** Paths of the files open in the editor right now. */
  openFiles: () => Set<string>;
  publisher: DiagnosticsPublisher;
  stats: ServerStats;
  log: (message: string) => void;
}

export class WorkspaceCheck {
  /** Paths of closed files showing a run's results. */
  private shown = new Set<string>();
  /** Bumped by each run: an older run still going stops when it sees a newer one. */
  private runs = 0;

  constructor(private readonly options: WorkspaceCheckOptions) {}

  register(): void {
    this.options.connection.onRequest(CHECK_WORKSPACE_REQUEST, (params: unknown, token: CancellationToken) => this.run(checkParams(params), token));
  }

  /** The editor opened or closed the document: its diagnostics are the live analysis's now. */
  handOver(uri: string): void {
    const file = filePathOf(uri);
    if (file !== null) this.shown.delete(file);
  }

  private async run(params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult> {
    const { connection, publisher, log } = this.options;
    const run = ++this.runs;
    const parser = await this.options.parser;
    const files = this.collect(params.folders);
    const total = files.length;
    const result: CheckWorkspaceResult = { files: total, skippedOpen: 0, problems: 0, failures: 0 };
    const shownNow = new Set<string>();
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Pythonic: checking the workspace', 0, `0/${total}`, true);
    try {
      for (const [index, file] of files.entries()) {
        await new Promise((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested || run !== this.runs) {
          // What was shown stays shown: the files not reached keep the previous run's results.
          for (const shownFile of shownNow) this.shown.add(shownFile);
          if (run !== this.runs) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'a newer workspace check replaced this one');
          throwIfCancelled(token, this.options.stats);
        }
        const uri = pathToFileURL(file).toString();
        // Asked per file: `per-file-ignores` and `exclude` make settings differ within a folder.
        const settings = await this.options.settingsForUri(uri);
        // Asked after the wait for settings: the file may have been opened meanwhile.
        if (this.options.openFiles().has(file)) {
          result.skippedOpen++;
        } else if (!settings.enable) {
          // Turned off, or excluded (configuration.ts): nothing to show, and nothing to read.
          publisher.publishUnversioned(uri, []);
          shownNow.add(file);
        } else {
          const checked = checkFile(file, parser, { settings, fix: false, unsafe: false, write: false }, null);
          for (const line of checked.err) log(line.trimEnd());
          if (checked.diagnostics === null) result.failures++;
          const diagnostics = checked.diagnostics ?? [];
          result.problems += diagnostics.length;
          publisher.publishUnversioned(uri, diagnostics);
          shownNow.add(file);
        }
        progress.report(Math.floor(((index + 1) * 100) / total), `${index + 1}/${total}`);
      }
    } finally {
      progress.done();
    }
    const open = this.options.openFiles();
    for (const file of this.shown) if (!shownNow.has(file) && !open.has(file)) publisher.clear(pathToFileURL(file).toString());
    this.shown = shownNow;
    return result;
  }

  /** The Python files below the folders that their `exclude` leaves in, sorted per folder, each once. */
  private collect(folders: readonly WorkspaceFolderToCheck[]): string[] {
    const files: string[] = [];
    const seen = new Set<string>();
    for (const folder of folders) {
      const root = filePathOf(folder.uri);
      if (root === null) {
        this.options.log(`workspace check: ${folder.uri} is not on disk; skipped`);
        continue;
      }
      const isExcluded = excludeMatcher(folder.exclude ?? []);
      const collected = collectPythonFiles([root]);
      for (const message of collected.messages) this.options.log(message.trimEnd());
      for (const file of collected.files) {
        // A closed notebook has no cell documents to show findings on (the CLI reports them by cell).
        if (seen.has(file) || isNotebookPath(file) || isExcluded(path.relative(root, file))) continue;
        seen.add(file);
        files.push(file);
      }
    }
    return files;
  }
}

/** The path of a `file:` URI; null for other schemes and for one Node cannot map to a path here. */
export function filePathOf(uri: string): string | null {
  // (A type check too: a malformed notification may carry anything.)
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/**
 * Whether a path relative to its folder is excluded by `globs` (`files.exclude` syntax):
 * a glob naming a folder (`**∕build`) takes out everything inside it too.
 */
export function excludeMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (relativePath) => {
    const parts = relativePath.split(path.sep);
    return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
  };
}

function checkParams(params: unknown): CheckWorkspaceParams {
  const p = (params ?? {}) as Partial<CheckWorkspaceParams>;
  const folders = p.folders;
  const valid =
    Array.isArray(folders) &&
    folders.every((f) => typeof f?.uri === 'string' && (f.exclude === undefined || (Array.isArray(f.exclude) && f.exclude.every((g) => typeof g === 'string'))));
  if (!valid) throw new ResponseError(ErrorCodes.InvalidParams, 'folders must be a list of { uri, exclude? }');
  const workDoneToken = typeof p.workDoneToken === 'string' || typeof p.workDoneToken === 'number' ? p.workDoneToken : undefined;
  return { folders, workDoneToken };
}
