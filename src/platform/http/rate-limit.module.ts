import {
  Inject,
  Injectable,
  Logger,
  Module,
  SetMetadata,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import {
  MemoryRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
} from './rate-limit.store.js';

const AUTH_LIMITED = 'parley:auth-rate-limited';
const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
const MINUTE_MS = 60_000;

/** Marks sign-in style routes (register, login, reset...) for the stricter per-address limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_LIMITED, true);

/**
 * Requests per minute per client address: a general limit on every route and a
 * stricter one on sign-in routes; 429 with Retry-After beyond them.
 *
 * @nestjs/throttler would do the same, but its CommonJS build cannot load the
 * ESM-only @nestjs/common 12 inside Jest on Node 20, so the suites could not
 * exercise it; this guard keeps its semantics with a Redis-backed store.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const ip = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    const limits: [string, number][] = [['all', this.config.env.RATE_LIMIT_PER_MINUTE]];
    if (this.reflector.get<boolean>(AUTH_LIMITED, context.getHandler())) {
      limits.push(['auth', this.config.env.RATE_LIMIT_AUTH_PER_MINUTE]);
    }
    for (const [name, limit] of limits) {
      if (limit === 0) continue;
      let hit;
      try {
        hit = await this.store.hit(`${name}:${ip}`, limit, MINUTE_MS);
      } catch (err) {
        // Availability over strictness: a limiter outage must not take the API down.
        this.logger.warn(`rate limit store unavailable: ${(err as Error).message}`);
        return true;
      }
      if (hit.blocked) {
        throw new DomainError(
          ErrorCode.RateLimited,
          'Too many requests; slow down.',
          { retry_after: hit.retryAfter },
          { 'Retry-After': String(hit.retryAfter) },
        );
      }
    }
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: RATE_LIMIT_STORE,
          useFactory: (): RateLimitStore =>
            config.redis.url
              ? new RedisRateLimitStore(config.redis.url, config.redis.keyPrefix)
              : new MemoryRateLimitStore(),
        },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
