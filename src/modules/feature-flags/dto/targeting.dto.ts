import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import semver from 'semver';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import {
  ATTRIBUTES,
  OPERATORS,
  SINGLE_VALUE_OPERATORS,
  STICKINESS_ATTRIBUTES,
  type Attribute,
  type Operator,
  type StickinessAttribute,
  type TargetingRules,
} from '../targeting.js';

export const MAX_RULES = 50;
export const MAX_VALUES = 500;

/** What the operator needs of the values: one for comparisons, valid versions for semver. */
const FitsOperator = () =>
  ValidateBy({
    name: 'fitsOperator',
    validator: {
      validate: (values: unknown, args?: ValidationArguments) => {
        const operator = (args?.object as { operator?: Operator }).operator;
        if (!Array.isArray(values) || !operator) return true;
        if (SINGLE_VALUE_OPERATORS.has(operator) && values.length !== 1) return false;
        if (operator === 'semver_lt' || operator === 'semver_gt') {
          return values.every((v) => typeof v === 'string' && semver.valid(v) !== null);
        }
        return true;
      },
      defaultMessage: (args?: ValidationArguments) => {
        const operator = (args?.object as { operator?: Operator }).operator;
        return operator === 'semver_lt' || operator === 'semver_gt'
          ? `values must be exactly one semantic version (such as 1.4.0) for ${operator}`
          : `values must be exactly one value for ${operator}`;
      },
    },
  });

export class TargetingRuleDto {
  @ApiProperty({ enum: ATTRIBUTES, description: "The caller's attribute to test" })
  @IsIn(ATTRIBUTES, { message: `attribute must be one of: ${ATTRIBUTES.join(', ')}` })
  attribute: Attribute;

  @ApiProperty({ enum: OPERATORS })
  @IsIn(OPERATORS, { message: `operator must be one of: ${OPERATORS.join(', ')}` })
  operator: Operator;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_VALUES,
    description:
      'in/not_in/starts_with/ends_with/contains: any of them; lt/gt: one value (numbers compare numerically); semver_lt/semver_gt: one version',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  @FitsOperator()
  values: string[];
}

export class RolloutDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'Share of callers admitted, by stable bucket',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  percentage: number;

  @ApiPropertyOptional({
    enum: STICKINESS_ATTRIBUTES,
    default: 'user_id',
    description: 'The attribute whose value buckets a caller',
  })
  @IsOptionalNotNull()
  @IsIn(STICKINESS_ATTRIBUTES, {
    message: `stickiness must be one of: ${STICKINESS_ATTRIBUTES.join(', ')}`,
  })
  stickiness?: StickinessAttribute;
}

/**
 * A RolloutDto or null: OpenAPI 3.0's nullable object with the reference in
 * allOf (the document gains `type: object` beside `nullable`, openapi-finish.ts).
 */
const NULLABLE_ROLLOUT: ApiPropertyOptions = {
  nullable: true,
  allOf: [{ $ref: getSchemaPath(RolloutDto) }],
};

@ApiExtraModels(RolloutDto)
export class TargetingRulesDto {
  @ApiPropertyOptional({
    type: [TargetingRuleDto],
    maxItems: MAX_RULES,
    default: [],
    description: 'Every rule must match',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_RULES)
  @IsObject({ each: true, message: 'each rule must be an object' })
  @ValidateNested({ each: true })
  @Type(() => TargetingRuleDto)
  rules?: TargetingRuleDto[];

  @ApiPropertyOptional({
    ...NULLABLE_ROLLOUT,
    description: 'Percentage rollout after the rules; null or absent admits everyone who matches',
  })
  @IsOptional()
  @IsObject({ message: 'rollout must be an object or null' })
  @ValidateNested()
  @Type(() => RolloutDto)
  rollout?: RolloutDto | null;
}

/** The stored form: defaults applied, nothing but known fields. */
export function toTargetingRules(dto: TargetingRulesDto | undefined): TargetingRules {
  return {
    rules: (dto?.rules ?? []).map((r) => ({
      attribute: r.attribute,
      operator: r.operator,
      values: [...r.values],
    })),
    rollout: dto?.rollout
      ? { percentage: dto.rollout.percentage, stickiness: dto.rollout.stickiness ?? 'user_id' }
      : null,
  };
}

@ApiExtraModels(RolloutDto)
export class TargetingRulesViewDto {
  @ApiProperty({ type: [TargetingRuleDto] }) rules: TargetingRuleDto[];
  @ApiProperty({ ...NULLABLE_ROLLOUT, description: 'null: everyone who matches the rules' })
  rollout: RolloutDto | null;
}
