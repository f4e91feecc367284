// Adding a code to `[tool.pythonic.per-file-ignores]` by editing the text of a
// pyproject.toml, so everything else in the file (comments, order, spacing) stays byte
// for byte: the "Ignore PPxxx in this file" code action. Re-serializing the TOML would
// lose the comments.
import { parse } from 'smol-toml';
import { escapeRegExp, tableHeader } from './config-file';

const TABLE = 'tool.pythonic.per-file-ignores';

/**
 * The text with `code` added to the list of `glob` in `[tool.pythonic.per-file-ignores]`
 * (the table and the entry made when missing), or null when the file already ignores it,
 * is not TOML, or is laid out in a way this cannot edit safely (an inline table, a list
 * over several lines). The result is checked by parsing it.
 */
export function addPerFileIgnore(text: string, glob: string, code: string): string | null {
  let before: unknown;
  try {
    before = parse(text);
  } catch {
    return null;
  }
  if (ignoredCodes(before, glob)?.includes(code)) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const entry = `${tomlString(glob)} = [${tomlString(code)}]`;
  const table = tableSpan(lines, TABLE);
  let edited: string[];
  if (table) {
    const keyPattern = new RegExp(`^\\s*(?:${[tomlString(glob), `'${glob}'`].map(escapeRegExp).join('|')})\\s*=\\s*\\[(.*)\\]\\s*(#.*)?$`);
    const existing = lines.slice(table.start + 1, table.end).findIndex((l) => keyPattern.test(l));
    if (existing >= 0) {
      const at = table.start + 1 + existing;
      const line = lines[at];
      const close = line.lastIndexOf(']', line.includes('#') ? line.indexOf('#', line.indexOf('=')) : line.length);
      const inside = line.slice(line.indexOf('[', line.indexOf('=')) + 1, close).trim().replace(/,$/, '');
      const added = inside === '' ? tomlString(code) : `, ${tomlString(code)}`;
      const trimmedEnd = line.slice(0, close).trimEnd().replace(/,$/, '');
      edited = [...lines.slice(0, at), trimmedEnd + added + line.slice(close), ...lines.slice(at + 1)];
    } else {
      edited = insertAfterBody(lines, table, [entry]);
    }
  } else {
    const pythonic = tableSpan(lines, 'tool.pythonic');
    const block = [`[${TABLE}]`, entry];
    if (pythonic) {
      edited = insertAfterBody(lines, pythonic, ['', ...block]);
    } else {
      const body = text === '' ? [] : lines.at(-1) === '' ? lines.slice(0, -1) : lines;
      edited = [...body, ...(body.length ? [''] : []), ...block, ''];
    }
  }
  const result = edited.join(eol);
  try {
    return ignoredCodes(parse(result), glob)?.includes(code) ? result : null;
  } catch {
    return null;
  }
}

function ignoredCodes(document: unknown, glob: string): unknown[] | undefined {
  const table = (document as { tool?: { pythonic?: { 'per-file-ignores'?: Record<string, unknown> } } }).tool?.pythonic?.['per-file-ignores'];
  const codes = table?.[glob];
  return Array.isArray(codes) ? codes : undefined;
}

/** The line of the header `[name]` and the line of the next header (or the end). */
function tableSpan(lines: readonly string[], name: string): { start: number; end: number } | null {
  const start = lines.findIndex((line) => tableHeader(line) === name);
  if (start < 0) return null;
  const next = lines.findIndex((line, i) => i > start && /^\s*\[/.test(line));
  return { start, end: next < 0 ? lines.length : next };
}

/** `added` after the table's last line that is not blank (comments before the next header stay with it). */
function insertAfterBody(lines: readonly string[], { start, end }: { start: number; end: number }, added: readonly string[]): string[] {
  let last = start;
  for (let i = start + 1; i < end; i++) if (lines[i].trim() !== '' && !lines[i].trim().startsWith('#')) last = i;
  return [...lines.slice(0, last + 1), ...added, ...lines.slice(last + 1)];
}

function tomlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
