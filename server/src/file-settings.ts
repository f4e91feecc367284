// The settings that depend on where a file is: `exclude` / `extend-exclude` and
// `per-file-ignores`. Shared by the CLI (walking directories, checking each file) and
// the language server (each open document).
//
// Globs follow Ruff's reading: a pattern without `/` is matched against the name of
// the file and of every folder above it inside the project (`tests`, `*_pb2.py`); a
// pattern with `/` against the path relative to the project root (`src/gen/*.py`,
// `tests/**`), or, when absolute, against the absolute path. The project root is the
// folder of the pyproject.toml the settings came from (else the working directory, or
// the editor's workspace folder). A per-file-ignores pattern starting with `!` applies
// to the files it does NOT match.
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Settings } from './engine';

type Matcher = (file: string) => boolean;

const compiled = new Map<string, Matcher>();

/** What makes a pattern more than a literal name or path to picomatch (and `.`/`..` segments, which it reads specially). */
const GLOB_SYNTAX = /[*?[\]{}()!+@"\\]|(^|\/)\.\.?(\/|$)/;

/**
 * The matcher for one pattern (without `./` or a trailing `/`), made once. The default
 * excludes are plain names, and picomatch matches a plain name only to itself, so those
 * compare strings: compiling the 20 defaults took 7-9 ms of the server's first
 * diagnostics, on the way from spawn to the first published file.
 */
export function globMatcher(pattern: string): Matcher {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = GLOB_SYNTAX.test(pattern) ? picomatch(pattern, { dot: true }) : (candidate) => candidate === pattern;
    compiled.set(pattern, matcher);
  }
  return matcher;
}

/** Whether `pattern` matches `file` (absolute) under `root`. */
function globMatches(pattern: string, root: string, file: string): boolean {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  const cleaned = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  const matcher = globMatcher(cleaned);
  if (!cleaned.includes('/')) {
    const names = inside ? relative.split('/') : [path.basename(file)];
    return names.some((name) => matcher(name));
  }
  if (path.isAbsolute(cleaned)) return matcher(file.split(path.sep).join('/'));
  // A folder pattern (`src/gen`) covers what is inside it too.
  return inside && relative.split('/').some((_, i, parts) => matcher(parts.slice(0, i + 1).join('/')));
}

/** Whether `exclude` or `extendExclude` names `file` (absolute) or a folder above it within `root`. */
export function isExcluded(settings: Settings, root: string, file: string): boolean {
  return [...settings.exclude, ...settings.extendExclude].some((pattern) => globMatches(pattern, root, file));
}

/** `settings` with the codes `perFileIgnores` names for `file` (absolute) added to `extendIgnore`. */
export function settingsForFile(settings: Settings, root: string, file: string): Settings {
  const codes: string[] = [];
  for (const [pattern, ignored] of Object.entries(settings.perFileIgnores)) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, root, file) !== negated) codes.push(...ignored);
  }
  return codes.length ? { ...settings, extendIgnore: [...settings.extendIgnore, ...codes] } : settings;
}
