import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';
import { startPrivateRedis } from '../support/servers.mjs';

type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

/** R2 for rate limits: with its Redis stopped, each instance counts in memory and still limits. */
describe('rate limits while their Redis is away', () => {
  let redis: PrivateRedis;
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await startTestApp(
      testConfig('server', {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: testRedisPrefix('limits-outage'),
        RATE_LIMIT_PER_MINUTE: '4',
        RATE_LIMIT_AUTH_PER_MINUTE: '2',
        TRUST_PROXY: 'true',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it('keeps limiting from the in-memory insurance limiter, promptly, without a 500', async () => {
    await http().get('/health/live').set('X-Forwarded-For', '10.88.0.1').expect(200);
    await redis.stop();

    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await http().get('/health/live').set('X-Forwarded-For', '10.88.0.2');
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('rate-limited');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // The stricter sign-in limit holds too (the route itself may fail without Redis, never with a 500).
    const auth: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await http().post('/v1/auth/guest').set('X-Forwarded-For', '10.88.0.3');
      auth.push(res.status);
    }
    expect(auth.filter((s) => s >= 500)).toEqual([]);
    expect(auth[2]).toBe(429);
    // No request waited out a Redis timeout per request.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
