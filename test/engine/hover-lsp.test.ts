// Hover round trips through the real bundled server over stdio: the same
// explanations the engine gives, delivered as LSP markdown with the right range.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestServer } from '../support/lsp';

interface LspHover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const TEXT = [
  'from functools import partial',
  'from dataclasses import dataclass',
  '',
  '@dataclass(frozen=True)',
  'class Card:',
  '    rank: str',
  '',
  '    def __hash__(self):',
  '        return hash(self.rank)',
  '',
  'def first_even(numbers):',
  '    for n in numbers:',
  '        if n % 2 == 0:',
  '            break',
  '    else:',
  '        return None',
  '    return partial(print, n)',
  '',
].join('\n');

describe('hover over the wire', () => {
  let server: TestServer;
  const uri = 'file:///hover.py';
  const hoverAt = (line: number, character: number) =>
    server.request<LspHover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  before(async () => {
    server = await TestServer.start();
    await server.open(uri, TEXT);
    await server.diagnosticsFor(uri, 1);
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('explains a dunder definition as markdown, ranged on the name', async () => {
    const h = (await hoverAt(7, 10))!;
    assert.equal(h.contents.kind, 'markdown');
    assert.equal(h.contents.value.split('\n')[0], '**`__hash__`** · special method');
    assert.deepEqual(h.range, { start: { line: 7, character: 8 }, end: { line: 7, character: 16 } });
  });

  it('explains hash(...) as the builtin, linking __hash__, and a decorator as its idiom with the options passed', async () => {
    const hash = (await hoverAt(8, 16))!.contents.value.split('\n');
    assert.equal(hash[0], '**`hash`** · builtin function');
    assert.equal(hash[hash.indexOf('**Calls:**') + 1], "- `__hash__` — An integer that must stay the same for the object's lifetime and agree with `__eq__` (equal objects, equal hashes).");
    const decorator = (await hoverAt(3, 3))!.contents.value;
    assert.equal(decorator.split('\n')[0], '**`dataclasses.dataclass`** · library');
    assert.match(decorator, /\n- `frozen=True` — when true, assigning to a field raises `FrozenInstanceError`/);
  });

  it('says when a loop `else` runs, and resolves an imported library name', async () => {
    const loopElse = (await hoverAt(14, 5))!;
    assert.equal(loopElse.contents.value.split('\n')[0], '**`else` on a `for` loop** · keyword');
    assert.deepEqual(loopElse.range, { start: { line: 14, character: 4 }, end: { line: 14, character: 8 } });
    assert.equal((await hoverAt(16, 12))!.contents.value.split('\n')[0], '**`functools.partial`** · library');
  });

  it('returns null where there is nothing to explain', async () => {
    // A blank line: every name, even `first_even`, has at least its scope to show.
    assert.equal(await hoverAt(2, 0), null);
  });
});
