// One esbuild script for every bundle: the VS Code client, the language server,
// the CLI, and (with --tests) the test files. Both .wasm files are copied next to
// the bundles, where the parser module looks for them.
//   node scripts/build.mjs [--watch] [--production] [--tests]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { webTreeSitterGlue } from './web-tree-sitter-glue.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const require = createRequire(import.meta.url);

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

/**
 * `vscode-languageserver/node` loads node:child_process at once for helpers the server
 * never calls (finding global npm and yarn folders); loading it costs every server start
 * a few milliseconds. This plugin hands that one module a stand-in that loads the real
 * node:child_process on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^child_process$/ }, (args) =>
      /vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: [
        'let real;',
        "const load = () => (real ??= require('node:child_process'));",
        'module.exports = { fork: (...args) => load().fork(...args), spawnSync: (...args) => load().spawnSync(...args) };',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

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
  plugins: [webTreeSitterGlue(require.resolve('web-tree-sitter')), lazyChildProcess],
};

// The language server's bundles without needless whitespace (identifiers stay as written;
// the source maps lead back to the source): a quarter less text to read, check and
// compile at every server start (1.8 MB -> 1.3 MB), about 10 ms of its cold start.
const serverBundle = { ...common, minifyWhitespace: true, minifySyntax: true };

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out' },
  // `pythonic` is out/cli.js, which runs out/cli-main.js through a V8 code cache (server/src/cli-launcher.ts).
  { ...common, entryPoints: { cli: 'server/src/cli-launcher.ts' }, outdir: 'out', banner: { js: '#!/usr/bin/env node' } },
  { ...serverBundle, entryPoints: { 'cli-main': 'server/src/cli.ts' }, outdir: 'out' },
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
