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

/** Where a file is, as the patterns look at it: worked out once per file, not once per pattern. */
interface Place {
  /** The absolute path with `/` separators. */
  file: string;
  /** The path relative to the project root split at `/`, or just the file's name when it lies outside the root. */
  names: string[];
  inside: boolean;
}

function placeOf(root: string, file: string): Place {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  return { file: file.split(path.sep).join('/'), names: inside ? relative.split('/') : [path.basename(file)], inside };
}

/** A pattern as written in the settings, read once: without `./` or a trailing `/`, and its matcher. */
interface Pattern {
  matcher: Matcher;
  /** Matched against each name of the path (no `/` in it), else against the whole path. */
  byName: boolean;
  absolute: boolean;
}

const patterns = new Map<string, Pattern>();

function patternOf(written: string): Pattern {
  let pattern = patterns.get(written);
  if (!pattern) {
    const cleaned = written.replace(/^\.\//, '').replace(/\/+$/, '');
    pattern = { matcher: globMatcher(cleaned), byName: !cleaned.includes('/'), absolute: path.isAbsolute(cleaned) };
    patterns.set(written, pattern);
  }
  return pattern;
}

/** Whether the pattern matches the file at `place`. */
function matchesAt(written: string, place: Place): boolean {
  const { matcher, byName, absolute } = patternOf(written);
  if (byName) return place.names.some((name) => matcher(name));
  if (absolute) return matcher(place.file);
  // A folder pattern (`src/gen`) covers what is inside it too.
  return place.inside && place.names.some((_, i, parts) => matcher(parts.slice(0, i + 1).join('/')));
}

/** Whether `exclude` or `extendExclude` names `file` (absolute) or a folder above it within `root`. */
export function isExcluded(settings: Settings, root: string, file: string): boolean {
  const place = placeOf(root, file);
  return settings.exclude.some((pattern) => matchesAt(pattern, place)) || settings.extendExclude.some((pattern) => matchesAt(pattern, place));
}

/** `settings` with the codes `perFileIgnores` names for `file` (absolute) added to `extendIgnore`. */
export function settingsForFile(settings: Settings, root: string, file: string): Settings {
  const codes: string[] = [];
  let place: Place | undefined;
  for (const [pattern, ignored] of Object.entries(settings.perFileIgnores)) {
    const negated = pattern.startsWith('!');
    place ??= placeOf(root, file);
    if (matchesAt(negated ? pattern.slice(1) : pattern, place) !== negated) codes.push(...ignored);
  }
  return codes.length ? { ...settings, extendIgnore: [...settings.extendIgnore, ...codes] } : settings;
}
