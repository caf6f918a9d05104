import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { waitForJob } from '../support/queues.js';

describe('maintenance: the hourly retention run', () => {
  let app: NestExpressApplication;
  let user: TestUser;
  const db = () => app.get(DataSource);

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { RUN_PROCESSORS: 'true' }));
    user = await registerFullUser(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is scheduled every hour at start-up', () => {
    expect(app.get(QueueService).scheduled()).toContainEqual({
      id: 'maintenance.retention',
      name: 'maintenance.retention',
      everyMs: 3_600_000,
      nextRunAt: expect.any(Number),
    });
  });

  it('removes expired revoked token ids and memory items, and keeps live ones', async () => {
    const tag = Math.random().toString(36).slice(2, 10);
    await db().query(
      `INSERT INTO app.revoked_jtis (jti, expires_at)
       VALUES ($1, now() - interval '1 minute'), ($2, now() + interval '1 hour')`,
      [`expired-${tag}`, `live-${tag}`],
    );
    for (const key of ['gone', 'kept', 'forever']) {
      await request(app.getHttpServer())
        .put(`/v1/memory/items/notes/${key}`)
        .set(user.auth)
        .send({ value: key, ...(key === 'forever' ? {} : { ttl_seconds: 3600 }) })
        .expect(201);
    }
    await db().query(
      `UPDATE memory.items SET expires_at = now() - interval '1 second'
        WHERE user_id = $1 AND key = 'gone'`,
      [user.id],
    );

    const stale = randomUUID();
    await db().query(
      `INSERT INTO cache.rag_semantic_entries
         (id, scope_key, collection_ids, generations, query_embedding, chunk_ids, scores, created_at)
       VALUES ($1, repeat('0', 64), '{}', '{}', '{1}', '{}', '{}', now() - interval '2 days')`,
      [stale],
    );

    const queue = app.get(QueueService);
    const id = await queue.enqueue('maintenance.retention', {}, { jobId: `retention.${tag}` });
    const job = await waitForJob(app, 'maintenance.retention', id);
    expect(job).toMatchObject({ status: 'completed', result: { dry_run: false } });
    const removed = Object.fromEntries(
      (job.result as { policies: { name: string; removed: number }[] }).policies.map((p) => [
        p.name,
        p.removed,
      ]),
    );
    expect(removed).toMatchObject({
      unreferenced_blobs: expect.any(Number),
      expired_uploads: expect.any(Number),
      semantic_cache_entries: expect.any(Number),
    });
    expect(removed.expired_revoked_tokens).toBeGreaterThanOrEqual(1);
    expect(removed.expired_memory_items).toBeGreaterThanOrEqual(1);
    expect(
      await db().query(`SELECT id FROM cache.rag_semantic_entries WHERE id = $1`, [stale]),
    ).toEqual([]);

    const jtis = (await db().query(
      `SELECT jti FROM app.revoked_jtis WHERE jti LIKE $1 ORDER BY jti`,
      [`%-${tag}`],
    )) as { jti: string }[];
    expect(jtis).toEqual([{ jti: `live-${tag}` }]);
    const keys = (await db().query(
      `SELECT key FROM memory.items WHERE user_id = $1 AND namespace = 'notes' ORDER BY key`,
      [user.id],
    )) as { key: string }[];
    expect(keys).toEqual([{ key: 'forever' }, { key: 'kept' }]);
  });
});
