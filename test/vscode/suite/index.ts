// Entry that VS Code's extension host calls (`extensionTestsPath`): runs every
// `*.test.js` beside it with mocha. Both launchers call it: @vscode/test-electron
// (`runTest.ts`) reads mocha's output and the exit code; the code-server launcher
// (`test/e2e/vscode-api.test.ts`) cannot see the extension host's output, so when
// PYTHONIC_VSCODE_RESULTS names a file, every test's outcome is written there too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  /** Failure message and stack. */
  detail?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'))) mocha.addFile(path.join(__dirname, file));
  const results: SuiteResult[] = [];
  const resultsFile = process.env.PYTHONIC_VSCODE_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ results, failures }, null, 2));
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, detail: error.stack ?? String(error) }),
    );
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending', detail: 'skipped (it.skip or this.skip())' }));
  });
}
