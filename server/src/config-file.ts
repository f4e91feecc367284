// `[tool.pythonic]` in the nearest pyproject.toml: project settings shared by the
// CLI and the editor, like `[tool.ruff]`.
//
//   [tool.pythonic]
//   select = ["PP4"]
//   ignore = ["PP401"]
//   target-version = "py39"
//   severity = { PP401 = "error" }
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'smol-toml';

export interface ProjectConfig {
  /** The pyproject.toml the values came from. */
  file: string;
  /** Raw values under the engine's setting names, for `parseSettings`. */
  values: Record<string, unknown>;
  /** Keys under `[tool.pythonic]` that mean nothing to us (typos), for a warning. */
  unknownKeys: string[];
}

const KEYS: Record<string, string> = {
  enable: 'enable',
  select: 'select',
  ignore: 'ignore',
  severity: 'severity',
  'target-version': 'targetVersion',
  targetVersion: 'targetVersion',
};

export class ConfigError extends Error {}

export function findPyproject(startDir: string): string | null {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'pyproject.toml');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Null when there is no pyproject.toml or it has no `[tool.pythonic]` table; ConfigError when it cannot be read. */
export function loadProjectConfig(startDir: string): ProjectConfig | null {
  const file = findPyproject(startDir);
  if (!file) return null;
  let document: Record<string, unknown>;
  try {
    document = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const table = (document.tool as Record<string, unknown> | undefined)?.pythonic;
  if (!table || typeof table !== 'object') return null;
  const values: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (KEYS[key]) values[KEYS[key]] = value;
    else unknownKeys.push(key);
  }
  return { file, values, unknownKeys };
}
