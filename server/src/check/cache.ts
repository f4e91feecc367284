// The `pythonic check` result cache, like Ruff's `.ruff_cache/`: what a file
// produced is kept in `.pythonic_cache/` at the project root and reused while
// the file's content, its path, the settings and the pythonic build are the same.
//
//   .pythonic_cache/
//     .gitignore            `*`: the folder never shows up in `git status`
//     CACHEDIR.TAG          backup tools skip it
//     <version>/<key>/      one folder per (version, build, rule list, effective settings)
//       <slot>.json         one entry per source file: {hash, path, diagnostics}
//
// The settings are hashed once per run into the folder name `<key>`; a file's
// slot is named by its absolute path, so editing a file overwrites its entry
// instead of piling up new ones. An entry counts only when its content hash and
// path string match. Entries are written to a temporary file and renamed into
// place, so runs in parallel (or several worker threads) never read a torn entry.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { findPyproject } from '../config-file';
import type { Diagnostic, Settings } from '../engine';

export const CACHE_DIR_NAME = '.pythonic_cache';

const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pythonic.\n# For information about cache directory tags see https://bford.info/cachedir/\n';

/** The folder of the nearest pyproject.toml above `cwd`, else `cwd` itself. */
export function projectRoot(cwd: string): string {
  const pyproject = findPyproject(cwd);
  return pyproject ? path.dirname(pyproject) : path.resolve(cwd);
}

export function contentHash(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` settings share a key. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The hash of this very bundle, so a rebuilt pythonic never trusts entries an older build wrote under the same version. */
function buildHash(): string {
  try {
    return contentHash(fs.readFileSync(__filename));
  } catch {
    return 'unknown-build';
  }
}

export interface CacheKeyInput {
  version: string;
  settings: Settings;
  ruleCodes: readonly string[];
}

/** `.pythonic_cache/<version>/<key>` for this run; computed once per run, not per file. */
export function cacheDirectory(root: string, { version, settings, ruleCodes }: CacheKeyInput): string {
  const key = contentHash(Buffer.from(stableJson({ version, build: buildHash(), rules: ruleCodes, settings }))).slice(0, 20);
  return path.join(root, CACHE_DIR_NAME, version, key);
}

export type Lookup =
  /** A valid entry. `size` is the file's size in bytes. */
  | { diagnostics: Diagnostic[]; size: number }
  /** No usable entry (or the file could not be read: the checker will report that). */
  | { diagnostics: null; size: number };

interface Entry {
  hash: string;
  path: string;
  diagnostics: Diagnostic[];
}

export class ResultCache {
  /** `dir` is a `cacheDirectory()`; the same string is handed to the worker threads. */
  constructor(readonly dir: string) {}

  private slot(file: string): string {
    return path.join(this.dir, contentHash(Buffer.from(path.resolve(file))).slice(0, 32) + '.json');
  }

  /** Reads and hashes the file, then its entry. Never throws. */
  lookup(file: string): Lookup {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return { diagnostics: null, size: 0 };
    }
    const size = bytes.length;
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.slot(file), 'utf8')) as Entry;
    } catch {
      return { diagnostics: null, size };
    }
    if (entry.path !== file || !Array.isArray(entry.diagnostics) || entry.hash !== contentHash(bytes)) return { diagnostics: null, size };
    return { diagnostics: entry.diagnostics, size };
  }

  /** Records what `file`, whose content is `bytes`, produced. Best effort: a cache that cannot be written is no error. */
  store(file: string, bytes: Uint8Array, diagnostics: readonly Diagnostic[]): void {
    const entry: Entry = { hash: contentHash(bytes), path: file, diagnostics: diagnostics as Diagnostic[] };
    writeAtomically(this.slot(file), JSON.stringify(entry));
  }

  /** Creates the folders, `.gitignore` and `CACHEDIR.TAG`; false when the cache cannot be written here. */
  prepare(): boolean {
    const top = path.dirname(path.dirname(this.dir));
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      if (!fs.existsSync(path.join(top, '.gitignore'))) writeAtomically(path.join(top, '.gitignore'), '*\n');
      if (!fs.existsSync(path.join(top, 'CACHEDIR.TAG'))) writeAtomically(path.join(top, 'CACHEDIR.TAG'), CACHEDIR_TAG);
      return true;
    } catch {
      return false;
    }
  }
}

/** Write to a temporary file named for this process and thread, then rename it over the target. */
function writeAtomically(target: string, data: string): void {
  const temp = `${target}.${process.pid}-${threadId}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the cache is best effort.
    }
  }
}
