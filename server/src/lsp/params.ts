// The protocol types a request's params, but nothing checks what a client actually sends.
// Handlers check the shapes they rely on and answer a malformed request with InvalidParams,
// rather than failing inside the engine and logging an internal error for a client's mistake.
import { ErrorCodes, ResponseError, type Position, type Range } from './vscode-languageserver';

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isPosition(value: unknown): value is Position {
  const p = value as Partial<Position> | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

/** `params.textDocument.uri`, or InvalidParams. */
export function documentUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw invalid('textDocument.uri must be a string');
  return uri;
}

export function checkPosition(value: unknown, name: string): Position {
  if (!isPosition(value)) throw invalid(`${name} must be { line, character } with integer values`);
  return value;
}

export function checkRange(value: unknown, name: string): Range {
  const range = value as Partial<Range> | null;
  if (typeof range !== 'object' || range === null) throw invalid(`${name} must be { start, end }`);
  return { start: checkPosition(range.start, `${name}.start`), end: checkPosition(range.end, `${name}.end`) };
}

/** `context.only` of a code action request: absent, or a list of kinds. */
export function checkOnly(context: unknown): string[] | undefined {
  if (typeof context !== 'object' || context === null) throw invalid('context must be an object');
  const only = (context as { only?: unknown }).only;
  if (only === undefined || only === null) return undefined;
  if (!Array.isArray(only) || !only.every((kind) => typeof kind === 'string')) throw invalid('context.only must be a list of kinds');
  return only;
}
