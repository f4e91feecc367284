// The registry: every rule, sorted by code. Adding a rule means adding its module
// and one line here.
import type { Rule } from '../rule';
import { getattrConstant } from './getattr-constant';
import { eqWithoutHash } from './eq-without-hash';
import { globalStatement } from './global-statement';
import { hasattrCall } from './hasattr-call';
import { lambdaAssignment } from './lambda-assignment';
import { lambdaReimplementsOperator } from './lambda-reimplements-operator';
import { literalArgumentTypeMismatch } from './literal-argument-type-mismatch';
import { literalIdentityComparison } from './literal-identity-comparison';
import { loopVariableClosure } from './loop-variable-closure';
import { mixinInstantiated } from './mixin-instantiated';
import { multipleConcreteBases } from './multiple-concrete-bases';
import { mutableDefaultArgument } from './mutable-default-argument';
import { noneComparison } from './none-comparison';
import { nonlocalWithoutBinding } from './nonlocal-without-binding';
import { reprHardcodesClassName } from './repr-hardcodes-class-name';
import { unboundLocal } from './unbound-local';
import { unnecessaryLambda } from './unnecessary-lambda';
import { useAfterDel } from './use-after-del';
import { xorHash } from './xor-hash';

export const RULES: readonly Rule[] = [
  noneComparison,
  literalIdentityComparison,
  xorHash,
  mutableDefaultArgument,
  unboundLocal,
  nonlocalWithoutBinding,
  loopVariableClosure,
  globalStatement,
  useAfterDel,
  lambdaAssignment,
  lambdaReimplementsOperator,
  unnecessaryLambda,
  hasattrCall,
  getattrConstant,
  literalArgumentTypeMismatch,
  eqWithoutHash,
  reprHardcodesClassName,
  mixinInstantiated,
  multipleConcreteBases,
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.code, r]));

/** Finds a rule by code (`pp401` works) or by name (`mutable-default-argument`). */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return RULES_BY_CODE.get(key.toUpperCase()) ?? RULES.find((r) => r.meta.name === key.toLowerCase());
}
