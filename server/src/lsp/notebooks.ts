// Notebook documents (LSP 3.17 notebook sync). A notebook's Python code cells are
// analysed as one module (notebook-source.ts): the notebook gets one PythonDocument,
// keyed by the notebook's URI, that the scheduler parses and analyses like any other;
// every cell change rebuilds its text. This module is where that document meets the
// cells the editor knows: publishing splits its diagnostics per cell URI, and requests
// about a cell (hover, code actions) see it through a `DocumentView`.
import {
  NotebookCellKind,
  NotebookDocuments,
  type Connection,
  type NotebookDocument,
  type Position,
  type Range,
  type TextDocumentContentChangeEvent,
} from './vscode-languageserver';
import type { Diagnostic } from '../engine';
import { diagnosticsByCell, notebookSource, rangeInCell, toModule, type NotebookSource } from '../notebook-source';
import type { DiagnosticsPublisher } from './diagnostics';
import { PythonDocument } from './documents';
import { TextBuffer } from './text-buffer';

/** The server capability: Python code cells of Jupyter notebooks. */
export const NOTEBOOK_DOCUMENT_SYNC = {
  notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }],
} satisfies { notebookSelector: unknown[] };

/**
 * A document as a request about it sees it: `doc` is what was analysed (the document
 * itself, or the module of the notebook a cell belongs to); positions, ranges and
 * diagnostics are translated between the two.
 */
export interface DocumentView {
  doc: PythonDocument;
  /** The analysed document's diagnostics that belong to the requested one, in its coordinates. */
  diagnostics(): Diagnostic[];
  /** A position of the requested document in the analysed one; null on a line of IPython syntax. */
  toAnalysed(position: Position): Position | null;
  /** A range of the analysed document in the requested one; null when it is elsewhere. */
  fromAnalysed(range: Range): Range | null;
  /** The notebook's Python cells (uri and text, in order), for fix-all; null for a plain document. */
  cells(): Array<{ uri: string; text: string }> | null;
}

interface CellText {
  uri: string;
  languageId: string;
  version: number;
  buffer: TextBuffer;
}

interface OpenNotebook {
  doc: PythonDocument;
  source: NotebookSource;
  /** The analysed cells, in the order of `source.cells`. */
  cells: CellText[];
  /** Cell URIs that diagnostics were last published for. */
  published: Set<string>;
}

export interface NotebookOptions {
  documents: Map<string, PythonDocument>;
  /** Hands a new notebook module to the scheduler (as a text document open would). */
  opened: (doc: PythonDocument) => void;
  changed: (doc: PythonDocument) => void;
  closed: (uri: string) => void;
  publisher: DiagnosticsPublisher;
}

export class Notebooks {
  private readonly sync = new NotebookDocuments<CellText>({
    create: (uri, languageId, version, content) => ({ uri, languageId, version, buffer: new TextBuffer(content) }),
    update: (cell, changes: TextDocumentContentChangeEvent[], version) => {
      for (const change of changes) cell.buffer.apply(change);
      cell.version = version;
      return cell;
    },
  });
  /** By notebook URI. */
  private readonly notebooks = new Map<string, OpenNotebook>();
  /** The notebook each analysed cell belongs to, by cell URI. */
  private readonly owners = new Map<string, OpenNotebook>();

  constructor(private readonly options: NotebookOptions) {}

  listen(connection: Connection): void {
    this.sync.listen(connection);
    this.sync.onDidOpen((notebook) => this.refresh(notebook));
    this.sync.onDidChange(({ notebookDocument }) => this.refresh(notebookDocument));
    this.sync.onDidClose((notebook) => this.close(notebook.uri));
  }

  /** Routes the scheduler's diagnostics: a notebook module's go to its cells, per cell URI. */
  publish(uri: string, version: number, diagnostics: readonly Diagnostic[]): void {
    const { publisher } = this.options;
    const notebook = this.notebooks.get(uri);
    if (notebook?.doc.uri !== uri) return publisher.publish(uri, version, diagnostics);
    const current = new Set(notebook.cells.map((c) => c.uri));
    for (const cellUri of notebook.published) if (!current.has(cellUri)) publisher.clear(cellUri);
    notebook.published = current;
    const byCell = diagnosticsByCell(notebook.source, diagnostics);
    notebook.cells.forEach((cell, i) => publisher.publish(cell.uri, cell.version, byCell[i]));
  }

  /** The view of `uri` for a request: an open text document, or a Python cell of an open notebook. */
  view(uri: string): DocumentView | undefined {
    const notebook = this.owners.get(uri);
    if (notebook) return cellView(notebook, notebook.cells.findIndex((c) => c.uri === uri));
    const doc = this.options.documents.get(uri);
    return doc && !this.notebooks.has(uri) ? plainView(doc) : undefined;
  }

  private refresh(notebook: NotebookDocument): void {
    const cells = notebook.cells
      .filter((cell) => cell.kind === NotebookCellKind.Code)
      .map((cell) => this.sync.getCellTextDocument(cell))
      .filter((text): text is CellText => text?.languageId === 'python');
    const source = notebookSource(cells.map((c) => c.buffer.getText()));
    let open = this.notebooks.get(notebook.uri);
    for (const cell of open?.cells ?? []) this.owners.delete(cell.uri);
    if (open) {
      for (const cell of cells) if (!open.cells.includes(cell)) this.options.publisher.forget(cell.uri);
      Object.assign(open, { source, cells });
      open.doc.update([{ text: source.text }], notebook.version);
      this.options.changed(open.doc);
    } else {
      this.options.closed(notebook.uri);
      open = { doc: new PythonDocument(notebook.uri, notebook.version, source.text), source, cells, published: new Set() };
      this.notebooks.set(notebook.uri, open);
      this.options.opened(open.doc);
    }
    for (const cell of cells) this.owners.set(cell.uri, open);
  }

  private close(uri: string): void {
    const notebook = this.notebooks.get(uri);
    if (!notebook) return;
    for (const cell of notebook.cells) this.owners.delete(cell.uri);
    for (const cellUri of notebook.published) this.options.publisher.clear(cellUri);
    this.notebooks.delete(uri);
    this.options.closed(uri);
  }
}

function plainView(doc: PythonDocument): DocumentView {
  return { doc, diagnostics: () => doc.diagnostics, toAnalysed: (p) => p, fromAnalysed: (r) => r, cells: () => null };
}

function cellView(notebook: OpenNotebook, cell: number): DocumentView {
  const { doc, source } = notebook;
  return {
    doc,
    diagnostics: () => diagnosticsByCell(source, doc.diagnostics)[cell],
    toAnalysed: (position) => (source.cells[cell].blanked.has(position.line) ? null : toModule(source, { cell, position })),
    fromAnalysed: (range) => rangeInCell(source, cell, range),
    cells: () => notebook.cells.map((c) => ({ uri: c.uri, text: c.buffer.getText() })),
  };
}
