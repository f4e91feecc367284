// The scope analysis through the real bundled server over stdio: the scope hover
// on a name (next to the PP801 diagnostic's own hover), and PP8xx diagnostics
// after a series of incremental edits equal to a fresh analysis of the final text.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine';
import { check, positionOf } from '../support/engine';
import { TestServer } from '../support/lsp';
import { AVERAGER } from '../support/scope-samples';

interface LspHover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const TEXT = ['hits = 0', '', 'def record():', '    hits += 1', '    return hits', ''].join('\n');

describe('scope over the wire', () => {
  let server: TestServer;
  const uri = 'file:///scopes.py';

  before(async () => {
    // PP804 is opt-in: select it along with the default rules.
    server = await TestServer.start({ configuration: () => ({ select: ['PP', 'PP804'] }) });
    await server.open(uri, TEXT);
    await server.diagnosticsFor(uri, 1);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('hovers a name with its scope, after the diagnostic that explains the error', async () => {
    const h = (await server.request<LspHover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 12 } }))!;
    assert.equal(h.contents.kind, 'markdown');
    assert.equal(h.contents.value.split('\n')[0], '**`hits`** — local to `record` (assigned on line 4)');
    assert.deepEqual(h.range, { start: { line: 4, character: 11 }, end: { line: 4, character: 15 } });

    const onError = (await server.request<LspHover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } }))!;
    const sections = onError.contents.value.split('\n\n---\n\n');
    assert.match(sections[0], /PP801/);
    assert.match(sections.at(-1)!, /\*\*Can raise UnboundLocalError here\.\*\*/);
  });

  it('after incremental edits, publishes what a fresh analysis of the final text finds', async () => {
    const edits = [
      // declare the global: PP801 goes, PP804 (hint) comes
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '    global hits\n' },
      // delete the module-level name and read it again further down
      { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'del hits\nprint(hits)\n' },
      // a loop of closures over the loop variable
      { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: 'fs = [lambda: i for i in range(3)]\n' },
    ];
    let text = TEXT;
    let version = 1;
    for (const change of edits) {
      version++;
      await server.change(uri, version, [change]);
      text = applyEdits(text, [{ range: change.range, newText: change.text }]);
    }
    const published = await server.diagnosticsFor(uri, version);
    const fresh = await check(text, { select: ['PP', 'PP804'] });
    const key = (code: unknown, r: { start: { line: number; character: number } }) => `${String(code)} ${r.start.line}:${r.start.character}`;
    assert.deepEqual(
      published.diagnostics.map((d) => key(d.code, d.range)).sort(),
      fresh.map((d) => key(d.code, d.range)).sort(),
    );
    assert.deepEqual(fresh.map((d) => d.code).filter((c) => c.startsWith('PP8')).sort(), ['PP803', 'PP804']);
  });
});

// Each wording of the scope hover, as an editor receives it.
const WORDINGS = [
  AVERAGER, //                              1-20
  '',
  'def bump():', //                         22
  '    print(total)', //                    23
  '    total = 1', //                       24
  '',
].join('\n');

describe('scope hover wordings over the wire', () => {
  let server: TestServer;
  const uri = 'file:///wordings.py';
  /** The scope section of the hover: the last section, whose first line names the kind of name. */
  const scopeSection = async (needle: string, nth = 1, offset = 0) => {
    const h = await server.request<LspHover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(WORDINGS, needle, nth, offset) });
    assert.ok(h, `a hover on ${needle} #${nth}`);
    return h.contents.value.split('\n\n---\n\n').at(-1)!;
  };

  before(async () => {
    server = await TestServer.start();
    await server.open(uri, WORDINGS);
    await server.diagnosticsFor(uri, 1);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('local, global, free variable, builtin, parameter, class attribute, imported', async () => {
    const firstLine = async (needle: string, nth = 1) => (await scopeSection(needle, nth)).split('\n')[0];
    assert.equal(await firstLine('best', 2), '**`best`** — local to `over` (assigned on line 18)');
    assert.equal(await firstLine('total', 1), '**`total`** — global, defined at module level on line 3');
    assert.equal(await firstLine('total / count'), '**`total`** — free variable captured from `make_averager` (closure cell)');
    assert.equal(await firstLine('score', 2), '**`score`** — parameter of `over`');
    assert.equal(await firstLine('limit'), '**`limit`** — class attribute — not visible inside methods without `self.`/`cls.`');
    assert.equal(await firstLine('path', 2), '**`path`** — imported from `os`');
    // `max` and `os` also have knowledge-base entries; the scope section still says what they are.
    assert.match(await scopeSection('max'), /builtin/);
    assert.match(await scopeSection('os'), /imported module `os`/);
  });

  it('warns that a read can raise UnboundLocalError, and why', async () => {
    const h = await scopeSection('print(total)', 1, 'print('.length);
    assert.equal(h.split('\n')[0], '**`total`** — local to `bump` (assigned on line 24)');
    assert.match(h, /\*\*Can raise UnboundLocalError here\.\*\* `bump` assigns `total` on line 24/);
  });

  it('explains `nonlocal` for the name under the cursor', async () => {
    assert.match(await scopeSection('count', 2), /^\*\*`nonlocal count`\*\* — inside `averager`, `count` is the variable of the enclosing function `make_averager`/);
  });
});
