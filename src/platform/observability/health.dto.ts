import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';

/** One check of the readiness report (Terminus): its status and what the check found. */
const INDICATORS = {
  type: 'object' as const,
  description: 'Per dependency (database, redis, blobs...): its status and what its check found',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['up', 'degraded', 'down'] },
      message: { type: 'string', description: 'Why it is degraded or down' },
    },
    additionalProperties: true,
  } satisfies SchemaObject,
};

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class ReadinessDto {
  @ApiProperty({
    enum: ['ok', 'degraded', 'error', 'shutting_down'],
    description: 'degraded: an optional dependency is down; error: the database is',
  })
  status: string;

  @ApiPropertyOptional({ ...INDICATORS, description: 'The checks that are up or degraded' })
  info?: Record<string, unknown>;

  @ApiPropertyOptional({ ...INDICATORS, description: 'The checks that are down' })
  error?: Record<string, unknown>;

  @ApiProperty({ ...INDICATORS, description: 'Every check' })
  details: Record<string, unknown>;

  @ApiProperty({ enum: ['servers', 'embedded'], description: 'Run mode' }) mode: string;

  @ApiProperty({
    enum: ['pgvector', 'exact-scan', 'unknown'],
    description: 'How similarity search runs; unknown when the database cannot say',
  })
  vector: string;

  @ApiProperty({ enum: ['bullmq', 'local'], description: 'Queue driver' }) queue: string;
  @ApiProperty({ enum: ['s3', 'filesystem'], description: 'Blob store driver' }) blobs: string;
}
