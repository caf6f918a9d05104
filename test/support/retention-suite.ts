import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Actors } from '../../src/modules/audit/audit.service.js';
import { RetentionService } from '../../src/modules/lifecycle/retention/retention.service.js';
import { Role } from '../../src/modules/users/entities/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { BLOB_STORE, type BlobStore } from '../../src/platform/storage/blob-store.port.js';
import { createArtifact } from '../factories/artifacts.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { registerFullUser, startFullGuest, type TestUser } from '../factories/identity.js';
import { createCompletedStream } from '../factories/streams.js';
import { startTestApp } from './app.js';

export const RETENTION_TEST_ENV = { RETENTION_CHECKPOINTS_PER_THREAD: '2' };

/** The policies whose seeded rows the suite counts exactly. */
const COUNTED = [
  'inactive_guests',
  'archived_conversations',
  'finished_streams',
  'agent_checkpoints',
  'expired_memory_items',
  'expired_revoked_tokens',
  'ended_sessions',
  'expired_reset_tokens',
  'old_login_attempts',
  'semantic_cache_entries',
  'expired_exports',
];

/** The agent library's tables, as @langchain/langgraph-checkpoint-postgres creates them. */
const CHECKPOINT_DDL = [
  `CREATE SCHEMA IF NOT EXISTS langgraph`,
  `CREATE TABLE IF NOT EXISTS langgraph.checkpoints (thread_id TEXT NOT NULL,
     checkpoint_ns TEXT NOT NULL DEFAULT '', checkpoint_id TEXT NOT NULL, parent_checkpoint_id TEXT,
     type TEXT, checkpoint JSONB NOT NULL, metadata JSONB NOT NULL DEFAULT '{}',
     PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id))`,
  `CREATE TABLE IF NOT EXISTS langgraph.checkpoint_blobs (thread_id TEXT NOT NULL,
     checkpoint_ns TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL, version TEXT NOT NULL,
     type TEXT NOT NULL, blob BYTEA, PRIMARY KEY (thread_id, checkpoint_ns, channel, version))`,
  `CREATE TABLE IF NOT EXISTS langgraph.checkpoint_writes (thread_id TEXT NOT NULL,
     checkpoint_ns TEXT NOT NULL DEFAULT '', checkpoint_id TEXT NOT NULL, task_id TEXT NOT NULL,
     idx INTEGER NOT NULL, channel TEXT NOT NULL, type TEXT, blob BYTEA NOT NULL,
     PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id, task_id, idx))`,
];

type Report = { policies: { name: string; enabled: boolean; removed: number }[] };
const removedBy = (report: Report) =>
  Object.fromEntries(report.policies.map((p) => [p.name, p.removed]));

