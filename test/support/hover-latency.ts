// Hover latency on a big file: the sample module repeated to 5,000 lines, and
// the hover asked at every explained construct. Measured by `npm run bench`
// (a wall-clock assertion in the tests failed CI on a busy machine).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hover } from '../../server/src/engine';
import type { Parser } from '../../server/src/parser';
import { ROOT } from './engine';

export interface HoverLatency {
  lines: number;
  hovers: number;
  /** Median over fresh trees of the first hover that needs the module's imports (scanned then). */
  coldMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** The sample module's body repeated until the file has at least `lines` lines. */
export function bigSample(lines = 5000): string {
  const sample = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'hover', 'sample.py'), 'utf8');
  const [head, body] = [sample.slice(0, sample.indexOf('\n\n\n') + 3), sample.slice(sample.indexOf('\n\n\n') + 3)];
  let text = head;
  while (text.split('\n').length < lines) text += body + '\n\n';
  return text;
}

/** Positions of every explained construct in the text: identifiers with underscores, keywords, operators, calls. */
function probePositions(text: string): Array<{ line: number; character: number }> {
  const probes = /__\w+__|\b_\w+|\b(?:else|nonlocal|await|async|yield|is|len|hash|partial|Counter|defaultdict|dataclass|field|property|setter|wraps)\b|\[|\*\*?|\//g;
  const positions: Array<{ line: number; character: number }> = [];
  text.split('\n').forEach((lineText, line) => {
    for (const m of lineText.matchAll(probes)) positions.push({ line, character: m.index! });
  });
  return positions;
}

export function measureHoverLatency(parser: Parser, lines = 5000): HoverLatency {
  const text = bigSample(lines);
  const positions = probePositions(text);
  // Cold: a library name at the end of the file, which needs the module's imports scanned first.
  // Timed on several freshly parsed trees; the median is reported (single runs are at the GC's mercy).
  const before = text.slice(0, text.lastIndexOf('Counter(')).split('\n');
  const cold = { line: before.length - 1, character: before[before.length - 1].length };
  const coldTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    const fresh = parser.parse(text)!;
    const start = performance.now();
    const result = hover({ tree: fresh, position: cold, diagnostics: [] });
    coldTimes.push(performance.now() - start);
    fresh.delete();
    if (!result?.markdown.startsWith('**`collections.Counter`**')) throw new Error('the cold probe did not reach collections.Counter');
  }
  const tree = parser.parse(text)!;
  try {
    const times: number[] = [];
    let explained = 0;
    for (const position of positions) {
      const start = performance.now();
      const result = hover({ tree, position, diagnostics: [] });
      times.push(performance.now() - start);
      if (result) explained++;
    }
    if (explained < positions.length * 0.9) throw new Error(`only ${explained} of ${positions.length} probes were explained`);
    return {
      lines: text.split('\n').length,
      hovers: times.length,
      coldMs: percentile(coldTimes, 0.5),
      medianMs: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
      maxMs: Math.max(...times),
    };
  } finally {
    tree.delete();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
