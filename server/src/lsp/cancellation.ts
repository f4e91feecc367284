// `$/cancelRequest`: vscode-jsonrpc cancels the request's token, also for a request
// still queued when the cancellation arrives (it is then dispatched with a token
// already cancelled). Handlers check the token on entry and wherever they wait, and
// answer a cancelled request with the LSP error RequestCancelled (-32800).
import { LSPErrorCodes, ResponseError, type CancellationToken } from './vscode-languageserver';
import type { ServerStats } from './stats';

export function throwIfCancelled(token: CancellationToken, stats: ServerStats): void {
  if (token.isCancellationRequested) {
    stats.requestsCancelled++;
    throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  }
}
