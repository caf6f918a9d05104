import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { Feedback } from '../entities/feedback.entity.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

export class CreateFeedbackDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  is_positive?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A chat session (agent thread) id; not checked, absent for feedback on the app',
  })
  @IsOptionalNotNull()
  @IsUUID()
  session_id?: string;
}

export class FeedbackDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', nullable: true }) rating: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) is_positive: boolean | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) session_id: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(f: Feedback): FeedbackDto {
    return {
      id: f.id,
      rating: f.rating,
      comment: f.comment,
      is_positive: f.isPositive,
      session_id: f.sessionId,
      created_at: new Date(f.createdAt).toISOString(),
    };
  }
}
