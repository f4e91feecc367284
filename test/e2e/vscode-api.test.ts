// Second launcher of the VS Code API suite (test/vscode/suite/): code-server's Node
// extension host instead of a downloaded VS Code. Opening the workbench with a
// `payload` of extensionDevelopmentPath + extensionTestsPath loads the extension in
// development mode and calls the suite's `run()`, exactly as @vscode/test-electron
// does. The extension host's output is not ours to read, so the suite writes each
// test's outcome to PYTHONIC_VSCODE_RESULTS; every mocha test becomes a node:test
// subtest here; a skipped mocha test fails like a failed one.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { SuiteResult } from '../vscode/suite/index';
import { launchChromium } from './support/chromium';
import { ensureCodeServer, ROOT, stageExtension, startCodeServer, until } from './support/code-server';
import { Workbench } from './support/workbench';

const SUITE_ENTRY = path.join(ROOT, 'out/vscode-test/suite/index.js');
const SUITE_TIMEOUT_MS = 5 * 60_000;

describe('VS Code API suite in code-server (extension development mode)', () => {
  it('runs test/vscode/suite in the extension host', { timeout: SUITE_TIMEOUT_MS + 120_000 }, async (t) => {
    assert.ok(existsSync(SUITE_ENTRY), `${SUITE_ENTRY} is missing: run \`node scripts/build.mjs --tests\``);
    ensureCodeServer();
    const scratchDir = mkdtempSync(path.join(tmpdir(), 'pythonic-vscode-api-'));
    const workspace = path.join(scratchDir, 'workspace');
    mkdirSync(workspace);
    const extensionDir = stageExtension(path.join(scratchDir, 'development'));
    const resultsFile = path.join(scratchDir, 'results.json');
    const server = await startCodeServer({ workspace, scratchDir, installExtension: false, env: { PYTHONIC_VSCODE_RESULTS: resultsFile } });
    const browser = await launchChromium();
    let workbench: Workbench | undefined;
    let report: { results: SuiteResult[]; failures: number };
    try {
      workbench = await Workbench.open(browser, server, [
        ['extensionDevelopmentPath', server.remoteUri(extensionDir)],
        ['extensionTestsPath', server.remoteUri(SUITE_ENTRY)],
      ]);
      report = await until(
        'the suite to write its results',
        () => {
          if (existsSync(resultsFile)) return JSON.parse(readFileSync(resultsFile, 'utf8')) as typeof report;
          // An extension host that exits without results crashed before or inside mocha.
          if (/Extension Host Process exited/.test(server.log())) throw new Error(`the extension host exited without results:\n${server.log()}`);
          return undefined;
        },
        SUITE_TIMEOUT_MS,
      );
    } catch (error) {
      const shot = await workbench?.screenshot('FAILED-vscode-api-suite').catch(() => 'none');
      (error as Error).message += `\n  screenshot: ${shot}\n  code-server log: ${server.logFile}`;
      throw error;
    } finally {
      await browser.close();
      await server.stop();
    }
    assert.ok(report.results.length > 0, 'the suite ran tests');
    for (const result of report.results) {
      await t.test(result.title, () => {
        if (result.state !== 'passed') throw new Error(result.detail ?? result.state);
      });
    }
    assert.equal(report.failures, 0, `${report.failures} VS Code API test(s) failed`);
  });
});
