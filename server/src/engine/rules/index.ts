// The registry: every rule, sorted by code. Adding a rule means adding its module
// and one line here.
import type { Rule } from '../rule';
import { globalStatement } from './global-statement';
import { listComprehensionInCall } from './list-comprehension-in-call';
import { listMultiplicationAlias } from './list-multiplication-alias';
import { loopVariableClosure } from './loop-variable-closure';
import { mutableArgumentAlias } from './mutable-argument-alias';
import { mutableClassAttribute } from './mutable-class-attribute';
import { mutableDefaultArgument } from './mutable-default-argument';
import { noneComparison } from './none-comparison';
import { nonlocalWithoutBinding } from './nonlocal-without-binding';
import { unboundLocal } from './unbound-local';
import { useAfterDel } from './use-after-del';

export const RULES: readonly Rule[] = [
  noneComparison,
  mutableDefaultArgument,
  mutableArgumentAlias,
  mutableClassAttribute,
  listMultiplicationAlias,
  listComprehensionInCall,
  unboundLocal,
  nonlocalWithoutBinding,
  loopVariableClosure,
  globalStatement,
  useAfterDel,
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.code, r]));

/** Finds a rule by code (`pp401` works) or by name (`mutable-default-argument`). */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return RULES_BY_CODE.get(key.toUpperCase()) ?? RULES.find((r) => r.meta.name === key.toLowerCase());
}
