import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CACHE_STORE, type CacheStore } from './cache.port.js';

/** How long a value may live in an instance's own memory before it asks the shared level again. */
const NEAR_TTL_MS = 5_000;
const NEAR_MAX_ENTRIES = 50_000;
/** Marks a remembered absence in the near cache. */
const MISS = Symbol('miss');

/**
 * Two levels: a small near cache in this process and the shared store (Redis,
 * or memory in the embedded default). `del` drops the key everywhere: from the
 * store, and from every instance's near cache through pub/sub, so a change is
 * seen by all instances well within a second.
 *
 * A cache is an optimisation: when the shared store is unreachable, reads miss
 * and writes are dropped (logged), and callers go to the source of truth. `del`
 * is the exception: a failed invalidation could leave a stale grant alive, so
 * it throws.
 */
@Injectable()
export class CacheService implements OnApplicationShutdown {
  private readonly logger = new Logger('Cache');
  private readonly near = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(@Inject(CACHE_STORE) private readonly store: CacheStore) {
    store.onInvalidation((keys) => {
      for (const key of keys) this.near.delete(key);
    });
  }

  /**
   * `rememberMiss`: keep "absent" in the near cache too, for keys that are almost
   * always absent and read on every request (revoked token ids). Whoever later
   * writes such a key must `set` it with `broadcast`, so no instance keeps
   * believing it absent.
   */
  async get<T>(key: string, options: { rememberMiss?: boolean } = {}): Promise<T | undefined> {
    const hit = this.near.get(key);
    if (hit && hit.expiresAt > Date.now()) return (hit.value === MISS ? undefined : hit.value) as T;
    let raw: string | undefined;
    try {
      raw = await this.store.get(key);
    } catch (err) {
      this.warn('get', err);
      return undefined;
    }
    if (raw === undefined) {
      if (options.rememberMiss) this.remember(key, MISS);
      return undefined;
    }
    const value = JSON.parse(raw) as T;
    this.remember(key, value);
    return value;
  }

  /** `broadcast`: also drop the key from other instances' near caches (see `get`). */
  async set(
    key: string,
    value: unknown,
    ttlSeconds: number,
    options: { broadcast?: boolean } = {},
  ): Promise<void> {
    this.remember(key, value, ttlSeconds * 1000);
    try {
      await this.store.set(key, JSON.stringify(value), ttlSeconds);
    } catch (err) {
      this.near.delete(key);
      this.warn('set', err);
      if (options.broadcast) throw err;
      return;
    }
    if (options.broadcast) {
      await this.store.publishInvalidation([key]);
      // The broadcast reaches this instance too; keep what was just written.
      this.remember(key, value, ttlSeconds * 1000);
    }
  }

  /**
   * Many keys in one store round trip, bypassing this service's near cache:
   * for bulky values (embeddings) whose caller keeps its own bounded near level.
   * An unreachable store reads as all misses.
   */
  async getMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    try {
      const raw = await this.store.getMany(keys);
      return raw.map((r) => (r === undefined ? undefined : (JSON.parse(r) as T)));
    } catch (err) {
      this.warn('getMany', err);
      return keys.map(() => undefined);
    }
  }

  /** Many entries in one store round trip (no near cache, see `getMany`); throws when the store fails, so a queued write is retried. */
  async setMany(entries: { key: string; value: unknown }[], ttlSeconds: number): Promise<void> {
    if (entries.length === 0) return;
    await this.store.setMany(
      entries.map((e) => ({ key: e.key, value: JSON.stringify(e.value) })),
      ttlSeconds,
    );
  }

  /** Removes keys from every level of every instance; returns how many the store held. */
  async del(...keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    for (const key of keys) this.near.delete(key);
    const removed = await this.store.del(keys);
    await this.store.publishInvalidation(keys);
    return removed;
  }

  /** Every key under a prefix, removed everywhere (erasure). */
  async delByPrefix(prefix: string): Promise<number> {
    return this.del(...(await this.store.keys(prefix)));
  }

  keys(prefix: string): Promise<string[]> {
    return this.store.keys(prefix);
  }

  /**
   * Hears every invalidation any instance publishes (`del`, broadcast `set`),
   * for state an instance keeps outside the cache and must read again.
   */
  onInvalidation(listener: (keys: string[]) => void): void {
    this.store.onInvalidation(listener);
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  private remember(key: string, value: unknown, ttlMs = NEAR_TTL_MS): void {
    if (this.near.size >= NEAR_MAX_ENTRIES) {
      // Oldest insertions first: Map iterates in insertion order.
      const drop = this.near.keys().next().value;
      if (drop !== undefined) this.near.delete(drop);
    }
    this.near.set(key, { value, expiresAt: Date.now() + Math.min(ttlMs, NEAR_TTL_MS) });
  }

  private warn(op: string, err: unknown): void {
    this.logger.warn(`cache ${op} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
