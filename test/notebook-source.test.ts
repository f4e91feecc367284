// A notebook's cells as one module: the line map between cells and module, the blanking
// of IPython syntax, and diagnostics split back per cell (notebook-source.ts), checked
// against the real engine where the module must parse and analyse as Python.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Diagnostic } from '../server/src/engine';
import { analyzeNotebook, fixNotebook } from '../server/src/notebook-fix';
import { blankIPython, diagnosticsByCell, notebookSource, rangeInCell, toCell, toModule } from '../server/src/notebook-source';
import { parseIpynb, updateIpynb } from '../server/src/ipynb';
import type { Parser } from '../server/src/parser';
import { DEFAULT_SETTINGS } from '../server/src/engine';
import { testParser } from './support/engine';

const at = (line: number, character: number) => ({ line, character });

describe('notebook source: cells as one module', () => {
  it('joins the cells with one line break and maps every line both ways', () => {
    const source = notebookSource(['a = 1\nb = 2', 'c = a\n', 'd = 4\r\ne = 5']);
    assert.equal(source.text, 'a = 1\nb = 2\nc = a\n\nd = 4\r\ne = 5');
    assert.deepEqual(
      source.cells.map(({ firstLine, lineCount, lastLineLength }) => ({ firstLine, lineCount, lastLineLength })),
      [
        { firstLine: 0, lineCount: 2, lastLineLength: 5 },
        { firstLine: 2, lineCount: 2, lastLineLength: 0 },
        { firstLine: 4, lineCount: 2, lastLineLength: 5 },
      ],
    );
    assert.deepEqual(toCell(source, at(3, 0)), { cell: 1, position: at(1, 0) });
    assert.deepEqual(toCell(source, at(5, 3)), { cell: 2, position: at(1, 3) });
    assert.equal(toCell(source, at(6, 0)), null);
    assert.deepEqual(toModule(source, { cell: 2, position: at(1, 3) }), at(5, 3));
    assert.deepEqual(rangeInCell(source, 1, { start: at(2, 0), end: at(2, 5) }), { start: at(0, 0), end: at(0, 5) });
    assert.equal(rangeInCell(source, 0, { start: at(1, 0), end: at(2, 1) }), null, 'a range into the next cell is not in the cell');
  });

  it('blanks line magics, shell escapes, help and magic assignments, keeping lines and indentation', () => {
    const cell = ['%matplotlib inline', '!pip install x', 'files = !ls -l', 'a, b = %who_ls', 'len?', '??print', 'if True:', '    %time f()', 'x = 5 % 2'].join('\n');
    const { text, blanked } = blankIPython(cell);
    assert.deepEqual(text.split('\n'), [
      'pass              ',
      'pass          ',
      'files = ...   ',
      'a, b = ...    ',
      'pass',
      'pass   ',
      'if True:',
      '    pass     ',
      'x = 5 % 2',
    ]);
    assert.deepEqual([...blanked], [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [7, 4]]);
  });

  it('blanks a whole cell under a cell magic, and a shell escape continued with a backslash', () => {
    assert.deepEqual(blankIPython('%%bash\necho hi\r\nls'), { text: '\n\r\n', blanked: new Map([[0, 0], [1, 0], [2, 0]]) });
    assert.deepEqual(blankIPython('!echo a \\\n  b\nx = 1'), { text: 'pass     \n\nx = 1', blanked: new Map([[0, 0], [1, 0]]) });
  });

  it('leaves `%`, `!` and `?` alone inside brackets, strings and continued lines', () => {
    const cell = ['s = ("%d"', '     % 3)', 'doc = """', '%not a magic', '"""', 'y = 1 + \\', '    2', "t = 'a?'", '# why?'].join('\n');
    assert.deepEqual(blankIPython(cell), { text: cell, blanked: new Map() });
  });

  it('drops diagnostics on blanked lines, cuts one that runs into the next cell, and keeps a fix only inside its cell', () => {
    const source = notebookSource(['%time x = 1\ny = 2', 'z = 3']);
    const diagnostic = (range: Diagnostic['range'], edits = [{ range, newText: 'w' }]): Diagnostic => ({
      code: 'PP000',
      name: 'test',
      severity: 'warning',
      message: 'm',
      range,
      fix: { title: 't', safety: 'safe', edits },
    });
    const onMagic = diagnostic({ start: at(0, 6), end: at(0, 7) });
    const inCell2 = diagnostic({ start: at(2, 0), end: at(2, 1) });
    const spanning = diagnostic({ start: at(1, 0), end: at(2, 1) });
    const fixInOtherCell = diagnostic({ start: at(1, 0), end: at(1, 1) }, [{ range: { start: at(2, 0), end: at(2, 1) }, newText: 'w' }]);
    const fixOnMagic = diagnostic({ start: at(1, 0), end: at(1, 1) }, [{ range: { start: at(0, 0), end: at(1, 1) }, newText: 'w' }]);
    const [first, second] = diagnosticsByCell(source, [onMagic, inCell2, spanning, fixInOtherCell, fixOnMagic]);
    assert.deepEqual(second, [{ ...inCell2, range: { start: at(0, 0), end: at(0, 1) }, fix: { ...inCell2.fix!, edits: [{ range: { start: at(0, 0), end: at(0, 1) }, newText: 'w' }] } }]);
    assert.deepEqual(
      first.map((d) => ({ range: d.range, fix: d.fix })),
      [
        { range: { start: at(1, 0), end: at(1, 5) }, fix: null },
        { range: { start: at(1, 0), end: at(1, 1) }, fix: null },
        { range: { start: at(1, 0), end: at(1, 1) }, fix: null },
      ],
    );
  });
});

