// The launcher's head start on the parser's WebAssembly (server/src/precompiled-wasm.ts).
// Each test file runs in its own process: the runtime is initialised once per process, so
// the order of these tests matters and none of them may create a parser elsewhere first.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createParser } from '../server/src/parser';
import { PYTHON_WASM, RUNTIME_WASM, startCompilingWasm, takePrecompiledWasm } from '../server/src/precompiled-wasm';
import { OUT } from './support/engine';

function folderWith(runtime: string, python: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-wasm-'));
  fs.copyFileSync(runtime, path.join(folder, RUNTIME_WASM));
  fs.copyFileSync(python, path.join(folder, PYTHON_WASM));
  return folder;
}

describe('WebAssembly compiled before the bundle runs', () => {
  it('a runtime that does not instantiate: createParser starts the runtime from its file instead', async () => {
    // Compiled from the grammar's bytes (valid WebAssembly, the wrong imports; the files are
    // read before startCompilingWasm returns), then the right file is put in its place: only
    // the fallback can succeed.
    const folder = folderWith(path.join(OUT, PYTHON_WASM), path.join(OUT, PYTHON_WASM));
    startCompilingWasm(folder);
    fs.copyFileSync(path.join(OUT, RUNTIME_WASM), path.join(folder, RUNTIME_WASM));
    const parser = await createParser(folder);
    assert.equal(await takePrecompiledWasm(folder), undefined, 'createParser took the modules');
    assert.equal(parser.parse('def f(x=[]):\n    return x\n')!.rootNode.toString().startsWith('(module (function_definition'), true);
  });

  it('createParser takes the modules compiled from its folder, once; other folders and missing files are left alone', async () => {
    startCompilingWasm(path.join(OUT, 'no-such-folder'));
    assert.equal(await takePrecompiledWasm(path.join(OUT, 'no-such-folder')), undefined, 'unreadable files: nothing to take');

    const other = folderWith(path.join(OUT, RUNTIME_WASM), path.join(OUT, PYTHON_WASM));
    startCompilingWasm(other);
    const parser = await createParser(OUT);
    assert.equal(parser.parse('x = 1\n')!.rootNode.toString(), '(module (expression_statement (assignment left: (identifier) right: (integer))))');
    const left = await takePrecompiledWasm(other);
    assert.ok(left?.runtime instanceof WebAssembly.Module && left.python instanceof WebAssembly.Module, 'modules from another folder stay for it');
    assert.equal(await takePrecompiledWasm(other), undefined, 'taken once');

    startCompilingWasm(OUT);
    const second = await createParser(OUT);
    assert.equal(await takePrecompiledWasm(OUT), undefined, 'createParser took them');
    assert.equal(second.parse('class A: pass\n')!.rootNode.firstChild!.type, 'class_definition');
  });
});
