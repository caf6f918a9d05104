import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SummariesService } from '../../src/modules/memory/summaries.service.js';
import { SummaryLedger } from '../../src/modules/memory/summary-ledger.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { linkChild } from '../factories/collectives.js';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { waitForJob } from '../support/queues.js';

const JOB = 'memory-lake.persist-summary';

async function rejectedRows(app: NestExpressApplication, userId: string) {
  return (await app.get(DataSource).query(
    `SELECT job_id AS "jobId", reason, summary_json AS "summaryJson"
       FROM memory.rejected_summaries WHERE user_id = $1 ORDER BY job_id`,
    [userId],
  )) as { jobId: string; reason: string; summaryJson: string | null }[];
}

describe('the memory lake (BullMQ, processors in this process)', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  let bob: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { RUN_PROCESSORS: 'true' }));
    [alice, bob] = await Promise.all([registerFullUser(app), registerFullUser(app)]);
  });

  afterAll(async () => {
    await app?.close();
  });

  function post(user: TestUser, body: Record<string, unknown>) {
    return http().post('/v1/memory/summaries').set(user.auth).send(body);
  }

  it('answers 202 with a job, then stores the summary in memory and on the conversation', async () => {
    const conversationId = await createConversation(app, alice);
    const res = await post(alice, {
      conversation_id: conversationId,
      summary: 'Talked about maths.',
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', conversation_id: conversationId });
    expect(res.headers.location).toBe(`/v1/memory/summaries/jobs/${res.body.job_id}`);

    await waitForJob(app, JOB, res.body.job_id);
    const job = await http().get(res.headers.location!).set(alice.auth).expect(200);
    expect(job.body).toMatchObject({
      status: 'completed',
      attempts_made: 1,
      last_error: null,
      result: { conversation_found: true, memory_updated: true, rolling_summary_updated: true },
    });
    const item = await http()
      .get(`/v1/memory/items/summaries/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(item.body.value).toMatchObject({ text: 'Talked about maths.', as_of: res.body.as_of });
    const conversation = await http()
      .get(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(conversation.body.summary).toBe('Talked about maths.');
  });

  it('never lets an older summary that arrives late replace a newer one', async () => {
    const conversationId = await createConversation(app, alice);
    const newer = await post(alice, {
      conversation_id: conversationId,
      summary: 'newer',
      as_of: '2026-01-02T00:00:00.000Z',
    }).expect(202);
    await waitForJob(app, JOB, newer.body.job_id);
    const older = await post(alice, {
      conversation_id: conversationId,
      summary: 'older',
      as_of: '2026-01-01T00:00:00.000Z',
    }).expect(202);
    const job = await waitForJob(app, JOB, older.body.job_id);
    expect(job.result).toMatchObject({ memory_updated: false, rolling_summary_updated: false });
    const item = await http()
      .get(`/v1/memory/items/summaries/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(item.body.value.text).toBe('newer');
    const conversation = await http()
      .get(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(conversation.body.summary).toBe('newer');
  });

  it('maps the same summary posted twice to one job', async () => {
    const conversationId = await createConversation(app, alice);
    const body = {
      conversation_id: conversationId,
      summary: 'once',
      as_of: '2026-02-01T10:00:00Z',
    };
    const [a, b] = await Promise.all([post(alice, body), post(alice, body)]);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body.job_id).toBe(a.body.job_id);
    await waitForJob(app, JOB, a.body.job_id);
    const rows = (await app.get(QueueService).getJob(JOB, a.body.job_id)) as
      { attemptsMade: number } | undefined;
    expect(rows?.attemptsMade).toBe(1);
  });

  it("answers 404 for another user's conversation and job", async () => {
    const conversationId = await createConversation(app, alice);
    await post(bob, { conversation_id: conversationId, summary: 'not mine' }).expect(404);
    const mine = await post(alice, { conversation_id: conversationId, summary: 'mine' }).expect(
      202,
    );
    await http().get(`/v1/memory/summaries/jobs/${mine.body.job_id}`).set(bob.auth).expect(404);
    await http().get('/v1/memory/summaries/jobs/summary.nope').set(alice.auth).expect(404);
    await post(alice, {
      conversation_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      summary: 'x',
    }).expect(404);
  });

  it('shows a failed job, with its error, to its owner', async () => {
    const queue = app.get(QueueService);
    const jobId = `summary.broken.${Date.now()}`;
    await queue.enqueue(
      JOB,
      {
        userId: alice.id,
        conversationId: 'not-a-uuid',
        summary: 'x',
        asOf: new Date().toISOString(),
        acceptedAt: Date.now(),
      },
      { jobId, attempts: 2, backoffMs: 10 },
    );
    await waitForJob(app, JOB, jobId, { statuses: ['failed'] });
    const res = await http().get(`/v1/memory/summaries/jobs/${jobId}`).set(alice.auth).expect(200);
    // The database refuses the id itself (a data error): retrying could not help.
    expect(res.body).toMatchObject({ status: 'failed', attempts_made: 1, max_attempts: 2 });
    expect(res.body.last_error).toEqual(expect.any(String));
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/parley_queue_jobs\{queue="memory-lake",state="failed"\} [1-9]/);
    expect(metrics.text).toMatch(
      /parley_memory_summary_latency_seconds_count\{outcome="stored"\} [1-9]/,
    );
  });

  it('rejects bad input with problem+json and enqueues nothing', async () => {
    const conversationId = await createConversation(app, alice);
    const before = await app.get(QueueService).depths();
    const cases = [
      {},
      { conversation_id: conversationId },
      { conversation_id: 'nope', summary: 'x' },
      { conversation_id: conversationId, summary: '' },
      { conversation_id: conversationId, summary: 'x', extra: 1 },
      { conversation_id: conversationId, summary: 'x'.repeat(32_001) },
      { conversation_id: conversationId, summary: 'x', as_of: 'yesterday' },
      { conversation_id: conversationId, summary: 'x', as_of: '2999-01-01T00:00:00Z' },
      { conversation_id: conversationId, summary: 42 },
      // Neither text nor jsonb can hold these: accepting them would lose the summary later.
      { conversation_id: conversationId, summary: 'before\u0000after' },
      { conversation_id: conversationId, summary: 'half an emoji \ud83d' },
    ];
    for (const body of cases) {
      const res = await post(alice, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const after = await app.get(QueueService).depths();
    expect(after['memory-lake'].waiting).toBe(before['memory-lake'].waiting);
    await http().get('/v1/memory/summaries/jobs/bad%20id').set(alice.auth).expect(404);
  });

  it('refuses unstorable text in the service itself, whatever the HTTP layer let through', async () => {
    const conversationId = await createConversation(app, alice);
    const summaries = app.get(SummariesService);
    for (const summary of ['a\u0000b', '\udc00']) {
      await expect(summaries.accept(alice.id, { conversationId, summary })).rejects.toMatchObject({
        code: 'validation-failed',
        extensions: { errors: [{ field: 'summary' }] },
      });
    }
  });

  it('fails a queued summary that can never be stored at once, and keeps it with its reason', async () => {
    const carol = await registerFullUser(app);
    const conversationId = await createConversation(app, carol);
    const jobId = `summary.unstorable.${Date.now()}`;
    const summary = 'queued before the check\u0000';
    await app.get(QueueService).enqueue(
      JOB,
      {
        userId: carol.id,
        conversationId,
        summary,
        asOf: new Date().toISOString(),
        acceptedAt: 0,
      },
      { jobId, attempts: 5, backoffMs: 10 },
    );
    await waitForJob(app, JOB, jobId, { statuses: ['failed'] });
    const job = await http().get(`/v1/memory/summaries/jobs/${jobId}`).set(carol.auth).expect(200);
    // Not retried: another run could only fail the same way.
    expect(job.body).toMatchObject({ status: 'failed', attempts_made: 1, max_attempts: 5 });
    expect(job.body.last_error).toMatch(/NUL/);
    expect(await rejectedRows(app, carol.id)).toEqual([
      { jobId, reason: expect.stringMatching(/NUL/), summaryJson: JSON.stringify(summary) },
    ]);
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/parley_memory_summaries_rejected_total\{kind="unstorable"\} 1\n/);
  });

  it('answers 403 at once for a minor whose consent is gone, even while the session says FULL', async () => {
    const parent = await startFullGuest(app);
    const teen = await linkChild(app, parent);
    const conversationId = await createConversation(app, teen);
    // The consent disappears behind this instance's back (another instance, a lagging scope):
    // the session stays FULL, so only the service's own gate can refuse.
    await app
      .get(DataSource)
      .query(`DELETE FROM app.parental_consents WHERE teenager_id = $1`, [teen.id]);
    const before = await app.get(QueueService).depths();
    const res = await post(teen, { conversation_id: conversationId, summary: 'about me' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'consent-required', missing: ['parental_consent'] });
    const after = await app.get(QueueService).depths();
    expect(after['memory-lake'].waiting).toBe(before['memory-lake'].waiting);
  });

  it('never writes again a summary the worker stored, once its owner deleted it', async () => {
    const conversationId = await createConversation(app, alice);
    const res = await post(alice, { conversation_id: conversationId, summary: 'Forget this.' });
    expect(res.status).toBe(202);
    await waitForJob(app, JOB, res.body.job_id);
    const itemPath = `/v1/memory/items/summaries/${conversationId}`;
    await http().delete(itemPath).set(alice.auth).expect(204);
    // What a queue fault or shutdown does with what the instance still holds
    // (last in this block: it stops the ledger's sweep).
    const ledger = app.get(SummaryLedger);
    await ledger.beforeApplicationShutdown();
    expect(ledger.size()).toBe(0);
    await http().get(itemPath).set(alice.auth).expect(404);
  });
});

describe('the summary ledger at shutdown (BullMQ), against the database', () => {
  it('writes every summary it holds, recording the one that can never be stored', async () => {
    const app = await startTestApp(testConfig('server'));
    try {
      const dave = await registerFullUser(app);
      const [first, second] = [
        await createConversation(app, dave),
        await createConversation(app, dave),
      ];
      const payload = (conversationId: string, summary: string) => ({
        userId: dave.id,
        conversationId,
        summary,
        asOf: '2026-04-01T00:00:00.000Z',
        acceptedAt: Date.now(),
      });
      const ledger = app.get(SummaryLedger);
      // Tracked first: on the old ledger it stopped everything behind it.
      ledger.track('summary.ledger.bad', payload(first, 'bad\u0000'));
      ledger.track('summary.ledger.good', payload(second, 'good'));
      await ledger.beforeApplicationShutdown();
      expect(ledger.size()).toBe(0);
      const stored = (await app.get(DataSource).query(
        `SELECT key, value ->> 'text' AS text FROM memory.items
          WHERE user_id = $1 AND namespace = 'summaries'`,
        [dave.id],
      )) as { key: string; text: string }[];
      expect(stored).toEqual([{ key: second, text: 'good' }]);
      expect(await rejectedRows(app, dave.id)).toEqual([
        {
          jobId: 'summary.ledger.bad',
          reason: expect.stringMatching(/NUL/),
          summaryJson: JSON.stringify('bad\u0000'),
        },
      ]);
    } finally {
      await app.close();
    }
  });
});
