// textDocument/hover: the engine's hover on the document's tree, once the document is
// parsed and analysed at its current text (the hover shows the diagnostics under the cursor).
import type { Connection } from 'vscode-languageserver/node';
import { hover } from '../engine';
import { throwIfCancelled } from './cancellation';
import type { PythonDocument } from './documents';
import { checkPosition, documentUri } from './params';
import type { Scheduler } from './scheduler';
import type { ServerStats } from './stats';

export function registerHover(
  connection: Connection,
  documents: ReadonlyMap<string, PythonDocument>,
  scheduler: Scheduler,
  stats: ServerStats,
  logError: (message: string, error?: unknown) => void,
): void {
  connection.onHover(async (params, token) => {
    throwIfCancelled(token, stats);
    const uri = documentUri(params);
    const position = checkPosition(params.position, 'position');
    const doc = documents.get(uri);
    if (!doc) return null;
    await scheduler.untilCurrent(doc, token);
    if (documents.get(uri) !== doc) return null;
    const tree = scheduler.treeFor(doc);
    if (!tree) return null;
    try {
      const result = hover({ tree, position, diagnostics: doc.diagnostics });
      return result && { contents: { kind: 'markdown', value: result.markdown }, range: result.range };
    } catch (error) {
      logError(`hover failed in ${uri}`, error);
      return null;
    }
  });
}
