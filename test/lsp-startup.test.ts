// `pythonic server`: its arguments are read by the CLI's entry (cli.ts), which starts
// the language server without loading the other commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './support/cli';
import { SERVER_NODE_FLAGS } from '../shared/node-flags';
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

  // The child's command line is read from /proc.
  it('started without the server\'s V8 flags (as the shebang starts it), runs itself again with them and passes on its exit', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
    const server = await TestServer.start({ nodeFlags: [] });
    await server.open('file:///startup/small.py', 'def f(x=[]):\n    return x\n');
    assert.equal((await server.diagnosticsFor('file:///startup/small.py', 1)).diagnostics.length, 1);
    const children = fs
      .readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid) && fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1] === String(server.process.pid));
    assert.equal(children.length, 1, 'one child process serves');
    const argv = fs.readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0');
    assert.deepEqual(argv.slice(1, 1 + SERVER_NODE_FLAGS.length), [...SERVER_NODE_FLAGS]);
    assert.deepEqual(argv.slice(-3, -1), ['server', '--stdio']);
    assert.equal(await server.stop(), 0);
    assert.equal(fs.existsSync(`/proc/${children[0]}`), false, 'the child has exited');
  });

  it('loads none of the Node built-ins that only `check` or unused library helpers need', async () => {
    // Each of these costs the server's cold start a few milliseconds to load.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pythonic-builtins-'));
    const preload = path.join(dir, 'record.js');
    const list = path.join(dir, 'modules.json');
    fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
    try {
      const server = await TestServer.start({ env: { NODE_OPTIONS: `--require ${preload}` } });
      await server.open('file:///startup/small.py', 'def f(x=[]):\n    return x\n');
      assert.equal((await server.diagnosticsFor('file:///startup/small.py', 1)).diagnostics.length, 1);
      assert.equal(await server.stop(), 0);
      const loaded = new Set((JSON.parse(fs.readFileSync(list, 'utf8')) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)));
      assert.ok(loaded.has('vm'), 'the list holds the built-ins the server loaded');
      const needless = ['child_process', 'worker_threads', 'fs/promises', 'readline'].filter((m) => loaded.has(m));
      assert.deepEqual(needless, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--node-ipc (how VS Code starts it) serves over the IPC channel: diagnostics, a hover, a clean exit', async () => {
    const server = await TestServer.start({ transport: 'ipc' });
    await server.open('file:///startup/ipc.py', 'def f(x=[]):\n    return x\n');
    const published = await server.diagnosticsFor('file:///startup/ipc.py', 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      [['PP401', 0, 8, 0, 10]],
    );
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///startup/ipc.py' },
      position: { line: 1, character: 11 },
    })) as { contents: { kind: string; value: string } } | null;
    assert.deepEqual(hover?.contents, { kind: 'markdown', value: '**`x`** — parameter of `f`\n\nBound to the argument when `f` is called.' });
    assert.equal(await server.stop(), 0);
  });

  it('without a channel, or with both, is a usage error', () => {
    const expected = { code: 2, stdout: '', stderr: 'pythonic: server needs one of --stdio and --node-ipc (the channel VS Code starts it with)\n' };
    assert.deepEqual(runCli(['server'], os.tmpdir()), expected);
    assert.deepEqual(runCli(['server', '--stdio', '--node-ipc'], os.tmpdir()), expected);
  });

  it('--node-ipc in a process started without an IPC channel is a usage error', () => {
    const result = runCli(['server', '--node-ipc'], os.tmpdir());
    assert.deepEqual(result, { code: 2, stdout: '', stderr: 'pythonic: --node-ipc needs a parent process that opened an IPC channel (node:child_process fork)\n' });
  });

  it('with an unknown option is a usage error', () => {
    const result = runCli(['server', '--stdio', '--tcp'], os.tmpdir());
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^pythonic: Unknown option '--tcp'/);
  });
});
