import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const LOCAL_DATABASE =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** An empty database for one bench on the configured (or local) server, dropped afterwards. */
export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `parley_bench_${randomBytes(4).toString('hex')}`;
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: LOCAL_DATABASE });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(LOCAL_DATABASE);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

export function benchPrefix(label: string): string {
  return `parley:bench:${label}:${randomBytes(4).toString('hex')}:`;
}

export async function api<T = Record<string, unknown>>(
  base: string,
  path: string,
  body?: object,
  token?: string,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A FULL session and one of its conversations, through the public API. */
export async function userWithConversation(
  base: string,
): Promise<{ token: string; conversationId: string }> {
  const tokens = await api<{ access_token: string }>(base, '/v1/auth/register', {
    email: `bench-${randomBytes(4).toString('hex')}@example.test`,
    password: 'bench-password-1',
    name: 'Bench',
    language: 'en',
    user_type: 'adult',
  });
  const token = tokens.access_token;
  await api(base, '/v1/consent/terms', {}, token);
  const conversation = await api<{ id: string }>(
    base,
    '/v1/conversations',
    { title: 'bench' },
    token,
  );
  return { token, conversationId: conversation.id };
}
