import { CacheService } from '../../src/platform/cache/cache.service.js';
import { RedisCacheStore } from '../../src/platform/cache/redis-cache.store.js';
import { RedisConnections } from '../../src/platform/redis/redis.factory.js';
import { startPrivateRedis } from '../support/servers.mjs';

type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

/** R2 for the cache: Redis stops and comes back; the cache degrades and recovers on its own. */
describe('the cache while its Redis is stopped and restarted', () => {
  let redis: PrivateRedis;
  let store: RedisCacheStore;
  let cache: CacheService;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    store = new RedisCacheStore(
      new RedisConnections({ url: redis.url, keyPrefix: 'parley:outage:' }),
    );
    await store.ready();
    cache = new CacheService(store);
  });

  afterAll(async () => {
    await store?.close();
    await redis?.stop();
  });

  it('misses fast instead of hanging, refuses invalidations, then recovers', async () => {
    await cache.set('k', 'before', 60);
    await redis.stop();

    const started = Date.now();
    // Near-cached values expire within seconds; a key never seen here must go to Redis.
    expect(await cache.get('never-cached')).toBeUndefined();
    await expect(cache.set('other', 1, 60)).resolves.toBeUndefined();
    await expect(cache.del('k')).rejects.toThrow();
    await expect(cache.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);

    redis = await startPrivateRedis(redis.port);
    const deadline = Date.now() + 15_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      healthy = await cache.ping().then(
        () => true,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    expect(healthy).toBe(true);
    await cache.set('after', 'back', 60);
    const fresh = new RedisCacheStore(
      new RedisConnections({ url: redis.url, keyPrefix: 'parley:outage:' }),
    );
    try {
      expect(await fresh.get('after')).toBe('"back"');
    } finally {
      await fresh.close();
    }
  });
});
