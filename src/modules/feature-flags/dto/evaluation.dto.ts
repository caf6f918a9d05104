import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EvaluationReason, type Audience } from '../evaluation.js';

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
}

export const FLAG_MAP_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'boolean' },
  example: { 'new-onboarding': true },
} as const;
