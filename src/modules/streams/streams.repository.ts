import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Stream, StreamStatus } from './entities/stream.entity.js';

@Injectable()
export class StreamsRepository {
  constructor(@InjectRepository(Stream) private readonly streams: Repository<Stream>) {}

  async insert(stream: Pick<Stream, 'id' | 'conversationId' | 'userId'>): Promise<Stream> {
    await this.streams.insert({ ...stream, status: StreamStatus.Open, completedAt: null });
    return (await this.streams.findOneBy({ id: stream.id }))!;
  }

  findOwned(id: string, userId: string): Promise<Stream | null> {
    return this.streams.findOneBy({ id, userId });
  }

  /** The conversation a stream belongs to, or null when there is no such stream. */
  async conversationOf(id: string): Promise<string | null> {
    const row = await this.streams.findOne({ where: { id }, select: { conversationId: true } });
    return row?.conversationId ?? null;
  }

  /** Marks it completed once; a second call keeps the first completion time. */
  async markCompleted(id: string, userId: string): Promise<Stream | null> {
    await this.streams
      .createQueryBuilder()
      .update()
      .set({ status: StreamStatus.Completed, completedAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND status = :open', {
        id,
        userId,
        open: StreamStatus.Open,
      })
      .execute();
    return this.findOwned(id, userId);
  }
}
