import { CacheService } from '../../../src/platform/cache/cache.service.js';
import { RedisCacheStore } from '../../../src/platform/cache/redis-cache.store.js';
import { RedisConnections } from '../../../src/platform/redis/redis.factory.js';
import { testRedisPrefix } from '../../support/app.js';

/** Two instances of the service sharing one Redis, as two API replicas do. */
async function twoInstances() {
  const url = process.env.PARLEY_TEST_REDIS_URL!;
  const prefix = testRedisPrefix('cache');
  const instance = () => new RedisCacheStore(new RedisConnections({ url, keyPrefix: prefix }));
  const stores = [instance(), instance()];
  await Promise.all(stores.map((s) => s.ready()));
  return {
    prefix,
    stores,
    caches: stores.map((s) => new CacheService(s)) as [CacheService, CacheService],
  };
}

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < withinMs) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`condition not met within ${withinMs} ms`);
}

describe('the Redis cache shared by several instances', () => {
  let stores: RedisCacheStore[];
  let a: CacheService;
  let b: CacheService;
  let prefix: string;

  beforeEach(async () => {
    const pair = await twoInstances();
    prefix = pair.prefix;
    stores = pair.stores;
    [a, b] = pair.caches;
  });

  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  it('shares values between instances, with their TTL', async () => {
    await a.set('user:1', { name: 'Ada' }, 60);
    expect(await b.get('user:1')).toEqual({ name: 'Ada' });
    expect(await b.get('user:2')).toBeUndefined();
  });

  it('drops a key from every instance near cache within a second of a delete', async () => {
    await a.set('session:1', { scope: 'FULL' }, 60);
    expect(await b.get('session:1')).toEqual({ scope: 'FULL' });
    // b now holds the value in its own memory; only the invalidation can clear it.
    await a.del('session:1');
    const elapsed = await eventually(async () => (await b.get('session:1')) === undefined, 1000);
    expect(elapsed).toBeLessThan(1000);
  });

  it('reads and writes many keys in one round trip each, with their TTL', async () => {
    await a.setMany(
      [
        { key: 'emb:1', value: [0.1, 0.2] },
        { key: 'emb:2', value: [0.3] },
      ],
      60,
    );
    expect(await b.getMany(['emb:1', 'emb:missing', 'emb:2'])).toEqual([
      [0.1, 0.2],
      undefined,
      [0.3],
    ]);
    expect(await b.getMany([])).toEqual([]);
    const client = new RedisConnections({
      url: process.env.PARLEY_TEST_REDIS_URL!,
      keyPrefix: '',
    }).create('ttl-probe', 'command');
    try {
      const ttl = await client.ttl(`${prefix}emb:1`);
      expect(ttl).toBeGreaterThan(50);
      expect(ttl).toBeLessThanOrEqual(60);
    } finally {
      client.disconnect();
    }
  });

  it('lists and deletes keys by prefix, and only its own', async () => {
    await a.set('memory:u1:a', 1, 60);
    await a.set('memory:u1:b', 2, 60);
    await a.set('memory:u2:a', 3, 60);
    expect((await b.keys('memory:u1:')).sort()).toEqual(['memory:u1:a', 'memory:u1:b']);
    expect(await b.delByPrefix('memory:u1:')).toBe(2);
    await eventually(async () => (await a.get('memory:u1:a')) === undefined, 1000);
    expect(await a.get('memory:u2:a')).toBe(3);
  });

  it('tells every instance within a second that a remembered absence is now a value', async () => {
    expect(await b.get('auth:jti:x', { rememberMiss: true })).toBeUndefined();
    await a.set('auth:jti:x', true, 60, { broadcast: true });
    const elapsed = await eventually(
      async () => (await b.get('auth:jti:x', { rememberMiss: true })) === true,
      1000,
    );
    expect(elapsed).toBeLessThan(1000);
  });
});
