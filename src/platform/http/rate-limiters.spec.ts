import { jest } from '@jest/globals';
import { loadConfig } from '../config/config.js';
import { consume, createRateLimits, type RateLimit } from './rate-limiters.js';

const config = (all: number, auth: number) =>
  loadConfig({
    NODE_ENV: 'test',
    RATE_LIMIT_PER_MINUTE: String(all),
    RATE_LIMIT_AUTH_PER_MINUTE: String(auth),
  });

describe('rate limits in memory (the embedded default)', () => {
  afterEach(() => jest.useRealTimers());

  it('blocks past the limit until the minute ends, per key, saying when to retry', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const [all] = createRateLimits(config(3, 0)) as [RateLimit];
    expect(all.name).toBe('all');
    for (let i = 0; i < 3; i++) expect(await consume(all, 'a')).toEqual({ allowed: true });
    expect(await consume(all, 'a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await consume(all, 'b')).toEqual({ allowed: true });
    jest.advanceTimersByTime(45_000);
    expect(await consume(all, 'a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    jest.advanceTimersByTime(15_001);
    expect(await consume(all, 'a')).toEqual({ allowed: true });
  });

  it('turns a limit off with 0, and keeps the two limits apart', async () => {
    expect(createRateLimits(config(0, 0))).toEqual([]);
    const limits = createRateLimits(config(100, 2));
    expect(limits.map((l) => l.name)).toEqual(['all', 'auth']);
    const auth = limits[1]!;
    await consume(auth, 'ip');
    await consume(auth, 'ip');
    expect(await consume(auth, 'ip')).toMatchObject({ allowed: false });
    expect(await consume(limits[0]!, 'ip')).toEqual({ allowed: true });
  });
});
