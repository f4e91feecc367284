// One line model: Python, LSP and the engine all end a line at `\n`, `\r\n` or a lone
// `\r` (source.ts `pythonLines`). Positions, fixes, `# noqa` and "Disable for this line"
// agree with what CPython reads, and comments only land where Python reads a comment.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits, noqaEdit, parsePython, SourceFile } from '../../server/src/engine';
import { TestServer } from '../support/lsp';
import { assertCompiles, check, testParser } from '../support/engine';

const at = (d: { code: string; range: { start: { line: number; character: number } } }) => `${d.code} ${d.range.start.line}:${d.range.start.character}`;
const PP401 = { select: ['PP401'] };

/** The "Disable PP401 for this line" edit for the diagnostic on `line`, applied to `text`. */
async function disabled(text: string, line: number): Promise<string | null> {
  const tree = parsePython(await testParser(), text)!;
  try {
    const edit = noqaEdit(new SourceFile(text, tree, 'test.py'), line, 'PP401');
    return edit && applyEdits(text, [edit]);
  } finally {
    tree.delete();
  }
}

describe('line breaks: \\n, \\r\\n and lone \\r', () => {
  it('reads lone-\\r lines as CPython does: both functions, at their own lines', async () => {
    const text = 'def f(a=[]):\r    return a\rdef g(b={}):\r    return b\r';
    assertCompiles(text, 'the lone-\\r source');
    assert.deepEqual((await check(text, PP401)).map(at), ['PP401 0:8', 'PP401 2:8']);
  });

  it('counts mixed breaks the way LSP does', async () => {
    const text = 'x = 1\r\ny = 2\rz = 3\ndef f(a=[]):\r    return a\n';
    assert.deepEqual((await check(text, PP401)).map(at), ['PP401 3:8']);
  });

  it('honours # noqa on a line that a lone \\r starts', async () => {
    assert.deepEqual(await check('x = 1\rdef f(a=[]):  # noqa: PP401\r    return a\r', PP401), []);
  });

  it('offers fixes in lone-\\r files; the fixed text compiles, keeps the other breaks and is no longer flagged', async () => {
    const text = 'x = 1\rdef f(a=[]):\r    return a\r';
    const [d] = await check(text, PP401);
    assert.ok(d.fix, 'a fix is offered');
    const fixed = applyEdits(text, d.fix.edits);
    assertCompiles(fixed);
    assert.ok(fixed.startsWith('x = 1\rdef f(a=None):'), JSON.stringify(fixed));
    assert.deepEqual(await check(fixed, PP401), []);
  });

  it('"Disable for this line" after a lone \\r goes at the end of that line, not inside the brackets', async () => {
    const text = 'a = 1\rdef f(x=[]):\n    pass\n';
    const suppressed = await disabled(text, 1);
    assert.equal(suppressed, 'a = 1\rdef f(x=[]):  # noqa: PP401\n    pass\n');
    assertCompiles(suppressed!);
    assert.deepEqual(await check(suppressed!, PP401), []);
  });

  it('"Disable for this line" adds the code to an existing # noqa list', async () => {
    const suppressed = await disabled('def f(x=[]):  # noqa: PP204\n    pass\n', 0);
    assert.equal(suppressed, 'def f(x=[]):  # noqa: PP204, PP401\n    pass\n');
    assert.deepEqual(await check(suppressed!, PP401), []);
  });

  it('"Disable for this line" on a \\ continuation puts the comment where Python reads one, and it suppresses', async () => {
    const text = 'def f(x=[], \\\n      y=1):\n    pass\n';
    const suppressed = await disabled(text, 0);
    assert.equal(suppressed, 'def f(x=[], \\\n      y=1):  # noqa: PP401\n    pass\n');
    assertCompiles(suppressed!);
    assert.deepEqual(await check(suppressed!, PP401), []);
  });

  it('"Disable for this line" on a line that ends inside a string goes after the string', async () => {
    const text = 'def f(x=[], y="""one\ntwo"""):\n    pass\n';
    const suppressed = await disabled(text, 0);
    assert.equal(suppressed, 'def f(x=[], y="""one\ntwo"""):  # noqa: PP401\n    pass\n');
    assertCompiles(suppressed!);
    assert.deepEqual(await check(suppressed!, PP401), []);
  });

  it('a backslash at the end of a comment is not a continuation', async () => {
    const suppressed = await disabled('def f(x=[]):  # see C:\\\n    pass\n', 0);
    assert.equal(suppressed, 'def f(x=[]):  # see C:\\  # noqa: PP401\n    pass\n');
    assert.deepEqual(await check(suppressed!, PP401), []);
    const listed = await disabled('def f(x=[]):  # noqa: PP204 C:\\\n    pass\n', 0);
    assert.equal(listed, 'def f(x=[]):  # noqa: PP204, PP401 C:\\\n    pass\n');
  });
});

describe('line breaks over the wire', () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start();
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('typing a lone \\r moves the diagnostics as a fresh open would place them', async () => {
    const uri = 'file:///cr.py';
    let text = 'x = 1\r\ndef f(a=[]):\r    return a\n';
    await server.open(uri, text);
    assert.deepEqual((await server.diagnosticsFor(uri, 1)).diagnostics.map((d) => at(d as never)), ['PP401 1:8']);
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\r' },
      // splits the \r\n of the (now) second line: a lone \r and a new empty line
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: '# c' },
      // pairs the lone \r before `return` with a \n: one break fewer
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n' },
    ];
    let version = 1;
    for (const change of edits) {
      version++;
      await server.change(uri, version, [change]);
      text = applyEdits(text, [{ range: change.range, newText: change.text }]);
      const published = (await server.diagnosticsFor(uri, version)).diagnostics.map((d) => at(d as never));
      assert.deepEqual(published, (await check(text)).map(at), `after edit ${version - 1}: ${JSON.stringify(text)}`);
    }
    assert.deepEqual((await check(text)).map(at), ['PP401 2:8']);
  });
});
