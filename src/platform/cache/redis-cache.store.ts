import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RedisConnections } from '../redis/redis.factory.js';
import type { CacheStore } from './cache.port.js';

/**
 * Redis as the shared level. Keys carry the application's prefix; invalidations
 * travel on one pub/sub channel under that prefix, so every instance hears them.
 */
export class RedisCacheStore implements CacheStore {
  private readonly logger = new Logger('Cache');
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly channel: string;
  private readonly listeners: ((keys: string[]) => void)[] = [];
  private subscribed?: Promise<unknown>;

  constructor(private readonly redis: RedisConnections) {
    // A cache must not hang a request while Redis is away: fail fast, callers fall back.
    this.client = redis.create('cache', 'command');
    this.subscriber = redis.create('cache-invalidations', 'blocking');
    this.prefix = redis.keyPrefix;
    this.channel = `${this.prefix}cache:invalidate`;
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const keys = JSON.parse(message) as string[];
      for (const listener of this.listeners) listener(keys);
    });
  }

  /** Resolves once the invalidation channel is subscribed (or failed to be). */
  ready(): Promise<unknown> {
    this.subscribed ??= this.subscriber.subscribe(this.channel).catch((err: Error) => {
      this.logger.warn(`cannot subscribe to invalidations: ${err.message}`);
    });
    return this.subscribed;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) return [];
    const values = await this.client.mget(...keys.map((k) => this.prefix + k));
    return values.map((v) => v ?? undefined);
  }

  async setMany(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void> {
    if (entries.length === 0) return;
    const ttl = Math.max(1, Math.ceil(ttlSeconds));
    const pipeline = this.client.pipeline();
    for (const { key, value } of entries) pipeline.set(this.prefix + key, value, 'EX', ttl);
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([err]) => err);
    if (failed) throw failed[0];
  }

  async del(keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    return this.client.del(...keys.map((k) => this.prefix + k));
  }

  async keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.client.scan(
        cursor,
        'MATCH',
        `${escapeGlob(this.prefix + prefix)}*`,
        'COUNT',
        500,
      );
      cursor = next;
      found.push(...batch.map((k) => k.slice(this.prefix.length)));
    } while (cursor !== '0');
    return found;
  }

  async publishInvalidation(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.publish(this.channel, JSON.stringify(keys));
  }

  onInvalidation(listener: (keys: string[]) => void): void {
    this.listeners.push(listener);
    void this.ready();
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    await Promise.all([this.redis.close(this.subscriber), this.redis.close(this.client)]);
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
