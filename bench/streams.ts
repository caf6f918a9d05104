import { RedisChunkStore } from '../src/modules/streams/redis-chunk-store.js';
import { RedisConnections } from '../src/platform/redis/redis.factory.js';
import { compare, median, startServer } from './harness.js';
import {
  api,
  benchPrefix,
  LOCAL_REDIS,
  userWithConversation,
  withScratchDatabase,
} from './scratch.js';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const DATA = 'x'.repeat(64);
/** Resume: a stream still open with RESUME_CHUNKS chunks, resumed after chunk RESUME_AFTER. */
const RESUME_CHUNKS = Number(process.env.BENCH_RESUME_CHUNKS ?? 1000);
const RESUME_AFTER = Math.floor(RESUME_CHUNKS / 2);
const RESUMES = Number(process.env.BENCH_RESUMES ?? 40);
/** A chunk's event as Parley sends it (data JSON-encoded); the peer streams the same text. */
const event = (seq: number) => `id: ${seq}\ndata: ${JSON.stringify(DATA)}\n\n`;

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

/** Milliseconds from the request until the reader holds every chunk after RESUME_AFTER. */
async function resumeOnce(url: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const left = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: left.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const last = event(RESUME_CHUNKS);
  let text = '';
  while (!text.endsWith(last)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
  }
  const ms = performance.now() - started;
  left.abort();
  await reader.cancel().catch(() => undefined);
  const expected = Array.from({ length: RESUME_CHUNKS - RESUME_AFTER }, (_, i) =>
    event(RESUME_AFTER + 1 + i),
  ).join('');
  if (res.status !== 200 || text !== expected) {
    throw new Error(`${url}: status ${res.status}, not the chunks after ${RESUME_AFTER}`);
  }
  return ms;
}

/** The p50 of RESUMES resumes, one after another. */
async function resumeP50(url: string, headers: Record<string, string> = {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RESUMES; i++) times.push(await resumeOnce(url, headers));
  return median(times);
}

/**
 * B6, resume: the p50 to resume a stream still being written after chunk
 * RESUME_AFTER (every chunk since, until the latest). Ours: GET
 * /v1/streams/{id}/events with Last-Event-ID (the backlog from Redis). Peer:
 * Vercel's resumable-stream over the same Redis (resumeExistingStream: its
 * producer sends what it holds past the characters the resumer skips, over
 * pub/sub), on a route of the same application with the same authentication
 * and ownership check, so the resume is what differs.
 */
async function resume(
  rounds: number,
  server: { url: string; token: string; conversationId: string },
  store: RedisChunkStore,
) {
  const { url, token } = server;
  const stream = await api<{ id: string }>(
    url,
    `/v1/conversations/${server.conversationId}/streams`,
    {},
    token,
  );
  for (let i = 0; i < RESUME_CHUNKS; i++) await store.append(stream.id, DATA);
  const peer = `${url}/v1/bench/resumable-stream/${stream.id}`;
  const data = encodeURIComponent(JSON.stringify(DATA));
  const produced = await fetch(`${peer}/produce?n=${RESUME_CHUNKS}&data=${data}`, {
    method: 'POST',
  });
  if (produced.status !== 201) throw new Error(`resumable-stream producer: ${produced.status}`);
  const skip = Array.from({ length: RESUME_AFTER }, (_, i) => event(i + 1)).join('').length;
  const authorization = `Bearer ${token}`;
  try {
    const r = await compare(
      rounds,
      () =>
        resumeP50(`${url}/v1/streams/${stream.id}/events`, {
          authorization,
          'last-event-id': String(RESUME_AFTER),
        }),
      () => resumeP50(`${peer}?skip=${skip}`, { authorization }),
    );
    return {
      id: 'B6',
      workload: `resume p50 after chunk ${RESUME_AFTER} of ${RESUME_CHUNKS} (open stream) / resumable-stream resumeExistingStream`,
      ours: `${r.ours.toFixed(2)} ms`,
      peer: `${r.peer.toFixed(2)} ms`,
      ratio: r.ours / r.peer,
      target: '<= 1.0',
      pass: r.ours / r.peer <= 1.0,
    };
  } finally {
    await fetch(`${peer}/finish`, { method: 'POST' });
  }
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
      BENCH_RESUMABLE_STREAM_PEER: '1',
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
      const throughput = {
        id: 'B6',
        workload: `resumable stream: chunks/s to one reader / raw Express res.write SSE (${CHUNKS} chunks)`,
        ours: `${r.ours.toFixed(0)} chunks/s`,
        peer: `${r.peer.toFixed(0)} chunks/s`,
        ratio: r.ours / r.peer,
        target: '>= 0.9',
        pass: r.ours / r.peer >= 0.9,
      };
      return [throughput, await resume(rounds, { url: ours.url, token, conversationId }, store)];
    } finally {
      await store.close();
      await ours.stop();
      await peer.stop();
    }
  });
}
