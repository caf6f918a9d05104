import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PreparedStatements } from '../../../src/modules/conversations/prepared-statements.js';
import { createConversation } from '../../factories/conversations.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

const chapterOf = (i: number) => (i % 100 < 2 ? 'ch-03' : `ch-0${(i % 4) + 4}`);

/** A whole history: 1000 messages, ~1.5 KB each (the body is over the default 1 MB limit). */
const history = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    message_id: `m-${i}`,
    role: i % 2 ? 'assistant' : 'user',
    content: `message ${i} `.padEnd(1500, 'x'),
    context: { chapter: chapterOf(i), page: i },
    ...(i > 0 ? { parent_message_id: `m-${i - 1}` } : {}),
  }));

describe('history import and history by context', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  let id: string;
  const http = () => request(app.getHttpServer());
  const statements: { name: string; text: string; values: unknown[] }[] = [];

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { MESSAGE_BATCH_BODY_LIMIT: '3mb' }));
    alice = await startFullGuest(app);
    const prepared = app.get(PreparedStatements);
    const query = prepared.query.bind(prepared);
    // Every hot statement goes through here: counting calls counts statements.
    prepared.query = ((name, text, values, manager) => {
      statements.push({ name, text, values });
      return query(name, text, values, manager);
    }) as typeof prepared.query;
    id = await createConversation(app, alice);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports 1000 messages in one call and one statement', async () => {
    statements.length = 0;
    const res = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({ messages: history(1000) })
      .expect(201);
    expect(res.body.created).toBe(1000);
    expect(res.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(
      history(1000).map((m) => m.message_id),
    );
    expect(statements.map((s) => s.name)).toEqual(['append_batch']);
  });

  it('refuses 1001 messages (400) and a body over the route limit (413), writing nothing', async () => {
    const other = await createConversation(app, alice);
    const many = await http()
      .post(`/v1/conversations/${other}/messages/batch`)
      .set(alice.auth)
      .send({ messages: history(1001).map((m) => ({ ...m, content: 'short' })) })
      .expect(400);
    expect(many.body.errors[0].field).toBe('messages');
    const huge = await http()
      .post(`/v1/conversations/${other}/messages/batch`)
      .set(alice.auth)
      .send({ messages: history(1000).map((m) => ({ ...m, content: 'y'.repeat(4000) })) })
      .expect(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);
    // Other routes keep the default limit.
    await http()
      .post(`/v1/conversations/${other}/messages`)
      .set(alice.auth)
      .send({ message_id: 'big', role: 'user', content: 'z'.repeat(1_100_000) })
      .expect(413);
    const left = await http()
      .get(`/v1/conversations/${other}/messages`)
      .set(alice.auth)
      .expect(200);
    expect(left.body.data).toEqual([]);
  });

  it('pages only the messages of one chapter, one statement per page, both spellings', async () => {
    const expected = history(1000)
      .filter((m) => m.context.chapter === 'ch-03')
      .map((m) => m.message_id);
    expect(expected).toHaveLength(20);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    statements.length = 0;
    do {
      const after: string = cursor ? `&after=${cursor}` : '';
      const res = await http()
        .get(`/v1/conversations/${id}/messages?context.chapter=ch-03&limit=7${after}`)
        .set(alice.auth)
        .expect(200);
      seen.push(...res.body.data.map((m: { message_id: string }) => m.message_id));
      cursor = res.body.next_cursor as string | null;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(statements).toHaveLength(pages);
    const bracket = await http()
      .get(`/v1/conversations/${id}/messages?context[chapter]=ch-03&limit=100`)
      .set(alice.auth)
      .expect(200);
    expect(bracket.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(expected);
    const both = await http()
      .get(`/v1/conversations/${id}/messages?context.chapter=ch-03&context.role=none`)
      .set(alice.auth)
      .expect(200);
    expect(both.body.data).toEqual([]);
    const newest = await http()
      .get(`/v1/conversations/${id}/messages?context.chapter=ch-03&before=&limit=5`)
      .set(alice.auth)
      .expect(200);
    expect(newest.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(
      expected.slice(-5),
    );
  });

  it.each([
    ['context.=x'],
    ['context.bad%20key=x'],
    ['context.a.b=x'],
    ['context=x'],
    ['context.chapter=a&context.chapter=b'],
    [`context.chapter=${'v'.repeat(201)}`],
    ['context.a=1&context.b=1&context.c=1&context.d=1&context.e=1&context.f=1'],
  ])('rejects %s with a 400 problem', async (qs) => {
    const res = await http()
      .get(`/v1/conversations/${id}/messages?${qs}`)
      .set(alice.auth)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    await http().delete(`/v1/conversations/${id}/messages?${qs}`).set(alice.auth).expect(400);
  });

  it('serves the filtered page from ix_messages_context', async () => {
    statements.length = 0;
    await http()
      .get(`/v1/conversations/${id}/messages?context.chapter=ch-03`)
      .set(alice.auth)
      .expect(200);
    const [page] = statements;
    const db = app.get(DataSource);
    await db.query('ANALYZE app.messages');
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      // The shared test database holds few rows, where a sequential scan can look as cheap:
      // disabling it leaves the planner to choose among the indexes, which is the question here.
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(`EXPLAIN (FORMAT TEXT) ${page!.text}`, page!.values)) as {
        'QUERY PLAN': string;
      }[];
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_messages_context');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('clears one chapter only; the receipt counts it; the rest keep their chain', async () => {
    const res = await http()
      .delete(`/v1/conversations/${id}/messages?context.chapter=ch-03`)
      .set(alice.auth)
      .expect(200);
    expect(res.body.removed['app.messages']).toBe(20);
    const gone = await http()
      .get(`/v1/conversations/${id}/messages?context.chapter=ch-03`)
      .set(alice.auth)
      .expect(200);
    expect(gone.body.data).toEqual([]);
    const rows = (await app.get(DataSource).query(
      `SELECT m.message_id, p.message_id AS parent FROM app.messages m
         LEFT JOIN app.messages p ON p.id = m.parent_id
        WHERE m.conversation_id = $1`,
      [id],
    )) as { message_id: string; parent: string | null }[];
    expect(rows).toHaveLength(980);
    const parentOf = new Map(rows.map((r) => [r.message_id, r.parent]));
    // m-2's parent m-1 and grandparent m-0 were ch-03: it is a root now; m-102 skips m-101 and m-100.
    expect(parentOf.get('m-2')).toBeNull();
    expect(parentOf.get('m-102')).toBe('m-99');
    expect(parentOf.get('m-50')).toBe('m-49');
  });
});