describe('notebook source with the engine', () => {
  let parser: Parser;
  before(async () => {
    parser = await testParser();
  });

  it('sees a name defined in an earlier cell, and reports on the later cell with its own lines', () => {
    const cells = ['def isinstance(a, b):\n    return True', '%matplotlib inline\nisinstance(3, float)', 'isinstance(3, float)'];
    const alone = analyzeNotebook({ parser, cells: [cells[2]], settings: DEFAULT_SETTINGS });
    assert.deepEqual(alone?.[0].map((d) => [d.code, d.range.start]), [['PP201', at(0, 14)]], 'alone, the call is flagged');
    const together = analyzeNotebook({ parser, cells, settings: DEFAULT_SETTINGS });
    assert.deepEqual(together, [[], [], []]);
    const bus = analyzeNotebook({ parser, cells: ['x = 1', '%%time\nundefined(', 'def f(a=[]):  # noqa\n    pass', 'def g(a=[]):\n    pass'], settings: DEFAULT_SETTINGS });
    assert.deepEqual(bus?.map((list) => list.map((d) => [d.code, d.range.start])), [[], [], [], [['PP401', at(0, 8)]]]);
  });

  it('fixes cells one by one, leaving IPython lines as they were', () => {
    const cells = ['%load_ext autoreload\nimport os', 'def add(item, bucket=[]):\n    !echo adding\n    return bucket'];
    const { cells: fixed, codes } = fixNotebook({ parser, cells, settings: DEFAULT_SETTINGS, unsafe: true });
    assert.deepEqual(codes, ['PP401']);
    assert.deepEqual(fixed, [cells[0], 'def add(item, bucket=None):\n    if bucket is None:\n        bucket = []\n    !echo adding\n    return bucket']);
  });
});

describe('ipynb files', () => {
  const notebook = (source: unknown, indent = 1) =>
    JSON.stringify(
      {
        cells: [
          { cell_type: 'markdown', metadata: {}, source: ['# Notes\n'] },
          { cell_type: 'code', execution_count: 1, metadata: { tags: [] }, outputs: [{ output_type: 'stream', name: 'stdout', text: ['3\n'] }], source },
        ],
        metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      indent,
    ) + '\n';

  it('reads the code cells with their numbers among all cells, as list or string source', () => {
    assert.deepEqual(parseIpynb(notebook(['x = 1\n', 'y = 2'])), { cells: [{ number: 2, text: 'x = 1\ny = 2' }], otherLanguage: null });
    assert.deepEqual(parseIpynb(notebook('x = 1')).cells, [{ number: 2, text: 'x = 1' }]);
    assert.deepEqual(parseIpynb('{"cells": [], "metadata": {"language_info": {"name": "R"}}}'), { cells: [], otherLanguage: 'R' });
  });

  it('says what is wrong with a file that is not a notebook', () => {
    assert.throws(() => parseIpynb('{"cells": ['), /^Error: not a valid notebook: /);
    assert.throws(() => parseIpynb('{"worksheets": []}'), /^Error: not a valid notebook: no "cells" list/);
    assert.throws(() => parseIpynb('{"cells": [{"cell_type": "code", "source": 3}]}'), /^Error: not a valid notebook: cell 1 has no text "source"/);
  });

  it('writes back only the changed source, in the file’s own indentation and form', () => {
    for (const indent of [1, 2, 4]) {
      const before = notebook(['x = 1\n', 'y = 2'], indent);
      assert.equal(updateIpynb(before, new Map([[2, 'x = 1\nz = 3\n']])), notebook(['x = 1\n', 'z = 3\n'], indent));
    }
    assert.equal(updateIpynb(notebook('x = 1'), new Map([[2, 'x = 2']])), notebook('x = 2'));
    const crlf = notebook(['a'], 1).replace(/\n/g, '\r\n');
    assert.equal(updateIpynb(crlf, new Map([[2, 'b']])), notebook(['b'], 1).replace(/\n/g, '\r\n'));
  });
});
