import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { registerFullUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { createEmptyDatabase } from '../support/databases.js';

const INSUFFICIENT_PRIVILEGE = '42501';

async function query(url: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as unknown[];
  } finally {
    await client.end();
  }
}

async function refused(url: string, sql: string): Promise<string | undefined> {
  try {
    await query(url, sql);
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

/**
 * Migrations run as the owner (DATABASE_MIGRATION_URL) and grant the runtime
 * role (DATABASE_URL's user) DML only; the API serves as the runtime role.
 */
describe('least-privilege database roles (PostgreSQL)', () => {
  const role = `parley_rt_${randomBytes(4).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let runtimeUrl: string;
  let app: NestExpressApplication;

  beforeAll(async () => {
    db = await createEmptyDatabase('roles');
    await query(db.url, `CREATE ROLE "${role}" LOGIN`);
    const url = new URL(db.url);
    url.username = role;
    url.password = '';
    runtimeUrl = url.toString();
    app = await startTestApp(
      testConfig('server', {
        DATABASE_URL: runtimeUrl,
        DATABASE_MIGRATION_URL: db.url,
        MIGRATIONS_RUN: 'true',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await query(process.env.PARLEY_TEST_ADMIN_DATABASE_URL!, `DROP ROLE IF EXISTS "${role}"`);
  });

  it('serves as the runtime role: register, conversation, message', async () => {
    const [{ user }] = (await query(runtimeUrl, 'SELECT current_user AS user')) as [
      { user: string },
    ];
    expect(user).toBe(role);
    const alice = await registerFullUser(app);
    const conversationId = await createConversation(app, alice);
    await appendMessage(app, alice, conversationId, { message_id: 'm-1', content: 'hello' });
    const page = await request(app.getHttpServer())
      .get(`/v1/conversations/${conversationId}/messages`)
      .set(alice.auth)
      .expect(200);
    expect(page.body.data).toHaveLength(1);
  });

  it('refuses the runtime role DDL, and updates or deletes of the audit log', async () => {
    expect(await refused(runtimeUrl, 'CREATE TABLE app.intruder (id int)')).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await refused(runtimeUrl, 'CREATE TABLE public.intruder (id int)')).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await refused(runtimeUrl, 'DROP TABLE app.messages')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refused(runtimeUrl, 'TRUNCATE app.messages')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refused(runtimeUrl, 'ALTER TABLE app.users ADD COLUMN x int')).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await refused(runtimeUrl, 'UPDATE app.audit_log SET action = action')).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await refused(runtimeUrl, 'DELETE FROM app.audit_log')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refused(runtimeUrl, 'SELECT count(*) FROM app.audit_log')).toBeUndefined();
  });

  it('grants exactly DML on tables, INSERT and SELECT on the append-only ones', async () => {
    const rows = (await query(
      db.url,
      `SELECT table_schema || '.' || table_name AS t, string_agg(privilege_type, ',' ORDER BY privilege_type) AS p
         FROM information_schema.role_table_grants WHERE grantee = $1 GROUP BY 1`,
      [role],
    )) as { t: string; p: string }[];
    const grants = Object.fromEntries(rows.map((r) => [r.t, r.p]));
    expect(grants['app.audit_log']).toBe('INSERT,SELECT');
    expect(grants['public.parley_migrations']).toBe('SELECT');
    expect(grants['app.users']).toBe('DELETE,INSERT,SELECT,UPDATE');
    const tables = (await query(
      db.url,
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('app', 'memory', 'rag', 'cache') AND table_type = 'BASE TABLE'`,
    )) as { t: string }[];
    for (const { t } of tables) {
      expect([t, grants[t]]).toEqual([
        t,
        t === 'app.audit_log' ? 'INSERT,SELECT' : 'DELETE,INSERT,SELECT,UPDATE',
      ]);
    }
    const schemas = (await query(
      db.url,
      `SELECT n.nspname AS s, has_schema_privilege($1, n.oid, 'USAGE') AS usage,
              has_schema_privilege($1, n.oid, 'CREATE') AS "create"
         FROM pg_namespace n WHERE n.nspname IN ('app', 'memory', 'rag', 'cache') ORDER BY 1`,
      [role],
    )) as { s: string; usage: boolean; create: boolean }[];
    expect(schemas.every((s) => s.usage && !s.create)).toBe(true);
  });

  it('gives tables the owner creates later the same DML by default', async () => {
    await query(db.url, 'CREATE TABLE app.later (id serial PRIMARY KEY, note text)');
    await query(runtimeUrl, `INSERT INTO app.later (note) VALUES ('ok')`);
    expect(await query(runtimeUrl, 'SELECT note FROM app.later')).toEqual([{ note: 'ok' }]);
    expect(await refused(runtimeUrl, 'DROP TABLE app.later')).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('grants nothing when one role does both', () => {
    const same = testConfig('server', {
      DATABASE_MIGRATION_URL: process.env.PARLEY_TEST_DATABASE_URL!,
    });
    expect(same.database.runtimeRole).toBeUndefined();
    expect(testConfig('server').database.runtimeRole).toBeUndefined();
    const named = testConfig('server', {
      DATABASE_MIGRATION_URL: 'postgres://owner@db:5432/parley',
      DATABASE_RUNTIME_ROLE: 'parley_app',
    });
    expect(named.database.runtimeRole).toBe('parley_app');
  });
});
