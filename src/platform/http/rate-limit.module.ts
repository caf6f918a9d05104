import {
  Inject,
  Injectable,
  Logger,
  Module,
  SetMetadata,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AppConfig } from '../config/config.js';
import { RedisConnections } from '../redis/redis.factory.js';
import { RedisModule } from '../redis/redis.module.js';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import {
  consume,
  createRateLimits,
  createSharedRateLimits,
  type RateLimit,
} from './rate-limiters.js';

const AUTH_LIMITED = 'parley:auth-rate-limited';
const RATE_LIMITS = Symbol('RATE_LIMITS');

/** Marks sign-in style routes (register, login, reset...) for the stricter per-address limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_LIMITED, true);

/**
 * Requests per minute per client address: a general limit on every route and a
 * stricter one on sign-in routes; 429 with Retry-After beyond them. Counting is
 * rate-limiter-flexible's (@nestjs/throttler's CommonJS build cannot load the
 * ESM-only @nestjs/common 12 under Jest on Node 20, so no suite could test it).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');

  constructor(
    @Inject(RATE_LIMITS) private readonly limits: RateLimit[],
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || this.limits.length === 0) return true;
    const ip = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    const authLimited = this.reflector.get<boolean>(AUTH_LIMITED, context.getHandler()) === true;
    for (const limit of this.limits) {
      if (limit.name === 'auth' && !authLimited) continue;
      let outcome;
      try {
        outcome = await consume(limit, ip);
      } catch (err) {
        // Availability over strictness: a limiter failure must not take the API down.
        this.logger.warn(`rate limit ${limit.name} not counted: ${(err as Error).message}`);
        continue;
      }
      if (!outcome.allowed) {
        throw new DomainError(
          ErrorCode.RateLimited,
          'Too many requests; slow down.',
          { retry_after: outcome.retryAfterSeconds },
          { 'Retry-After': String(outcome.retryAfterSeconds) },
        );
      }
    }
    return true;
  }
}

@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    const shared = Boolean(config.redis.url);
    return {
      module: RateLimitModule,
      imports: shared ? [RedisModule] : [],
      providers: [
        shared
          ? {
              provide: RATE_LIMITS,
              inject: [RedisConnections],
              useFactory: (redis: RedisConnections) => createSharedRateLimits(config, redis),
            }
          : { provide: RATE_LIMITS, useValue: createRateLimits(config) },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
