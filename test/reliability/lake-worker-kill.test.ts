import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bullPrefix } from '../../src/platform/queue/drivers/bullmq.driver.js';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';
import { waitForJob } from '../support/queues.js';
import { startWorker, stopProcess, type WorkerProcess } from '../support/worker-process.js';

const JOB = 'memory-lake.persist-summary';

/** R1: a worker SIGKILLed mid-job; another worker retries the job; one summary, stored once. */
describe('R1: a worker killed in the middle of a summary job', () => {
  const prefix = testRedisPrefix('r1');
  let app: NestExpressApplication;
  let alice: TestUser;
  let redis: Redis;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { REDIS_KEY_PREFIX: prefix }));
    alice = await registerFullUser(app);
    redis = new Redis(process.env.PARLEY_TEST_REDIS_URL!);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w.child, 'SIGKILL')));
    redis?.disconnect();
    await app?.close();
  });

  it('is run again by another worker and leaves exactly one stored summary', async () => {
    const conversationId = await createConversation(app, alice);
    // The first worker writes, then lingers before telling the queue it finished.
    const first = startWorker({
      REDIS_KEY_PREFIX: prefix,
      PARLEY_TEST_SUMMARY_JOB_DELAY_MS: '60000',
    });
    workers.push(first);
    const accepted = await request(app.getHttpServer())
      .post('/v1/memory/summaries')
      .set(alice.auth)
      .send({ conversation_id: conversationId, summary: 'Survives a crash.' })
      .expect(202);
    const jobId = accepted.body.job_id as string;
    await waitForJob(app, JOB, jobId, { statuses: ['active'], timeoutMs: 20_000 });
    const db = app.get(DataSource);
    const stored = async () =>
      (await db.query(
        `SELECT value FROM memory.items WHERE user_id = $1 AND namespace = 'summaries' AND key = $2`,
        [alice.id, conversationId],
      )) as { value: { text: string } }[];
    const deadline = Date.now() + 20_000;
    while ((await stored()).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await stored()).toHaveLength(1);

    expect(await stopProcess(first.child, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    // BullMQ gives a dead worker's job to another once its 30 s lock lapses and two
    // stalled checks have seen it; lapse them now instead of waiting that long.
    const queueKey = `${bullPrefix(prefix)}:memory-lake`;
    await redis
      .multi()
      .del(`${queueKey}:${jobId}:lock`, `${queueKey}:stalled-check`)
      .sadd(`${queueKey}:stalled`, jobId)
      .exec();

    const second = startWorker({ REDIS_KEY_PREFIX: prefix });
    workers.push(second);
    const job = await waitForJob(app, JOB, jobId, { timeoutMs: 20_000 }).catch((err: Error) => {
      throw new Error(`${err.message}\nworker stderr:\n${second.stderr()}`);
    });
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ conversation_found: true, attempt: 2 });

    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value.text).toBe('Survives a crash.');
    const conversation = await request(app.getHttpServer())
      .get(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(conversation.body.summary).toBe('Survives a crash.');
  });
});
