// The one schema for `pythonic.*` settings. The server reads them per document,
// the CLI builds them from flags, and package.json's `contributes.configuration`
// is checked against these defaults by a test.
import { z } from 'zod';
import type { FixSafety, Severity } from './types';

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const satisfies readonly Severity[];
export const TARGET_VERSIONS = ['py37', 'py38', 'py39', 'py310', 'py311', 'py312', 'py313'] as const;
export type TargetVersion = (typeof TARGET_VERSIONS)[number];

/** Folders no one wants checked: version control, caches, virtualenvs, build output (Ruff skips the same). */
export const DEFAULT_EXCLUDE = [
  '.bzr', '.direnv', '.eggs', '.git', '.hg', '.mypy_cache', '.nox', '.pytype', '.pythonic_cache', '.ruff_cache', '.svn',
  '.tox', '.venv', '__pycache__', '__pypackages__', '_build', 'buck-out', 'node_modules', 'site-packages', 'venv',
] as const;

export const settingsSchema = z.object({
  /** Turn all checks off for a resource without uninstalling the extension. */
  enable: z.boolean().catch(true).default(true),
  /**
   * Rule codes or code prefixes to run (`PP4`, `PP401`); `PP` means every rule of the
   * default selection, `ALL` every rule. An opt-in rule runs only when named by its full code or by `ALL`.
   */
  select: z.array(z.string()).catch(['PP']).default(['PP']),
  /** Rule codes or prefixes to skip; wins over `select`, like Ruff. */
  ignore: z.array(z.string()).catch([]).default([]),
  /** Per-code severity overrides, e.g. `{ "PP401": "error" }`. */
  severity: z.record(z.string(), z.enum(SEVERITIES)).catch({}).default({}),
  /** Oldest Python the code must run on; decides e.g. `T | None` versus `Optional[T]` in fixes. */
  targetVersion: z.enum(TARGET_VERSIONS).catch('py310').default('py310'),
  /** More codes or prefixes to run, on top of `select` (so a project can add rules without restating the selection). */
  extendSelect: z.array(z.string()).catch([]).default([]),
  /** More codes or prefixes to skip, on top of `ignore`. */
  extendIgnore: z.array(z.string()).catch([]).default([]),
  /**
   * Glob -> codes or prefixes to skip in the files it matches, e.g. `{ "tests/**": ["PP401"] }`.
   * Globs are relative to the project root (see file-settings.ts); the engine never reads this.
   */
  perFileIgnores: z.record(z.string(), z.array(z.string())).catch({}).default({}),
  /** Globs of files and folders not to check (see file-settings.ts); setting it replaces the default list, like Ruff. */
  exclude: z.array(z.string()).catch([...DEFAULT_EXCLUDE]).default([...DEFAULT_EXCLUDE]),
  /** More globs not to check, on top of `exclude`. */
  extendExclude: z.array(z.string()).catch([]).default([]),
  /** Codes or prefixes whose unsafe fixes count as safe: fix-all and `--fix` apply them. */
  extendSafeFixes: z.array(z.string()).catch([]).default([]),
  /** Codes or prefixes whose safe fixes count as unsafe; wins over `extendSafeFixes`. */
  extendUnsafeFixes: z.array(z.string()).catch([]).default([]),
  /** Codes or prefixes that fix-all and `--fix` never fix; the editor still offers each one's quick-fix. */
  unfixable: z.array(z.string()).catch([]).default([]),
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
