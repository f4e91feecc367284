// Neovim 0.7 as a second LSP client of the bundled server (`pythonic server --stdio`):
// diagnostics arrive and hovers return our explanations. The Lua side is lsp.lua.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const NVIM = '/usr/bin/nvim';
const SOURCE = [
  'def add(item, bucket=[]):',
  '    bucket.append(item)',
  '    return bucket',
  '',
  '',
  'class Account:',
  '    def __init__(self):',
  '        self.__pin = 1234',
  '',
].join('\n');

interface NvimResults {
  filetype: string;
  diagnostics_arrived: boolean;
  diagnostics: { line: number; character: number; end_character: number; severity: number; source: string; code: string; message: string }[];
  hovers: { position: { line: number; character: number }; text: string | null }[];
  errors: string[];
  server_stopped: boolean;
}

describe('Pythonic in Neovim (vim.lsp)', () => {
  let results: NvimResults;

  before(() => {
    assert.ok(existsSync(NVIM), `${NVIM} is missing: apt-get install neovim`);
    const cli = path.join(ROOT, 'out/cli.js');
    assert.ok(existsSync(cli), 'out/cli.js is missing: run `npm run build`');
    const scratch = mkdtempSync(path.join(tmpdir(), 'pythonic-nvim-'));
    const file = path.join(scratch, 'pitfalls.py');
    writeFileSync(file, SOURCE);
    const resultsFile = path.join(scratch, 'results.json');
    const run = spawnSync(NVIM, ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test/nvim/lsp.lua')}`], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        PYTHONIC_SERVER_CMD: JSON.stringify([process.execPath, cli, 'server', '--stdio']),
        PYTHONIC_FILE: file,
        PYTHONIC_HOVERS: JSON.stringify([
          { line: 0, character: 22 }, // the `[]` default
          { line: 7, character: 15 }, // `__pin` in `self.__pin`
        ]),
        PYTHONIC_RESULTS: resultsFile,
        XDG_STATE_HOME: scratch, // keeps Neovim's LSP log out of the home folder
        XDG_CACHE_HOME: scratch,
      },
    });
    assert.ok(existsSync(resultsFile), `Neovim wrote no results (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    assert.deepEqual(results.errors, [], 'errors inside Neovim');
    assert.equal(run.status, 0, `nvim exit status\n${run.stderr}`);
  });

  it('publishes the PP401 diagnostic to vim.diagnostic', () => {
    assert.ok(results.diagnostics_arrived, 'diagnostics arrived within 30 s');
    assert.equal(results.diagnostics.length, 1);
    const [d] = results.diagnostics;
    assert.deepEqual([d.line, d.character, d.end_character], [0, 21, 23]);
    assert.equal(d.code, 'PP401');
    assert.equal(d.source, 'pythonic');
    assert.equal(d.severity, 2, 'vim.diagnostic.severity.WARN');
    assert.match(d.message, /`bucket` defaults to a list `\[\]`/);
  });

  it('answers a hover on the diagnostic with the rule explanation', () => {
    assert.match(results.hovers[0].text ?? '', /PP401 Mutable default argument/);
  });

  it('answers a hover on a mangled name with its stored name', () => {
    assert.match(results.hovers[1].text ?? '', /_Account__pin/);
  });

  it('shuts the server down cleanly', () => {
    assert.ok(results.server_stopped);
  });
});
