// The scope hover against Python itself: each snippet of scope-oracle-snippets.ts runs
// in one python3 process (test/support/scope-oracle.py), which records, for every
// marked read, where the value it saw came from or which NameError it raised. The
// hover's claim about that read must agree with every run of it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { scopeHover } from '../../server/src/engine/scope/hover';
import { SCOPE_DETAIL, SCOPE_SUMMARY, SCOPE_WARNING } from '../../server/src/engine/scope/wording';
import { ROOT, testParser } from '../support/engine';
import { ORACLE_SNIPPETS } from '../support/scope-oracle-snippets';

const ORACLE = path.join(ROOT, 'test', 'support', 'scope-oracle.py');

/** What Python saw at a read (see scope-oracle.py). */
type Seen = 'local' | 'unbound-local' | 'free' | 'free-unbound' | 'class' | 'global' | 'builtin' | 'undefined';

/** What a hover claims, as the observations it allows and the one (if any) that must have happened. */
interface Claim {
  sees: readonly Seen[];
  needs: Seen | null;
}

const LOCAL: Claim = { sees: ['local', 'unbound-local'], needs: 'local' };
const UNBOUND_LOCAL: Claim = { sees: ['unbound-local'], needs: 'unbound-local' };
const FREE: Claim = { sees: ['free', 'free-unbound'], needs: 'free' };
const CLASS: Claim = { sees: ['class'], needs: 'class' };
const GLOBAL: Claim = { sees: ['global', 'undefined'], needs: 'global' };
const BUILTIN: Claim = { sees: ['builtin'], needs: 'builtin' };
const UNDEFINED: Claim = { sees: ['undefined'], needs: 'undefined' };
/** Looked up in the module when it runs: there, or (after a `del`, before a star import fills it) not. */
const GLOBAL_MAYBE: Claim = { sees: ['global', 'undefined'], needs: null };
/** A local that is unbound on some paths. */
const LOCAL_MAYBE: Claim = { sees: ['local', 'unbound-local'], needs: null };
/** A name the class body does not bind: the module's, a builtin, or nothing. */
const NOT_CLASS: Claim = { sees: ['global', 'builtin', 'undefined'], needs: null };

/** Each summary of wording.ts, as a claim. (A new summary fails type-checking here until it is mapped.) */
const SUMMARY_CLAIMS: Record<keyof typeof SCOPE_SUMMARY, Claim> = {
  parameter: LOCAL,
  parameterCell: LOCAL,
  local: LOCAL,
  localCell: LOCAL,
  localUnassigned: UNBOUND_LOCAL,
  comprehensionTarget: LOCAL,
  classAttribute: CLASS,
  classAttributeRead: CLASS,
  classAnnotationOnly: NOT_CLASS,
  moduleGlobal: GLOBAL,
  moduleGlobalDeleted: GLOBAL_MAYBE,
  globalAssignedBy: GLOBAL,
  exceptTarget: GLOBAL,
  unboundGlobal: UNDEFINED,
  importedFrom: GLOBAL,
  importedModule: GLOBAL,
  importedLocal: LOCAL,
  importedClassAttribute: CLASS,
  builtin: BUILTIN,
  builtinOrStar: { sees: ['builtin', 'global'], needs: null },
  moduleAttribute: GLOBAL,
  undefinedGlobal: UNDEFINED,
  free: FREE,
  freeUnbound: FREE,
  classCell: FREE,
};

/** Warnings that overrule the summary: the read fails whenever it runs. */
const WARNING_CLAIMS: Partial<Record<keyof typeof SCOPE_WARNING, (values: Record<string, string>) => Claim>> = {
  unboundLocal: () => UNBOUND_LOCAL,
  afterDelete: ({ error }) => (error === 'NameError' ? UNDEFINED : UNBOUND_LOCAL),
  afterHandler: ({ error }) => (error === 'NameError' ? UNDEFINED : UNBOUND_LOCAL),
};

/** Details that widen the summary's claim: a star import may provide the name, a module-level `del` may have removed it. */
const DETAIL_CLAIMS: Partial<Record<keyof typeof SCOPE_DETAIL, (values: Record<string, string>) => Claim>> = {
  starImport: () => GLOBAL_MAYBE,
  starImports: () => GLOBAL_MAYBE,
  deletedByModule: () => GLOBAL_MAYBE,
  maybeAfterHandler: ({ error }) => (error === 'NameError' ? GLOBAL_MAYBE : LOCAL_MAYBE),
};

const SCOPE_LABEL = '(?:`[^`]+`|the [a-z ]+ on line \\d+)';
/** What each placeholder can stand for, so that no template matches another's text. */
const PLACEHOLDERS: Record<string, string> = {
  scope: SCOPE_LABEL,
  binder: SCOPE_LABEL,
  inner: `${SCOPE_LABEL}(?:, ${SCOPE_LABEL})*`,
  line: '\\d+',
  deleted: '\\d+',
  name: '[^`]+',
  class: '[^`]+',
  module: '[^`]+',
  imported: 'imported [^—]+?',
  bound: '[^()]+?',
  error: '\\w+',
};

/** A wording template as a pattern: its placeholders become captures, in order. */
function templatePattern(template: string, anchored: boolean): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!key) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(key);
      return `(${PLACEHOLDERS[key] ?? '.+?'})`;
    })
    .join('');
  return { pattern: new RegExp(anchored ? `^${source}$` : source), keys };
}

