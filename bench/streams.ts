import { RedisChunkStore } from '../src/modules/streams/redis-chunk-store.js';
import { RedisConnections } from '../src/platform/redis/redis.factory.js';
import { compare, startServer } from './harness.js';
import {
  api,
  benchPrefix,
  LOCAL_REDIS,
  userWithConversation,
  withScratchDatabase,
} from './scratch.js';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const DATA = 'x'.repeat(64);

/** Chunks per second one reader receives, from the request until the final event. */
async function readAll(url: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  const text = await res.text();
  const seconds = (performance.now() - started) / 1000;
  const events = text.split('\n\n').filter((e) => e.includes(DATA)).length;
  if (res.status !== 200 || events !== CHUNKS) {
    throw new Error(`${url}: status ${res.status}, ${events} of ${CHUNKS} chunks`);
  }
  return CHUNKS / seconds;
}

/**
 * B6: one reader of one stream. Ours: a completed stream of CHUNKS chunks read
 * from Redis Streams through GET /v1/streams/{id}/events (auth, ownership,
 * XRANGE in batches). Peer: raw Express writing the same events from memory.
 */
export function b6(rounds: number) {
  return withScratchDatabase(async (databaseUrl) => {
    const prefix = benchPrefix('b6');
    const ours = await startServer('parley-app', {
      DATABASE_URL: databaseUrl,
      REDIS_URL: LOCAL_REDIS,
      REDIS_KEY_PREFIX: prefix,
      RUN_PROCESSORS: 'false',
    });
    const peer = await startServer('raw-sse');
    const store = new RedisChunkStore(
      new RedisConnections({ url: LOCAL_REDIS, keyPrefix: prefix }),
      1,
    );
    try {
      const { token, conversationId } = await userWithConversation(ours.url);
      const stream = await api<{ id: string }>(
        ours.url,
        `/v1/conversations/${conversationId}/streams`,
        {},
        token,
      );
      // Filled straight into the store: the bench measures reading, not producing.
      for (let i = 0; i < CHUNKS; i += 1000) {
        await Promise.all(
          Array.from({ length: Math.min(1000, CHUNKS - i) }, () => store.append(stream.id, DATA)),
        );
      }
      await api(ours.url, `/v1/streams/${stream.id}/complete`, {}, token);
      const r = await compare(
        rounds,
        () =>
          readAll(`${ours.url}/v1/streams/${stream.id}/events`, {
            authorization: `Bearer ${token}`,
          }),
        () => readAll(`${peer.url}/sse?n=${CHUNKS}&data=${DATA}`),
      );
      return {
        id: 'B6',
        workload: `resumable stream: chunks/s to one reader / raw Express res.write SSE (${CHUNKS} chunks)`,
        ours: `${r.ours.toFixed(0)} chunks/s`,
        peer: `${r.peer.toFixed(0)} chunks/s`,
        ratio: r.ours / r.peer,
        target: '>= 0.9',
        pass: r.ours / r.peer >= 0.9,
      };
    } finally {
      await store.close();
      await ours.stop();
      await peer.stop();
    }
  });
}
