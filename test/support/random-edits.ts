// Seeded random edits on a Python text, as LSP didChange notifications: insertions and
// deletions including newlines, `\r\n` and tabs, deletions across functions, and some
// notifications with two changes (the second refers to the text after the first).
// Used by the server scheduling test and by `npm run bench`.
import { TextBuffer } from '../../server/src/lsp/text-buffer';

export interface RandomChange {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** A small PRNG (mulberry32): the same seed gives the same edits on every machine. */
export function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 2 ** 32) % n;
  };
}

const PIECES = [
  'x', 'y', ' ', '_', '1', ':', '(', ')', '[', ']', '.', ',', '"', "'", '#', '=',
  '\n', '\n', '\r\n', '\t', '    ', '\n    ',
  'def h(q={}):\n    return q\n',
  '    if a == None:\n        pass\n',
  'class K:\n    def m(self, z=set()):\n        ...\n',
  'for i in range(3):\n    print(i)\nelse:\n    pass\n',
  '"""doc"""\n', 'é😀', 'lambda: i', 'global total\n',
];

/**
 * `count` notifications' worth of changes against `text`; returns them and the final text.
 * Small edits are typing; about one in forty deletes up to 3,000 characters (across functions).
 * Positions and the final text come from the server's text buffer (which text-buffer.test
 * holds to vscode-languageserver-textdocument's meaning), so a position the model adjusts
 * (between `\r` and `\n`) means the same to both; a TextDocument would copy the whole text
 * on every change.
 */
export function randomEdits(initial: string, count: number, seed: number): { notifications: RandomChange[][]; text: string } {
  const random = prng(seed);
  const notifications: RandomChange[][] = [];
  const doc = new TextBuffer(initial);
  const one = (): RandomChange => {
    const length = doc.length;
    const start = random(length + 1);
    const kind = random(40);
    let end = start;
    let inserted = '';
    if (kind === 0) end = Math.min(length, start + 100 + random(2900));
    else if (kind < 14) end = Math.min(length, start + 1 + random(12));
    else if (kind < 18) {
      end = Math.min(length, start + 1 + random(6));
      inserted = PIECES[random(PIECES.length)];
    } else inserted = PIECES[random(PIECES.length)];
    const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: inserted };
    doc.apply(change);
    return change;
  };
  for (let i = 0; i < count; i++) notifications.push(random(5) === 0 ? [one(), one()] : [one()]);
  return { notifications, text: doc.getText() };
}
