import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomInt } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LockoutService, lockSeconds } from '../../src/modules/auth/lockout.service.js';
import { registerOnboarding, uniqueEmail, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';

/** Each test speaks from addresses of its own, so that no lockout leaks between tests. */
const newIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('S4: brute force and enumeration', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const attempt = (email: string, password: string, ip: string) =>
    http().post('/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  beforeAll(async () => {
    // Production-strength hashing here: the timing comparison must reflect real cost.
    app = await startTestApp(
      testConfig('server', {
        TRUST_PROXY: 'true',
        ARGON2_MEMORY_KIB: '19456',
        ARGON2_TIME_COST: '2',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('locks an account after repeated failures, with Retry-After, from any address', async () => {
    const user = await registerOnboarding(app);
    for (let i = 0; i < 5; i++) await attempt(user.email, 'wrong-password', newIp()).expect(401);
    const locked = await attempt(user.email, user.password, newIp()).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.headers['content-type']).toMatch(/problem\+json/);
    expect(locked.body.code).toBe('account-locked');
    // Hammering the lock is recorded too, but does not lengthen it.
    const again = await attempt(user.email, user.password, newIp()).expect(429);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(
      Number(locked.headers['retry-after']),
    );
    const key = app.get(LockoutService).accountKey(user.email);
    const rows = (await app.get(DataSource).query(
      `SELECT succeeded, blocked, count(*)::int AS n FROM app.login_attempts
        WHERE account_key = $1 GROUP BY 1, 2 ORDER BY 2`,
      [key],
    )) as { succeeded: boolean; blocked: boolean; n: number }[];
    expect(rows).toEqual([
      { succeeded: false, blocked: false, n: 5 },
      { succeeded: false, blocked: true, n: 2 },
    ]);
  });

  it('grows the wait with every further failure', () => {
    const seconds = [5, 6, 7, 8].map((failures) => lockWait(failures));
    expect(seconds).toEqual([30, 60, 120, 240]);
    expect(lockWait(40)).toBe(3600);
  });

  it('locks an address that fails across many accounts, not other addresses', async () => {
    const ip = newIp();
    for (let i = 0; i < 30; i++)
      await attempt(uniqueEmail('probe'), 'whatever-password', ip).expect(401);
    await attempt(uniqueEmail('probe'), 'whatever-password', ip).expect(429);
    await attempt(uniqueEmail('probe'), 'whatever-password', newIp()).expect(401);
  }, 120_000);

  it('answers an unknown email exactly like a wrong password', async () => {
    const user = await registerOnboarding(app);
    const wrong = await attempt(user.email, 'wrong-password', newIp()).expect(401);
    const unknown = await attempt(uniqueEmail('ghost'), 'wrong-password', newIp()).expect(401);
    const strip = (body: Record<string, unknown>) => {
      const { instance: _i, request_id: _r, ...rest } = body;
      return rest;
    };
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
  });

  it('takes as long for an unknown email as for a wrong password', async () => {
    const users: TestUser[] = [];
    for (let i = 0; i < 9; i++) users.push(await registerOnboarding(app));
    const known: number[] = [];
    const unknown: number[] = [];
    for (const user of users) {
      // Interleaved, so that load from neighbours hits both sides alike.
      let start = performance.now();
      await attempt(user.email, 'wrong-password', newIp()).expect(401);
      known.push(performance.now() - start);
      start = performance.now();
      await attempt(uniqueEmail('ghost'), 'wrong-password', newIp()).expect(401);
      unknown.push(performance.now() - start);
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.66);
  }, 120_000);

  it('limits password reset attempts per address', async () => {
    const ip = newIp();
    const reset = () =>
      http()
        .post('/v1/auth/password/reset')
        .set('X-Forwarded-For', ip)
        .send({ token: 'guessed-token', new_password: 'does-not-matter-1' });
    for (let i = 0; i < 10; i++) await reset().expect(400);
    const limited = await reset().expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await http()
      .post('/v1/auth/password/reset')
      .set('X-Forwarded-For', newIp())
      .send({ token: 'guessed-token', new_password: 'does-not-matter-1' })
      .expect(400);
  });
});

describe('rate limits shared through Redis', () => {
  it('hold across two instances, with 429 and Retry-After', async () => {
    const prefix = testRedisPrefix('ratelimit');
    const env = { REDIS_KEY_PREFIX: prefix, RATE_LIMIT_AUTH_PER_MINUTE: '3', TRUST_PROXY: 'true' };
    const [a, b] = [
      await startTestApp(testConfig('server', env)),
      await startTestApp(testConfig('server', env)),
    ];
    try {
      const ip = newIp();
      const guest = (app: NestExpressApplication) =>
        request(app.getHttpServer()).post('/v1/auth/guest').set('X-Forwarded-For', ip);
      await guest(a).expect(201);
      await guest(b).expect(201);
      await guest(a).expect(201);
      const limited = await guest(b).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body.code).toBe('rate-limited');
      await request(a.getHttpServer())
        .post('/v1/auth/guest')
        .set('X-Forwarded-For', newIp())
        .expect(201);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

function lockWait(failures: number): number {
  return lockSeconds(failures, 5);
}
