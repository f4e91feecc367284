// The server's text buffer must mean what vscode-languageserver-textdocument means by
// every change and position (clamping, reversed ranges, `\r\n`, lone `\r`). The oracle
// is a TextDocument created afresh from the text after each change: the change's range
// is converted to offsets by it, and every position and offset asked of the buffer is
// asked of it too. (An incrementally updated TextDocument is no oracle for positions past
// the last line: it can leave holes in its line offsets.)
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextBuffer } from '../server/src/lsp/text-buffer';
import { prng } from './support/random-edits';

const PIECES = ['x', 'é😀', '\n', '\r\n', '\r', '\t', '    ', 'def f(a=[]):\n    return a\r\n', '\r\r\n\n', ''];

interface Position {
  line: number;
  character: number;
}

describe('text buffer', () => {
  it('agrees with TextDocument on text, positions and offsets through 5,000 random changes', () => {
    const random = prng(7);
    const initial = 'import os\r\n\ndef g(x):\n    return x\r\n';
    let text = initial;
    let oracle = TextDocument.create('file:///t.py', 'python', 0, text);
    const buffer = new TextBuffer(initial);
    const randomPosition = (): Position => ({ line: random(oracle.lineCount + 2), character: random(4) === 0 ? 1000 : random(30) });
    const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    for (let step = 0; step < 5000; step++) {
      const kind = random(20);
      if (kind === 0) {
        const replacement = PIECES[random(PIECES.length)].repeat(1 + random(5)) + initial;
        buffer.apply({ text: replacement });
        text = replacement;
      } else {
        // Mostly positions of offsets that exist, sometimes raw positions past a line or the end, sometimes reversed.
        const a = kind < 4 ? randomPosition() : oracle.positionAt(random(text.length + 1));
        const b = kind < 6 ? randomPosition() : oracle.positionAt(Math.min(text.length, oracle.offsetAt(a) + random(kind < 8 ? 200 : 8)));
        const range = random(10) === 0 ? { start: b, end: a } : { start: a, end: b };
        const inserted = PIECES[random(PIECES.length)];
        buffer.apply({ range, text: inserted });
        const [start, end] = before(range.start, range.end) ? [range.start, range.end] : [range.end, range.start];
        text = text.slice(0, oracle.offsetAt(start)) + inserted + text.slice(oracle.offsetAt(end));
      }
      oracle = TextDocument.create('file:///t.py', 'python', step + 1, text);
      assert.equal(buffer.length, text.length, `length after change ${step}`);
      if (step % 7 === 0) assert.equal(buffer.getText(), text, `text after change ${step}`);
      assert.equal(buffer.lineCount, oracle.lineCount, `line count after change ${step}`);
      for (let probe = 0; probe < 3; probe++) {
        const offset = random(text.length + 3);
        assert.deepEqual(buffer.positionAt(offset), oracle.positionAt(offset), `positionAt(${offset}) after change ${step}`);
        const position = randomPosition();
        assert.equal(buffer.offsetAt(position), oracle.offsetAt(position), `offsetAt(${JSON.stringify(position)}) after change ${step}`);
        assert.equal(buffer.charCodeAt(offset), text.charCodeAt(offset));
      }
    }
    assert.equal(buffer.getText(), text);
  });
});
