import { spawn, type ChildProcess } from 'node:child_process';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';
import { drainQueues } from '../support/queues.js';
import { freePort } from '../support/servers.mjs';
import { openSse } from '../support/sse.js';
import { startWorker, stopProcess, type WorkerProcess } from '../support/worker-process.js';

const MAIN = new URL('../../dist/src/main.js', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** R6: processes stopped with SIGTERM while summaries flow lose none of them. */
describe('R6: SIGTERM under load', () => {
  const prefix = testRedisPrefix('r6');
  const dataDir = tempDir('parley-r6-');
  let app: NestExpressApplication;
  let alice: TestUser;
  const conversations: string[] = [];
  const accepted = new Map<string, string>();
  const workers: WorkerProcess[] = [];
  let api: ChildProcess | undefined;
  let n = 0;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { REDIS_KEY_PREFIX: prefix, DATA_DIR: dataDir }));
    alice = await registerFullUser(app);
    for (let i = 0; i < 30; i++) conversations.push(await createConversation(app, alice));
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w.child, 'SIGKILL')));
    if (api) await stopProcess(api, 'SIGKILL');
    await app?.close();
  });

  /** When the process under test was sent SIGTERM: requests begun later may find it gone. */
  let signalledAt = Infinity;

  /**
   * Posts summaries until stopped, one connection per request; records what was
   * accepted, and every failure of a request begun before the signal (in flight).
   */
  function load(target: () => ReturnType<typeof request>, clients = 4) {
    const outcomes: string[] = [];
    let running = true;
    const one = async () => {
      while (running) {
        const i = n++;
        const conversationId = conversations[i % conversations.length]!;
        const summary = `summary ${i}`;
        const asOf = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
        const begun = Date.now();
        try {
          const res = await target()
            .post('/v1/memory/summaries')
            .set(alice.auth)
            .set('Connection', 'close')
            .send({ conversation_id: conversationId, summary, as_of: asOf });
          if (res.status === 201 || res.status === 202) accepted.set(conversationId, summary);
          else outcomes.push(`status ${res.status}`);
        } catch (err) {
          const code = (err as { code?: string }).code ?? String(err);
          // Begun after the signal: it may meet a closed (refused) or closing (reset) listener.
          if (begun < signalledAt) outcomes.push(code);
          await sleep(20);
        }
      }
    };
    const all = Array.from({ length: clients }, one);
    return {
      outcomes,
      stop: async () => {
        running = false;
        await Promise.all(all);
      },
    };
  }

  async function expectAllStored(): Promise<void> {
    await drainQueues(app, { timeoutMs: 20_000 });
    const rows = (await app.get(DataSource).query(
      `SELECT key, value ->> 'text' AS text FROM memory.items
        WHERE user_id = $1 AND namespace = 'summaries'`,
      [alice.id],
    )) as { key: string; text: string }[];
    const stored = new Map(rows.map((r) => [r.key, r.text]));
    expect([...accepted].filter(([id, text]) => stored.get(id) !== text)).toEqual([]);
    const depths = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(depths.body.details.queue['memory-lake'].failed).toBe(0);
  }

  it('lets a worker finish its running jobs on SIGTERM; the next worker takes the rest', async () => {
    workers.push(
      startWorker({ REDIS_KEY_PREFIX: prefix, PARLEY_TEST_SUMMARY_JOB_DELAY_MS: '300' }),
    );
    const traffic = load(() => request(app.getHttpServer()));
    await sleep(1200);
    const started = Date.now();
    expect(await stopProcess(workers[0]!.child, 'SIGTERM')).toEqual({
      code: null,
      signal: 'SIGTERM',
    });
    expect(Date.now() - started).toBeLessThan(8000);
    workers.push(startWorker({ REDIS_KEY_PREFIX: prefix }));
    await sleep(1000);
    await traffic.stop();
    expect(traffic.outcomes).toEqual([]);
    expect(accepted.size).toBeGreaterThan(0);
    await expectAllStored();
  });

  it('lets an API process answer in-flight requests and end its event streams on SIGTERM', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        MIGRATIONS_RUN: 'false',
        DATABASE_URL: process.env.PARLEY_TEST_DATABASE_URL!,
        REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
        REDIS_KEY_PREFIX: prefix,
        RATE_LIMIT_PER_MINUTE: '100000',
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const up = await request(base)
        .get('/health/live')
        .then(
          (r) => r.status === 200,
          () => false,
        );
      if (up) break;
      await sleep(100);
    }
    const http = () => request(base);
    const opened = await http()
      .post(`/v1/conversations/${conversations[0]}/streams`)
      .set(alice.auth)
      .expect(201);
    await http().post(`/v1/streams/${opened.body.id}/chunks`).set(alice.auth).send({ data: 'hi' });
    const reader = await openSse(base, `/v1/streams/${opened.body.id}/events`, alice.auth);
    await reader.waitFor(1);

    const before = n;
    const traffic = load(http);
    await sleep(800);
    expect(n - before).toBeGreaterThan(4);
    const started = Date.now();
    signalledAt = started;
    const exited = stopProcess(api, 'SIGTERM');
    await reader.ended;
    // Nest closes everything, then ends the process with the signal it received.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(8000);
    await traffic.stop();
    expect(traffic.outcomes).toEqual([]);
    await expectAllStored();
  });
});
