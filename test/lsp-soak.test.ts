// Soak: 1,000 seeded random edits to a real ~300-line stdlib module through the real
// server — typing code fragments with `\n`, `\r\n`, lone `\r` and tabs, deletions across
// lines, notifications with two or three changes. After every 100 edits the diagnostics the
// server publishes for that version must equal a fresh in-process analysis of the text
// this test tracks on its own (plain string splicing, positions counted the way LSP counts
// lines), so the server's incremental text, tree and analysis cache are all checked
// against a from-scratch run. The server's memory is reported, not asserted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { prng } from './support/random-edits';
import { readSource, STDLIB } from './support/corpus';
import { check } from './support/engine';
import { TestServer } from './support/lsp';

const SEED = 11_05;
const EDITS = 1_000;
const CHECK_EVERY = 100;
const SETTINGS = { select: ['ALL'] };
const FILE = path.join(STDLIB, 'copy.py');

const FRAGMENTS = [
  'x', 'y', ' ', '_', '1', ':', '(', ')', '[', ']', '.', ',', '"', "'", '#', '=', '\\',
  '\n', '\r\n', '\r', '\t', '    ', '\n    ', '\r\n\t', '\r\r\n\n',
  'def h(q={}):\n    return q\n',
  'def k(a=[]):\r\n    return a\r\n',
  '    if a == None:\r        pass\r',
  '\tif type(v) == int:\n\t\tpass\n',
  'class K:\n    def m(self, z=set()):\n        ...\n',
  'for i in range(3):\n    f = lambda: i\n',
  '"""doc"""\n', 'é😀', 'lambda: i', 'global total\n', 'x is 1', 'open(p)\n',
];

interface Position {
  line: number;
  character: number;
}

/** The position of `offset`, with lines ended by `\n`, `\r\n` or a lone `\r` (what LSP and Python mean by a line). */
function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

function vmRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
}

function keys(diagnostics: Array<{ code?: string | number; range: { start: Position; end: Position } }>): string[] {
  return diagnostics
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort();
}

describe('soak: 1,000 random edits through the server', () => {
  it(`every 100 edits, the published diagnostics equal a fresh analysis (seed ${SEED})`, async (t) => {
    const random = prng(SEED);
    const original = readSource(FILE);
    const originalLines = original.split('\n');
    let text = original;
    /** A few whole lines of the original module, as when code is pasted back. */
    const pasteFromOriginal = (): string => {
      const first = random(originalLines.length);
      return originalLines.slice(first, first + 1 + random(12)).join('\n') + '\n';
    };
    const server = await TestServer.start({ initializationOptions: { settings: SETTINGS } });
    const rssStart = vmRssKb(server.process.pid!);
    const uri = 'file:///soak/copy.py';
    try {
      await server.open(uri, text);
      await server.diagnosticsFor(uri, 1, 30_000);

      /** An offset not inside a `\r\n` pair (a position cannot point between the two). */
      const offset = (): number => {
        const at = random(text.length + 1);
        return text[at - 1] === '\r' && text[at] === '\n' ? at + 1 : at;
      };
      const change = () => {
        const start = offset();
        const kind = random(40);
        let end = start;
        let inserted = '';
        if (kind === 0) end = Math.min(text.length, start + 50 + random(600));
        else if (kind < 3) inserted = pasteFromOriginal();
        else if (kind < 12) end = Math.min(text.length, start + 1 + random(12));
        else if (kind < 16) {
          end = Math.min(text.length, start + 1 + random(8));
          inserted = FRAGMENTS[random(FRAGMENTS.length)];
        } else inserted = FRAGMENTS[random(FRAGMENTS.length)];
        if (text[end - 1] === '\r' && text[end] === '\n') end++;
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        text = text.slice(0, start) + inserted + text.slice(end);
        return { range, text: inserted };
      };

      let version = 1;
      let edits = 0;
      let checks = 0;
      while (edits < EDITS) {
        const size = Math.min(EDITS - edits, random(4) === 0 ? 2 + random(2) : 1);
        // The changes of one notification apply in order, each to the text left by the one before.
        const changes = Array.from({ length: size }, change);
        await server.change(uri, ++version, changes);
        const before = edits;
        edits += size;
        if (Math.floor(edits / CHECK_EVERY) > Math.floor(before / CHECK_EVERY) || edits === EDITS) {
          const published = await server.diagnosticsFor(uri, version, 30_000);
          const expected = await check(text, SETTINGS, uri);
          assert.deepEqual(
            keys(published.diagnostics),
            keys(expected),
            `seed ${SEED}: after ${edits} edits (version ${version}) the server disagrees with a fresh analysis of:\n${JSON.stringify(text)}`,
          );
          checks++;
        }
      }
      assert.equal(checks, EDITS / CHECK_EVERY);
      const rssEnd = vmRssKb(server.process.pid!);
      t.diagnostic(`server VmRSS: ${rssStart} kB at start, ${rssEnd} kB after ${EDITS} edits in ${version - 1} notifications, text ${text.length} characters (seed ${SEED})`);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});
