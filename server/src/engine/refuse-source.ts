// Texts the engine does not parse or analyse. Python refuses a source with a NUL
// character ("source code cannot contain null bytes"): that is reported as one
// diagnostic at the first NUL. A text that is mostly not text at all (a binary file
// opened by mistake, or bytes decoded as U+FFFD) is not reported on: parsing a
// megabyte of it takes seconds and hundreds of megabytes, and no finding would help.
import { offsetToPosition } from './source';
import type { Diagnostic } from './types';

/** How much of the text's start is sampled for control characters. */
const SAMPLE_CHARS = 8192;
/** More than this share of control or replacement characters in the sample: not text. */
const MAX_NON_TEXT_SHARE = 0.3;

export type SourceRefusal =
  | { kind: 'null-byte'; diagnostic: Diagnostic }
  | { kind: 'not-text'; message: string };

/** Why `text` must not be parsed or analysed; null when it may be. */
export function refuseSource(text: string): SourceRefusal | null {
  const sample = Math.min(text.length, SAMPLE_CHARS);
  let nonText = 0;
  for (let i = 0; i < sample; i++) if (isNonText(text.charCodeAt(i))) nonText++;
  if (nonText > sample * MAX_NON_TEXT_SHARE) {
    const percent = Math.round((100 * nonText) / sample);
    return { kind: 'not-text', message: `mostly not text (${percent}% of the first ${sample} characters are control or replacement characters)` };
  }
  const nul = text.indexOf('\0');
  if (nul < 0) return null;
  const start = offsetToPosition(text, nul);
  return {
    kind: 'null-byte',
    diagnostic: {
      code: '',
      name: 'null-byte',
      severity: 'error',
      message: 'Python refuses this file: source code cannot contain null bytes (here is the first one); nothing else is checked',
      range: { start, end: { line: start.line, character: start.character + 1 } },
      fix: null,
    },
  };
}

/** C0 controls other than tab, line feed, form feed and carriage return; DEL; U+FFFD. */
function isNonText(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0x7f || code === 0xfffd;
}
