// Entry of the bundle VS Code starts over IPC (`out/server.js`).
import { startIpcServer } from './lsp';

startIpcServer();
