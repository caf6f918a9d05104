import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, Repository } from 'typeorm';
import { Feedback } from './entities/feedback.entity.js';

@Injectable()
export class FeedbackRepository {
  constructor(@InjectRepository(Feedback) private readonly feedback: Repository<Feedback>) {}

  async insert(row: Omit<Feedback, 'createdAt' | 'user'>): Promise<Feedback> {
    await this.feedback.insert(row);
    return (await this.feedback.findOneBy({ id: row.id }))!;
  }

  /** The user's feedback on these chat sessions: it goes with the conversation. */
  async deleteForSessions(
    userId: string,
    sessionIds: string[],
    manager: EntityManager,
  ): Promise<number> {
    if (sessionIds.length === 0) return 0;
    const result = await manager
      .getRepository(Feedback)
      .delete({ userId, sessionId: In(sessionIds) });
    return result.affected ?? 0;
  }
}
