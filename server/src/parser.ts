// The one place that knows how web-tree-sitter is initialised. Everything else
// receives the `Parser` this returns (CLI, server, tests and bench alike).
import { readFile } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Edit, Language, Parser, Query } from 'web-tree-sitter';
import { PYTHON_WASM, takePrecompiledWasm } from './precompiled-wasm';

export type { Language, Node, Tree, Point } from 'web-tree-sitter';
export { Edit, Parser, Query };

/** Folder holding both `.wasm` files: next to the bundle, as the build copies them. */
export function defaultWasmDir(): string {
  return __dirname;
}

let runtimeReady: Promise<void> | undefined;

export async function createParser(wasmDir: string = defaultWasmDir()): Promise<Parser> {
  const compiled = await takePrecompiledWasm(wasmDir);
  // The WASM runtime is process-wide; initialise it once even if several parsers are made.
  runtimeReady ??= initRuntime(wasmDir, compiled?.runtime);
  await runtimeReady;
  // Read here rather than by web-tree-sitter, whose `import()` of fs/promises fails in a
  // bundle run from V8's code cache (cli-launcher.ts).
  // node:fs's callback form: node:fs/promises would add its modules to the server's cold start.
  const python = compiled ? Language.loadSync(compiled.python) : await Language.load(await promisify(readFile)(path.join(wasmDir, PYTHON_WASM)));
  const parser = new Parser();
  parser.setLanguage(python);
  return parser;
}

/** Starts the runtime from the module the launcher compiled, if any, else from its file. */
function initRuntime(wasmDir: string, compiled: WebAssembly.Module | undefined): Promise<void> {
  const fromFile = () => Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
  if (!compiled) return fromFile();
  return Parser.init({
    // Instantiated at once, so that a failure rejects init (the hook has no other way to
    // report one) and the runtime starts from its file instead.
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      const instance = new WebAssembly.Instance(compiled, imports);
      done(instance, compiled);
      return instance.exports;
    },
  }).catch(fromFile);
}
