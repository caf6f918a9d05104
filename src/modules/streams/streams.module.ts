import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { RedisConnections } from '../../platform/redis/redis.factory.js';
import { RedisModule } from '../../platform/redis/redis.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ConversationErasers } from '../conversations/conversation-erasers.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { CHUNK_STORE, type ChunkStore } from './chunk-store.js';
import { Stream } from './entities/stream.entity.js';
import { StreamErasure } from './stream-erasure.js';
import { MemoryChunkStore } from './memory-chunk-store.js';
import { RedisChunkStore } from './redis-chunk-store.js';
import { ConversationStreamsController, StreamsController } from './streams.controller.js';
import { StreamAccessChecker } from './stream-access.checker.js';
import { StreamsRepository } from './streams.repository.js';
import { StreamsService } from './streams.service.js';
import { StreamRetention } from './streams.retention.js';
import { StreamsExporter } from './streams.exporter.js';

/** Resumable streams of assistant responses, readable from any instance. */
@Module({
  imports: [TypeOrmModule.forFeature([Stream]), AuthModule, ConversationsModule, RedisModule],
  controllers: [ConversationStreamsController, StreamsController],
  providers: [
    {
      provide: CHUNK_STORE,
      inject: [APP_CONFIG, RedisConnections],
      useFactory: (config: AppConfig, redis: RedisConnections): ChunkStore =>
        config.redis.url
          ? new RedisChunkStore(redis, config.env.STREAM_READER_CONNECTIONS)
          : new MemoryChunkStore(),
    },
    StreamsRepository,
    StreamsService,
    StreamAccessChecker,
    StreamErasure,
    StreamRetention,
    StreamsExporter,
  ],
})
export class StreamsModule implements OnModuleInit {
  constructor(
    private readonly erasers: ConversationErasers,
    private readonly erasure: StreamErasure,
  ) {}

  onModuleInit(): void {
    // Erasing a conversation (or its user) removes its streams, their chunks included.
    this.erasers.register({
      table: 'app.streams',
      erase: (conversationId, manager) => this.erasure.eraseConversation(conversationId, manager),
    });
  }
}
