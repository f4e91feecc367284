// Running the built `pythonic` CLI (out/cli.js) in a child process, in a
// throw-away workspace as working directory (so `.pythonic_cache/` lands there).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OUT } from './engine';

export const CLI = path.join(OUT, 'cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  /** Milliseconds before the CLI is killed and the call throws: a hang fails the test instead of stalling it. */
  timeout?: number;
  /** Run as this user (and group): root reads everything, so permission tests drop to another user. */
  uid?: number;
  gid?: number;
  /** Written to the CLI's stdin. */
  input?: string;
}

/** `env` adds to the inherited environment; PYTHONIC_TIMING is off unless given. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}, spawn: SpawnOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONIC_TIMING: '', ...env },
    ...spawn,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Splits `PYTHONIC_TIMING=1` stderr into what came before the table, and the table. */
export function splitTiming(stderr: string): { before: string; table: string } {
  const at = stderr.indexOf('\nCode  | Rule');
  if (at < 0) throw new Error(`no timing table in stderr:\n${stderr}`);
  return { before: stderr.slice(0, at), table: stderr.slice(at + 1) };
}

/** From the timing footer: how many files came from the cache. */
export function cachedCount(stderr: string): number {
  const m = /^(\d+) files? came from the cache/m.exec(splitTiming(stderr).table);
  if (!m) throw new Error(`no cache line in the timing table:\n${stderr}`);
  return Number(m[1]);
}

/** From the timing footer: the worker threads used (0 = the main thread). */
export function workerCount(stderr: string): number {
  const table = splitTiming(stderr).table;
  if (/ analysed, in the main thread\.$/m.test(table)) return 0;
  const m = /analysed, summed over (\d+) worker threads?\.$/m.exec(table);
  if (!m) throw new Error(`no worker line in the timing table:\n${table}`);
  return Number(m[1]);
}

let stdlib: string | undefined;
export function stdlibDir(): string {
  stdlib ??= execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
  return stdlib;
}

/** Every `.py` file under `dir`, relative, with its bytes: to copy a workspace. */
export function snapshot(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    if (full.includes(`${path.sep}.pythonic_cache${path.sep}`)) continue;
    files[path.relative(dir, full)] = fs.readFileSync(full);
  }
  return files;
}
