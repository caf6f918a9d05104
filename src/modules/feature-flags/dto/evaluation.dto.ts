import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { EvaluationReason, type Audience } from '../evaluation.js';
import type { FlagEvaluation } from '../feature-flags.service.js';
import type { EvaluationContext } from '../targeting.js';

const ATTRIBUTE_MAX = 200;

/** One single-valued targeting attribute of a sample caller. */
function SampleAttribute(example: string) {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: ATTRIBUTE_MAX, example }),
    IsOptional(),
    IsString(),
    MaxLength(ATTRIBUTE_MAX),
  );
}

export class EvaluationQueryDto {
  @ApiProperty({
    required: false,
    enum: ['frontend', 'backend'],
    default: 'frontend',
    description: 'Which side asks: flags visible only to the other side evaluate to false',
  })
  @IsOptional()
  @IsIn(['frontend', 'backend'])
  audience?: Audience;
}

/** The attributes of a made-up caller; what is left out matches no rule. */
export class SampleCallerDto implements EvaluationContext {
  @SampleAttribute('0190e4a8-5f5e-7000-8000-000000000001') user_id?: string;
  @SampleAttribute('teenager') user_type?: string;
  @SampleAttribute('13-17') age_class?: string;
  @SampleAttribute('DE') country?: string;
  @SampleAttribute('Gymnasium Nord') school?: string;
  @SampleAttribute('de') language?: string;
  @SampleAttribute('web') origin?: string;

  @ApiPropertyOptional({ type: String, isArray: true, maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(ATTRIBUTE_MAX, { each: true })
  collective_ids?: string[];
}

export class SampleEvaluationDto extends EvaluationQueryDto {
  @ApiPropertyOptional({ type: SampleCallerDto, description: 'The caller to evaluate for' })
  @IsOptionalNotNull()
  @IsObject({ message: 'context must be an object' })
  @ValidateNested()
  @Type(() => SampleCallerDto)
  context?: SampleCallerDto;
}

export class FlagEvaluationDto {
  @ApiProperty() name: string;
  @ApiProperty() value: boolean;
  @ApiProperty({ enum: ['on', 'off'], description: 'The variant served: on or off' })
  variant: 'on' | 'off';
  @ApiProperty({ enum: EvaluationReason, description: "OpenFeature's resolution reason" })
  reason: EvaluationReason;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'rules.0',
    description:
      'The step that decided: environment, variant, visibility, rules.<i> (the first rule that did not match), rules (all matched), rollout; null when disabled or static',
  })
  rule_id: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'TARGETING_KEY_MISSING',
    description: "OpenFeature's error code when the reason is ERROR",
  })
  error_code: string | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) flag_version: number;

  static from(result: FlagEvaluation): FlagEvaluationDto {
    return {
      name: result.name,
      value: result.value,
      variant: result.value ? 'on' : 'off',
      reason: result.reason,
      rule_id: result.ruleId,
      error_code: result.errorCode,
      flag_version: result.flagVersion,
    };
  }
}

export const FLAG_MAP_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'boolean' },
  example: { 'new-onboarding': true },
} as const;
