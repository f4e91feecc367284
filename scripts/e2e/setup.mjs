// Installs what the editor suites need that npm ci does not: code-server (with its
// native modules built here, since its own install steps download binaries) and
// checks for the Debian programs (Chromium, Neovim, ripgrep) that .ci/run installs.
// The install is cached in `.e2e/code-server-<version>/` (git-ignored) and skipped
// when it is complete, so a second run costs nothing.
//   node scripts/e2e/setup.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The last code-server line for Node 20; test/e2e/support/code-server.ts names the same version.
const CODE_SERVER_VERSION = '4.100.3';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CODE_SERVER_DIR = join(ROOT, '.e2e', `code-server-${CODE_SERVER_VERSION}`);
const COMPLETE_MARKER = join(CODE_SERVER_DIR, '.complete');

/** Debian programs the suites start, and the package each comes from. */
const DEBIAN_PROGRAMS = { '/usr/bin/chromium': 'chromium', '/usr/bin/nvim': 'neovim', '/usr/bin/rg': 'ripgrep' };
/** Headers and tools code-server's native modules build against. */
const DEBIAN_BUILD_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config'];

function run(command, args, cwd, env = {}) {
  console.log(`e2e setup: (${cwd.replace(ROOT, '.')}) ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

function installCodeServer() {
  const started = Date.now();
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'pythonic-e2e-code-server', private: true }, null, 2));
  const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'];
  run('npm', ['install', ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], CODE_SERVER_DIR);
  const vscodeDir = join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode');
  run('npm', ['install', ...npmFlags, '--omit=dev'], vscodeDir);
  // @vscode/ripgrep's postinstall downloads a binary; Debian's ripgrep is the same program.
  const rgBin = join(vscodeDir, 'node_modules/@vscode/ripgrep/bin');
  mkdirSync(rgBin, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgBin, 'rg'));
  // Builds node-pty, spdlog, native-watchdog, ... against this Node; node-pty fetches node-gyp through npx.
  run('npm', ['rebuild', '--loglevel=error'], vscodeDir, { npm_config_yes: 'true' });
  rmSync(join(vscodeDir, 'node_modules.asar'), { force: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  run('npm', ['rebuild', '--loglevel=error', 'argon2'], CODE_SERVER_DIR);
  writeFileSync(COMPLETE_MARKER, `${new Date().toISOString()}\n`);
  console.log(`e2e setup: code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Names of the Debian packages whose programs are missing. */
function missingDebianPackages() {
  return Object.entries(DEBIAN_PROGRAMS)
    .filter(([program]) => !existsSync(program))
    .map(([, pkg]) => pkg);
}

function main() {
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    console.error(`e2e setup: missing Debian packages: ${missing.join(' ')}`);
    console.error(`  install them with: apt-get update && apt-get install -y ${[...missing, ...DEBIAN_BUILD_PACKAGES].join(' ')}`);
    process.exit(1);
  }
  if (existsSync(COMPLETE_MARKER)) {
    console.log(`e2e setup: code-server ${CODE_SERVER_VERSION} already installed (.e2e/)`);
    return;
  }
  installCodeServer();
}

main();
