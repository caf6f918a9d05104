import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { JobSnapshot, JobStatus } from '../../../platform/queue/queue.types.js';
import type { SummaryPayload } from '../summary-writer.service.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { ApiAnyJson } from '../../../platform/http/api-schema.decorators.js';

export const MAX_SUMMARY_CHARS = 32_000;
export const SUMMARY_JOB_ID = /^[A-Za-z0-9._-]{1,200}$/;

export class PostSummaryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  conversation_id: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_SUMMARY_CHARS })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SUMMARY_CHARS)
  summary: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When the summary was made (defaults to when it was received). A summary older than the one already stored never replaces it.',
  })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true, strictSeparator: true })
  as_of?: string;
}

export class SummaryJobParams {
  @ApiProperty({ description: 'The job_id a POST /v1/memory/summaries answered' })
  @Matches(SUMMARY_JOB_ID, { message: 'id must be a job id' })
  id: string;
}

export class SummaryAcceptedDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Follow it at /v1/memory/summaries/jobs/{job_id}; null when stored at once',
  })
  job_id: string | null;

  @ApiProperty({ enum: ['queued', 'stored'] })
  status: 'queued' | 'stored';

  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ format: 'date-time' }) as_of: string;
}

export class SummaryJobDto {
  @ApiProperty() job_id: string;
  @ApiProperty({ enum: ['waiting', 'delayed', 'active', 'completed', 'failed'] })
  status: JobStatus;
  @ApiProperty({ description: 'The conversation_id of the job as it was queued' })
  conversation_id: string;
  @ApiProperty({ description: 'The as_of of the job as it was queued' }) as_of: string;
  @ApiProperty({ type: 'integer' }) attempts_made: number;
  @ApiProperty({ type: 'integer' }) max_attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'The latest failure, if any' })
  last_error: string | null;
  @ApiAnyJson({ description: 'What the worker did, once completed (any JSON; null before)' })
  result: unknown;

  static from(job: JobSnapshot, payload: SummaryPayload): SummaryJobDto {
    return {
      job_id: job.id,
      status: job.status,
      conversation_id: payload.conversationId,
      as_of: payload.asOf,
      attempts_made: job.attemptsMade,
      max_attempts: job.maxAttempts,
      last_error: job.lastError,
      result: job.result ?? null,
    };
  }
}
