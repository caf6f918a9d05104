import { rolloutBucket } from './bucketing.js';
import {
  evaluateFlag,
  EvaluationReason,
  FlagEnvironment,
  FlagVariant,
  FlagVisibility,
  type EvaluableFlag,
} from './evaluation.js';
import type { EvaluationContext, TargetingRule } from './targeting.js';

const flag = (overrides: Partial<EvaluableFlag> = {}): EvaluableFlag => ({
  name: 'new-onboarding',
  isEnabled: true,
  environment: FlagEnvironment.All,
  visibility: FlagVisibility.All,
  variant: FlagVariant.All,
  targetingRules: { rules: [], rollout: null },
  version: 3,
  ...overrides,
});
const rules = (...list: TargetingRule[]) => ({ targetingRules: { rules: list, rollout: null } });
const run = (f: EvaluableFlag, ctx: EvaluationContext = {}, env = FlagEnvironment.Production) =>
  evaluateFlag(f, ctx, env as Exclude<FlagEnvironment, FlagEnvironment.All>, 'frontend');

describe('evaluateFlag', () => {
  it('serves an enabled flag without targeting as STATIC', () => {
    expect(run(flag())).toEqual({
      value: true,
      reason: EvaluationReason.Static,
      ruleId: null,
      errorCode: null,
    });
  });

  it('checks disabled first, whatever else would match', () => {
    const f = flag({ isEnabled: false, environment: FlagEnvironment.Staging });
    expect(run(f)).toMatchObject({ value: false, reason: EvaluationReason.Disabled, ruleId: null });
  });

  it('then the environment', () => {
    const f = flag({ environment: FlagEnvironment.Staging, variant: FlagVariant.Parent });
    expect(run(f, {}, FlagEnvironment.Production)).toMatchObject({
      value: false,
      reason: EvaluationReason.Disabled,
      ruleId: 'environment',
    });
    expect(
      run(flag({ environment: FlagEnvironment.Staging }), {}, FlagEnvironment.Staging).value,
    ).toBe(true);
  });

  it('then the variant (the caller’s user type)', () => {
    const f = flag({ variant: FlagVariant.Teenager, visibility: FlagVisibility.Backend });
    expect(run(f, { user_type: 'parent' })).toMatchObject({ value: false, ruleId: 'variant' });
    expect(run(f, {})).toMatchObject({ value: false, ruleId: 'variant' });
    expect(run(flag({ variant: FlagVariant.Teenager }), { user_type: 'teenager' }).value).toBe(
      true,
    );
  });

  it('then the visibility for the audience that asks', () => {
    const f = flag({
      visibility: FlagVisibility.Backend,
      ...rules({ attribute: 'country', operator: 'in', values: ['DE'] }),
    });
    expect(run(f)).toMatchObject({
      value: false,
      reason: EvaluationReason.Disabled,
      ruleId: 'visibility',
    });
    expect(evaluateFlag(f, { country: 'DE' }, FlagEnvironment.Production, 'backend')).toMatchObject(
      { value: true, reason: EvaluationReason.TargetingMatch, ruleId: 'rules' },
    );
  });

  it('then every rule, naming the first that fails', () => {
    const f = flag(
      rules(
        { attribute: 'country', operator: 'in', values: ['DE', 'AT'] },
        { attribute: 'language', operator: 'starts_with', values: ['de'] },
      ),
    );
    expect(run(f, { country: 'DE', language: 'de-AT' })).toMatchObject({
      value: true,
      reason: EvaluationReason.TargetingMatch,
    });
    expect(run(f, { country: 'FR', language: 'de' })).toMatchObject({
      value: false,
      reason: EvaluationReason.Default,
      ruleId: 'rules.0',
    });
    expect(run(f, { country: 'AT', language: 'en' })).toMatchObject({ ruleId: 'rules.1' });
    expect(run(f, {})).toMatchObject({ value: false, ruleId: 'rules.0' });
  });

  it('then the rollout: SPLIT by the stickiness bucket', () => {
    const name = 'new-onboarding';
    const inside = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].find((u) => rolloutBucket(name, u) < 50)!;
    const outside = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].find((u) => rolloutBucket(name, u) >= 50)!;
    const f = flag({
      targetingRules: { rules: [], rollout: { percentage: 50, stickiness: 'user_id' } },
    });
    expect(run(f, { user_id: inside })).toMatchObject({
      value: true,
      reason: EvaluationReason.Split,
      ruleId: 'rollout',
    });
    expect(run(f, { user_id: outside })).toMatchObject({
      value: false,
      reason: EvaluationReason.Split,
    });
  });

  it('buckets on the stickiness attribute it names', () => {
    const f = flag({
      targetingRules: { rules: [], rollout: { percentage: 50, stickiness: 'school' } },
    });
    const expected = rolloutBucket('new-onboarding', 'Gymnasium Nord') < 50;
    expect(run(f, { user_id: 'a', school: 'Gymnasium Nord' }).value).toBe(expected);
    expect(run(f, { user_id: 'b', school: 'Gymnasium Nord' }).value).toBe(expected);
  });

  it('answers ERROR when the stickiness value is missing', () => {
    const f = flag({
      targetingRules: { rules: [], rollout: { percentage: 10, stickiness: 'user_id' } },
    });
    expect(run(f, {})).toEqual({
      value: false,
      reason: EvaluationReason.Error,
      ruleId: 'rollout',
      errorCode: 'TARGETING_KEY_MISSING',
    });
  });

  it('treats 100% as no rollout and 0% as nobody', () => {
    const at = (percentage: number) =>
      flag({ targetingRules: { rules: [], rollout: { percentage, stickiness: 'user_id' } } });
    expect(run(at(100), {})).toMatchObject({ value: true, reason: EvaluationReason.Static });
    for (const u of ['a', 'b', 'c', 'd']) expect(run(at(0), { user_id: u }).value).toBe(false);
  });
});

