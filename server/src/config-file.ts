// `[tool.pythonic]` in the nearest pyproject.toml: project settings shared by the
// CLI and the editor, like `[tool.ruff]`, with Ruff's key names.
//
//   [tool.pythonic]
//   select = ["PP4"]
//   extend-select = ["PP404"]
//   ignore = ["PP401"]
//   target-version = "py39"
//   severity = { PP401 = "error" }
//
//   [tool.pythonic.per-file-ignores]
//   "tests/**" = ["PP401"]
//
// A file that is not TOML is a ConfigError naming its line; an unknown key or a value
// of the wrong type is a `ConfigProblem` with its line, and the value is left out
// (its default applies), so the caller decides how loud to be.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { parse, TomlError } from 'smol-toml';
import { parseSettings, type Settings } from './engine';
import { TARGET_VERSIONS } from './engine/settings';

export interface ConfigProblem {
  /** 1-based line of the key in the file. */
  line: number;
  /** What is wrong, naming the key; without the file name. */
  message: string;
}

export interface ProjectConfig {
  /** The pyproject.toml the values came from. */
  file: string;
  /** Its folder, against which the globs of `exclude` and `per-file-ignores` are matched. */
  root: string;
  /** Raw values under the engine's setting names, for `parseSettings`; bad values are left out. */
  values: Record<string, unknown>;
  /** Unknown keys and values of the wrong type. */
  problems: ConfigProblem[];
}

const CODES = 'a list of rule codes or prefixes, e.g. ["PP4", "PP401"]';
const GLOBS = 'a list of globs, e.g. ["build", "src/generated/*.py"]';

/** Each `[tool.pythonic]` key: the setting it fills and, for messages, what it takes. */
export const CONFIG_KEYS: Record<string, { setting: keyof Settings; takes: string }> = {
  enable: { setting: 'enable', takes: 'true or false' },
  select: { setting: 'select', takes: CODES },
  'extend-select': { setting: 'extendSelect', takes: CODES },
  ignore: { setting: 'ignore', takes: CODES },
  'extend-ignore': { setting: 'extendIgnore', takes: CODES },
  'per-file-ignores': { setting: 'perFileIgnores', takes: 'a table of globs to lists of codes, e.g. { "tests/**" = ["PP401"] }' },
  exclude: { setting: 'exclude', takes: GLOBS },
  'extend-exclude': { setting: 'extendExclude', takes: GLOBS },
  'extend-safe-fixes': { setting: 'extendSafeFixes', takes: CODES },
  'extend-unsafe-fixes': { setting: 'extendUnsafeFixes', takes: CODES },
  unfixable: { setting: 'unfixable', takes: CODES },
  severity: { setting: 'severity', takes: 'a table of codes to "error", "warning", "information" or "hint"' },
  'target-version': { setting: 'targetVersion', takes: `one of ${TARGET_VERSIONS.map((v) => `"${v}"`).join(', ')}` },
};

export class ConfigError extends Error {
  constructor(
    /** The pyproject.toml that cannot be read. */
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export function findPyproject(startDir: string): string | null {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'pyproject.toml');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Null when there is no pyproject.toml or it has no `[tool.pythonic]` table; ConfigError when it is not TOML. */
export function loadProjectConfig(startDir: string): ProjectConfig | null {
  const file = findPyproject(startDir);
  if (!file) return null;
  const text = fs.readFileSync(file, 'utf8');
  let document: Record<string, unknown>;
  try {
    document = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const what = error.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new ConfigError(file, `${file}:${error.line}:${error.column}: not valid TOML: ${what}`);
  }
  const table = (document.tool as Record<string, unknown> | undefined)?.pythonic;
  if (!table || typeof table !== 'object') return null;
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(table)) {
    const line = keyLine(text, key);
    const known = CONFIG_KEYS[key];
    if (!known) {
      problems.push({ line, message: `unknown key '${key}' in [tool.pythonic]${didYouMean(key)}` });
      continue;
    }
    if (JSON.stringify(parseSettings({ [known.setting]: value })[known.setting]) !== JSON.stringify(value)) {
      problems.push({ line, message: `'${key}' in [tool.pythonic] takes ${known.takes}, not ${JSON.stringify(value)}` });
      continue;
    }
    values[known.setting] = value;
  }
  return { file, root: path.dirname(file), values, problems };
}

function didYouMean(key: string): string {
  const near = closest(key, Object.keys(CONFIG_KEYS));
  return distance(key, near) <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean '${near}'?` : '';
}

/**
 * The 1-based line where `key` of `[tool.pythonic]` is set: `key = ...` inside the table,
 * `[tool.pythonic.key]`, or `pythonic.key = ...` under `[tool]`; else the table's header.
 */
function keyLine(text: string, key: string): number {
  const lines = text.split(/\r?\n/);
  const name = `(?:${escapeRegExp(key)}|"${escapeRegExp(key)}"|'${escapeRegExp(key)}')`;
  const assigns = (prefix: string) => new RegExp(`^\\s*${prefix}${name}\\s*=`);
  let table = '';
  let tableLine = 1;
  for (const [index, line] of lines.entries()) {
    const opened = tableHeader(line);
    if (opened !== null) {
      table = opened;
      if (table === `tool.pythonic.${key}`) return index + 1;
      if (table === 'tool.pythonic') tableLine = index + 1;
      continue;
    }
    if ((table === 'tool.pythonic' && assigns('').test(line)) || (table === 'tool' && assigns('pythonic\\s*\\.\\s*').test(line))) return index + 1;
  }
  return tableLine;
}

/** The name of the table a `[header]` line opens, dotted without spaces or quotes (`tool.pythonic`); null for other lines. */
export function tableHeader(line: string): string | null {
  const header = /^\s*\[\s*([^[\]]*?)\s*\](?!\])/.exec(line);
  return header ? header[1].replace(/\s*\.\s*/g, '.').replace(/["']/g, '') : null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
