import { ApiProperty } from '@nestjs/swagger';

/** What an erase removed outside the per-table rows, store by store. */
export class StoreCountsDto {
  @ApiProperty({
    type: 'integer',
    description: 'Agent checkpoint rows removed, all tables together',
  })
  checkpoints: number;

  @ApiProperty({ type: 'integer', description: 'Memory items removed (summaries included)' })
  memory_items: number;

  @ApiProperty({ type: 'integer', description: 'Embedding vectors removed' })
  vectors: number;

  @ApiProperty({
    type: 'integer',
    description: 'Cache entries dropped on every instance (profile, session states)',
  })
  cache_entries: number;

  @ApiProperty({ type: 'integer', description: 'Redis keys deleted (stream chunks, jobs)' })
  redis_keys: number;

  @ApiProperty({ type: 'integer', description: 'Queued jobs carrying the data, removed' })
  queued_jobs: number;

  @ApiProperty({
    type: 'integer',
    description: 'Blobs whose last reference went, deleted from the blob store',
  })
  blobs: number;
}

export class EraseReceiptDto extends StoreCountsDto {
  @ApiProperty({ format: 'uuid' }) conversation_id: string;

  @ApiProperty({
    description:
      'Rows removed, per schema-qualified table (agent checkpoint tables included when present)',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'app.messages': 42, 'app.conversations': 1, 'langgraph.checkpoints': 7 },
  })
  removed: Record<string, number>;

  @ApiProperty({ type: [String], description: 'Agent thread ids whose checkpoints were erased' })
  thread_ids: string[];

  @ApiProperty({ format: 'date-time' }) erased_at: string;
}
