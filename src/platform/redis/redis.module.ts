import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { RedisConnections } from './redis.factory.js';

/**
 * Redis clients for every module that uses Redis; each imports this module, so
 * the application holds one factory. Global, so it shuts down after the
 * feature modules that still talk to Redis while they stop.
 */
@Global()
@Module({
  providers: [
    {
      provide: RedisConnections,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new RedisConnections(config.redis),
    },
  ],
  exports: [RedisConnections],
})
export class RedisModule {}