describe('rule operators', () => {
  const matches = (rule: TargetingRule, ctx: EvaluationContext) =>
    run(flag(rules(rule)), ctx).value;

  it.each<[TargetingRule, EvaluationContext, boolean]>([
    [{ attribute: 'country', operator: 'in', values: ['DE'] }, { country: 'DE' }, true],
    [{ attribute: 'country', operator: 'in', values: ['DE'] }, { country: 'de' }, false],
    [{ attribute: 'country', operator: 'not_in', values: ['DE'] }, { country: 'FR' }, true],
    [{ attribute: 'country', operator: 'not_in', values: ['DE'] }, { country: 'DE' }, false],
    [{ attribute: 'country', operator: 'not_in', values: ['DE'] }, {}, false],
    [
      { attribute: 'school', operator: 'ends_with', values: ['Nord'] },
      { school: 'Gymnasium Nord' },
      true,
    ],
    [{ attribute: 'school', operator: 'contains', values: ['nas'] }, { school: 'Gymnasium' }, true],
    [
      { attribute: 'school', operator: 'contains', values: ['xyz'] },
      { school: 'Gymnasium' },
      false,
    ],
    [{ attribute: 'origin', operator: 'in', values: ['discord'] }, { origin: 'discord' }, true],
    [{ attribute: 'origin', operator: 'in', values: ['discord'] }, { origin: null }, false],
    [{ attribute: 'user_id', operator: 'lt', values: ['10'] }, { user_id: '9' }, true],
    [{ attribute: 'user_id', operator: 'lt', values: ['10'] }, { user_id: '11' }, false],
    [{ attribute: 'user_id', operator: 'gt', values: ['b'] }, { user_id: 'c' }, true],
    [
      { attribute: 'language', operator: 'semver_lt', values: ['2.0.0'] },
      { language: '1.9.3' },
      true,
    ],
    [
      { attribute: 'language', operator: 'semver_gt', values: ['2.0.0'] },
      { language: '1.9.3' },
      false,
    ],
    [
      { attribute: 'language', operator: 'semver_gt', values: ['2.0.0'] },
      { language: 'de' },
      false,
    ],
    [
      { attribute: 'collective_ids', operator: 'in', values: ['c2'] },
      { collective_ids: ['c1', 'c2'] },
      true,
    ],
    [
      { attribute: 'collective_ids', operator: 'in', values: ['c3'] },
      { collective_ids: ['c1'] },
      false,
    ],
    [
      { attribute: 'collective_ids', operator: 'not_in', values: ['c1'] },
      { collective_ids: ['c1', 'c2'] },
      false,
    ],
    [
      { attribute: 'collective_ids', operator: 'not_in', values: ['c9'] },
      { collective_ids: [] },
      true,
    ],
  ])('%j with %j -> %s', (rule, ctx, expected) => {
    expect(matches(rule, ctx)).toBe(expected);
  });
});
