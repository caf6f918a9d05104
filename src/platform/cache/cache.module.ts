import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import type { ReadinessProbe } from '../observability/readiness.js';
import { RedisConnections } from '../redis/redis.factory.js';
import { RedisModule } from '../redis/redis.module.js';
import { CACHE_STORE, type CacheStore } from './cache.port.js';
import { CacheService } from './cache.service.js';
import { MemoryCacheStore } from './memory-cache.store.js';
import { RedisCacheStore } from './redis-cache.store.js';

export const CACHE_READINESS = Symbol('CACHE_READINESS');

@Global()
@Module({})
export class CacheModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CacheModule,
      imports: [RedisModule],
      providers: [
        {
          provide: CACHE_STORE,
          inject: [RedisConnections],
          useFactory: async (redis: RedisConnections): Promise<CacheStore> => {
            if (config.cache.driver === 'memory') return new MemoryCacheStore();
            const store = new RedisCacheStore(redis);
            await store.ready();
            return store;
          },
        },
        CacheService,
        {
          provide: CACHE_READINESS,
          inject: [CacheService],
          useFactory: (cache: CacheService): ReadinessProbe => ({
            name: 'redis',
            // Without Redis the service keeps serving from PostgreSQL: degraded, not down.
            critical: false,
            check: async () => {
              if (config.cache.driver === 'memory') return { driver: 'memory' };
              await cache.ping();
              return { driver: 'redis' };
            },
          }),
        },
      ],
      exports: [CacheService, CACHE_READINESS],
    };
  }
}
