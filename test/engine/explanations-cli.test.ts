// `pythonic explain` as users run it: the built CLI in a child process prints
// the hover's markdown for bare and dotted names, keywords and rule codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleDocsMarkdown, RULES } from '../../server/src/engine';
import { KNOWLEDGE_BASE } from '../../server/src/engine/explanations';
import { renderExplanation } from '../../server/src/engine/explanations/render';
import { OUT } from '../support/engine';

function explain(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(OUT, 'cli.js'), 'explain', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rendered = (key: string) => renderExplanation(KNOWLEDGE_BASE.get(key)!, { allOptions: true }) + '\n';

describe('pythonic explain', () => {
  it('prints a dunder entry exactly as the hover renders it', () => {
    const { code, stdout, stderr } = explain('__hash__');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(stdout, rendered('__hash__'));
    assert.equal(stdout.split('\n')[0], '**`__hash__`** · special method');
  });

  it('explains keywords, bare and dotted library names', () => {
    assert.equal(explain('nonlocal').stdout, rendered('nonlocal'));
    assert.equal(explain('functools.partial').stdout, rendered('functools.partial'));
    assert.equal(explain('partial').stdout, rendered('functools.partial'));
    assert.equal(explain('collections.abc.Mapping').stdout, rendered('collections.abc.Mapping'));
    assert.equal(explain('property').stdout.split('\n')[0], '**`property`** · library');
  });

  it('lists every option of a decorator', () => {
    const { stdout } = explain('dataclass');
    assert.match(stdout, /\n\*\*Options:\*\*\n- `frozen` — when true/);
    assert.match(stdout, /\n- `order` — when true, generates `__lt__`/);
  });

  it('prints every entry an alias names, separated by rules', () => {
    const { code, stdout } = explain('else');
    assert.equal(code, 0);
    assert.deepEqual(
      stdout.split('\n').filter((l) => l.startsWith('**`else`')),
      ['**`else` on a `for` loop** · keyword', '**`else` on a `while` loop** · keyword', '**`else` on a `try` statement** · keyword'],
    );
    assert.equal(stdout.split('\n---\n').length, 3);
  });

  it('prints rule documentation for a rule code', () => {
    const { code, stdout } = explain('PP401');
    assert.equal(code, 0);
    assert.equal(stdout, ruleDocsMarkdown(RULES.find((r) => r.meta.code === 'PP401')!));
  });

  it('explains an underscore name by its form', () => {
    assert.match(explain('_cache').stdout, /^\*\*`_cache` — internal by convention\*\* · naming\n/);
  });

  it('exits 1 with a "did you mean" line for an unknown name', () => {
    const typo = explain('__innit__');
    assert.equal(typo.code, 1);
    assert.equal(typo.stdout, '');
    assert.equal(typo.stderr.split('\n')[0], "pythonic: nothing to explain for '__innit__'");
    assert.match(typo.stderr.split('\n')[1], /^Did you mean: __init__(, |\?)/);
    const far = explain('zzzzzzzzzzzzzzzzzzzz');
    assert.equal(far.code, 1);
    assert.equal(far.stderr.split('\n')[1], 'Did you mean one of the names that `pythonic explain --list` prints?');
    assert.match(explain('PP4O1').stderr, /Did you mean: PP401/);
  });

  it('lists every name with --list, and needs exactly one name otherwise', () => {
    const { code, stdout } = explain('--list');
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.includes('__hash__  (special method)'));
    assert.ok(lines.includes('PP401  (rule)'));
    assert.ok(lines.includes('functools.partial  (library)'));
    assert.equal(lines.length, KNOWLEDGE_BASE.size + RULES.length);
    assert.equal(explain().code, 2);
  });
});
