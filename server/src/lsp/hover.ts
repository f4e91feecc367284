// textDocument/hover: the engine's hover on the document's tree, once the document is
// parsed and analysed at its current text (the hover shows the diagnostics under the
// cursor). A notebook cell is hovered in its notebook's module (notebooks.ts).
import type { Connection } from './vscode-languageserver';
import { hover } from '../engine';
import { throwIfCancelled } from './cancellation';
import type { DocumentView } from './notebooks';
import { checkPosition, documentUri } from './params';
import type { Scheduler } from './scheduler';
import type { ServerStats } from './stats';

export interface HoverOptions {
  connection: Connection;
  view: (uri: string) => DocumentView | undefined;
  scheduler: Scheduler;
  stats: ServerStats;
  logError: (message: string, error?: unknown) => void;
}

export function registerHover({ connection, view, scheduler, stats, logError }: HoverOptions): void {
  connection.onHover(async (params, token) => {
    throwIfCancelled(token, stats);
    const uri = documentUri(params);
    const position = checkPosition(params.position, 'position');
    const doc = view(uri)?.doc;
    if (!doc) return null;
    await scheduler.untilCurrent(doc, token);
    // The wait may have seen the document closed, or the notebook's cells change.
    const current = view(uri);
    if (current?.doc !== doc) return null;
    const at = current.toAnalysed(position);
    const tree = at && scheduler.treeFor(doc);
    if (!at || !tree) return null;
    try {
      const result = hover({ tree, position: at, diagnostics: doc.diagnostics });
      const range = result && current.fromAnalysed(result.range);
      return result && { contents: { kind: 'markdown', value: result.markdown }, ...(range && { range }) };
    } catch (error) {
      logError(`hover failed in ${uri}`, error);
      return null;
    }
  });
}
