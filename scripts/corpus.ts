// `npm run corpus`: what the rules say about real code nobody here wrote — the standard
// library and Debian's django, numpy, sympy and requests — so a rule's reports can be
// read before it is called done.
//   npm run corpus                          counts per rule and corpus
//   npm run corpus -- --select PP201 --list every report of PP201, one per line
//   npm run corpus -- --select PP4 --fixes  apply each offered fix alone; compile and re-check
// Options: --select CODES, --corpus stdlib|debian, --list, --fixes.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { OUT, testParser } from '../test/support/engine';
import { corpora, corpusFiles, fixableCodes, tryEachFix } from '../test/support/corpus';
import { RULES } from '../server/src/engine';

interface JsonReport {
  diagnostics: Array<{ path: string; code: string; message: string; range: { start: { line: number; character: number } } }>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      select: { type: 'string' },
      corpus: { type: 'string' },
      list: { type: 'boolean', default: false },
      fixes: { type: 'boolean', default: false },
    },
  });
  const prefixes = values.select?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) ?? [];
  const codes = RULES.map((r) => r.meta.code).filter((c) => prefixes.length === 0 || prefixes.some((p) => c.startsWith(p)));
  const { found, missing } = corpora();
  if (missing.length > 0) console.error(`Debian corpus missing (${missing.join(', ')}): apt-get install python3-django python3-numpy python3-sympy python3-requests`);
  const selected = found.filter((c) => !values.corpus || c.name === values.corpus);

  if (values.fixes) {
    const parser = await testParser();
    const fixable = codes.filter((c) => fixableCodes().includes(c));
    for (const corpus of selected) {
      const { trials, filesWithFindings } = tryEachFix({ parser, files: corpusFiles(corpus), codes: fixable });
      console.log(`\n${corpus.name}: ${trials.length} fixes tried one at a time in ${filesWithFindings} files`);
      for (const code of fixable) {
        const mine = trials.filter((t) => t.code === code);
        const failed = mine.filter((t) => t.problem);
        console.log(`  ${code}  tried ${String(mine.length).padStart(5)}  failed ${failed.length}`);
        for (const t of failed) console.log(`    ${t.file}:${t.line}  ${t.problem}`);
      }
    }
    return;
  }

  const counts = new Map<string, Map<string, number>>();
  for (const corpus of selected) {
    const run = spawnSync(process.execPath, [path.join(OUT, 'cli.js'), 'check', '--no-cache', '--format', 'json', '--select', codes.join(','), ...corpus.roots], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    // Exit 2 with a report: a few files Python itself cannot read (the stdlib's bad-encoding test data).
    if (!run.stdout.startsWith('{')) throw new Error(run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    for (const d of report.diagnostics) {
      const byCorpus = counts.get(d.code) ?? new Map<string, number>();
      byCorpus.set(corpus.name, (byCorpus.get(corpus.name) ?? 0) + 1);
      counts.set(d.code, byCorpus);
      if (values.list) console.log(`${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.code}  ${d.message}`);
    }
  }
  console.log(`\n| rule | ${selected.map((c) => c.name).join(' | ')} |`);
  console.log(`|---|${selected.map(() => '---:').join('|')}|`);
  for (const code of codes) console.log(`| ${code} | ${selected.map((c) => counts.get(code)?.get(c.name) ?? 0).join(' | ')} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
