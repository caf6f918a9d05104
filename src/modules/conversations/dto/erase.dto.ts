import { ApiProperty } from '@nestjs/swagger';

export class EraseReceiptDto {
  @ApiProperty({ format: 'uuid' }) conversation_id: string;

  @ApiProperty({
    description:
      'Rows removed, per schema-qualified table (agent checkpoint tables included when present)',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'app.messages': 42, 'app.conversations': 1, 'langgraph.checkpoints': 7 },
  })
  removed: Record<string, number>;

  @ApiProperty({
    type: 'integer',
    description: 'Agent checkpoint rows removed, all tables together',
  })
  checkpoints: number;

  @ApiProperty({ type: [String], description: 'Agent thread ids whose checkpoints were erased' })
  thread_ids: string[];

  @ApiProperty({ format: 'date-time' }) erased_at: string;
}
