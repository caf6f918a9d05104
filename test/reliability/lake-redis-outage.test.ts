import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';
import { waitForJob } from '../support/queues.js';
import { startPrivateRedis } from '../support/servers.mjs';
import { waitUntil } from '../support/wait.js';

type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

/**
 * R2 for the memory lake: Redis (queue and cache) stops under load and comes
 * back empty. Every summary the API accepted is stored; none is lost with it.
 */
describe('R2: the memory lake (and streams) while Redis stops and returns', () => {
  let redis: PrivateRedis;
  let app: NestExpressApplication;
  let alice: TestUser;
  const conversations: string[] = [];

  beforeAll(async () => {
    // Slow jobs pile up in Redis, so its stop takes queued summaries with it.
    process.env.PARLEY_TEST_SUMMARY_JOB_DELAY_MS = '200';
    redis = await startPrivateRedis();
    app = await startTestApp(
      testConfig('server', {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: testRedisPrefix('r2'),
        RUN_PROCESSORS: 'true',
      }),
    );
    alice = await registerFullUser(app);
    for (let i = 0; i < 40; i++) conversations.push(await createConversation(app, alice));
  });

  afterAll(async () => {
    delete process.env.PARLEY_TEST_SUMMARY_JOB_DELAY_MS;
    await app?.close();
    await redis?.stop();
  });

  it('keeps every accepted summary, reports degraded, and queues again afterwards', async () => {
    const accepted = new Map<string, string>();
    const statuses: number[] = [];
    let running = true;
    let n = 0;
    const client = async () => {
      while (running) {
        const i = n++;
        const conversationId = conversations[i % conversations.length]!;
        const summary = `summary ${i}`;
        // Later posts carry later times, so each conversation must end with its last accepted one.
        const asOf = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
        const res = await request(app.getHttpServer())
          .post('/v1/memory/summaries')
          .set(alice.auth)
          .send({ conversation_id: conversationId, summary, as_of: asOf });
        statuses.push(res.status);
        if (res.status === 201 || res.status === 202) accepted.set(conversationId, summary);
      }
    };
    const clients = Array.from({ length: 4 }, client);

    const count = (status: number, from = 0) =>
      statuses.slice(from).filter((s) => s === status).length;
    // Summaries pile up in Redis before it stops.
    await waitUntil(() => count(202) >= 20, { what: '20 summaries queued', timeoutMs: 30_000 });
    await redis.stop();
    const stoppedAt = statuses.length;
    // The lake notices and stores summaries itself; readiness says degraded.
    await waitUntil(() => count(201, stoppedAt) >= 5, {
      what: 'summaries stored directly while Redis is down',
      timeoutMs: 30_000,
    });
    const ready = await waitUntil(
      async () => {
        const res = await request(app.getHttpServer()).get('/health/ready');
        return res.body.details?.redis?.status === 'degraded' ? res : undefined;
      },
      { what: 'readiness reporting Redis degraded', timeoutMs: 30_000 },
    );
    expect(ready.status).toBe(200);
    expect(ready.body.status).not.toBe('ok');
    // Streams need their chunk store: without it they answer 503, not a server fault.
    const stream = await request(app.getHttpServer())
      .post(`/v1/conversations/${conversations[0]}/streams`)
      .set(alice.auth);
    expect(stream.status).toBe(503);
    expect(stream.headers['content-type']).toMatch(/application\/problem\+json/);

    const duringOutage = statuses.length;

    redis = await startPrivateRedis(redis.port);
    // Load goes on until the queue takes summaries again (reconnect and backoff take a
    // moment, longer on a busy machine), and a while after.
    const backAt = await waitUntil(
      () => {
        const i = statuses.indexOf(202, duringOutage);
        return i >= 0 ? i + 1 : undefined;
      },
      { what: 'a summary queued again after Redis returned', timeoutMs: 60_000 },
    );
    await waitUntil(() => statuses.length >= backAt + 20, {
      what: '20 more summaries after the queue came back',
      timeoutMs: 30_000,
    });
    running = false;
    await Promise.all(clients);

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s !== 201 && s !== 202)).toEqual([]);
    expect(statuses).toContain(201);
    expect(statuses.slice(duringOutage)).toContain(202);

    // The queue works again: a new summary is queued and a worker stores it. A slow enqueue
    // on a busy machine may still send one to the direct path (201) for a moment: wait until
    // the lake is back on the queue path.
    const freshStatuses: number[] = [];
    const fresh = await waitUntil(
      async () => {
        const res = await request(app.getHttpServer())
          .post('/v1/memory/summaries')
          .set(alice.auth)
          .send({ conversation_id: conversations[0], summary: 'after the outage' });
        freshStatuses.push(res.status);
        if (res.status === 201) accepted.set(conversations[0]!, 'after the outage');
        return res.status === 202 ? res : undefined;
      },
      { what: 'the lake back on the queue path', timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(freshStatuses.filter((s) => s !== 201 && s !== 202)).toEqual([]);
    await waitForJob(app, 'memory-lake.persist-summary', fresh.body.job_id, { timeoutMs: 30_000 });
    accepted.set(conversations[0]!, 'after the outage');

    const db = app.get(DataSource);
    const missing = async () => {
      const rows = (await db.query(
        `SELECT key, value ->> 'text' AS text FROM memory.items
          WHERE user_id = $1 AND namespace = 'summaries'`,
        [alice.id],
      )) as { key: string; text: string }[];
      const stored = new Map(rows.map((r) => [r.key, r.text]));
      return [...accepted].filter(([id, text]) => stored.get(id) !== text);
    };
    await waitUntil(async () => (await missing()).length === 0, {
      what: 'every accepted summary stored',
      timeoutMs: 30_000,
      intervalMs: 200,
    }).catch(() => undefined);
    expect(await missing()).toEqual([]);
  }, 180_000);
});
