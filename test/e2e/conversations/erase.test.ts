import { AccountErasureService } from '../../../src/modules/erasure/account-erasure.service.js';
import { emptyCheckpoint, type Checkpoint } from '@langchain/langgraph-checkpoint';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { appendMessage, createConversation } from '../../factories/conversations.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

/** Two agent turns on a thread, as the agent's own library writes them. */
async function agentTurns(saver: PostgresSaver, threadId: string): Promise<void> {
  let config = { configurable: { thread_id: threadId, checkpoint_ns: '' } };
  for (let step = 0; step < 2; step++) {
    const checkpoint: Checkpoint = {
      ...emptyCheckpoint(),
      channel_values: { messages: [`turn ${step} of ${threadId}`] },
      channel_versions: { messages: step + 1 },
    };
    config = (await saver.put(
      config,
      checkpoint,
      { source: 'loop', step, parents: {} },
      { messages: step + 1 },
    )) as typeof config;
    await saver.putWrites(config, [['messages', `pending ${step}`]], `task-${step}`);
  }
}

describe('erase a conversation: rows and agent checkpoints, with a receipt', () => {
  let app: NestExpressApplication;
  let saver: PostgresSaver;
  let alice: TestUser;
  let bob: TestUser;
  const http = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);
  const threadRows = async (threadId: string) => {
    const counts = (await db().query(
      `SELECT (SELECT count(*) FROM langgraph.checkpoints WHERE thread_id = $1)::int AS c,
              (SELECT count(*) FROM langgraph.checkpoint_writes WHERE thread_id = $1)::int AS w,
              (SELECT count(*) FROM langgraph.checkpoint_blobs WHERE thread_id = $1)::int AS b`,
      [threadId],
    )) as { c: number; w: number; b: number }[];
    return counts[0]!;
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    saver = PostgresSaver.fromConnString(process.env.PARLEY_TEST_DATABASE_URL!, {
      schema: 'langgraph',
    });
    await saver.setup();
    [alice, bob] = await Promise.all([startFullGuest(app), startFullGuest(app)]);
  });

  afterAll(async () => {
    await saver?.end();
    await app?.close();
  });

  it("removes the conversation's rows and its threads' checkpoints, and nothing else", async () => {
    const doomed = await createConversation(app, alice);
    const kept = await createConversation(app, alice);
    const session = async (id: string) =>
      (await http().post(`/v1/conversations/${id}/sessions`).set(alice.auth).expect(201)).body
        .id as string;
    const [s1, s2, s3] = [await session(doomed), await session(doomed), await session(kept)];
    const unrelated = `thread-of-someone-else-${s1}`;
    // Some agents key their thread by the conversation id itself, not by a chat session.
    for (const thread of [s1, s2, s3, doomed, kept, unrelated]) await agentTurns(saver, thread);
    expect(await threadRows(s1)).toEqual({ c: 2, w: 2, b: 2 });
    expect(await threadRows(doomed)).toEqual({ c: 2, w: 2, b: 2 });

    await appendMessage(app, alice, doomed, { message_id: 'd1', content: 'bye', session_id: s1 });
    await appendMessage(app, alice, doomed, {
      message_id: 'd2',
      content: 'bye again',
      session_id: s2,
    });
    await appendMessage(app, alice, kept, { message_id: 'k1', content: 'stay', session_id: s3 });
    await http()
      .put(`/v1/conversations/${doomed}/messages/d1/vote`)
      .set(alice.auth)
      .send({ value: 'up' })
      .expect(200);
    await http()
      .put(`/v1/conversations/${doomed}/config`)
      .set(alice.auth)
      .send({ model: 'gpt-4o', temperature: 0.2 })
      .expect(200);
    await http()
      .post('/v1/feedback')
      .set(alice.auth)
      .send({ rating: 5, session_id: s1 })
      .expect(201);
    await http()
      .post('/v1/feedback')
      .set(alice.auth)
      .send({ rating: 4, session_id: s3 })
      .expect(201);

    // Not bob's to erase: 404, and everything stays.
    await http().delete(`/v1/conversations/${doomed}`).set(bob.auth).expect(404);
    expect(await threadRows(s1)).toEqual({ c: 2, w: 2, b: 2 });
    expect(await threadRows(doomed)).toEqual({ c: 2, w: 2, b: 2 });

    const receipt = await http().delete(`/v1/conversations/${doomed}`).set(alice.auth).expect(200);
    expect(receipt.body).toMatchObject({
      conversation_id: doomed,
      removed: {
        'app.conversations': 1,
        'app.messages': 2,
        'app.message_votes': 1,
        'app.conversation_configs': 1,
        'app.chat_sessions': 2,
        'app.feedback': 1,
        'langgraph.checkpoints': 6,
        'langgraph.checkpoint_writes': 6,
        'langgraph.checkpoint_blobs': 6,
      },
      checkpoints: 18,
    });
    expect(receipt.body.thread_ids).toEqual(expect.arrayContaining([s1, s2, doomed]));

    for (const thread of [s1, s2, doomed]) {
      expect(await threadRows(thread)).toEqual({ c: 0, w: 0, b: 0 });
      expect(await saver.getTuple({ configurable: { thread_id: thread } })).toBeUndefined();
    }
    for (const thread of [s3, kept, unrelated]) {
      expect(await threadRows(thread)).toEqual({ c: 2, w: 2, b: 2 });
      expect(await saver.getTuple({ configurable: { thread_id: thread } })).toBeDefined();
    }
    await http().get(`/v1/conversations/${doomed}`).set(alice.auth).expect(404);
    await http().get(`/v1/conversations/${doomed}/messages`).set(alice.auth).expect(404);
    await http().delete(`/v1/conversations/${doomed}`).set(alice.auth).expect(404);
    const left = await http().get(`/v1/conversations/${kept}/messages`).set(alice.auth).expect(200);
    expect(left.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['k1']);
    const feedback = (await db().query(`SELECT session_id FROM app.feedback WHERE user_id = $1`, [
      alice.id,
    ])) as { session_id: string }[];
    expect(feedback).toEqual([{ session_id: s3 }]);
    // The erasure is in the audit log, with its receipt; the refused attempt is not.
    const audited = (await db().query(
      `SELECT actor_id, after FROM app.audit_log
        WHERE action = 'conversation.erase' AND target_id = $1`,
      [doomed],
    )) as { actor_id: string; after: { removed: Record<string, number> } }[];
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actor_id).toBe(alice.id);
    expect(audited[0]!.after.removed).toMatchObject({ 'app.messages': 2, 'app.conversations': 1 });
  });

  it("erasing an account removes the agent's checkpoints of all its threads, and no one else's", async () => {
    const carol = await startFullGuest(app);
    const ids = [await createConversation(app, carol), await createConversation(app, carol)];
    const session = (
      await http().post(`/v1/conversations/${ids[0]}/sessions`).set(carol.auth).expect(201)
    ).body.id as string;
    // One agent keys its threads by chat session, another by the conversation itself.
    await agentTurns(saver, session);
    await agentTurns(saver, ids[1]!);
    await appendMessage(app, carol, ids[1]!, { message_id: 'c1', content: 'bye' });
    const alices = await createConversation(app, alice);
    const alicesSession = (
      await http().post(`/v1/conversations/${alices}/sessions`).set(alice.auth).expect(201)
    ).body.id as string;
    await agentTurns(saver, alices);
    await agentTurns(saver, alicesSession);

    const receipt = await app.get(AccountErasureService).erase(carol.id);
    expect(receipt).toMatchObject({
      removed: {
        'app.users': 1,
        'app.conversations': 2,
        'app.chat_sessions': 1,
        'app.messages': 1,
        'langgraph.checkpoints': 4,
        'langgraph.checkpoint_writes': 4,
        'langgraph.checkpoint_blobs': 4,
      },
      checkpoints: 12,
    });
    expect(receipt.thread_ids).toEqual(expect.arrayContaining([session, ...ids]));
    for (const thread of [session, ...ids]) {
      expect(await threadRows(thread)).toEqual({ c: 0, w: 0, b: 0 });
      expect(await saver.getTuple({ configurable: { thread_id: thread } })).toBeUndefined();
    }
    for (const thread of [alices, alicesSession]) {
      expect(await threadRows(thread)).toEqual({ c: 2, w: 2, b: 2 });
      expect(await saver.getTuple({ configurable: { thread_id: thread } })).toBeDefined();
    }
    const users = (await db().query(`SELECT count(*)::int AS n FROM app.users WHERE id = $1`, [
      carol.id,
    ])) as { n: number }[];
    expect(users).toEqual([{ n: 0 }]);
    await http().get(`/v1/conversations/${alices}`).set(alice.auth).expect(200);
  });
});
