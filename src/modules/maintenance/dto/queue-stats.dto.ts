import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalNotNull, ToQueryInteger } from '../../../platform/http/validators.js';
import {
  QUEUE_NAMES,
  type FailedJob,
  type QueueName,
} from '../../../platform/queue/queue.types.js';

export const FAILED_JOBS_MAX = 100;

export class QueueStatsQueryDto {
  @ApiProperty({
    required: false,
    type: 'integer',
    minimum: 0,
    maximum: FAILED_JOBS_MAX,
    default: 20,
    description: 'How many of the latest failed jobs to list per queue',
  })
  @IsOptionalNotNull()
  @ToQueryInteger()
  @IsInt()
  @Min(0)
  @Max(FAILED_JOBS_MAX)
  failed_limit?: number;
}

export class FailedJobDto {
  @ApiProperty({ description: 'The job id (stable ids name what the job is about)' }) id: string;
  @ApiProperty({ example: 'rag-ingest.document' }) name: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts_made: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) max_attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'The error of the last attempt' })
  last_error: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failed_at: string | null;

  static from(job: FailedJob): FailedJobDto {
    return {
      id: job.id,
      name: job.name,
      attempts_made: job.attemptsMade,
      max_attempts: job.maxAttempts,
      last_error: job.lastError,
      failed_at: job.failedAt ? new Date(job.failedAt).toISOString() : null,
    };
  }
}

export class QueueStatsDto {
  @ApiProperty({ enum: QUEUE_NAMES }) name: QueueName;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Due and waiting for a runner' })
  waiting: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Running now' }) active: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Due later (delayed, or a retry waiting out its backoff)',
  })
  delayed: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Out of attempts' }) failed: number;
  @ApiProperty({ type: FailedJobDto, isArray: true, description: 'The latest failed, first' })
  failed_jobs: FailedJobDto[];
}

export class QueueStatsListDto {
  @ApiProperty({
    enum: ['bullmq', 'local'],
    description: 'bullmq (on Redis) or local (the durable PostgreSQL table of the embedded mode)',
  })
  driver: 'bullmq' | 'local';
  @ApiProperty({ type: QueueStatsDto, isArray: true }) data: QueueStatsDto[];
}
