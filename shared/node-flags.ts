// The V8 flags the language server runs with, kept in server-node-flags.json (which the
// build script reads too): the VS Code client passes them to the server process, the
// `pythonic` command's shebang carries them, and the tests' server and `npm run bench`
// run with them.
//
// Why: every analysis allocates short-lived facts, and some of them survive into the
// next analysis's cache. With V8's default young generation (semispaces growing to
// 16 MB) a scavenge then copies many megabytes at once: one edit in twelve paid
// 10-20 ms for it. 4 MB semispaces keep each scavenge to a few milliseconds and the
// resident memory lower (`npm run bench`: edit p95 in `_pydecimal.py` about 17 -> 9 ms,
// VmRSS with the 11 largest stdlib files about 155 -> 148 MB); `pythonic check` is no
// slower with it.
import flags from './server-node-flags.json';

export const SERVER_NODE_FLAGS: readonly string[] = flags;
