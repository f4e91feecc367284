// One esbuild script for every bundle: the VS Code client, the language server,
// the CLI, and (with --tests) the test files. Both .wasm files are copied next to
// the bundles, where the parser module looks for them.
//   node scripts/build.mjs [--watch] [--production] [--tests]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { webTreeSitterGlue } from './web-tree-sitter-glue.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const require = createRequire(import.meta.url);
// The server's V8 flags (shared/node-flags.ts): `pythonic server` started by its shebang gets them too.
const SERVER_NODE_FLAGS = JSON.parse(readFileSync('shared/server-node-flags.json', 'utf8'));

function copyWasm() {
  mkdirSync('out', { recursive: true });
  copyFileSync(join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'), 'out/web-tree-sitter.wasm');
  copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), 'out/tree-sitter-python.wasm');
}

function testEntries(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.test\.ts$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // ESM imports would pick web-tree-sitter's ESM build, which needs import.meta in a CJS bundle.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  // Faster JavaScript glue around the parser's WebAssembly (see the module's header).
  plugins: [webTreeSitterGlue(require.resolve('web-tree-sitter'))],
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out' },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'out' },
  // `pythonic` is out/cli.js, which runs out/cli-main.js through a V8 code cache (server/src/cli-launcher.ts).
  { ...common, entryPoints: { cli: 'server/src/cli-launcher.ts' }, outdir: 'out', banner: { js: `#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}` } },
  { ...common, entryPoints: { 'cli-main': 'server/src/cli.ts' }, outdir: 'out' },
];
if (tests) {
  rmSync('out/test', { recursive: true, force: true });
  rmSync('out/vscode-test', { recursive: true, force: true });
  rmSync('out/editor-tests', { recursive: true, force: true });
  builds.push({ ...common, entryPoints: testEntries('test').filter((f) => !f.includes('vscode') && !/^test\/(e2e|nvim)\//.test(f)), outdir: 'out/test', outbase: 'test' });
  builds.push({ ...common, entryPoints: { 'write-docs': 'test/support/write-docs.ts', bench: 'scripts/bench.ts', demo: 'scripts/demo.ts', corpus: 'scripts/corpus.ts' }, outdir: 'out/tools' });
  builds.push({ ...common, external: ['vscode', 'mocha'], entryPoints: ['test/vscode/runTest.ts', 'test/vscode/suite/index.ts', ...testEntries('test/vscode')], outdir: 'out/vscode-test', outbase: 'test/vscode' });
  // Real-editor suites (code-server + Chromium, Neovim): `npm run test:editors`, not `node --test out/test/`.
  builds.push({ ...common, external: ['vscode', 'playwright-core'], entryPoints: [...testEntries('test/e2e'), ...testEntries('test/nvim')], outdir: 'out/editor-tests', outbase: 'test' });
}

copyWasm();
if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
