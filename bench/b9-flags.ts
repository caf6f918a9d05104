import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compare, requestsPerSecond, startServer, type ServerHandle } from './harness.js';
import { api, benchPrefix, LOCAL_REDIS, withScratchDatabase } from './scratch.js';

const FLAGS = 50;
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 50);
const TARGET_MS = 1000;
const ADMIN_CLI = fileURLToPath(new URL('../src/admin-cli.js', import.meta.url));

/** Every flag carries rules that a caller must pass, and a sticky rollout. */
function flagBody(i: number) {
  return {
    name: `bench-flag-${i}`,
    is_enabled: true,
    visibility: 'frontend',
    targeting_rules: {
      rules: [
        { attribute: 'country', operator: 'not_in', values: ['XX', 'YY'] },
        { attribute: 'language', operator: 'starts_with', values: ['e'] },
      ],
      rollout: { percentage: 10 + i, stickiness: 'user_id' },
    },
  };
}

async function request(base: string, method: string, path: string, body: object, token: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/** An account granted the admin role by the command line, then signed in. */
async function adminToken(base: string, env: Record<string, string>): Promise<string> {
  const email = `bench-admin-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'bench-password-1';
  const first = await api<{ access_token: string }>(base, '/v1/auth/register', {
    email,
    password,
    name: 'Bench admin',
    language: 'en',
    user_type: 'adult',
  });
  await api(base, '/v1/consent/terms', {}, first.access_token);
  await promisify(execFile)(process.execPath, [ADMIN_CLI, 'grant', email], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false' },
  });
  return (await api<{ access_token: string }>(base, '/v1/auth/login', { email, password }))
    .access_token;
}

/** Reads `flags` events of an SSE response; `next(check)` resolves with the first event that passes. */
async function flagEvents(base: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/v1/feature-flags/stream`, {
    headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream: ${res.status}`);
  let waiter: { check: (f: Record<string, boolean>) => boolean; done: () => void } | undefined;
  let latest: Record<string, boolean> = {};
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (!/^event: ?flags$/m.test(event) || !data) continue;
          latest = JSON.parse(data) as Record<string, boolean>;
          if (waiter?.check(latest)) waiter.done();
        }
      }
    } catch {
      // Aborted at the end of the bench.
    }
  })();
  return {
    next: (check: (f: Record<string, boolean>) => boolean) =>
      new Promise<void>((resolve) => {
        if (check(latest)) return resolve();
        waiter = {
          check,
          done: () => {
            waiter = undefined;
            resolve();
          },
        };
      }),
    close: () => controller.abort(),
  };
}

/** Toggles a flag on `writer` TOGGLES times; milliseconds until `reader`'s SSE client sees each. */
async function propagation(writer: ServerHandle, reader: ServerHandle, token: string) {
  const name = 'bench-toggle';
  await request(
    writer.url,
    'POST',
    '/v1/admin/feature-flags',
    { name, visibility: 'frontend' },
    token,
  );
  const events = await flagEvents(reader.url, token);
  try {
    await events.next((f) => f[name] === false);
    const delays: number[] = [];
    for (let i = 0; i < TOGGLES; i++) {
      const enabled = i % 2 === 0;
      const started = performance.now();
      const seen = events.next((f) => f[name] === enabled);
      await request(
        writer.url,
        'PATCH',
        `/v1/admin/feature-flags/${name}`,
        { is_enabled: enabled },
        token,
      );
      await seen;
      delays.push(performance.now() - started);
    }
    return delays.sort((a, b) => a - b);
  } finally {
    events.close();
  }
}

/**
 * B9: the public flag route with 50 flags carrying rules against the bare route
 * of the same app; and a toggle on one instance seen by an SSE reader on
 * another (PostgreSQL and Redis shared), p99 over the toggles against 1 s.
 */
export function b9(rounds: number) {
  return withScratchDatabase(async (databaseUrl) => {
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: LOCAL_REDIS,
      REDIS_KEY_PREFIX: benchPrefix('b9'),
      RUN_PROCESSORS: 'false',
      DATA_DIR: os.tmpdir(),
    };
    const a = await startServer('parley-app', env);
    const b = await startServer('parley-app', { ...env, MIGRATIONS_RUN: 'false' });
    try {
      const token = await adminToken(a.url, env);
      for (let i = 0; i < FLAGS; i++) {
        await request(a.url, 'POST', '/v1/admin/feature-flags', flagBody(i), token);
      }
      const r = await compare(
        rounds,
        () => requestsPerSecond(a.url, { path: '/v1/feature-flags' }),
        () => requestsPerSecond(a.url, { path: '/v1/bench/bare' }),
      );
      const delays = await propagation(a, b, token);
      const p99 = delays[Math.min(delays.length - 1, Math.ceil(delays.length * 0.99) - 1)]!;
      const p50 = delays[Math.floor(delays.length / 2)]!;
      return [
        {
          id: 'B9',
          workload: `anonymous GET /v1/feature-flags, ${FLAGS} flags with rules and rollout / bare route, same app (req/s, 50 connections)`,
          ours: `${r.ours.toFixed(0)} req/s`,
          peer: `${r.peer.toFixed(0)} req/s`,
          ratio: r.ours / r.peer,
          target: '>= 0.80',
          pass: r.ours / r.peer >= 0.8,
        },
        {
          id: 'B9',
          workload: `toggle on instance A seen by an SSE reader on instance B, p99 of ${TOGGLES} toggles / 1 s`,
          ours: `p99 ${p99.toFixed(0)} ms (p50 ${p50.toFixed(0)} ms)`,
          peer: `${TARGET_MS} ms`,
          ratio: p99 / TARGET_MS,
          target: '< 1.00',
          pass: p99 < TARGET_MS,
        },
      ];
    } finally {
      await b.stop();
      await a.stop();
    }
  });
}
