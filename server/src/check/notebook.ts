// One Jupyter notebook through `pythonic check`: its code cells analysed as one module
// (notebook-fix.ts), each diagnostic reported with its cell; `--fix` writes back only the
// `source` of the cells it changed.
import * as fs from 'node:fs';
import { parseIpynb, updateIpynb } from '../ipynb';
import { analyzeNotebook, fixNotebook } from '../notebook-fix';
import type { Parser } from '../parser';
// Only the type: the class and node:crypto load with `check`'s own modules, not with the language server.
import type { ResultCache } from './cache';
import { analysisRun, withoutUnfixable, type CheckedDiagnostic, type CheckOptions, type FileResult, type Source, type Timing } from './file';

export function checkNotebook(file: string, { bytes, decoded }: Source, parser: Parser, { settings, fix, unsafe, write }: CheckOptions, cache: ResultCache | null, timing?: Timing): FileResult {
  const json = decoded.text;
  let notebook;
  try {
    notebook = parseIpynb(json);
  } catch (error) {
    return { diagnostics: null, fixed: 0, fixedCodes: [], err: [`pythonic: ${file}: ${(error as Error).message}\n`] };
  }
  if (notebook.otherLanguage) return { diagnostics: [], fixed: 0, fixedCodes: [], err: [`pythonic: ${file}: kernel language ${notebook.otherLanguage}, not Python; skipped\n`] };
  const err: string[] = [];
  let cells = notebook.cells.map((c) => c.text);
  let fixedCodes: string[] = [];
  let texts: FileResult['texts'];
  if (fix) {
    const started = timing ? performance.now() : 0;
    const result = fixNotebook({ parser, cells, settings, path: file, unsafe });
    if (timing) timing.fix += performance.now() - started;
    const changed = new Map(notebook.cells.flatMap((c, i) => (result.cells[i] === c.text ? [] : [[c.number, result.cells[i]] as const])));
    const after = changed.size > 0 ? updateIpynb(json, changed) : json;
    if (!write) {
      // Nothing is written, so the diagnostics of the fixed cells must not be cached under the file's bytes.
      cache = null;
      texts = { before: json, after };
    } else if (changed.size > 0) {
      bytes = Buffer.from(after, 'utf8');
      fs.writeFileSync(file, bytes);
    }
    cells = result.cells;
    fixedCodes = result.codes;
  }
  const fixed = fixedCodes.length;
  const run = analysisRun(file, err, timing);
  const byCell = analyzeNotebook({ parser, cells, settings, ...run.input });
  if (!byCell) {
    err.push(`pythonic: ${file}: the parser gave up on this notebook\n`);
    return { diagnostics: null, fixed, fixedCodes, texts, err };
  }
  run.done();
  const diagnostics: CheckedDiagnostic[] = withoutUnfixable(byCell.flatMap((list, i) => list.map((d) => ({ ...d, cell: notebook.cells[i].number }))), settings);
  if (cache && !run.ruleFailed()) cache.store(file, bytes, diagnostics);
  return { diagnostics, fixed, fixedCodes, texts, err };
}
