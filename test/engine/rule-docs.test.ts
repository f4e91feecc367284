import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { ROOT } from '../support/engine';
import { expectedRuleDocs } from '../support/rule-docs';

describe('rule metadata and generated docs', () => {
  it('docs/rules/ is up to date with the rule metadata (run `npm run docs` after changing a rule)', () => {
    for (const [file, content] of expectedRuleDocs()) {
      const target = path.join(ROOT, file);
      assert.ok(fs.existsSync(target), `${file} is missing`);
      assert.equal(fs.readFileSync(target, 'utf8'), content, `${file} is out of date`);
    }
    const onDisk = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
    assert.deepEqual(onDisk.sort(), [...expectedRuleDocs().keys()].sort(), 'no stale doc files');
  });

  it('every rule has a unique code and kebab-case name, sorted registry, and complete docs', () => {
    const codes = RULES.map((r) => r.meta.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.equal(new Set(codes).size, codes.length);
    for (const { meta } of RULES) {
      assert.match(meta.code, /^PP\d\d\d$/);
      assert.match(meta.name, /^[a-z]+(-[a-z]+)*$/);
      for (const [section, text] of Object.entries(meta.docs)) assert.ok(text.trim().length > 20, `${meta.code} docs.${section}`);
    }
  });
});
