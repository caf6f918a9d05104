import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { AppConfig } from '../config/config.js';
import type { RedisConnections } from '../redis/redis.factory.js';

const WINDOW_SECONDS = 60;

/** A limit by name: `all` counts every request, `auth` the sign-in routes. */
export interface RateLimit {
  name: 'all' | 'auth';
  limiter: RateLimiterAbstract;
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per minute per client address, as configured; a limit of 0 is off. With Redis
 * the counters are shared by every instance, and while Redis is away each
 * instance counts in memory instead (the insurance limiter), so limits still hold.
 */
export function createRateLimits(config: AppConfig, client?: Redis, prefix = ''): RateLimit[] {
  const limits: [RateLimit['name'], number][] = [
    ['all', config.env.RATE_LIMIT_PER_MINUTE],
    ['auth', config.env.RATE_LIMIT_AUTH_PER_MINUTE],
  ];
  return limits
    .filter(([, points]) => points > 0)
    .map(([name, points]) => {
      const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: name });
      const limiter = client
        ? new RateLimiterRedis({
            storeClient: client,
            points,
            duration: WINDOW_SECONDS,
            keyPrefix: `${prefix}ratelimit:${name}`,
            // Not connected: count in memory at once rather than wait for the command timeout.
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory;
      return { name, limiter };
    });
}

/** Builds the limits on the Redis client the application's factory makes for them. */
export async function createSharedRateLimits(
  config: AppConfig,
  redis: RedisConnections,
): Promise<RateLimit[]> {
  if (createRateLimits(config).length === 0) return [];
  const client = redis.create('rate-limit', 'command');
  // Counting starts in Redis when it is up at boot, so instances agree from the first request.
  await client.ping().catch(() => undefined);
  return createRateLimits(config, client, redis.keyPrefix);
}

/** Counts one request against a limit. */
export async function consume(limit: RateLimit, key: string): Promise<RateLimitOutcome> {
  try {
    await limit.limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    // Anything but a verdict is a store failure the insurance limiter could not cover.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
    };
  }
}
