// Finding and reading Python files for the CLI and the editor's workspace check:
// directory walks that skip what Ruff skips, and source decoding that honours BOMs
// and PEP 263 coding cookies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDecoder } from 'node:util';

import { DEFAULT_EXCLUDE } from './engine/settings';

const DEFAULT_SKIPPED = new Set<string>(DEFAULT_EXCLUDE);

export class UsageError extends Error {}

/** Jupyter notebooks are checked too (their code cells, as one module). */
export function isNotebookPath(file: string): boolean {
  return file.endsWith('.ipynb');
}

/** A file a directory walk takes: Python source or a notebook. */
function isCheckedFile(file: string): boolean {
  return file.endsWith('.py') || isNotebookPath(file);
}

/** What a path is, learnt from its metadata alone: opening a FIFO to look would block. */
export type PathKind =
  | { kind: 'file'; realPath: string }
  | { kind: 'directory'; realPath: string }
  /** A FIFO, socket or device: never read. `problem` says which. */
  | { kind: 'special'; problem: string }
  /** The path cannot be used; `problem` says why, e.g. `permission denied`. `broken`: a link to nothing, or a loop. */
  | { kind: 'error'; problem: string; broken: boolean };

/** The one place that decides what a path is; symlinks are followed. */
export function classifyPath(p: string): PathKind {
  try {
    const stat = fs.statSync(p);
    if (stat.isFile()) return { kind: 'file', realPath: fs.realpathSync.native(p) };
    if (stat.isDirectory()) return { kind: 'directory', realPath: fs.realpathSync.native(p) };
    return special(stat);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const target = code === 'ENOENT' ? readLink(p) : null;
    if (target !== null) return { kind: 'error', problem: `broken symlink (to ${target})`, broken: true };
    return { kind: 'error', problem: describeError(error), broken: code === 'ELOOP' || code === 'ENOTDIR' };
  }
}

function special(entry: fs.Stats | fs.Dirent): PathKind {
  return { kind: 'special', problem: `not a regular file (${specialKind(entry)})` };
}

function specialKind(entry: fs.Stats | fs.Dirent): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'of an unknown kind';
}

function readLink(p: string): string | null {
  try {
    return fs.readlinkSync(p);
  } catch {
    return null;
  }
}

/** A file system error in the words of `ls` and friends, without Node's `EACCES: ..., open 'x'` decoration. */
export function describeError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'symlink loop';
    default:
      return (error as Error).message;
  }
}

export interface CollectedFiles {
  /**
   * Regular files to check, each real file once: explicit files as given and
   * `*.py` and `*.ipynb` found below directories, sorted, then what only a symlink led to.
   */
  files: string[];
  /** Lines for stderr about paths that were skipped or could not be read. */
  messages: string[];
  /** Paths that could not be checked: the run exits 2. */
  failures: number;
}

export interface CollectOptions {
  /** Whether a file or folder found below a directory is left out (`exclude`); by default the folders of `DEFAULT_EXCLUDE`. */
  excluded?: (p: string) => boolean;
  /** Leave out excluded paths named on the command line too (`--force-exclude`). */
  forceExclude?: boolean;
}

/**
 * Files to check. A path named on the command line that cannot be checked is a
 * failure. Below a directory, what cannot be read (permission denied) is a
 * failure too, while what holds no source (a FIFO, a broken symlink such as an
 * editor's lock file, a link back to a folder above it) is skipped with a note.
 * Symlinks are followed after everything else, so a file is reported under its
 * own path rather than a link's. What `excluded` names is left out below a
 * directory, and on the command line only with `forceExclude`, as Ruff does.
 */
