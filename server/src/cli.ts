// Entry of `pythonic` (out/cli.js). It evaluates only the modules its command needs:
// `pythonic server --stdio` (and `--node-ipc`, the channel VS Code starts it with) loads
// the language server (lsp/) and not the commands' checking, caching, worker and report
// code (cli-commands.ts, check/), which cost the server's cold start tens of
// milliseconds (node:crypto alone ~15 ms) every time an editor spawns it. A `check
// --jobs N` worker thread runs this same bundle (check/pool.ts). The lazy boundary is
// the `import()`s below, nowhere else.
import { parseArgs } from 'node:util';
import { CHECK_WORKER_ARG } from './check/worker-arg';

/** Runs one command line; resolves with the exit status. */
async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'server') return serve(rest);
  const { main } = await import('./cli-commands');
  return main(argv);
}

async function serve(args: string[]): Promise<number> {
  let transport: 'stdio' | 'ipc';
  try {
    // `--clientProcessId=N` comes from VS Code's client (`vscode-languageserver` reads it from argv and exits when that process is gone).
    const { values } = parseArgs({ args, options: { stdio: { type: 'boolean' }, 'node-ipc': { type: 'boolean' }, clientProcessId: { type: 'string' } } });
    if (values.stdio === values['node-ipc']) return usageError('server needs one of --stdio and --node-ipc (the channel VS Code starts it with)');
    transport = values.stdio ? 'stdio' : 'ipc';
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const lsp = await import('./lsp');
  if (transport === 'stdio') await lsp.startStdioServer();
  else if (process.send) lsp.startIpcServer();
  else return usageError('--node-ipc needs a parent process that opened an IPC channel (node:child_process fork)');
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`pythonic: ${message}\n`);
  return 2;
}

async function startWorker(): Promise<void> {
  const pool = await import('./check/pool');
  if (pool.isCheckWorker()) return pool.workerMain();
  // Typed on a command line: `pythonic` says it is no command.
  await runMain();
}

async function runMain(): Promise<void> {
  const code = await run(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
}

// `process.argv` of a worker thread is [node, script, ...the Worker's `argv` option].
if (process.argv[2] !== CHECK_WORKER_ARG) {
  runMain().catch((error: unknown) => {
    process.stderr.write(`pythonic: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
} else {
  // A failure in a `check --jobs N` worker surfaces as the Worker's 'error' event in the main thread.
  startWorker().catch((error: unknown) => {
    process.nextTick(() => {
      throw error;
    });
  });
}
