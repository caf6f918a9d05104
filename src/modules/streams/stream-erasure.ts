import { Inject } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CacheService } from '../../platform/cache/cache.service.js';
import type { OutsideStep } from '../../platform/erasure/erase-counts.js';
import type { ConversationEraseResult } from '../conversations/conversation-erasers.js';
import { CHUNK_STORE, type ChunkStore } from './chunk-store.js';
import { conversationKey } from './streams.service.js';
import {
  ErasesUserData,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * Erasing streams, of a conversation or of a user: the rows in the erase's
 * transaction, then their chunks (Redis keys, or the embedded store's entries)
 * and the cached stream-to-conversation links once it committed.
 */
@ErasesUserData({ order: 20 })
export class StreamErasure implements UserEraser {
  readonly columns: ErasedColumns = [{ table: 'app.streams', column: 'user_id', action: 'delete' }];

  constructor(
    @Inject(CHUNK_STORE) private readonly store: ChunkStore,
    private readonly cache: CacheService,
  ) {}

  async eraseConversation(
    conversationId: string,
    manager: EntityManager,
  ): Promise<ConversationEraseResult> {
    const ids = await this.deleteWhere('conversation_id', conversationId, manager);
    return { rows: ids.length, outside: ids.length ? [this.chunksStep(ids)] : [] };
  }

  async erase(userId: string, { manager }: UserEraseContext) {
    const ids = await this.deleteWhere('user_id', userId, manager);
    return {
      removed: { 'app.streams': ids.length },
      outside: ids.length ? [this.chunksStep(ids)] : [],
    };
  }

  private async deleteWhere(
    column: 'conversation_id' | 'user_id',
    id: string,
    manager: EntityManager,
  ): Promise<string[]> {
    const [rows] = (await manager.query(
      `DELETE FROM app.streams WHERE ${column} = $1 RETURNING id`,
      [id],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  private chunksStep(streamIds: string[]): OutsideStep {
    const links = streamIds.map(conversationKey);
    return {
      what: `chunks of ${streamIds.length} stream(s)`,
      run: async () => ({
        redis_keys: await this.store.remove(streamIds),
        cache_entries: await this.cache.del(...links),
      }),
      verify: async () => ({
        redis_keys: await this.store.held(streamIds),
        cache_entries: (await this.cache.getMany(links)).filter((v) => v !== undefined).length,
      }),
    };
  }
}
