import { jest } from '@jest/globals';
import { MemoryRateLimitStore } from './rate-limit.store.js';

describe('MemoryRateLimitStore', () => {
  afterEach(() => jest.useRealTimers());

  it('blocks past the limit until the window ends, per key', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 3; i++) expect((await store.hit('a', 3, 60_000)).blocked).toBe(false);
    expect(await store.hit('a', 3, 60_000)).toEqual({ blocked: true, retryAfter: 60 });
    expect((await store.hit('b', 3, 60_000)).blocked).toBe(false);
    jest.advanceTimersByTime(45_000);
    expect(await store.hit('a', 3, 60_000)).toEqual({ blocked: true, retryAfter: 15 });
    jest.advanceTimersByTime(15_000);
    expect((await store.hit('a', 3, 60_000)).blocked).toBe(false);
  });
});
