import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { escapeLike, LIKE_ESCAPE } from '../../platform/database/like.js';
import { ChatSession } from './entities/chat-session.entity.js';
import { ConversationConfig } from './entities/conversation-config.entity.js';
import { Conversation, type ConversationType } from './entities/conversation.entity.js';

export type ConversationPatch = Partial<
  Pick<
    Conversation,
    | 'title'
    | 'type'
    | 'visibility'
    | 'summary'
    | 'summaryAsOf'
    | 'persona'
    | 'metadata'
    | 'usageContext'
    | 'archivedAt'
  >
>;

export interface ConversationFilter {
  type?: ConversationType;
  archived: boolean;
  titleContains?: string;
}

/** The keyset of "newest activity first": the timestamp travels as text to keep microseconds. */
export interface ActivityKey {
  activity: string;
  id: string;
}

@Injectable()
export class ConversationsRepository {
  constructor(
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    @InjectRepository(ConversationConfig) private readonly configs: Repository<ConversationConfig>,
    @InjectRepository(ChatSession) private readonly sessions: Repository<ChatSession>,
  ) {}

  async insert(c: Partial<Conversation> & { id: string; userId: string }): Promise<Conversation> {
    await this.conversations.insert(c as QueryDeepPartialEntity<Conversation>);
    return (await this.conversations.findOneBy({ id: c.id }))!;
  }

  findOwned(id: string, ownerId: string, manager?: EntityManager): Promise<Conversation | null> {
    const repo = manager ? manager.getRepository(Conversation) : this.conversations;
    return repo.findOneBy({ id, userId: ownerId });
  }

  /** Locks the row so that an erase and a concurrent append cannot interleave. */
  lockOwned(id: string, ownerId: string, manager: EntityManager): Promise<Conversation | null> {
    return manager
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id AND c.user_id = :ownerId', { id, ownerId })
      .getOne();
  }

  isOwner(userId: string, id: string): Promise<boolean> {
    return this.conversations.existsBy({ id, userId });
  }

  findPublic(id: string): Promise<Conversation | null> {
    return this.conversations.findOneBy({ id, visibility: 'public' as Conversation['visibility'] });
  }

  async listPage(
    ownerId: string,
    filter: ConversationFilter,
    after: ActivityKey | null,
    take: number,
  ): Promise<(Conversation & { activityKey: string })[]> {
    const qb = this.conversations
      .createQueryBuilder('c')
      .addSelect('c.last_activity_at::text', 'activity_key')
      .where('c.user_id = :ownerId', { ownerId })
      .andWhere(filter.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL');
    if (filter.type) qb.andWhere('c.type = :type', { type: filter.type });
    if (filter.titleContains) {
      qb.andWhere(`c.title ILIKE :title ${LIKE_ESCAPE}`, {
        title: `%${escapeLike(filter.titleContains)}%`,
      });
    }
    if (after) {
      qb.andWhere(
        new Brackets((b) =>
          b.where('(c.last_activity_at, c.id) < (:activity::timestamptz, :afterId::uuid)', {
            activity: after.activity,
            afterId: after.id,
          }),
        ),
      );
    }
    const { entities, raw } = await qb
      .orderBy('c.last_activity_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(take)
      .getRawAndEntities<{ activity_key: string }>();
    return entities.map((e, i) => Object.assign(e, { activityKey: raw[i]!.activity_key }));
  }

  /** Applies a patch to the owner's conversation; null when it is not theirs. */
  async update(
    id: string,
    ownerId: string,
    patch: ConversationPatch,
  ): Promise<Conversation | null> {
    if (Object.keys(patch).length > 0) {
      await this.conversations.update(
        { id, userId: ownerId },
        patch as QueryDeepPartialEntity<Conversation>,
      );
    }
    return this.findOwned(id, ownerId);
  }

  async touchActivity(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE app.conversations SET last_activity_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** Sets the summary unless the conversation holds one at least as recent; whether it did. */
  async applySummary(id: string, ownerId: string, summary: string, asOf: Date): Promise<boolean> {
    const result = await this.conversations
      .createQueryBuilder()
      .update(Conversation)
      .set({ summary, summaryAsOf: asOf })
      .where('id = :id AND user_id = :ownerId', { id, ownerId })
      .andWhere('(summary_as_of IS NULL OR summary_as_of <= :asOf)', { asOf })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async delete(id: string, manager: EntityManager): Promise<number> {
    const result = await manager.getRepository(Conversation).delete({ id });
    return result.affected ?? 0;
  }

  findConfig(conversationId: string): Promise<ConversationConfig | null> {
    return this.configs.findOneBy({ conversationId });
  }

  async upsertConfig(
    config: Omit<ConversationConfig, 'updatedAt' | 'conversation'>,
  ): Promise<ConversationConfig> {
    await this.configs
      .createQueryBuilder()
      .insert()
      .into(ConversationConfig)
      .values(config as QueryDeepPartialEntity<ConversationConfig>)
      .orUpdate(
        ['model', 'temperature', 'system_prompt', 'context_window', 'settings', 'updated_at'],
        ['conversation_id'],
      )
      .execute();
    return (await this.findConfig(config.conversationId))!;
  }

  async deleteConfig(conversationId: string, manager: EntityManager): Promise<number> {
    return (
      (await manager.getRepository(ConversationConfig).delete({ conversationId })).affected ?? 0
    );
  }

  async insertSession(session: { id: string; conversationId: string }): Promise<ChatSession> {
    await this.sessions.insert(session);
    return (await this.sessions.findOneBy({ id: session.id }))!;
  }

  listSessions(
    conversationId: string,
    afterId: string | null,
    take: number,
  ): Promise<ChatSession[]> {
    const qb = this.sessions
      .createQueryBuilder('s')
      .where('s.conversation_id = :conversationId', { conversationId });
    if (afterId) qb.andWhere('s.id > :afterId', { afterId });
    return qb.orderBy('s.id', 'ASC').limit(take).getMany();
  }

  async idsOfOwner(ownerId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .getRepository(Conversation)
      .find({ select: { id: true }, where: { userId: ownerId } });
    return rows.map((r) => r.id);
  }

  async sessionIds(conversationId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .getRepository(ChatSession)
      .find({ select: { id: true }, where: { conversationId } });
    return rows.map((r) => r.id);
  }

  async deleteSessions(conversationId: string, manager: EntityManager): Promise<number> {
    return (await manager.getRepository(ChatSession).delete({ conversationId })).affected ?? 0;
  }
}