function matchTemplate(template: string, text: string, anchored: boolean): Record<string, string> | null {
  const { pattern, keys } = templatePattern(template, anchored);
  const m = pattern.exec(text);
  return m ? Object.fromEntries(keys.map((k, i) => [k, m[i + 1]])) : null;
}

/** The claim a scope hover makes about a read: its warning if any, else a widening detail, else its summary. */
export function claimOf(markdown: string): { wording: string; claim: Claim } {
  const [first, ...rest] = markdown.split('\n\n');
  const body = rest.join('\n\n');
  for (const [key, claim] of Object.entries(WARNING_CLAIMS)) {
    const values = matchTemplate(SCOPE_WARNING[key as keyof typeof SCOPE_WARNING], body, false);
    if (values && claim) return { wording: `warning ${key}`, claim: claim(values) };
  }
  const summary = first.replace(/^\*\*`[^`]+`\*\* — /, '');
  const matches = Object.keys(SUMMARY_CLAIMS).filter((key) => matchTemplate(SCOPE_SUMMARY[key as keyof typeof SCOPE_SUMMARY], summary, true));
  assert.equal(matches.length, 1, `the summary "${summary}" should match exactly one wording, matches ${JSON.stringify(matches)}`);
  const key = matches[0] as keyof typeof SCOPE_SUMMARY;
  for (const [detail, claim] of Object.entries(DETAIL_CLAIMS)) {
    const values = matchTemplate(SCOPE_DETAIL[detail as keyof typeof SCOPE_DETAIL], body, false);
    if (values && claim) return { wording: `${key} + ${detail}`, claim: claim(values) };
  }
  return { wording: key, claim: SUMMARY_CLAIMS[key] };
}

interface Probe {
  tag: string;
  /** 1-based, as Python's ast counts. */
  line: number;
  col: number;
  name: string;
}

interface Prepared {
  id: string;
  name: string;
  source: string;
  probes: Probe[];
}

/** Removes the `$` markers, noting where each marked name stands in the clean text. */
function prepare(index: number, name: string, code: string): Prepared {
  const probes: Probe[] = [];
  const clean = code.split('\n').map((text, row) => {
    let out = '';
    let rest = text;
    for (let m = /\$([A-Za-z_]\w*)/.exec(rest); m; m = /\$([A-Za-z_]\w*)/.exec(rest)) {
      out += rest.slice(0, m.index);
      probes.push({ tag: `s${index}p${probes.length}`, line: row + 1, col: out.length, name: m[1] });
      out += m[1];
      rest = rest.slice(m.index + m[0].length);
    }
    return out + rest;
  });
  return { id: `snippet${index}`, name, source: clean.join('\n'), probes };
}

interface Observation {
  kind: string;
  detail: string;
}
type Results = Record<string, { probes: Record<string, Observation[]>; error: string | null }>;

const PREPARED = ORACLE_SNIPPETS.map((s, i) => prepare(i, s.name, s.code));

async function hoverAt(source: string, probe: Probe): Promise<string> {
  const tree = (await testParser()).parse(source)!;
  try {
    const node = tree.rootNode.descendantForPosition({ row: probe.line - 1, column: probe.col });
    const section = node && scopeHover(tree, node);
    assert.ok(section, `no scope hover at ${probe.name} (line ${probe.line})`);
    return section.markdown;
  } finally {
    tree.delete();
  }
}

describe('scope hover agrees with Python (scope-oracle.py runs every snippet)', () => {
  let results: Results = {};
  before(() => {
    const input = PREPARED.map(({ id, source, probes }) => ({ id, source, probes }));
    results = JSON.parse(execFileSync('python3', [ORACLE], { input: JSON.stringify(input), encoding: 'utf8' })) as Results;
  });

  it('runs every snippet, and observes every marked read', (t) => {
    assert.ok(PREPARED.length >= 60, `${PREPARED.length} snippets`);
    const probes = PREPARED.reduce((n, s) => n + s.probes.length, 0);
    t.diagnostic(`${PREPARED.length} snippets, ${probes} probed reads`);
    for (const snippet of PREPARED) {
      const result = results[snippet.id];
      assert.ok(result, `${snippet.name}: not run`);
      assert.equal(result.error, null, `${snippet.name}: ${result.error}`);
      for (const probe of snippet.probes) assert.ok(result.probes[probe.tag]?.length, `${snippet.name}: ${probe.name} on line ${probe.line} never ran`);
    }
  });

  for (const snippet of PREPARED) {
    it(snippet.name, async () => {
      for (const probe of snippet.probes) {
        const seen = [...new Set((results[snippet.id]?.probes[probe.tag] ?? []).map((o) => o.kind))].sort();
        const markdown = await hoverAt(snippet.source, probe);
        const { wording, claim } = claimOf(markdown);
        const where = `${probe.name} on line ${probe.line} of:\n${snippet.source}\nhover (${wording}): ${markdown}\nPython saw: ${seen.join(', ')}`;
        assert.ok(
          seen.every((s) => (claim.sees as readonly string[]).includes(s)),
          `the hover does not allow what Python saw — ${where}`,
        );
        assert.ok(claim.needs === null || seen.includes(claim.needs), `Python never saw the ${claim.needs} the hover claims — ${where}`);
      }
    });
  }
});
