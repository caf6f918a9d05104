import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';
import { waitForJob } from '../support/queues.js';
import { startPrivateRedis } from '../support/servers.mjs';

type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

    await sleep(800);
    await redis.stop();
    await sleep(1500);
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).not.toBe('ok');
    expect(ready.body.details.redis.status).toBe('degraded');
    // Streams need their chunk store: without it they answer 503, not a server fault.
    const stream = await request(app.getHttpServer())
      .post(`/v1/conversations/${conversations[0]}/streams`)
      .set(alice.auth);
    expect(stream.status).toBe(503);
    expect(stream.headers['content-type']).toMatch(/application\/problem\+json/);

    const duringOutage = statuses.length;

    redis = await startPrivateRedis(redis.port);
    // Load goes on until the queue takes summaries again (reconnect and backoff take a moment).
    const deadline = Date.now() + 15_000;
    while (!statuses.slice(duringOutage).includes(202) && Date.now() < deadline) await sleep(100);
    await sleep(500);
    running = false;
    await Promise.all(clients);

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s !== 201 && s !== 202)).toEqual([]);
    expect(statuses).toContain(201);
    expect(statuses.slice(duringOutage)).toContain(202);

    // The queue works again: a new summary is queued and a worker stores it.
    const fresh = await request(app.getHttpServer())
      .post('/v1/memory/summaries')
      .set(alice.auth)
      .send({ conversation_id: conversations[0], summary: 'after the outage' })
      .expect(202);
    await waitForJob(app, 'memory-lake.persist-summary', fresh.body.job_id, { timeoutMs: 15_000 });
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
    const settled = Date.now() + 15_000;
    while ((await missing()).length > 0 && Date.now() < settled) await sleep(200);
    expect(await missing()).toEqual([]);
  });
});
