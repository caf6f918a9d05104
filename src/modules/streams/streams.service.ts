import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { CHUNK_STORE, type ChunkStore } from './chunk-store.js';
import { StreamDto } from './dto/stream.dto.js';
import { StreamStatus, type Stream } from './entities/stream.entity.js';
import { follow, type SseSink } from './stream-follower.js';
import { StreamsRepository } from './streams.repository.js';

const HEARTBEAT_MS = 15_000;
const CONVERSATION_LINK_TTL_SECONDS = 24 * 3600;

/**
 * Resumable streams: the record in PostgreSQL, the chunks in the chunk store.
 * Appending is the hot path: ownership comes from the cache (`isOwner`, through
 * the route's access check), ordering and the "no chunk after completion" rule
 * from the store's atomic append.
 */
@Injectable()
export class StreamsService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly readers = new Set<AbortController>();

  constructor(
    private readonly streams: StreamsRepository,
    private readonly conversations: ConversationsService,
    private readonly cache: CacheService,
    @Inject(CHUNK_STORE) private readonly store: ChunkStore,
  ) {}

  async open(userId: string, conversationId: string): Promise<StreamDto> {
    await this.conversations.getOwned(userId, conversationId);
    const id = uuidv7();
    // The store first: a record whose chunks cannot be written must not exist.
    await storeCall(() => this.store.open(id));
    const stream = await this.streams.insert({ id, conversationId, userId });
    await this.cache.set(conversationKey(id), conversationId, CONVERSATION_LINK_TTL_SECONDS);
    return StreamDto.from(stream);
  }

  /**
   * Whether the stream is the user's: it is while its conversation is (a stream
   * carries its conversation's owner). Which conversation a stream belongs to
   * never changes, so that is cached as is; the conversation's ownership is the
   * conversations module's cached check, which erasing the conversation ends on
   * every instance, and its streams with it.
   */
  async isOwner(userId: string, streamId: string): Promise<boolean> {
    const conversationId = await this.conversationOf(streamId);
    return conversationId !== null && this.conversations.isOwner(userId, conversationId);
  }

  private async conversationOf(streamId: string): Promise<string | null> {
    const cached = await this.cache.get<string>(conversationKey(streamId));
    if (cached !== undefined) return cached;
    const conversationId = await this.streams.conversationOf(streamId);
    if (conversationId) {
      await this.cache.set(
        conversationKey(streamId),
        conversationId,
        CONVERSATION_LINK_TTL_SECONDS,
      );
    }
    return conversationId;
  }

  /** The route's access check (`isOwner`) has run before this. */
  async append(userId: string, streamId: string, data: string): Promise<{ seq: number }> {
    let result = await storeCall(() => this.store.append(streamId, data));
    if (result.status === 'unknown') {
      // The store lost it (expired, or Redis restarted empty): the record decides.
      const stream = await this.getOwned(userId, streamId);
      if (stream.status === StreamStatus.Open) {
        await storeCall(() => this.store.open(streamId));
        result = await storeCall(() => this.store.append(streamId, data));
      }
    }
    if (result.status !== 'appended') {
      throw new DomainError(
        ErrorCode.Conflict,
        'The stream is completed; it takes no more chunks.',
      );
    }
    return { seq: result.seq };
  }

  async complete(userId: string, streamId: string): Promise<StreamDto> {
    await this.getOwned(userId, streamId);
    await storeCall(() => this.store.complete(streamId));
    const stream = await this.streams.markCompleted(streamId, userId);
    if (!stream) throw DomainError.notFound('Stream');
    return StreamDto.from(stream);
  }

  /** Checks ownership before any byte of the event stream is sent, so a 404 is still possible. */
  async getOwned(userId: string, streamId: string): Promise<Stream> {
    const stream = await this.streams.findOwned(streamId, userId);
    if (!stream) throw DomainError.notFound('Stream');
    return stream;
  }

  /** Follows a stream until its end, the reader leaving (`signal`), or shutdown. */
  async follow(
    stream: Pick<Stream, 'id' | 'userId'>,
    after: number,
    sink: SseSink,
    signal: AbortSignal,
  ): Promise<void> {
    const reader = new AbortController();
    const abort = () => reader.abort();
    signal.addEventListener('abort', abort, { once: true });
    this.readers.add(reader);
    try {
      await follow(this.store, stream.id, after, sink, {
        heartbeatMs: HEARTBEAT_MS,
        signal: reader.signal,
        // A record gone with its conversation is over too: do not wait on it forever.
        completedInRecord: async () =>
          (await this.streams.findOwned(stream.id, stream.userId))?.status !== StreamStatus.Open,
      });
    } finally {
      signal.removeEventListener('abort', abort);
      this.readers.delete(reader);
    }
  }

  /**
   * Open event streams would hold the HTTP server's close forever: end them.
   * Their clients reconnect with Last-Event-ID, to another instance.
   */
  beforeApplicationShutdown(): void {
    for (const reader of this.readers) reader.abort();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The chunk store (Redis) unreachable is an outage to report as such, not a server fault. */
async function storeCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError(
      ErrorCode.ServiceUnavailable,
      'The stream store cannot be reached.',
      {},
      {
        'Retry-After': '1',
      },
    );
  }
}

export function conversationKey(streamId: string): string {
  return `stream-conversation:${streamId}`;
}
