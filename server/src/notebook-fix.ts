// Analysing and fixing a notebook's code cells as one module (notebook-source.ts),
// for `pythonic check` on .ipynb files and the server's fix-all in a notebook.
import { analyze, applyEdits, fixesToApply, MAX_FIX_PASSES, parsePython, type Diagnostic, type RuleError, type Settings } from './engine';
import { diagnosticsByCell, notebookSource } from './notebook-source';
import type { Parser } from './parser';

export interface NotebookInput {
  parser: Parser;
  /** The code cells' text, in order. */
  cells: readonly string[];
  settings: Settings;
  path?: string;
  onRuleError?: (error: RuleError) => void;
  timing?: Map<string, number>;
}

/** Each cell's diagnostics, with cell ranges; null when the parser gave up. */
export function analyzeNotebook({ parser, cells, ...rest }: NotebookInput): Diagnostic[][] | null {
  const source = notebookSource(cells);
  const tree = parsePython(parser, source.text);
  if (!tree) return null;
  try {
    return diagnosticsByCell(source, analyze({ tree, text: source.text, ...rest }).diagnostics);
  } finally {
    tree.delete();
  }
}

/**
 * The cells with every applicable fix applied, pass after pass like the engine's `fixAll`,
 * and the rule code of each fix applied; each fix changes one cell only (a fix that would
 * reach into another is not offered).
 */
export function fixNotebook(input: NotebookInput & { unsafe: boolean }): { cells: string[]; codes: string[] } {
  const cells = [...input.cells];
  const codes: string[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const byCell = analyzeNotebook({ ...input, cells });
    if (!byCell) break;
    const before = codes.length;
    byCell.forEach((diagnostics, i) => {
      const fixes = fixesToApply(diagnostics, cells[i], input.settings, input.unsafe);
      if (fixes.length === 0) return;
      cells[i] = applyEdits(cells[i], fixes.flatMap((f) => f.edits));
      for (const fix of fixes) codes.push(diagnostics.find((d) => d.fix === fix)?.code ?? '');
    });
    if (codes.length === before) break;
  }
  return { cells, codes };
}
