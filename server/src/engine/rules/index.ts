// The registry: every rule, sorted by code. Adding a rule means adding its module
// and one line here.
import type { Rule } from '../rule';
import { classmethodHardcodesClass } from './classmethod-hardcodes-class';
import { globalStatement } from './global-statement';
import { loopVariableClosure } from './loop-variable-closure';
import { missingClassmethod } from './missing-classmethod';
import { missingStaticmethod } from './missing-staticmethod';
import { mutableDefaultArgument } from './mutable-default-argument';
import { noneComparison } from './none-comparison';
import { nonlocalWithoutBinding } from './nonlocal-without-binding';
import { setterNameMismatch } from './setter-name-mismatch';
import { unboundLocal } from './unbound-local';
import { useAfterDel } from './use-after-del';

export const RULES: readonly Rule[] = [
  noneComparison,
  mutableDefaultArgument,
  unboundLocal,
  nonlocalWithoutBinding,
  loopVariableClosure,
  globalStatement,
  useAfterDel,
  missingStaticmethod,
  missingClassmethod,
  classmethodHardcodesClass,
  setterNameMismatch,
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.code, r]));

/** Finds a rule by code (`pp401` works) or by name (`mutable-default-argument`). */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return RULES_BY_CODE.get(key.toUpperCase()) ?? RULES.find((r) => r.meta.name === key.toLowerCase());
}
