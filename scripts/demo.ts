// `npm run demo`: code-server (VS Code in the browser) on loopback with the built
// extension installed and a scratch copy of examples/ open, the post's pitfalls.
// Prints the URL and keeps serving until Ctrl-C.
//   PYTHONIC_DEMO_PORT=8080 (default) picks the port; PYTHONIC_DEMO_DIR (default
//   .e2e/demo) the scratch folder for the workspace copy, user data and log.
import * as path from 'node:path';
import { rmSync } from 'node:fs';
import { copyWorkspace, ensureCodeServer, ROOT, startCodeServer } from '../test/e2e/support/code-server';

async function main(): Promise<void> {
  const port = Number(process.env.PYTHONIC_DEMO_PORT ?? 8080);
  ensureCodeServer();
  const scratchDir = path.resolve(process.env.PYTHONIC_DEMO_DIR ?? path.join(ROOT, '.e2e', 'demo'));
  rmSync(scratchDir, { recursive: true, force: true });
  // A copy, so edits made while trying the quick-fixes never touch the repository.
  const workspace = copyWorkspace(path.join(ROOT, 'examples'), scratchDir);
  const server = await startCodeServer({
    workspace,
    scratchDir,
    port,
    settings: { 'editor.codeActionsOnSave': { 'source.fixAll.pythonic': 'explicit' } },
  });
  console.log(`Pythonic demo: open ${server.url()}`);
  console.log(`  workspace: ${workspace} (a copy of examples/)`);
  console.log(`  code-server log: ${server.logFile}`);
  console.log('  Ctrl-C stops it.');
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
