// Finding and reading Python files for the CLI: directory walks that skip what
// Ruff skips, and source decoding that honours BOMs and PEP 263 coding cookies.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDecoder } from 'node:util';

const SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', '.bzr', '.direnv', '.eggs', '.mypy_cache', '.nox', '.pytype', '.pythonic_cache', '.ruff_cache',
  '.tox', '.venv', 'venv', '__pycache__', '__pypackages__', '_build', 'buck-out', 'node_modules',
]);

export class UsageError extends Error {}

/** Files to check, sorted: explicit files as given, `*.py` found below directories. */
export function collectPythonFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new UsageError(`cannot read directory ${dir}: ${(error as Error).message}`);
    }
    // A virtualenv under any name announces itself with pyvenv.cfg.
    if (entries.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        found.push(full);
      }
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (stat.isDirectory()) walk(p);
    else found.push(p);
  }
  return found;
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
