// Settings per document: the editor's pythonic.* (pulled per document through
// workspace/configuration, or pushed in initializationOptions/didChangeConfiguration
// by clients that cannot be asked) merged over [tool.pythonic] from the nearest
// pyproject.toml. Cached on the document until the client reports a change.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { loadProjectConfig, type ProjectConfig } from '../config-file';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../engine';
import { mergeSettings } from '../engine/settings';
import type { PythonDocument } from './documents';

export class Configuration {
  private canPull = false;
  private initializationSettings: unknown = undefined;
  /** Bumped whenever settings may have changed; a reply to an older question is not cached. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
    private readonly logError: (message: string, error?: unknown) => void,
  ) {}

  initialize(params: InitializeParams): void {
    this.canPull = params.capabilities.workspace?.configuration === true;
    this.initializationSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
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
    this.connection.onDidChangeWatchedFiles(invalidate);
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
    return mergeSettings(editor, this.projectConfigFor(uri)?.values);
  }

  private projectConfigFor(uri: string): ProjectConfig | null {
    if (!uri.startsWith('file:')) return null;
    try {
      const config = loadProjectConfig(path.dirname(fileURLToPath(uri)));
      for (const key of config?.unknownKeys ?? []) this.log(`${config!.file}: unknown key '${key}' in [tool.pythonic], ignored`);
      return config;
    } catch (error) {
      this.logError(`could not read the project settings for ${uri}`, error);
      return null;
    }
  }
}
