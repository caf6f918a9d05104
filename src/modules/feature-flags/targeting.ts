/** The vocabulary of targeting rules (API.md, "Feature flags and content"). */

export const ATTRIBUTES = [
  'user_id',
  'user_type',
  'age_class',
  'country',
  'school',
  'language',
  'origin',
  'collective_ids',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Attributes that hold one value, so they can bucket a rollout. */
export const STICKINESS_ATTRIBUTES = ATTRIBUTES.filter(
  (a): a is Exclude<Attribute, 'collective_ids'> => a !== 'collective_ids',
);
export type StickinessAttribute = (typeof STICKINESS_ATTRIBUTES)[number];

export const OPERATORS = [
  'in',
  'not_in',
  'starts_with',
  'ends_with',
  'contains',
  'lt',
  'gt',
  'semver_lt',
  'semver_gt',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators that compare against exactly one value. */
export const SINGLE_VALUE_OPERATORS: ReadonlySet<Operator> = new Set([
  'lt',
  'gt',
  'semver_lt',
  'semver_gt',
]);

export interface TargetingRule {
  attribute: Attribute;
  operator: Operator;
  values: string[];
}

export interface Rollout {
  /** 0–100: the share of callers (by bucket) the flag admits. */
  percentage: number;
  stickiness: StickinessAttribute;
}

export interface TargetingRules {
  rules: TargetingRule[];
  rollout: Rollout | null;
}

export const NO_TARGETING: TargetingRules = { rules: [], rollout: null };

/** What is known of the caller. Absent attributes match no rule. */
export type EvaluationContext = Partial<
  Record<Exclude<Attribute, 'collective_ids'>, string | null> & { collective_ids: string[] }
>;
