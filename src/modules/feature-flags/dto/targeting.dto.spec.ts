import { createValidationPipe } from '../../../platform/http/validation.js';
import { CreateFeatureFlagDto, UpdateFeatureFlagDto } from './feature-flag.dto.js';
import { toTargetingRules } from './targeting.dto.js';

const pipe = createValidationPipe();
const validate = (body: unknown, metatype: new () => object = CreateFeatureFlagDto) =>
  pipe.transform(body, { type: 'body', metatype });

async function fieldsOf(body: unknown, metatype?: new () => object): Promise<string[]> {
  try {
    await validate(body, metatype);
  } catch (err) {
    const errors = (err as { extensions: { errors: { field: string }[] } }).extensions.errors;
    return errors.map((e) => e.field);
  }
  throw new Error('expected a validation failure');
}

describe('feature flag bodies', () => {
  it('accepts a full flag and fills the rollout stickiness', async () => {
    const body = (await validate({
      name: 'new-onboarding',
      description: null,
      is_enabled: true,
      environment: 'staging',
      visibility: 'frontend',
      variant: 'teenager',
      targeting_rules: {
        rules: [
          { attribute: 'country', operator: 'in', values: ['DE', 'AT'] },
          { attribute: 'language', operator: 'semver_gt', values: ['1.2.3'] },
        ],
        rollout: { percentage: 25 },
      },
    })) as CreateFeatureFlagDto;
    expect(toTargetingRules(body.targeting_rules)).toEqual({
      rules: [
        { attribute: 'country', operator: 'in', values: ['DE', 'AT'] },
        { attribute: 'language', operator: 'semver_gt', values: ['1.2.3'] },
      ],
      rollout: { percentage: 25, stickiness: 'user_id' },
    });
  });

  it.each<[string, unknown, string]>([
    ['targeting rules as a list', { name: 'a', targeting_rules: [] }, 'targeting_rules'],
    [
      'a rule that is a list',
      { name: 'a', targeting_rules: { rules: [[]] } },
      'targeting_rules.rules',
    ],
    [
      'a rollout that is a list',
      { name: 'a', targeting_rules: { rollout: [] } },
      'targeting_rules.rollout',
    ],
    [
      'a rollout that is a number',
      { name: 'a', targeting_rules: { rollout: 5 } },
      'targeting_rules.rollout',
    ],
    ['a name that is no slug', { name: 'New Flag' }, 'name'],
    ['an unknown environment', { name: 'a', environment: 'prod' }, 'environment'],
    ['a null visibility', { name: 'a', visibility: null }, 'visibility'],
    ['an unknown field', { name: 'a', owner: 'me' }, 'owner'],
    [
      'an unknown attribute',
      {
        name: 'a',
        targeting_rules: { rules: [{ attribute: 'email', operator: 'in', values: ['x'] }] },
      },
      'targeting_rules.rules.0.attribute',
    ],
    [
      'an unknown operator',
      {
        name: 'a',
        targeting_rules: { rules: [{ attribute: 'country', operator: 'eq', values: ['x'] }] },
      },
      'targeting_rules.rules.0.operator',
    ],
    [
      'no values',
      {
        name: 'a',
        targeting_rules: { rules: [{ attribute: 'country', operator: 'in', values: [] }] },
      },
      'targeting_rules.rules.0.values',
    ],
    [
      'two values for lt',
      {
        name: 'a',
        targeting_rules: { rules: [{ attribute: 'country', operator: 'lt', values: ['1', '2'] }] },
      },
      'targeting_rules.rules.0.values',
    ],
    [
      'a version semver cannot read',
      {
        name: 'a',
        targeting_rules: {
          rules: [{ attribute: 'language', operator: 'semver_lt', values: ['1.x'] }],
        },
      },
      'targeting_rules.rules.0.values',
    ],
    [
      'a number among the values',
      {
        name: 'a',
        targeting_rules: { rules: [{ attribute: 'country', operator: 'in', values: [1] }] },
      },
      'targeting_rules.rules.0.values',
    ],
    [
      'a percentage above 100',
      { name: 'a', targeting_rules: { rollout: { percentage: 101 } } },
      'targeting_rules.rollout.percentage',
    ],
    [
      'a fractional percentage',
      { name: 'a', targeting_rules: { rollout: { percentage: 2.5 } } },
      'targeting_rules.rollout.percentage',
    ],
    [
      'a list attribute as stickiness',
      { name: 'a', targeting_rules: { rollout: { percentage: 5, stickiness: 'collective_ids' } } },
      'targeting_rules.rollout.stickiness',
    ],
    [
      'an unknown field in the rules',
      { name: 'a', targeting_rules: { rules: [], extra: 1 } },
      'targeting_rules.extra',
    ],
    [
      'rules that are not a list',
      { name: 'a', targeting_rules: { rules: 'all' } },
      'targeting_rules.rules',
    ],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    expect(await fieldsOf(body)).toContain(field);
  });

  it('has no defaults on update: an empty patch stays empty', async () => {
    expect({ ...((await validate({}, UpdateFeatureFlagDto)) as object) }).toEqual({});
    expect(await fieldsOf({ name: 'rename' }, UpdateFeatureFlagDto)).toEqual(['name']);
    expect(await fieldsOf({ is_enabled: null }, UpdateFeatureFlagDto)).toEqual(['is_enabled']);
  });
});
