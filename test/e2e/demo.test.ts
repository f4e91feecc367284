// `npm run demo` works: it serves the examples/ workspace with the extension, and
// the pitfalls in it are underlined in the workbench it prints the URL of.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { launchChromium } from './support/chromium';
import { ensureCodeServer, freePort, ROOT, until } from './support/code-server';
import { Workbench } from './support/workbench';

const DEMO = path.join(ROOT, 'out/tools/demo.js');

describe('npm run demo', () => {
  it('serves examples/ with the extension and stops on Ctrl-C', { timeout: 240_000 }, async () => {
    assert.ok(existsSync(DEMO), `${DEMO} is missing: run \`node scripts/build.mjs --tests\``);
    ensureCodeServer();
    const port = await freePort();
    const demo = spawn(process.execPath, [DEMO], {
      env: { ...process.env, PYTHONIC_DEMO_PORT: String(port), PYTHONIC_DEMO_DIR: mkdtempSync(path.join(tmpdir(), 'pythonic-demo-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.on('data', (chunk) => (output += chunk));
    demo.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
    const browser = await launchChromium();
    let workbench: Workbench | undefined;
    try {
      const url = await until('the demo to print its URL', () => output.match(/open (http:\/\/127\.0\.0\.1:\d+\/\S*)/)?.[1], 90_000);
      assert.ok(url.startsWith(`http://127.0.0.1:${port}/`), url);
      workbench = await Workbench.open(browser, { url: () => url });
      await workbench.openFile('mutable_defaults.py');
      await workbench.waitFor('PP401 squiggles in the example', '.editor-group-container.active .squiggly-warning:visible');
      await workbench.hoverSquiggle(/PP401 Mutable default argument/);
      await workbench.screenshot('demo-mutable-defaults');
    } catch (error) {
      const shot = await workbench?.screenshot('FAILED-demo').catch(() => 'none');
      (error as Error).message += `\n  screenshot: ${shot}\n  demo output:\n${output}`;
      throw error;
    } finally {
      await browser.close();
      demo.kill('SIGINT');
    }
    assert.equal(await exited, 0, `the demo exits cleanly on Ctrl-C:\n${output}`);
  });
});
