import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings, settingsSchema } from '../../server/src/engine';
import { isRuleEnabled, TARGET_VERSIONS } from '../../server/src/engine/settings';
import { ROOT } from '../support/engine';

interface Property {
  default: unknown;
  scope?: string;
  enum?: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = manifest.contributes.configuration.properties;

describe('settings', () => {
  it('package.json contributes exactly the schema settings, with the same defaults, all resource-scoped', () => {
    const engineKeys = Object.keys(settingsSchema.shape).map((k) => `pythonic.${k}`);
    assert.deepEqual(Object.keys(properties).sort(), [...engineKeys, 'pythonic.trace.server'].sort());
    for (const key of Object.keys(settingsSchema.shape) as Array<keyof typeof DEFAULT_SETTINGS>) {
      assert.deepEqual(properties[`pythonic.${key}`].default, DEFAULT_SETTINGS[key], key);
    }
    assert.deepEqual(properties['pythonic.targetVersion'].enum, [...TARGET_VERSIONS]);
    for (const [key, p] of Object.entries(properties)) assert.equal(p.scope, 'resource', key);
  });

  it('falls back per field on bad values instead of throwing', () => {
    const s = parseSettings({ enable: 'yes', select: 'PP4', severity: { PP401: 'fatal' }, targetVersion: 'py26', ignore: ['PP401'] });
    assert.deepEqual(s, { ...DEFAULT_SETTINGS, ignore: ['PP401'] });
    assert.deepEqual(parseSettings(null), DEFAULT_SETTINGS);
  });

  it('select and ignore take codes and prefixes; ignore wins; enable=false turns everything off', () => {
    assert.equal(isRuleEnabled({ code: 'PP401' }, parseSettings({ select: ['PP4'] })), true);
    assert.equal(isRuleEnabled({ code: 'PP401' }, parseSettings({ select: ['PP8'] })), false);
    assert.equal(isRuleEnabled({ code: 'PP401' }, parseSettings({ select: ['ALL'], ignore: ['pp40'] })), false);
    assert.equal(isRuleEnabled({ code: 'PP401' }, parseSettings({ enable: false })), false);
  });

  it('an opt-in rule runs only when selected by its full code or ALL, never by a prefix or the default', () => {
    const optIn = { code: 'PP404', optIn: true } as const;
    assert.equal(isRuleEnabled(optIn, DEFAULT_SETTINGS), false);
    assert.equal(isRuleEnabled(optIn, parseSettings({ select: ['PP4'] })), false);
    assert.equal(isRuleEnabled(optIn, parseSettings({ select: ['PP', 'pp404'] })), true);
    assert.equal(isRuleEnabled(optIn, parseSettings({ select: ['ALL'] })), true);
    assert.equal(isRuleEnabled(optIn, parseSettings({ select: ['ALL'], ignore: ['PP4'] })), false);
  });
});
