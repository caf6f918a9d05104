import semver from 'semver';
import { rolloutBucket } from './bucketing.js';
import type { EvaluationContext, TargetingRule, TargetingRules } from './targeting.js';

export enum FlagEnvironment {
  Development = 'development',
  Staging = 'staging',
  Production = 'production',
  All = 'all',
}

export enum FlagVisibility {
  Frontend = 'frontend',
  Backend = 'backend',
  All = 'all',
}

export enum FlagVariant {
  Teenager = 'teenager',
  Parent = 'parent',
  All = 'all',
}

/** OpenFeature's resolution reasons. */
export enum EvaluationReason {
  Static = 'STATIC',
  TargetingMatch = 'TARGETING_MATCH',
  Split = 'SPLIT',
  Default = 'DEFAULT',
  Disabled = 'DISABLED',
  Error = 'ERROR',
}

/** Who asks: a front-end (the public routes) or the service itself. */
export type Audience = 'frontend' | 'backend';

export interface EvaluableFlag {
  name: string;
  isEnabled: boolean;
  environment: FlagEnvironment;
  visibility: FlagVisibility;
  variant: FlagVariant;
  targetingRules: TargetingRules;
  version: number;
}

export interface Evaluation {
  value: boolean;
  reason: EvaluationReason;
  /**
   * The step that decided: `environment`, `variant`, `visibility`, `rules.<i>`
   * (the first rule that did not match), `rules` (all matched), `rollout`;
   * null when the flag is disabled or static.
   */
  ruleId: string | null;
  /** OpenFeature's error code when the reason is ERROR. */
  errorCode: string | null;
}

const off = (reason: EvaluationReason, ruleId: string | null, errorCode: string | null = null) => ({
  value: false,
  reason,
  ruleId,
  errorCode,
});

/**
 * Evaluates one flag, in the order API.md fixes: disabled -> environment ->
 * variant -> visibility -> rules (every one must match) -> rollout.
 */
export function evaluateFlag(
  flag: EvaluableFlag,
  context: EvaluationContext,
  runningEnvironment: Exclude<FlagEnvironment, FlagEnvironment.All>,
  audience: Audience,
): Evaluation {
  if (!flag.isEnabled) return off(EvaluationReason.Disabled, null);
  if (flag.environment !== FlagEnvironment.All && flag.environment !== runningEnvironment) {
    return off(EvaluationReason.Disabled, 'environment');
  }
  if (flag.variant !== FlagVariant.All && context.user_type !== flag.variant) {
    return off(EvaluationReason.Default, 'variant');
  }
  if (flag.visibility !== FlagVisibility.All && flag.visibility !== audience) {
    return off(EvaluationReason.Disabled, 'visibility');
  }
  const { rules, rollout } = flag.targetingRules;
  const failing = rules.findIndex((rule) => !ruleMatches(rule, context));
  if (failing >= 0) return off(EvaluationReason.Default, `rules.${failing}`);
  if (rollout && rollout.percentage < 100) {
    const key = context[rollout.stickiness];
    if (typeof key !== 'string' || key === '') {
      return off(EvaluationReason.Error, 'rollout', 'TARGETING_KEY_MISSING');
    }
    const value = rolloutBucket(flag.name, key) < rollout.percentage;
    return { value, reason: EvaluationReason.Split, ruleId: 'rollout', errorCode: null };
  }
  return rules.length > 0
    ? { value: true, reason: EvaluationReason.TargetingMatch, ruleId: 'rules', errorCode: null }
    : { value: true, reason: EvaluationReason.Static, ruleId: null, errorCode: null };
}

export function ruleMatches(rule: TargetingRule, context: EvaluationContext): boolean {
  const raw = context[rule.attribute];
  if (raw === undefined || raw === null) return false;
  const actual = Array.isArray(raw) ? raw : [raw];
  if (rule.operator === 'not_in') return !actual.some((a) => rule.values.includes(a));
  // A list attribute (collective_ids) matches when any of its members does.
  return actual.some((a) => valueMatches(rule, a));
}

function valueMatches(rule: TargetingRule, actual: string): boolean {
  const { values } = rule;
  const expected = values[0] ?? '';
  switch (rule.operator) {
    case 'in':
      return values.includes(actual);
    case 'not_in':
      return !values.includes(actual);
    case 'starts_with':
      return values.some((v) => actual.startsWith(v));
    case 'ends_with':
      return values.some((v) => actual.endsWith(v));
    case 'contains':
      return values.some((v) => actual.includes(v));
    case 'lt':
      return compare(actual, expected) < 0;
    case 'gt':
      return compare(actual, expected) > 0;
    case 'semver_lt':
      return semver.valid(actual) !== null && semver.lt(actual, expected);
    case 'semver_gt':
      return semver.valid(actual) !== null && semver.gt(actual, expected);
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Numerically when both are decimal numbers, else by code points (ISO dates, codes). */
function compare(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
