/**
 * The argument a `check --jobs N` worker thread finds in its `process.argv`. The bundle's
 * entry (cli.ts) looks for it instead of asking `node:worker_threads`, which the language
 * server would then load at every start for nothing.
 */
export const CHECK_WORKER_ARG = '--pythonic-check-worker';
