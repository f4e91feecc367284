// The registry: every rule, sorted by code. Adding a rule means adding its module
// and one line here.
import type { Rule } from '../rule';
import { binaryReadDecoded } from './binary-read-decoded';
import { blockingSleepInAsync } from './blocking-sleep-in-async';
import { builtinShadowing } from './builtin-shadowing';
import { builtinSubclassOverride } from './builtin-subclass-override';
import { classmethodHardcodesClass } from './classmethod-hardcodes-class';
import { coroutineNotAwaited } from './coroutine-not-awaited';
import { danglingTask } from './dangling-task';
import { dataclassMutableDefault } from './dataclass-mutable-default';
import { decoratorWithoutWraps } from './decorator-without-wraps';
import { eqWithoutHash } from './eq-without-hash';
import { frozenDataclassMutableField } from './frozen-dataclass-mutable-field';
import { getattrConstant } from './getattr-constant';
import { globalStatement } from './global-statement';
import { hasattrCall } from './hasattr-call';
import { isinstanceConcreteMapping } from './isinstance-concrete-mapping';
import { isinstanceFloat } from './isinstance-float';
import { lambdaAssignment } from './lambda-assignment';
import { lambdaReimplementsOperator } from './lambda-reimplements-operator';
import { legacyEventLoop } from './legacy-event-loop';
import { listComprehensionInCall } from './list-comprehension-in-call';
import { listMultiplicationAlias } from './list-multiplication-alias';
import { listPopFront } from './list-pop-front';
import { literalArgumentTypeMismatch } from './literal-argument-type-mismatch';
import { literalIdentityComparison } from './literal-identity-comparison';
import { lockWithoutWith } from './lock-without-with';
import { loopVariableClosure } from './loop-variable-closure';
import { mangledAttributeAccess } from './mangled-attribute-access';
import { manualCounter } from './manual-counter';
import { manualDefaultdict } from './manual-defaultdict';
import { missingClassmethod } from './missing-classmethod';
import { missingStaticmethod } from './missing-staticmethod';
import { mixinInstantiated } from './mixin-instantiated';
import { multipleConcreteBases } from './multiple-concrete-bases';
import { mutableArgumentAlias } from './mutable-argument-alias';
import { mutableClassAttribute } from './mutable-class-attribute';
import { mutableDefaultArgument } from './mutable-default-argument';
import { noneComparison } from './none-comparison';
import { nonlocalWithoutBinding } from './nonlocal-without-binding';
import { openWithoutWith } from './open-without-with';
import { processPoolWithoutMainGuard } from './process-pool-without-main-guard';
import { reprHardcodesClassName } from './repr-hardcodes-class-name';
import { setterNameMismatch } from './setter-name-mismatch';
import { typeComparison } from './type-comparison';
import { typingBuiltinAlias } from './typing-builtin-alias';
import { unboundLocal } from './unbound-local';
import { unknownDunder } from './unknown-dunder';
import { unnecessaryLambda } from './unnecessary-lambda';
import { unnormalizedStringLiteral } from './unnormalized-string-literal';
import { unusedNoqa } from './unused-noqa';
import { useAfterDel } from './use-after-del';
import { uselessElseOnLoop } from './useless-else-on-loop';
import { waitOnCoroutines } from './wait-on-coroutines';
import { xorHash } from './xor-hash';
import { compareCodes } from '../source';

export const RULES: readonly Rule[] = [
  unusedNoqa,
  builtinShadowing,
  unknownDunder,
  mangledAttributeAccess,
  isinstanceFloat,
  isinstanceConcreteMapping,
  typeComparison,
  noneComparison,
  literalIdentityComparison,
  typingBuiltinAlias,
  eqWithoutHash,
  xorHash,
  missingStaticmethod,
  missingClassmethod,
  classmethodHardcodesClass,
  setterNameMismatch,
  decoratorWithoutWraps,
  dataclassMutableDefault,
  frozenDataclassMutableField,
  builtinSubclassOverride,
  reprHardcodesClassName,
  mixinInstantiated,
  multipleConcreteBases,
  mutableDefaultArgument,
  mutableArgumentAlias,
  mutableClassAttribute,
  listMultiplicationAlias,
  listComprehensionInCall,
  listPopFront,
  manualCounter,
  manualDefaultdict,
  uselessElseOnLoop,
  unnormalizedStringLiteral,
  binaryReadDecoded,
  openWithoutWith,
  lockWithoutWith,
  lambdaAssignment,
  lambdaReimplementsOperator,
  unnecessaryLambda,
  hasattrCall,
  getattrConstant,
  literalArgumentTypeMismatch,
  unboundLocal,
  nonlocalWithoutBinding,
  loopVariableClosure,
  globalStatement,
  useAfterDel,
  blockingSleepInAsync,
  legacyEventLoop,
  coroutineNotAwaited,
  danglingTask,
  waitOnCoroutines,
  processPoolWithoutMainGuard,
].sort((a, b) => compareCodes(a.meta.code, b.meta.code));

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.code, r]));

/** Finds a rule by code (`pp401` works) or by name (`mutable-default-argument`). */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return RULES_BY_CODE.get(key.toUpperCase()) ?? RULES.find((r) => r.meta.name === key.toLowerCase());
}
