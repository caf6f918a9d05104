import { Redis } from 'ioredis';

export interface RateLimitHit {
  blocked: boolean;
  /** Seconds until the client may try again (when blocked). */
  retryAfter: number;
}

/** Fixed-window counters shared by every instance of the service. */
export interface RateLimitStore {
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitHit>;
  close(): Promise<void>;
}

/** The embedded default: one process, one map. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { hits: number; resetAt: number }>();

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitHit> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 100_000) this.sweep(now);
      window = { hits: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.hits++;
    return { blocked: window.hits > limit, retryAfter: Math.ceil((window.resetAt - now) / 1000) };
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

/** Count the hit and start the window on the first one, in one round trip. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {hits, redis.call('PTTL', KEYS[1])}`;

/** Counters in Redis, so that a limit holds across instances. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // A limiter must not hang requests while Redis is away: fail fast, then let traffic through.
    this.client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.client.on('error', () => undefined);
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitHit> {
    const [hits, ttl] = (await this.client.eval(
      HIT,
      1,
      `${this.prefix}ratelimit:${key}`,
      windowMs,
    )) as [number, number];
    return { blocked: hits > limit, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
