import type { CacheStore } from './cache.port.js';

/** The embedded default: one process, so invalidation only reaches itself. */
export class MemoryCacheStore implements CacheStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly listeners: ((keys: string[]) => void)[] = [];

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
    if (this.entries.size % 1024 === 0) this.sweep();
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async setMany(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void> {
    for (const { key, value } of entries) await this.set(key, value, ttlSeconds);
  }

  async del(keys: string[]): Promise<number> {
    let removed = 0;
    for (const key of keys) if (this.entries.delete(key)) removed++;
    return removed;
  }

  async keys(prefix: string): Promise<string[]> {
    this.sweep();
    return [...this.entries.keys()].filter((k) => k.startsWith(prefix));
  }

  async publishInvalidation(keys: string[]): Promise<void> {
    for (const listener of this.listeners) listener(keys);
  }

  onInvalidation(listener: (keys: string[]) => void): void {
    this.listeners.push(listener);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
