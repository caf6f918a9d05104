import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { b3Growth } from './b3-growth.js';
import { NEWEST_PAGE_SQL } from './conversations-sql.js';
import { freshDatabase, inProcess, p50 } from './in-process.js';
import { compare, startServer, type ServerHandle } from './harness.js';
import type { Row } from './report.js';

export type { Row };

const PROFILE = { name: 'Bench', language: 'en', user_type: 'adult' };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Conversations the load is spread over. */
const CONVERSATIONS = 50;

type Json = Record<string, string>;

async function call(base: string, path: string, body?: object, token?: string): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
}

async function fullSession(base: string): Promise<string> {
  const tokens = await call(base, '/v1/auth/register', {
    email: `bench-${randomBytes(4).toString('hex')}@example.test`,
    password: 'bench-password-1',
    ...PROFILE,
  });
  await call(base, '/v1/consent/terms', {}, tokens.access_token);
  return tokens.access_token!;
}

/** A scratch database on the configured (or local) server, so benches never touch real data. */
async function withBenchApp<T>(
  work: (server: ServerHandle, url: string) => Promise<T>,
): Promise<T> {
  const db = await freshDatabase();
  const server = await startServer('conversations-app', { DATABASE_URL: db.url });
  try {
    return await work(server, db.url);
  } finally {
    await server.stop();
    await db.drop();
  }
}

/**
 * req/s of POSTs spread round-robin over `paths` (many users' conversations, as
 * in production), each with a message_id unique to the request.
 */
async function postRate(base: string, paths: string[], token?: string): Promise<number> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: 50,
    duration: SECONDS,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: paths[next++ % paths.length]!,
          body: JSON.stringify({
            message_id: `m-${next}-${randomBytes(6).toString('hex')}`,
            role: 'user',
            content: 'How do volcanoes form?',
          }),
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${paths[0]}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

/**
 * B1: appending a message over HTTP with auth, validation, ownership and
 * idempotency, against a bare route of the same app doing the same INSERT with raw pg.
 */
export async function b1(rounds: number): Promise<Row> {
  return withBenchApp(async (server) => {
    const token = await fullSession(server.url);
    const ids: string[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      ids.push((await call(server.url, '/v1/conversations', { title: `B1 ${i}` }, token)).id!);
    }
    const r = await compare(
      rounds,
      () =>
        postRate(
          server.url,
          ids.map((id) => `/v1/conversations/${id}/messages`),
          token,
        ),
      () =>
        postRate(
          server.url,
          ids.map((id) => `/v1/bench/messages/${id}`),
        ),
    );
    const ratio = r.ours / r.peer;
    return {
      id: 'B1',
      workload: 'POST message with auth / bare route, same INSERT with raw pg (req/s, 50 conns)',
      ours: `${r.ours.toFixed(0)} req/s`,
      peer: `${r.peer.toFixed(0)} req/s`,
      ratio,
      target: '>= 0.85',
      pass: ratio >= 0.85,
    };
  });
}

/** A 500-turn thread (1000 messages) in a fresh conversation, through the real batch endpoint. */
async function thread(base: string, token: string): Promise<string> {
  const conversation = await call(base, '/v1/conversations', { title: 'B3' }, token);
  const id = conversation.id!;
  for (let turn = 0; turn < 500; turn += 50) {
    const messages = Array.from({ length: 50 }, (_, k) => [
      { message_id: `u${turn + k}`, role: 'user', content: `question ${turn + k}` },
      { message_id: `a${turn + k}`, role: 'assistant', content: `answer ${turn + k}` },
    ]).flat();
    await call(base, `/v1/conversations/${id}/messages/batch`, { messages }, token);
  }
  return id;
}

/**
 * B3: the newest 50 messages of a 500-turn thread. Gated: our data path
 * (HistoryService: ownership, keyset page, mapping, through TypeORM) in-process
 * against the same SELECT sent with raw pg, and the SQL statements one page
 * load sends. Reference: the same through HTTP (auth included) against a bare
 * route of the same app running the raw SELECT.
 */
export async function b3(rounds: number): Promise<Row[]> {
  return withBenchApp(async (server, url) => {
    const token = await fullSession(server.url);
    const me = await call(server.url, '/v1/me', undefined, token);
    const id = await thread(server.url, token);
    const { app, history } = await inProcess(url);
    const raw = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const ours = () => history.history(me.id!, id, { before: '', limit: 50 });
      const peer = async () => {
        const { rows } = await raw.query(NEWEST_PAGE_SQL, [id, me.id]);
        return rows.slice(0, 50).reverse();
      };
      await p50(100, ours);
      await p50(100, peer);
      const perPage = await statementsPerCall(20, ours);
      const r = await compare(
        rounds,
        () => p50(300, ours),
        () => p50(300, peer),
      );
      const httpOurs = () =>
        call(server.url, `/v1/conversations/${id}/messages?before=&limit=50`, undefined, token);
      const httpPeer = () => call(server.url, `/v1/bench/messages/${id}/newest?user=${me.id}`);
      await p50(50, httpOurs);
      const h = await compare(
        rounds,
        () => p50(200, httpOurs),
        () => p50(200, httpPeer),
      );
      return [
        {
          id: 'B3',
          workload: `newest 50 of a 500-turn thread: p50 / raw SQL p50; ${perPage} SQL statement(s) per page`,
          ours: `${r.ours.toFixed(3)} ms`,
          peer: `${r.peer.toFixed(3)} ms`,
          ratio: r.ours / r.peer,
          target: '<= 1.15; 1 statement',
          pass: r.ours / r.peer <= 1.15 && perPage === 1,
        },
        {
          id: 'B3-http',
          workload: 'the same over HTTP with auth / bare route running the raw SELECT',
          ours: `${h.ours.toFixed(2)} ms`,
          peer: `${h.peer.toFixed(2)} ms`,
          ratio: h.ours / h.peer,
          target: 'reference',
          pass: null,
        },
        await b3Growth(rounds),
      ];
    } finally {
      await raw.end();
      await app.close();
    }
  });
}

/** Statements sent by any pg client of this process while `run` executes, per call. */
async function statementsPerCall(calls: number, run: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    for (let i = 0; i < calls; i++) await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count / calls;
}
