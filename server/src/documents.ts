// Open documents: the text (incrementally synced through
// vscode-languageserver-textdocument), the tree (incrementally re-parsed: each
// change is replayed on the old tree with `tree.edit` so the parser can reuse it),
// and the analysis cache carried from one version to the next.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { AnalysisCache, Diagnostic, Settings } from './engine';
import { Edit, type Parser, type Point, type Tree } from './parser';

export class PythonDocument {
  private document: TextDocument;
  tree: Tree | null;
  cache: AnalysisCache | undefined;
  diagnostics: Diagnostic[] = [];
  settings: Settings | undefined;

  constructor(
    readonly uri: string,
    version: number,
    text: string,
    private readonly parser: Parser,
  ) {
    this.document = TextDocument.create(uri, 'python', version, text);
    this.tree = parser.parse(text);
  }

  get text(): string {
    return this.document.getText();
  }

  get version(): number {
    return this.document.version;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    // tree-sitter does not count a lone `\r` as a line break, so its points would disagree with ours.
    let reuseTree = this.tree !== null && !/\r(?!\n)/.test(this.text);
    for (const change of changes) {
      if (!('range' in change)) {
        reuseTree = false;
      } else if (reuseTree) {
        const doc = this.document;
        const startIndex = doc.offsetAt(change.range.start);
        const oldEndIndex = Math.max(startIndex, doc.offsetAt(change.range.end));
        const startPosition = toPoint(doc.positionAt(startIndex));
        this.tree!.edit(new Edit({
          startIndex,
          oldEndIndex,
          newEndIndex: startIndex + change.text.length,
          startPosition,
          oldEndPosition: toPoint(doc.positionAt(oldEndIndex)),
          newEndPosition: endPointAfter(startPosition, change.text),
        }));
      }
      // One change at a time: each change's range refers to the text after the previous one.
      this.document = TextDocument.update(this.document, [change], version);
    }
    const old = this.tree;
    this.tree = this.parser.parse(this.text, reuseTree ? old : null);
    old?.delete();
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = null;
  }
}

function toPoint(p: { line: number; character: number }): Point {
  return { row: p.line, column: p.character };
}

function endPointAfter(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = 0; i < inserted.length; i++) if (inserted.charCodeAt(i) === 10) rows++;
  return { row: start.row + rows, column: inserted.length - lastBreak - 1 };
}
