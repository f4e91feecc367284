// The settings of a `pythonic check` run: `[tool.pythonic]` from the nearest
// pyproject.toml above the working directory, under the flags that set the same keys
// (a flag replaces that key's value from the file). A broken file, an unknown key, a
// value of the wrong type or a code that names no rule stops the run (exit 2).
import * as path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { parseSettings, RULES, type Settings } from '../engine';
import { TARGET_VERSIONS } from '../engine/settings';
import { CONFIG_KEYS, loadProjectConfig } from '../config-file';
import { isExcluded } from '../file-settings';
import { UsageError } from '../files';

/** `parseArgs` options for the settings flags; each flag is spelt like its pyproject.toml key. */
export const SETTINGS_FLAGS = {
  select: { type: 'string' },
  'extend-select': { type: 'string' },
  ignore: { type: 'string' },
  'extend-ignore': { type: 'string' },
  'per-file-ignores': { type: 'string', multiple: true },
  exclude: { type: 'string' },
  'extend-exclude': { type: 'string' },
  'force-exclude': { type: 'boolean', default: false },
  'extend-safe-fixes': { type: 'string' },
  'extend-unsafe-fixes': { type: 'string' },
  unfixable: { type: 'string' },
  'target-version': { type: 'string' },
} as const;

/** Keys whose values are lists of rule codes, checked against the registry. */
const CODE_KEYS = ['select', 'extend-select', 'ignore', 'extend-ignore', 'extend-safe-fixes', 'extend-unsafe-fixes', 'unfixable'];
const GLOB_KEYS = ['exclude', 'extend-exclude'];

export interface RunSettings {
  settings: Settings;
  /** Where `exclude` and `per-file-ignores` globs are rooted: the pyproject.toml's folder, else the working directory. */
  root: string;
  /** Whether `exclude` / `extend-exclude` names a path (relative to the working directory, or absolute). */
  excluded: (p: string) => boolean;
  forceExclude: boolean;
}

type FlagValues = Partial<Record<keyof typeof SETTINGS_FLAGS, string | boolean | string[]>>;

export function runSettings(flags: FlagValues, cwd = process.cwd()): RunSettings {
  const fromFlags: Record<string, unknown> = {};
  for (const key of CODE_KEYS) {
    const value = flags[key as keyof FlagValues];
    if (typeof value === 'string') fromFlags[CONFIG_KEYS[key].setting] = codeList(value.split(','), `--${key}: '${value}'`, `--${key}`);
  }
  for (const key of GLOB_KEYS) {
    const value = flags[key as keyof FlagValues];
    if (typeof value === 'string') fromFlags[CONFIG_KEYS[key].setting] = value.split(',').map((g) => g.trim()).filter(Boolean);
  }
  const perFile = flags['per-file-ignores'];
  if (Array.isArray(perFile)) fromFlags.perFileIgnores = perFileIgnores(perFile);
  const target = flags['target-version'];
  if (typeof target === 'string') {
    if (!(TARGET_VERSIONS as readonly string[]).includes(target)) throw new UsageError(`--target-version must be one of ${TARGET_VERSIONS.join(', ')}`);
    fromFlags.targetVersion = target;
  }

  let project;
  try {
    project = loadProjectConfig(cwd);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (project?.problems.length) {
    throw new UsageError(project.problems.map((p) => `${project.file}:${p.line}: ${p.message}`).join('\npythonic: '));
  }
  for (const key of CODE_KEYS) {
    const codes = project?.values[CONFIG_KEYS[key].setting];
    const where = `${project?.file}: [tool.pythonic] ${key}`;
    // `ignore = []` is the default; only an empty `select` would turn every rule off.
    if (Array.isArray(codes) && (key === 'select' || codes.length > 0)) codeList(codes, `${where} = ${JSON.stringify(codes)}`, where);
  }
  for (const [glob, codes] of Object.entries((project?.values.perFileIgnores ?? {}) as Record<string, string[]>)) {
    const where = `${project?.file}: [tool.pythonic.per-file-ignores] "${glob}"`;
    if (codes.length > 0) codeList(codes, `${where} = ${JSON.stringify(codes)}`, where);
  }
  const settings = parseSettings({ ...project?.values, ...fromFlags });
  const root = project?.root ?? path.resolve(cwd);
  return { settings, root, excluded: (p) => isExcluded(settings, root, path.resolve(cwd, p)), forceExclude: flags['force-exclude'] === true };
}

/** `--per-file-ignores GLOB:CODES` (repeatable) as the table `per-file-ignores` holds. */
function perFileIgnores(pairs: readonly string[]): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const pair of pairs) {
    const colon = pair.lastIndexOf(':');
    if (colon <= 0) throw new UsageError(`--per-file-ignores takes GLOB:CODES, e.g. 'tests/*:PP401,PP402', not '${pair}'`);
    const codes = pair.slice(colon + 1);
    table[pair.slice(0, colon)] = codeList(codes.split(','), `--per-file-ignores: '${pair}'`, '--per-file-ignores');
  }
  return table;
}

const RULE_GROUPS = [...new Set(RULES.map((r) => r.meta.code.slice(0, 3)))];
const CODES_HINT = `use rule codes such as PP401, groups ${RULE_GROUPS[0]} to ${RULE_GROUPS.at(-1)}, or ALL`;

/**
 * The codes, upper-cased; a UsageError unless every code selects at least one rule: an
 * empty list or code (`--select ''`) would silently turn rules off. `value` names the
 * whole list, `where` the flag or setting.
 */
function codeList(codes: readonly string[], value: string, where: string): string[] {
  if (codes.every((c) => c.trim() === '')) throw new UsageError(`${value} is empty; ${CODES_HINT}`);
  if (codes.some((c) => c.trim() === '')) throw new UsageError(`${value} has an empty code; ${CODES_HINT}`);
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    if (code === 'ALL' || RULES.some((r) => r.meta.code.startsWith(code))) continue;
    const near = nearestCodes(code);
    throw new UsageError(`${where}: '${raw.trim()}' matches no rule; ${near.length ? `did you mean ${near.join(', ')}?` : CODES_HINT}`);
  }
  return codes.map((c) => c.trim().toUpperCase());
}

/** The codes, groups and ALL closest to an unknown code, within one edit per three characters. */
function nearestCodes(code: string): string[] {
  const candidates = [...RULES.map((r) => r.meta.code), ...RULE_GROUPS, 'ALL'].map((name) => ({ name, cost: distance(code, name) }));
  const best = Math.min(...candidates.map((c) => c.cost));
  if (best > Math.max(1, Math.floor(code.length / 3))) return [];
  return candidates
    .filter((c) => c.cost === best)
    .map((c) => c.name)
    .sort()
    .slice(0, 3);
}
