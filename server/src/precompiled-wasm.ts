// The hand-over between the launcher (cli-launcher.ts) and parser.ts, two separate bundles
// in one process. For `pythonic server` the launcher reads the parser's two WebAssembly
// files and starts compiling them before it compiles and runs the main bundle; V8 decodes
// and validates them on its background threads while the main thread loads the server's
// JavaScript, and `createParser` then only instantiates them, without waiting on file reads
// and asynchronous compiles between the first messages. The parser's loading shared the
// path to the first diagnostics with the client's first round trips; with this and plain
// string matches for the default excludes (file-settings.ts), the median start to the
// first diagnostics fell by ~9 ms (31 alternating starts, twice). Only Node built-ins and
// WebAssembly here.
import * as fs from 'node:fs';
import * as path from 'node:path';

// The project's TypeScript libraries (ES2022 and Node's types) do not declare the
// WebAssembly API; these are the parts used here and in parser.ts.
declare global {
  namespace WebAssembly {
    class Module {
      private readonly brand: never;
    }
    class Instance {
      constructor(module: Module, imports: Imports);
      readonly exports: object;
    }
    type Imports = Record<string, Record<string, unknown>>;
    function compile(bytes: Uint8Array): Promise<Module>;
  }
}

export const RUNTIME_WASM = 'web-tree-sitter.wasm';
export const PYTHON_WASM = 'tree-sitter-python.wasm';

export interface CompiledWasm {
  runtime: WebAssembly.Module;
  python: WebAssembly.Module;
}

interface Pending {
  folder: string;
  modules: Promise<CompiledWasm>;
}

const KEY = Symbol.for('pythonic.precompiledWasm');
type Holder = { [KEY]?: Pending };

/** Starts compiling both modules from `folder` and leaves the promise for `takePrecompiledWasm`. Never throws. */
export function startCompilingWasm(folder: string): void {
  try {
    const compile = (file: string) => WebAssembly.compile(fs.readFileSync(path.join(folder, file)));
    const modules = Promise.all([compile(RUNTIME_WASM), compile(PYTHON_WASM)]).then(([runtime, python]) => ({ runtime, python }));
    // Nobody may ever ask (a command that fails before parsing): not an unhandled rejection.
    modules.catch(() => undefined);
    (globalThis as Holder)[KEY] = { folder, modules };
  } catch {
    // Unreadable files: createParser reads them itself and reports the problem.
  }
}

/**
 * The modules the launcher compiled from `folder`, once (a second parser in the process
 * shares the runtime and compiles the grammar itself); undefined if it compiled none, or
 * other files, or compiling failed.
 */
export async function takePrecompiledWasm(folder: string): Promise<CompiledWasm | undefined> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  if (!pending || path.resolve(pending.folder) !== path.resolve(folder)) return undefined;
  delete holder[KEY];
  try {
    return await pending.modules;
  } catch {
    return undefined;
  }
}
