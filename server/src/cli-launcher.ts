// `pythonic` as installed (out/cli.js): runs the CLI bundle (out/cli-main.js, entry
// cli.ts) with a V8 code cache. Compiling the 1.3 MB bundle is a large part of the
// language server's cold start (spawn to first diagnostics), and every `pythonic check`
// pays it too. The cache is V8's compiled code for the bundle, taken a few seconds into
// the first run (or at its exit, if sooner), so it also holds the functions that run
// compiled. `pythonic server` and the other commands run different code, so each keeps its
// own cache (`server-...` and `cli-...`): with one shared cache, whichever ran first decided
// what the other found compiled (a server started with a cache written by `check` took
// ~20 ms longer to its first diagnostics). It lives in the user's cache folder
// ($XDG_CACHE_HOME/pythonic, else ~/.cache/pythonic), named by that kind, by hashes of the
// bundle's path, of its bytes, and of the Node version, architecture and node's options;
// it is written atomically (a temporary file, then a rename) after a checksum of its
// contents, never to stdout, and replaces the caches of earlier builds at the same path
// (other installations keep theirs). Anything that goes wrong (no such folder, a
// read-only one, a damaged cache, one V8 rejects) only means running without it;
// PYTHONIC_NO_CODE_CACHE=1 turns it off.
//
// `pythonic server` needs V8 flags of its own (shared/node-flags.ts) and the other commands
// run faster without them, so the command's shebang passes none, and a server started
// without them runs itself again with them (see relaunchWithServerFlags).
//
// Only Node built-ins here: this file is its own small bundle. A `check --jobs N` worker
// thread loads out/cli-main.js itself, without the cache.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { SERVER_NODE_FLAGS } from '../../shared/node-flags';
import { startCompilingWasm } from './precompiled-wasm';

const BUNDLE = path.join(__dirname, 'cli-main.js');
/** Long enough for a server to publish its first diagnostics, so their code is in the cache. */
const WRITE_AFTER_MS = 3000;

function cacheFolder(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'pythonic');
}

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * The cache's data if the file holds it whole. The file starts with a SHA-256 of the
 * data: V8 checks a cache's version and length but not its contents, and a damaged one
 * would crash the process instead of being rejected.
 */
function readCache(file: string): Buffer | undefined {
  try {
    const content = fs.readFileSync(file);
    const data = content.subarray(32);
    return content.length > 32 && sha256(data).equals(content.subarray(0, 32)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache, and removes those of earlier builds at the same path (`slot`); every error is ignored. */
function writeCache({ folder, slot, name, data }: { folder: string; slot: string; name: string; data: () => Buffer }): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, name);
    const temporary = `${file}.${process.pid}.tmp`;
    const bytes = data();
    fs.writeFileSync(temporary, Buffer.concat([sha256(bytes), bytes]));
    fs.renameSync(temporary, file);
    // `<slot>-<bundle text>-<runtime>.v8cache`: this build's caches for other runtimes stay.
    const build = name.slice(0, name.lastIndexOf('-') + 1);
    for (const other of fs.readdirSync(folder)) {
      if (other.startsWith(`${slot}-`) && !other.startsWith(build)) fs.rmSync(path.join(folder, other), { force: true });
    }
  } catch {
    // A read-only or missing cache folder: run without a cache next time too.
  }
}

/**
 * The bundle's text. esbuild writes it in ASCII (non-ASCII characters escaped), and
 * decoding ASCII bytes as Latin-1 gives the same string several times faster than
 * `readFileSync(file, 'utf8')` (about 20 ms for this bundle, a part of every cold start).
 */
function bundleText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * V8's profiler counter for the commands other than `server` (that is, for `check`): a
 * function is optimised once it has run through this much bytecode, 8 times Node 20's
 * default of 67,584. Over the standard library each thread spent 3 to 5 s of CPU in
 * TurboFan with the default, re-optimising functions that had only warmed up on a few
 * files; every `check --jobs N` worker pays that again, and with as many workers as cores
 * it competes with the checking itself. With this budget, default jobs on two cores took
 * about 1.1 s less (medians of interleaved runs), and `--jobs 1` took no longer. Set here, before
 * the bundle is compiled: V8 stamps a code cache with a hash of its flags and rejects it
 * under others, so the cache must be made and used under the same ones; the worker threads
 * share the process's flags. The server keeps V8's default.
 */
const CLI_INTERRUPT_BUDGET = 8 * 67_584;

/**
 * `pythonic server` started without the server's V8 flags (as the shebang starts it, for
 * Neovim and other clients; the VS Code client passes them itself) runs again as a child
 * process with them, on the same standard streams, and this process only waits: it
 * passes on the signals that stop a server and leaves with the child's exit code. The
 * flags shorten the server's garbage collections; `check` is about 5% faster without
 * them (a 4 MB young generation promotes more of each file's facts). A server with a
 * Node IPC channel (`--node-ipc`) keeps it: a child would not inherit the channel.
 */
function relaunchWithServerFlags(): boolean {
  if (process.send || SERVER_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) return false;
  // node:child_process only here: a server with its flags does not load it.
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, pass);
  child.on('error', (error) => {
    process.stderr.write(`pythonic: could not start the server: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, pass);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  return true;
}

function launch(): void {
  const kind = process.argv[2] === 'server' ? 'server' : 'cli';
  if (kind === 'server' && relaunchWithServerFlags()) return;
  // Before the bundle: V8 works on the parser's WebAssembly while this thread loads the server.
  if (kind === 'server') startCompilingWasm(__dirname);
  // node:v8 only here: the server does not load it.
  else (require('node:v8') as typeof import('node:v8')).setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  const bytes = fs.readFileSync(BUNDLE);
  const source = bundleText(bytes);
  const useCache = process.env.PYTHONIC_NO_CODE_CACHE !== '1';
  const hash = (data: string | Buffer) => sha256(data).toString('hex').slice(0, 16);
  const slot = `${kind}-${hash(BUNDLE)}`;
  const name = `${slot}-${hash(bytes)}-${hash(JSON.stringify([process.version, process.arch, process.execArgv]))}.v8cache`;
  const folder = cacheFolder();
  const cachedData = useCache ? readCache(path.join(folder, name)) : undefined;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: BUNDLE, cachedData });
  if (useCache && (!cachedData || script.cachedDataRejected)) {
    const write = () => writeCache({ folder, slot, name, data: () => script.createCachedData() });
    const timer = setTimeout(() => {
      process.off('exit', write);
      write();
    }, WRITE_AFTER_MS);
    timer.unref();
    process.once('exit', write);
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
}

launch();
