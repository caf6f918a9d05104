/** A key-value cache shared by every instance; values travel as JSON. */
export interface CacheStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Many keys in one round trip (MGET); absent ones are `undefined`, in order. */
  getMany(keys: string[]): Promise<(string | undefined)[]>;
  /** Many entries in one round trip (a pipeline of SET EX). */
  setMany(entries: { key: string; value: string }[], ttlSeconds: number): Promise<void>;
  del(keys: string[]): Promise<number>;
  /** Keys under a prefix (of this application), for erasure and tests. */
  keys(prefix: string): Promise<string[]>;
  /** Tells every instance (this one included) to drop these keys from its near cache. */
  publishInvalidation(keys: string[]): Promise<void>;
  onInvalidation(listener: (keys: string[]) => void): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const CACHE_STORE = Symbol('CACHE_STORE');
