// The language server's public surface (cli.ts imports it as './lsp').
export { startIpcServer, startServer, startStdioServer } from './server';
export { ruleDocsUri, toLspDiagnostic } from './diagnostics';
export { FIX_ALL_KIND } from './code-actions';
export { INTERNAL_STATS_REQUEST, type ServerStats } from './stats';
