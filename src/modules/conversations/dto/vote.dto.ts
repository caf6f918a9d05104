import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { VoteValue } from '../entities/message-vote.entity.js';

export class PutVoteDto {
  @ApiProperty({ enum: VoteValue })
  @IsEnum(VoteValue)
  value: VoteValue;
}

export class VoteDto {
  @ApiProperty({ format: 'uuid', description: 'The message id (server side)' }) message_id: string;
  @ApiProperty({ enum: VoteValue }) value: VoteValue;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}
