import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';

let lastIp = 0;
/** Each test speaks from an address of its own. */
const newIp = () => `10.77.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

/** Per-address limits counted in Redis: every route, the stricter sign-in routes, and off. */
describe('rate limits on Redis', () => {
  const prefix = testRedisPrefix('limits');
  let app: NestExpressApplication;
  let redis: Redis;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(
      testConfig('server', {
        REDIS_KEY_PREFIX: prefix,
        RATE_LIMIT_PER_MINUTE: '5',
        RATE_LIMIT_AUTH_PER_MINUTE: '2',
        TRUST_PROXY: 'true',
      }),
    );
    redis = new Redis(process.env.PARLEY_TEST_REDIS_URL!);
  });

  afterAll(async () => {
    await redis?.quit();
    await app?.close();
  });

  it('answers 429 problem+json with Retry-After past the limit, per address', async () => {
    const ip = newIp();
    for (let i = 0; i < 5; i++)
      await http().get('/health/live').set('X-Forwarded-For', ip).expect(200);
    const limited = await http().get('/health/live').set('X-Forwarded-For', ip).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'rate-limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The count lives in Redis (so every instance shares it), for the rest of the minute.
    expect(await redis.get(`${prefix}ratelimit:all:${ip}`)).toBe('6');
    expect(await redis.ttl(`${prefix}ratelimit:all:${ip}`)).toBeGreaterThan(0);
    await http().get('/health/live').set('X-Forwarded-For', newIp()).expect(200);
  });

  it('limits sign-in routes more strictly than the rest', async () => {
    const ip = newIp();
    const guest = () => http().post('/v1/auth/guest').set('X-Forwarded-For', ip);
    await guest().expect(201);
    await guest().expect(201);
    const limited = await guest().expect(429);
    expect(limited.body.code).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The general limit still has room for this address.
    await http().get('/health/live').set('X-Forwarded-For', ip).expect(200);
  });

  it('turns a limit off with 0', async () => {
    const open = await startTestApp(
      testConfig('server', {
        REDIS_KEY_PREFIX: prefix,
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_AUTH_PER_MINUTE: '0',
        TRUST_PROXY: 'true',
      }),
    );
    try {
      const ip = newIp();
      for (let i = 0; i < 8; i++) {
        await request(open.getHttpServer())
          .get('/health/live')
          .set('X-Forwarded-For', ip)
          .expect(200);
      }
      expect(await redis.exists(`${prefix}ratelimit:all:${ip}`)).toBe(0);
    } finally {
      await open.close();
    }
  });
});
