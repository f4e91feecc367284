// Reading and writing Jupyter notebook files (nbformat 4 JSON) for the CLI. Only the
// code cells' `source` is ever changed; the rest of the file is written back as it was
// read: key order, outputs, metadata, and the indentation the file used.

export interface IpynbCodeCell {
  /** 1-based position among all the notebook's cells (markdown and raw ones count too). */
  number: number;
  text: string;
}

export interface Ipynb {
  /** Code cells, in order. Empty for a notebook whose kernel language is not Python. */
  cells: IpynbCodeCell[];
  /** The kernel language when it is not Python (the notebook is not checked). */
  otherLanguage: string | null;
}

interface CellJson {
  cell_type?: unknown;
  source?: unknown;
}

interface NotebookJson {
  cells?: unknown;
  metadata?: { language_info?: { name?: unknown }; kernelspec?: { language?: unknown } };
}

/** Reads a notebook; throws an Error saying what is wrong with a file that is not one. */
export function parseIpynb(json: string): Ipynb {
  const notebook = parseNotebookJson(json);
  const language = notebook.metadata?.language_info?.name ?? notebook.metadata?.kernelspec?.language;
  const otherLanguage = typeof language === 'string' && language.toLowerCase() !== 'python' ? language : null;
  const cells: IpynbCodeCell[] = [];
  (notebook.cells as CellJson[]).forEach((cell, i) => {
    if (cell?.cell_type === 'code' && !otherLanguage) cells.push({ number: i + 1, text: sourceText(cell, i + 1) });
  });
  return { cells, otherLanguage };
}

/** The notebook with the code cells numbered in `changed` given new text, formatted as `json` was. */
export function updateIpynb(json: string, changed: ReadonlyMap<number, string>): string {
  const notebook = parseNotebookJson(json);
  const cells = notebook.cells as CellJson[];
  for (const [number, text] of changed) {
    const cell = cells[number - 1];
    cell.source = Array.isArray(cell.source) ? text.split(/(?<=\n)/) : text;
  }
  const indent = /^[{[]\r?\n([ \t]+)/.exec(json)?.[1];
  const newline = json.includes('\r\n') ? '\r\n' : '\n';
  let written = JSON.stringify(notebook, null, indent);
  if (newline !== '\n') written = written.replace(/\n/g, newline);
  return /\r?\n$/.test(json) ? written + newline : written;
}

function parseNotebookJson(json: string): NotebookJson {
  let notebook: unknown;
  try {
    notebook = JSON.parse(json);
  } catch (error) {
    throw new Error(`not a valid notebook: ${(error as Error).message}`);
  }
  if (typeof notebook !== 'object' || notebook === null || !Array.isArray((notebook as NotebookJson).cells)) {
    throw new Error('not a valid notebook: no "cells" list (only nbformat 4 notebooks are read)');
  }
  return notebook as NotebookJson;
}

function sourceText(cell: CellJson, number: number): string {
  const { source } = cell;
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((line) => typeof line === 'string')) return source.join('');
  throw new Error(`not a valid notebook: cell ${number} has no text "source"`);
}
