// Launcher for the VS Code API suite with @vscode/test-electron. It needs to
// download VS Code; where that is impossible (no network, as on our CI), it says
// so and skips instead of failing. The same suite also runs through code-server,
// which CI does run: test/e2e/vscode-api.test.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const DOWNLOAD_TIMEOUT_MS = 60_000;

async function main(): Promise<void> {
  const extensionDevelopmentPath = path.resolve(__dirname, '../..');
  const extensionTestsPath = path.resolve(__dirname, 'suite/index.js');
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await Promise.race([
      downloadAndUnzipVSCode({ version: '1.91.0', timeout: DOWNLOAD_TIMEOUT_MS }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), DOWNLOAD_TIMEOUT_MS).unref()),
    ]);
  } catch (error) {
    console.log(`test:vscode skipped: VS Code could not be downloaded here (${(error as Error).message.split('\n')[0]}).`);
    console.log('Run `npm run test:vscode` on a machine with internet access to exercise the extension in VS Code;');
    console.log('here the same suite runs in code-server instead: `npm run test:vscode-web` (part of `npm run test:editors`).');
    return;
  }
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    // The suite writes its files into the folder, so it gets a fresh scratch one.
    launchArgs: [mkdtempSync(path.join(tmpdir(), 'pythonic-vscode-')), '--disable-extensions'],
  });
  process.exitCode = code;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
