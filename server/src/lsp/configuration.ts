// Settings per document: the editor's pythonic.* (pulled per document through
// workspace/configuration, or pushed in initializationOptions/didChangeConfiguration
// by clients that cannot be asked) merged over [tool.pythonic] from the nearest
// pyproject.toml, then narrowed to the file (`exclude`, `per-file-ignores`). Cached on
// the document until the client reports a change. A pyproject.toml that is broken, or
// has unknown keys or bad values, is reported once (a message and a log line) per
// distinct problem, not per document or keystroke; its bad values fall back to defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection, type InitializeParams } from './vscode-languageserver';
import { ConfigError, findPyproject, loadProjectConfig, type ProjectConfig } from '../config-file';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../engine';
import { mergeSettings } from '../engine/settings';
import { isExcluded, settingsForFile } from '../file-settings';
import type { PythonDocument } from './documents';

export class Configuration {
  private canPull = false;
  private initializationSettings: unknown = undefined;
  /** Bumped whenever settings may have changed; a reply to an older question is not cached. */
  private generation = 0;
  private workspaceFolders: string[] = [];
  /** The problems last reported for each pyproject.toml, so the same ones are not reported again. */
  private readonly reported = new Map<string, string>();
  /**
   * The last reading of each pyproject.toml, used while its size and modification time stay
   * the same: a workspace check asks for the settings of every file, and they share a few.
   */
  private readonly readings = new Map<string, { stamp: string; config: ProjectConfig | null }>();

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
    private readonly logError: (message: string, error?: unknown) => void,
  ) {}

  initialize(params: InitializeParams): void {
    this.canPull = params.capabilities.workspace?.configuration === true;
    this.initializationSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  }

  /**
   * Calls `onChange` after the client reports new settings or a changed pyproject.toml
   * (the client watches them); every document's cached settings are dropped first.
   */
  listen(documents: () => Iterable<PythonDocument>, onChange: (doc: PythonDocument) => void): void {
    const invalidate = () => {
      this.generation++;
      for (const doc of documents()) {
        doc.settings = undefined;
        onChange(doc);
      }
    };
    this.connection.onDidChangeWatchedFiles(() => {
      // A saved pyproject.toml that is still broken is worth saying again.
      this.reported.clear();
      invalidate();
    });
    this.connection.onDidChangeConfiguration(({ settings }) => {
      // Clients that cannot answer workspace/configuration push the settings here instead.
      if (!this.canPull) this.initializationSettings = (settings as { pythonic?: unknown } | null)?.pythonic ?? this.initializationSettings;
      invalidate();
    });
  }

  /** The document's settings, asking the client when they are not cached. */
  async settingsFor(doc: PythonDocument): Promise<Settings> {
    if (doc.settings) return doc.settings;
    const generation = this.generation;
    const settings = await this.settingsForUri(doc.uri);
    if (generation === this.generation) doc.settings = settings;
    return settings;
  }

  /** Settings for any resource, open or not, asked afresh. */
  async settingsForUri(uri: string): Promise<Settings> {
    let raw: unknown = this.initializationSettings;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'pythonic' });
      } catch (error) {
        this.logError(`could not read settings for ${uri}`, error);
      }
    }
    const editor = raw === undefined ? DEFAULT_SETTINGS : parseSettings(raw);
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : null;
    const project = file ? this.projectConfigFor(file) : null;
    const settings = mergeSettings(editor, project?.values);
    if (!file) return settings;
    const root = project?.root ?? this.projectFolderFor(file);
    return isExcluded(settings, root, file) ? { ...settings, enable: false } : settingsForFile(settings, root, file);
  }

  /** Where globs are rooted for a file without a pyproject.toml above it: its workspace folder, else its own folder. */
  projectFolderFor(file: string): string {
    return this.workspaceFolders.find((f) => file.startsWith(f + path.sep)) ?? path.dirname(file);
  }

  private projectConfigFor(file: string): ProjectConfig | null {
    const pyproject = findPyproject(path.dirname(file));
    if (!pyproject) return null;
    const stamp = fileStamp(pyproject);
    const kept = this.readings.get(pyproject);
    if (kept && kept.stamp === stamp) return kept.config;
    const config = this.readProjectConfig(pyproject);
    if (stamp !== null) this.readings.set(pyproject, { stamp, config });
    return config;
  }

  private readProjectConfig(pyproject: string): ProjectConfig | null {
    try {
      const config = loadProjectConfig(path.dirname(pyproject));
      if (config) this.report(config.file, config.problems.map((p) => `${config.file}:${p.line}: ${p.message}; using the default`));
      return config;
    } catch (error) {
      if (!(error instanceof ConfigError)) {
        this.logError(`could not read the project settings in ${pyproject}`, error);
        return null;
      }
      this.report(error.file, [`${error.message}; using the default settings`]);
      return null;
    }
  }

  /** Shows `problems` of the pyproject.toml `file` unless they are the ones last shown for it. */
  private report(file: string, problems: string[]): void {
    const text = problems.join('\n');
    if ((this.reported.get(file) ?? '') === text) return;
    this.reported.set(file, text);
    if (!text) return;
    for (const problem of problems) this.log(problem);
    // A notification, not window.showWarningMessage (a request that waits for the user's click).
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Pythonic: ${problems.join(' ')}` });
  }
}

/** Size and modification time of `file`, or null when it cannot be read (then it is read every time). */
function fileStamp(file: string): string | null {
  try {
    const { size, mtimeMs } = fs.statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return null;
  }
}
