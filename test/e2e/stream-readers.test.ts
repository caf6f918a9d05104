import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { READER_CONNECTION_NAME } from '../../src/modules/streams/redis-chunk-store.js';
import { RedisConnections } from '../../src/platform/redis/redis.factory.js';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig, testRedisPrefix } from '../support/app.js';
import { openSse, type SseClient } from '../support/sse.js';

const BOUND = 2;
const STREAMS = 3;
const READERS_PER_STREAM = 3;
const CHUNKS = 10;

/** Many live readers on one instance share a bounded number of Redis connections. */
describe('stream readers beyond the reader connection bound', () => {
  const prefix = testRedisPrefix('readers');
  let app: NestExpressApplication;
  let baseUrl: string;
  let alice: TestUser;
  let redis: Redis;
  const readers: SseClient[] = [];

  beforeAll(async () => {
    app = await startTestApp(
      testConfig('server', { REDIS_KEY_PREFIX: prefix, STREAM_READER_CONNECTIONS: String(BOUND) }),
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    alice = await registerFullUser(app);
    redis = new Redis(process.env.PARLEY_TEST_REDIS_URL!);
  });

  afterAll(async () => {
    for (const r of readers) r.close();
    await redis?.quit();
    await app?.close();
  });

  /** This instance's connections for live reads, as Redis itself lists them. */
  async function readerConnections(): Promise<number> {
    const name = new RedisConnections({ keyPrefix: prefix }).connectionName(READER_CONNECTION_NAME);
    const list = (await redis.client('LIST')) as string;
    return list.split('\n').filter((line) => line.includes(` name=${name} `)).length;
  }

  const append = (id: string, data: string) =>
    request(app.getHttpServer())
      .post(`/v1/streams/${id}/chunks`)
      .set(alice.auth)
      .send({ data })
      .expect(201);

  it('gives every reader every chunk, in order, over at most that many connections', async () => {
    const streams: string[] = [];
    for (let s = 0; s < STREAMS; s++) {
      const conversationId = await createConversation(app, alice);
      const res = await request(app.getHttpServer())
        .post(`/v1/conversations/${conversationId}/streams`)
        .set(alice.auth)
        .expect(201);
      streams.push(res.body.id as string);
      await append(res.body.id as string, `s${s}-first`);
    }
    for (const id of streams) {
      for (let r = 0; r < READERS_PER_STREAM; r++) {
        readers.push(await openSse(baseUrl, `/v1/streams/${id}/events`, alice.auth));
      }
    }
    // Every reader has its backlog: from here on they all wait for live chunks at once.
    await Promise.all(readers.map((r) => r.waitFor(1)));
    expect(readers).toHaveLength(STREAMS * READERS_PER_STREAM);
    const live = await readerConnections();
    expect(live).toBeGreaterThanOrEqual(1);
    expect(live).toBeLessThanOrEqual(BOUND);

    // Chunks arrive on all streams at once, then each stream completes.
    await Promise.all(
      streams.map(async (id, s) => {
        for (let c = 0; c < CHUNKS; c++) await append(id, `s${s}-${c}`);
        await request(app.getHttpServer())
          .post(`/v1/streams/${id}/complete`)
          .set(alice.auth)
          .expect(200);
      }),
    );
    await Promise.all(readers.map((r) => r.ended));

    readers.forEach((reader, i) => {
      const s = Math.floor(i / READERS_PER_STREAM);
      const messages = reader.events.filter((e) => e.event === 'message');
      expect(messages.map((e) => e.data)).toEqual([
        `s${s}-first`,
        ...Array.from({ length: CHUNKS }, (_, c) => `s${s}-${c}`),
      ]);
      expect(messages.map((e) => Number(e.id))).toEqual(
        Array.from({ length: CHUNKS + 1 }, (_, k) => k + 1),
      );
      expect(reader.events.at(-1)?.event).toBe('done');
    });
    expect(await readerConnections()).toBeLessThanOrEqual(BOUND);
  });
});