export function collectPythonFiles(paths: readonly string[], options: CollectOptions = {}): CollectedFiles {
  const excluded = options.excluded ?? ((p: string) => DEFAULT_SKIPPED.has(path.basename(p)));
  const result: CollectedFiles = { files: [], messages: [], failures: 0 };
  /** Real paths of the files and directories taken. */
  const seen = new Set<string>();
  const links: Array<{ link: string; realParent: string }> = [];
  const fail = (p: string, problem: string) => {
    result.messages.push(`pythonic: ${p}: ${problem}\n`);
    result.failures++;
  };
  const skip = (p: string, problem: string) => result.messages.push(`pythonic: ${p}: ${problem}, skipped\n`);
  const take = (file: string, realPath: string) => {
    if (seen.has(realPath)) return;
    seen.add(realPath);
    result.files.push(file);
  };

  const walk = (dir: string, realDir: string): void => {
    if (seen.has(realDir)) return;
    seen.add(realDir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      return fail(dir, describeError(error));
    }
    // A virtualenv under any name announces itself with pyvenv.cfg.
    if (entries.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (excluded(full)) continue;
      const realPath = path.join(realDir, entry.name);
      // Only a symlink needs a stat: for anything else the directory entry says what it is.
      if (entry.isSymbolicLink()) links.push({ link: full, realParent: realDir });
      else if (entry.isDirectory()) walk(full, realPath);
      else if (entry.isFile()) found(full, { kind: 'file', realPath }, realDir);
      else found(full, special(entry), realDir);
    }
  };

  /** Something found in the directory `realParent`. */
  const found = (full: string, kind: PathKind, realParent: string): void => {
    const isSource = isCheckedFile(full);
    if (kind.kind === 'directory') {
      const loops = realParent === kind.realPath || realParent.startsWith(kind.realPath + path.sep);
      if (loops) skip(full, `symlink loop (to ${readLink(full) ?? kind.realPath})`);
      else walk(full, kind.realPath);
    } else if (kind.kind === 'file') {
      if (isSource) take(full, kind.realPath);
    } else if (kind.kind === 'special' || kind.broken) {
      if (isSource) skip(full, kind.problem);
    } else {
      fail(full, kind.problem);
    }
  };

  for (const p of paths) {
    if (options.forceExclude && excluded(p)) continue;
    const kind = classifyPath(p);
    if (kind.kind === 'directory') walk(p, kind.realPath);
    else if (kind.kind === 'file') take(p, kind.realPath);
    else fail(p, kind.problem);
  }
  // Walking a linked directory may find more links: the list grows as it is read.
  for (let i = 0; i < links.length; i++) found(links[i].link, classifyPath(links[i].link), links[i].realParent);
  return result;
}

export interface DecodedSource {
  text: string;
  encoding: string;
  bom: boolean;
}

const LATIN1 = ['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1'];
const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** Decodes Python source as the interpreter would: BOM, then a coding cookie on line 1 or 2, else UTF-8. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const head = Buffer.from(body.subarray(0, 400)).toString('latin1').split('\n').slice(0, 2);
  let encoding = 'utf-8';
  for (const line of head) {
    const m = COOKIE.exec(line);
    if (m) {
      encoding = m[1].toLowerCase().replace(/_/g, '-');
      break;
    }
    if (!/^[ \t\f]*(#.*)?\r?$/.test(line)) break;
  }
  if (encoding === 'utf8' || encoding.startsWith('utf-8')) encoding = 'utf-8';
  // Python's latin-1 is ISO-8859-1 proper; WHATWG's TextDecoder would give windows-1252 instead.
  if (LATIN1.includes(encoding)) return { text: Buffer.from(body).toString('latin1'), encoding: 'latin-1', bom };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new Error(`unknown source encoding '${encoding}'`);
  }
  try {
    return { text: decoder.decode(body), encoding, bom };
  } catch {
    throw new Error(`not valid ${encoding}`);
  }
}

/** Encodes fixed text back the way it was read; null when Node cannot write that encoding. */
export function encodeSource(source: DecodedSource, text: string): Buffer | null {
  let body: Buffer;
  if (source.encoding === 'utf-8') body = Buffer.from(text, 'utf8');
  else if (source.encoding === 'latin-1' && !/[^\u0000-\u00ff]/.test(text)) body = Buffer.from(text, 'latin1');
  else if (source.encoding === 'ascii' && !/[^\u0000-\u007f]/.test(text)) body = Buffer.from(text, 'latin1');
  else return null;
  return source.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
