// Entry of the bundle VS Code starts over IPC (`out/server.js`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp';

startServer(createConnection(ProposedFeatures.all));
