// The one schema for `pythonic.*` settings. The server reads them per document,
// the CLI builds them from flags, and package.json's `contributes.configuration`
// is checked against these defaults by a test.
// zod/mini: the same checks as `zod` without its method chains and error locales, which
// the server would otherwise load (and pay for) at every start.
import * as z from 'zod/mini';
import type { FixSafety, Severity } from './types';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const satisfies readonly Severity[];
export const TARGET_VERSIONS = ['py37', 'py38', 'py39', 'py310', 'py311', 'py312', 'py313'] as const;
export type TargetVersion = (typeof TARGET_VERSIONS)[number];

/** Folders no one wants checked: version control, caches, virtualenvs, build output (Ruff skips the same). */
export const DEFAULT_EXCLUDE = [
  '.bzr', '.direnv', '.eggs', '.git', '.hg', '.mypy_cache', '.nox', '.pytype', '.pythonic_cache', '.ruff_cache', '.svn',
  '.tox', '.venv', '__pycache__', '__pypackages__', '_build', 'buck-out', 'node_modules', 'site-packages', 'venv',
] as const;

/** `schema`, or `fallback` when the value is missing or unusable (a setting never fails to parse). */
function field<T extends z.ZodMiniType>(schema: T, fallback: z.output<T>) {
  return z._default(z.catch(schema, fallback as never), fallback as never);
}

export const settingsSchema = z.object({
  /** Turn all checks off for a resource without uninstalling the extension. */
  enable: field(z.boolean(), true),
  /**
   * Rule codes or code prefixes to run (`PP4`, `PP401`); `PP` means every rule of the
   * default selection, `ALL` every rule. An opt-in rule runs only when named by its full code or by `ALL`.
   */
  select: field(z.array(z.string()), ['PP']),
  /** Rule codes or prefixes to skip; wins over `select`, like Ruff. */
  ignore: field(z.array(z.string()), []),
  /** Per-code severity overrides, e.g. `{ "PP401": "error" }`. */
  severity: field(z.record(z.string(), z.enum(SEVERITIES)), {}),
  /** Oldest Python the code must run on; decides e.g. `T | None` versus `Optional[T]` in fixes. */
  targetVersion: field(z.enum(TARGET_VERSIONS), 'py310'),
  /** More codes or prefixes to run, on top of `select` (so a project can add rules without restating the selection). */
  extendSelect: field(z.array(z.string()), []),
  /** More codes or prefixes to skip, on top of `ignore`. */
  extendIgnore: field(z.array(z.string()), []),
  /**
   * Glob -> codes or prefixes to skip in the files it matches, e.g. `{ "tests/**": ["PP401"] }`.
   * Globs are relative to the project root (see file-settings.ts); the engine never reads this.
   */
  perFileIgnores: field(z.record(z.string(), z.array(z.string())), {}),
  /** Globs of files and folders not to check (see file-settings.ts); setting it replaces the default list, like Ruff. */
  exclude: field(z.array(z.string()), [...DEFAULT_EXCLUDE]),
  /** More globs not to check, on top of `exclude`. */
  extendExclude: field(z.array(z.string()), []),
  /** Codes or prefixes whose unsafe fixes count as safe: fix-all and `--fix` apply them. */
  extendSafeFixes: field(z.array(z.string()), []),
  /** Codes or prefixes whose safe fixes count as unsafe; wins over `extendSafeFixes`. */
  extendUnsafeFixes: field(z.array(z.string()), []),
  /** Codes or prefixes that fix-all and `--fix` never fix; the editor still offers each one's quick-fix. */
  unfixable: field(z.array(z.string()), []),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Never throws: an unusable field falls back to its default. */
export function parseSettings(raw: unknown): Settings {
  return settingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}

/** `py39` -> 9: the minor version of Python 3 the file targets. */
export function targetMinor(settings: Settings): number {
  return Number(settings.targetVersion.slice(3));
}

/** Whether a pattern names `code`: `ALL`, a prefix, or (`exact`) only `ALL` and the full code. */
function matchesAny(code: string, patterns: readonly string[], exact = false): boolean {
  return patterns.some((p) => {
    const pattern = p.trim().toUpperCase();
    return pattern === 'ALL' || (exact ? pattern === code : pattern.length > 0 && code.startsWith(pattern));
  });
}

/** `rule` is a rule's `meta` (its code, and whether it is opt-in). `ignore` wins over `select`. */
export function isRuleEnabled(rule: { code: string; optIn?: true }, settings: Settings): boolean {
  const selected = matchesAny(rule.code, settings.select, rule.optIn === true) || matchesAny(rule.code, settings.extendSelect, rule.optIn === true);
  return settings.enable && selected && !matchesAny(rule.code, settings.ignore) && !matchesAny(rule.code, settings.extendIgnore);
}

/** A fix's safety after `extendSafeFixes` and `extendUnsafeFixes` (unsafe wins when both name the code). */
export function fixSafetyFor(code: string, safety: FixSafety, settings: Settings): FixSafety {
  if (matchesAny(code, settings.extendUnsafeFixes)) return 'unsafe';
  return matchesAny(code, settings.extendSafeFixes) ? 'safe' : safety;
}

/** Whether fix-all and `--fix` may apply the fixes of rule `code` (`unfixable` says no). */
export function isFixable(code: string, settings: Settings): boolean {
  return !matchesAny(code, settings.unfixable);
}

/**
 * Editor settings over project settings (`[tool.pythonic]`), the way the Ruff
 * extension's default "editor first" works: an editor value left at its default
 * does not hide the project's value.
 */
export function mergeSettings(editor: Settings, project: Record<string, unknown> | undefined): Settings {
  if (!project) return editor;
  const fromProject = parseSettings(project);
  const merged: Record<string, unknown> = { ...editor };
  for (const key of Object.keys(project) as Array<keyof Settings>) {
    if (!(key in DEFAULT_SETTINGS)) continue;
    if (JSON.stringify(editor[key]) === JSON.stringify(DEFAULT_SETTINGS[key])) merged[key] = fromProject[key];
  }
  return merged as Settings;
}
