// `pythonic server`: its arguments are read by the CLI's entry (cli.ts), which starts
// the language server without loading the other commands.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { describe, it } from 'node:test';
import { runCli } from './support/cli';
import { TestServer } from './support/lsp';

describe('pythonic server', () => {
  it('--stdio starts the language server, which publishes the first diagnostics and exits cleanly', async () => {
    const server = await TestServer.start();
    await server.open('file:///startup/small.py', 'def f(x=[]):\n    return x\n');
    const published = await server.diagnosticsFor('file:///startup/small.py', 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['PP401', 0, 8]],
    );
    assert.equal(await server.stop(), 0);
  });

  it('without --stdio is a usage error', () => {
    const result = runCli(['server'], os.tmpdir());
    assert.deepEqual(result, { code: 2, stdout: '', stderr: 'pythonic: server supports --stdio only\n' });
  });

  it('with an unknown option is a usage error', () => {
    const result = runCli(['server', '--stdio', '--tcp'], os.tmpdir());
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^pythonic: Unknown option '--tcp'/);
  });
});
