// The V8 flags the language server runs with, kept in server-node-flags.json: the VS Code
// client passes them to the server process, `pythonic server` started without them runs
// itself again with them (cli-launcher.ts), and the tests' server and `npm run bench` run
// with them. The other commands run without them: `pythonic check` over the standard
// library is about 5% faster with V8's default young generation.
//
// Why: every analysis allocates short-lived facts, and some of them survive into the
// next analysis's cache. With V8's default young generation (semispaces growing to
// 16 MB) a scavenge then copies many megabytes at once: one edit in twelve paid
// 10-20 ms for it. 4 MB semispaces keep each scavenge to a few milliseconds and the
// resident memory lower (`npm run bench`: edit p95 in `_pydecimal.py` about 17 -> 9 ms,
// VmRSS with the 11 largest stdlib files about 155 -> 148 MB).
//
// `--heap-growing-percent=30`: after a major collection V8 lets the old generation grow
// to up to four times what survived before it collects again, so right after a burst of
// analyses (opening several large files) the server could hold 30-50 MB of garbage until
// its memory reducer ran seconds later. The server's resident memory with the 11 largest
// stdlib files open varied between 123 and 154 MB over ten starts (two above 145); with
// the old generation collected once it grows by 30%, 119-128 MB. Edit latency, batch
// time and cold start are unchanged within the noise (`npm run bench`, two runs each).
import flags from './server-node-flags.json';

export const SERVER_NODE_FLAGS: readonly string[] = flags;
