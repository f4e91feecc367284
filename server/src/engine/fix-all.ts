// Fix-all: analyse, apply every compatible fix, and repeat until nothing is left.
// Kept apart from fixes.ts, which rules import, so that rules -> fixes -> analyze
// -> rules is no import cycle.
import type { Parser } from '../parser';
import { analyze } from './analyze';
import { applyEdits, compatibleFixes } from './fixes';
import { parsePython } from './source';
import { isFixable, type Settings } from './settings';
import type { Diagnostic, Fix } from './types';

export interface FixAllInput {
  parser: Parser;
  text: string;
  settings: Settings;
  path?: string;
  /** Also apply fixes marked unsafe (`--unsafe-fixes`). */
  unsafe: boolean;
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** The rule code of each applied fix, in the order applied (`--show-fixes`). */
  codes: string[];
}

export const MAX_FIX_PASSES = 10;

/**
 * The fixes one pass applies to `text` (a whole file, or one notebook cell): those that
 * `unfixable` leaves alone, that are safe (or any, with `unsafe`), and that do not overlap.
 */
export function fixesToApply(diagnostics: readonly Diagnostic[], text: string, settings: Settings, unsafe: boolean): Fix[] {
  return compatibleFixes(diagnostics.filter((d) => isFixable(d.code, settings)), text, unsafe);
}

/** Applies fixes pass after pass (a fix may make room for another) until nothing is left to apply. */
export function fixAll(input: FixAllInput): FixAllResult {
  let text = input.text;
  const codes: string[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const tree = parsePython(input.parser, text);
    if (!tree) break;
    try {
      const { diagnostics } = analyze({ tree, text, settings: input.settings, path: input.path });
      const fixes = fixesToApply(diagnostics, text, input.settings, input.unsafe);
      if (fixes.length === 0) break;
      text = applyEdits(text, fixes.flatMap((f) => f.edits));
      for (const fix of fixes) codes.push(diagnostics.find((d) => d.fix === fix)?.code ?? '');
    } finally {
      tree.delete();
    }
  }
  return { text, applied: codes.length, codes };
}
