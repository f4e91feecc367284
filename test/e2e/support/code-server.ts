// Starts code-server (a real VS Code workbench served to a browser) with the built
// extension installed. Shared by the browser UI suite, the VS Code API suite's
// code-server launcher and `npm run demo` (so no browser code in here).
//
// Everything stays on loopback: code-server binds 127.0.0.1 and its extension
// gallery points at a closed loopback port, so the workbench never looks outside.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The repository root: the nearest folder above this bundle whose package.json is Pythonic's. */
export const ROOT = findRoot(__dirname);
/** Kept in step with scripts/e2e/setup.mjs, which installs it (the last line for Node 20). */
export const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER_DIR = path.join(ROOT, '.e2e', `code-server-${CODE_SERVER_VERSION}`);
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
const CLOSED_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' });

/** Workbench settings for a quiet, deterministic window (no welcome page, no tips, fast hovers). */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
  'editor.fontSize': 15,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'pythonic') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Pythonic package.json above ${from}`);
  }
}

/** Installs code-server into `.e2e/` unless a complete install is already there. */
export function ensureCodeServer(): void {
  if (existsSync(path.join(CODE_SERVER_DIR, '.complete'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/e2e/setup.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Lays the built extension out the way VS Code unpacks a .vsix into its extensions
 * folder (`<publisher>.<name>-<version>/`), with exactly the files `vsce` would
 * package (so .vscodeignore mistakes show up here too). Returns the extension's folder.
 */
export function stageExtension(extensionsDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (!existsSync(path.join(ROOT, manifest.main))) throw new Error(`${manifest.main} is missing: run \`npm run build\` first`);
  const listing = execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  const files = listing.split('\n').map((line) => line.trim()).filter((line) => line && existsSync(path.join(ROOT, line)));
  if (!files.includes('package.json')) throw new Error(`\`vsce ls\` listed no package.json:\n${listing}`);
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  rmSync(target, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(target, file));
  }
  return target;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** User settings on top of BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Install the built extension into the extensions folder (false for extension development mode). */
  installExtension?: boolean;
  /** Extra environment for code-server and so for its extension host. */
  env?: Record<string, string>;
  /** Fixed port (the demo); a free one otherwise. */
  port?: number;
  /** Scratch folder for user data, extensions and the log; a new temp folder otherwise. */
  scratchDir?: string;
}

export interface CodeServer {
  port: number;
  origin: string;
  scratchDir: string;
  extensionsDir: string;
  /** The staged extension's folder, when installed. */
  extensionDir?: string;
  logFile: string;
  /** URL that opens the workspace, optionally with a `payload` (extension development / tests). */
  url(payload?: [string, string][]): string;
  /** `vscode-remote://` URI of a path on this machine, as the payload wants it. */
  remoteUri(fsPath: string): string;
  log(): string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER_ENTRY)) ensureCodeServer();
  const scratchDir = options.scratchDir ?? mkdtempSync(path.join(tmpdir(), 'pythonic-code-server-'));
  const userDataDir = path.join(scratchDir, 'user-data');
  const extensionsDir = path.join(scratchDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));
  const extensionDir = options.installExtension === false ? undefined : stageExtension(extensionsDir);
  const configFile = path.join(scratchDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(scratchDir, 'code-server.log');
  const logFd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      options.workspace,
    ],
    {
      cwd: scratchDir,
      env: { ...process.env, ...options.env, EXTENSIONS_GALLERY: CLOSED_GALLERY },
      stdio: ['ignore', logFd, logFd],
      detached: true,
    },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    // The whole process group: code-server, its extension hosts and their language servers.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it listened:\n${log()}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not listen on ${origin} within 60 s:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const remoteUri = (fsPath: string) => `vscode-remote://127.0.0.1:${port}${fsPath}`;
  return {
    port,
    origin,
    scratchDir,
    extensionsDir,
    extensionDir,
    logFile,
    remoteUri,
    log,
    stop,
    url(payload) {
      const query = new URLSearchParams({ folder: options.workspace });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query}`;
    },
  };
}

/** A copy of a fixture folder in a scratch folder, so tests and the demo can edit and save files freely. */
export function copyWorkspace(fixture: string, scratchDir: string): string {
  const workspace = path.join(scratchDir, path.basename(fixture));
  rmSync(workspace, { recursive: true, force: true });
  cpSync(fixture, workspace, { recursive: true });
  return workspace;
}

/** Polls `probe` until it returns something other than undefined; no fixed sleeps. */
export async function until<T>(what: string | (() => string), probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