/** One retention engine: dry runs, real runs on many workers at once, metrics and audit. */
export function describeRetention(label: string, config: () => AppConfig): void {
  describe(`retention engine (${label})`, () => {
    let app: NestExpressApplication;
    let admin: TestUser;
    let alice: TestUser;
    const guests: TestUser[] = [];
    let guestConversation: string;
    let archived: string;
    const thread = `retention-${randomUUID()}`;
    const http = () => request(app.getHttpServer());
    const db = () => app.get(DataSource);
    const count = async (sql: string, params: unknown[] = []) =>
      ((await db().query(sql, params)) as { n: number }[])[0]!.n;

    const seed = async () => {
      const q = (sql: string, params: unknown[] = []) => db().query(sql, params);
      for (let i = 0; i < 3; i++) {
        const guest = await startFullGuest(app);
        guests.push(guest);
        await q(
          `UPDATE app.users SET created_at = now() - interval '40 days',
                  last_seen_at = now() - interval '40 days' WHERE id = $1`,
          [guest.id],
        );
      }
      guestConversation = await createConversation(app, guests[0]!);
      await appendMessage(app, guests[0]!, guestConversation, { message_id: 'g', content: 'old' });
      await q(
        `UPDATE app.app_sessions SET last_active_at = now() - interval '40 days'
          WHERE user_id = ANY($1::uuid[])`,
        [guests.map((g) => g.id)],
      );
      archived = await createConversation(app, alice, { title: 'Archived long ago' });
      await appendMessage(app, alice, archived, { message_id: 'a', content: 'archived' });
      await q(
        `UPDATE app.conversations SET archived_at = now() - interval '100 days' WHERE id = $1`,
        [archived],
      );
      const stream = await createCompletedStream(app, alice);
      await q(`UPDATE app.streams SET completed_at = now() - interval '10 days' WHERE id = $1`, [
        stream,
      ]);
      for (const sql of CHECKPOINT_DDL) await q(sql);
      for (let step = 1; step <= 5; step++) {
        const id = `1ef0000${step}`;
        await q(
          `INSERT INTO langgraph.checkpoints (thread_id, checkpoint_id, checkpoint)
           VALUES ($1, $2, jsonb_build_object('channel_versions', jsonb_build_object('messages', $3::text)))`,
          [thread, id, String(step)],
        );
        await q(
          `INSERT INTO langgraph.checkpoint_blobs (thread_id, channel, version, type, blob)
           VALUES ($1, 'messages', $2, 'json', '\\x00')`,
          [thread, String(step)],
        );
        await q(
          `INSERT INTO langgraph.checkpoint_writes (thread_id, checkpoint_id, task_id, idx, channel, blob)
           VALUES ($1, $2, 't', 0, 'messages', '\\x00')`,
          [thread, id],
        );
      }
      for (let i = 0; i < 40; i++) {
        await q(
          `INSERT INTO app.revoked_jtis (jti, expires_at) VALUES ($1, now() - interval '1 minute')`,
          [`ret-${randomUUID()}`],
        );
        await q(
          `INSERT INTO app.login_attempts (id, account_key, ip, succeeded, blocked, created_at)
           VALUES ($1, 'k', '127.0.0.9', false, false, now() - interval '40 days')`,
          [randomUUID()],
        );
      }
      for (let i = 0; i < 10; i++) {
        await q(
          `INSERT INTO memory.items (user_id, namespace, key, value, text, expires_at)
           VALUES ($1, 'retention', $2, '"x"', 'x', now() - interval '1 second')`,
          [alice.id, `k${i}`],
        );
      }
      await q(
        `INSERT INTO app.app_sessions (id, user_id, origin, scope, capabilities, last_active_at, expires_at, revoked_at)
         VALUES ($1, $2, 'password', 'FULL', '{}', now() - interval '46 days', now() - interval '40 days', now() - interval '45 days')`,
        [randomUUID(), alice.id],
      );
      await q(
        `INSERT INTO app.password_reset_tokens (id, user_id, token_hash, expires_at)
         VALUES ($1, $2, $3, now() - interval '1 hour')`,
        [randomUUID(), alice.id, randomUUID().replace(/-/g, '').padEnd(64, '0')],
      );
      await q(
        `INSERT INTO cache.rag_semantic_entries
           (id, scope_key, collection_ids, generations, query_embedding, chunk_ids, scores, created_at)
         VALUES ($1, repeat('0', 64), '{}', '{}', '{1}', '{}', '{}', now() - interval '2 days')`,
        [randomUUID()],
      );
      const exportId = randomUUID();
      const key = `exports/${exportId}.zip`;
      await app.get<BlobStore>(BLOB_STORE).put(key, Readable.from([Buffer.from('old zip')]));
      await q(
        `INSERT INTO app.data_exports (id, user_id, status, blob_key, size, expires_at)
         VALUES ($1, $2, 'completed', $3, 7, now() - interval '1 hour')`,
        [exportId, alice.id, key],
      );
      return { exportKey: key };
    };

    beforeAll(async () => {
      app = await startTestApp(config());
      admin = await registerFullUser(app);
      await app.get(UsersService).grantRole(admin.id, Role.Admin);
      alice = await registerFullUser(app);
      await createArtifact(app, alice);
    }, 180_000);

    afterAll(async () => {
      await app?.close();
    });

    it('every policy is known to the engine, and an unknown one is a 400', async () => {
      expect(app.get(RetentionService).names().sort()).toEqual(
        [...COUNTED, 'failed_jobs', 'unreferenced_blobs', 'expired_uploads'].sort(),
      );
      const res = await http()
        .post('/v1/admin/retention/run')
        .set(admin.auth)
        .send({ policies: ['no_such_policy'] })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'validation-failed' });
      // A null is not "absent": `dry_run: null` must never mean a real run.
      for (const body of [{ dry_run: null }, { policies: null }]) {
        await http().post('/v1/admin/retention/run').set(admin.auth).send(body).expect(400);
      }
      await http().post('/v1/admin/retention/run').set(alice.auth).send({}).expect(404);
    });

    it('a dry run counts, removes nothing; runs on many workers at once remove each thing once', async () => {
      const { exportKey } = await seed();
      const dry = await http()
        .post('/v1/admin/retention/run')
        .set(admin.auth)
        .send({ dry_run: true, policies: COUNTED })
        .expect(200);
      expect(dry.body).toMatchObject({ dry_run: true });
      const expected = removedBy(dry.body as Report);
      expect(expected).toMatchObject({
        inactive_guests: expect.any(Number),
        agent_checkpoints: 3,
      });
      for (const name of COUNTED)
        expect({ name, n: expected[name]! >= 1 }).toEqual({ name, n: true });
      expect(expected.inactive_guests).toBeGreaterThanOrEqual(3);
      expect(expected.expired_revoked_tokens).toBeGreaterThanOrEqual(40);
      expect(
        await count(`SELECT count(*)::int AS n FROM app.users WHERE id = $1`, [guests[0]!.id]),
      ).toBe(1);
      expect(
        await count(`SELECT count(*)::int AS n FROM langgraph.checkpoints WHERE thread_id = $1`, [
          thread,
        ]),
      ).toBe(5);

      const retention = app.get(RetentionService);
      const reports = await Promise.all(
        [1, 2, 3, 4].map(() =>
          retention.run({ dryRun: false, policies: COUNTED, actor: Actors.system() }),
        ),
      );
      const summed = Object.fromEntries(
        COUNTED.map((name) => [name, reports.reduce((sum, r) => sum + removedBy(r)[name]!, 0)]),
      );
      expect(summed).toEqual(expected);
      const again = await http()
        .post('/v1/admin/retention/run')
        .set(admin.auth)
        .send({ dry_run: true, policies: COUNTED })
        .expect(200);
      expect((again.body as Report).policies.filter((p) => p.removed > 0)).toEqual([]);

      // Guests and conversations went through their erase: nothing of theirs stays.
      expect(
        await count(`SELECT count(*)::int AS n FROM app.users WHERE id = ANY($1::uuid[])`, [
          guests.map((g) => g.id),
        ]),
      ).toBe(0);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM app.messages WHERE conversation_id = ANY($1::uuid[])`,
          [[guestConversation, archived]],
        ),
      ).toBe(0);
      // The newest two checkpoints stay, with the blobs they name and their writes.
      expect(
        await db().query(
          `SELECT checkpoint_id FROM langgraph.checkpoints WHERE thread_id = $1 ORDER BY 1`,
          [thread],
        ),
      ).toEqual([{ checkpoint_id: '1ef00004' }, { checkpoint_id: '1ef00005' }]);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM langgraph.checkpoint_blobs WHERE thread_id = $1`,
          [thread],
        ),
      ).toBe(2);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM langgraph.checkpoint_writes WHERE thread_id = $1`,
          [thread],
        ),
      ).toBe(2);
      expect(await app.get<BlobStore>(BLOB_STORE).exists(exportKey)).toBe(false);
      // Alice's live data is untouched.
      expect(
        await count(`SELECT count(*)::int AS n FROM app.users WHERE id = $1`, [alice.id]),
      ).toBe(1);
      expect(
        await count(`SELECT count(*)::int AS n FROM app.artifacts WHERE user_id = $1`, [alice.id]),
      ).toBe(1);
    });

    it('counts what each policy removed on /metrics, and audits every run', async () => {
      const metrics = (await http().get('/metrics').expect(200)).text;
      const line = metrics
        .split('\n')
        .find((l) => l.startsWith('parley_retention_removed_total{policy="inactive_guests"}'));
      expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(3);
      expect(metrics).toContain('parley_retention_removed_total{policy="failed_jobs"}');
      const runs = (await db().query(
        `SELECT action, actor_id AS "actorId", after FROM app.audit_log
          WHERE action IN ('retention.run', 'retention.dry-run') ORDER BY id`,
      )) as { action: string; actorId: string | null; after: Report }[];
      expect(runs.filter((r) => r.action === 'retention.run').length).toBeGreaterThanOrEqual(4);
      expect(runs.find((r) => r.action === 'retention.dry-run')).toMatchObject({
        actorId: admin.id,
        after: { policies: expect.any(Array) },
      });
    });

    it('POST /v1/admin/retention/run runs every policy by default and reports each', async () => {
      const res = await http().post('/v1/admin/retention/run').set(admin.auth).send({}).expect(200);
      expect((res.body as Report).policies.map((p) => p.name).sort()).toEqual(
        app.get(RetentionService).names().sort(),
      );
      expect(res.body).toMatchObject({ dry_run: false, total: expect.any(Number) });
    });
  });
}
