import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import {
  appendMessage,
  createConversation,
  type TestMessage,
} from '../../factories/conversations.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

/** Small seeded generator, so that a failing run can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('history: keyset pages, newest page, branches', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  const http = () => request(app.getHttpServer());

  const readAll = async (
    id: string,
    direction: 'after' | 'before',
    limits: () => number,
    extra = '',
  ): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const q = direction === 'after' && cursor === '' ? '' : `&${direction}=${cursor}`;
      const res = await http()
        .get(`/v1/conversations/${id}/messages?limit=${limits()}${q}${extra}`)
        .set(alice.auth)
        .expect(200);
      const page = (res.body.data as TestMessage[]).map((m) => m.message_id);
      // Inside a page, always oldest first; backward pages are prepended.
      if (direction === 'after') seen.push(...page);
      else seen.unshift(...page);
      cursor = res.body.next_cursor as string | null;
      if (++pages > 500) throw new Error('pagination does not end');
    }
    return seen;
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    alice = await startFullGuest(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('property: random appends, then pages of random limits cover every message exactly once, in order', async () => {
    for (const seed of [1, 7, 42]) {
      const random = mulberry32(seed);
      const id = await createConversation(app, alice);
      const total = 1 + Math.floor(random() * 60);
      const expected: string[] = [];
      let i = 0;
      while (i < total) {
        // Mix single appends and batches, as clients do.
        const size = Math.min(total - i, 1 + Math.floor(random() * 5));
        const messages = Array.from({ length: size }, (_, k) => ({
          message_id: `s${seed}-${i + k}`,
          role: random() < 0.5 ? 'user' : 'assistant',
          content: `message ${i + k}`,
        }));
        if (size === 1) await appendMessage(app, alice, id, messages[0]!);
        else {
          await http()
            .post(`/v1/conversations/${id}/messages/batch`)
            .set(alice.auth)
            .send({ messages })
            .expect(201);
        }
        expected.push(...messages.map((m) => m.message_id));
        i += size;
      }
      const limit = () => 1 + Math.floor(random() * 12);
      expect({ seed, forward: await readAll(id, 'after', limit) }).toEqual({
        seed,
        forward: expected,
      });
      expect({ seed, backward: await readAll(id, 'before', limit) }).toEqual({
        seed,
        backward: expected,
      });
    }
  });

  it('the newest page comes with ?before= and is oldest first inside', async () => {
    const id = await createConversation(app, alice);
    for (let i = 0; i < 5; i++)
      await appendMessage(app, alice, id, { message_id: `n${i}`, content: `${i}` });
    const newest = await http()
      .get(`/v1/conversations/${id}/messages?before=&limit=2`)
      .set(alice.auth)
      .expect(200);
    expect(newest.body.data.map((m: TestMessage) => m.message_id)).toEqual(['n3', 'n4']);
    const older = await http()
      .get(`/v1/conversations/${id}/messages?before=${newest.body.next_cursor}&limit=2`)
      .set(alice.auth)
      .expect(200);
    expect(older.body.data.map((m: TestMessage) => m.message_id)).toEqual(['n1', 'n2']);
    await http()
      .get(`/v1/conversations/${id}/messages?before=&after=${newest.body.next_cursor}`)
      .set(alice.auth)
      .expect(400);
    await http().get(`/v1/conversations/${id}/messages?after=garbage`).set(alice.auth).expect(400);
    await http().get(`/v1/conversations/${id}/messages?limit=101`).set(alice.auth).expect(400);
  });

  it('?leaf= reads one branch from the root: an edit branches instead of truncating', async () => {
    const id = await createConversation(app, alice);
    const root = await appendMessage(app, alice, id, { message_id: 'q1', content: 'question' });
    const a1 = await appendMessage(app, alice, id, {
      message_id: 'a1',
      role: 'assistant',
      content: 'first answer',
      parent_id: root.id,
    });
    const q2 = await appendMessage(app, alice, id, {
      message_id: 'q2',
      content: 'follow-up',
      parent_id: a1.id,
    });
    // The user edits q2: a sibling under a1, and the assistant answers the edit.
    const q2b = await appendMessage(app, alice, id, {
      message_id: 'q2-edit',
      content: 'edited',
      parent_id: a1.id,
    });
    const a2b = await appendMessage(app, alice, id, {
      message_id: 'a2-edit',
      role: 'assistant',
      content: 'answer to the edit',
      parent_message_id: 'q2-edit',
    });
    expect(a2b.parent_id).toBe(q2b.id);

    const branch = async (leaf: string, limit = 100) =>
      readAll(id, 'after', () => limit, `&leaf=${leaf}`);
    expect(await branch(a2b.id)).toEqual(['q1', 'a1', 'q2-edit', 'a2-edit']);
    expect(await branch(a2b.id, 1)).toEqual(['q1', 'a1', 'q2-edit', 'a2-edit']);
    expect(await branch(q2.id, 2)).toEqual(['q1', 'a1', 'q2']);
    expect(await readAll(id, 'before', () => 3, `&leaf=${a2b.id}`)).toEqual([
      'q1',
      'a1',
      'q2-edit',
      'a2-edit',
    ]);
    // The whole history still holds both branches.
    expect(await readAll(id, 'after', () => 100)).toEqual(['q1', 'a1', 'q2', 'q2-edit', 'a2-edit']);

    const other = await createConversation(app, alice);
    await http()
      .get(`/v1/conversations/${other}/messages?leaf=${a2b.id}`)
      .set(alice.auth)
      .expect(404);
    // A cursor of the whole history is not one of a branch.
    const page = await http()
      .get(`/v1/conversations/${id}/messages?limit=1`)
      .set(alice.auth)
      .expect(200);
    await http()
      .get(`/v1/conversations/${id}/messages?leaf=${a2b.id}&after=${page.body.next_cursor}`)
      .set(alice.auth)
      .expect(400);
  });
});
