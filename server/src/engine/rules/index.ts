// The registry: every rule, sorted by code. Adding a rule means adding its module
// and one line here.
import type { Rule } from '../rule';
import { binaryReadDecoded } from './binary-read-decoded';
import { globalStatement } from './global-statement';
import { listPopFront } from './list-pop-front';
import { literalIdentityComparison } from './literal-identity-comparison';
import { lockWithoutWith } from './lock-without-with';
import { loopVariableClosure } from './loop-variable-closure';
import { manualCounter } from './manual-counter';
import { manualDefaultdict } from './manual-defaultdict';
import { mutableDefaultArgument } from './mutable-default-argument';
import { noneComparison } from './none-comparison';
import { nonlocalWithoutBinding } from './nonlocal-without-binding';
import { openWithoutWith } from './open-without-with';
import { unboundLocal } from './unbound-local';
import { unnormalizedStringLiteral } from './unnormalized-string-literal';
import { useAfterDel } from './use-after-del';
import { uselessElseOnLoop } from './useless-else-on-loop';
import { xorHash } from './xor-hash';

export const RULES: readonly Rule[] = [
  noneComparison,
  literalIdentityComparison,
  xorHash,
  mutableDefaultArgument,
  listPopFront,
  manualCounter,
  manualDefaultdict,
  uselessElseOnLoop,
  unnormalizedStringLiteral,
  binaryReadDecoded,
  openWithoutWith,
  lockWithoutWith,
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
