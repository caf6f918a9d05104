import { compare, requestsPerSecond, startServer } from './harness.js';

const PROFILE = { name: 'Bench', language: 'en', user_type: 'adult' };

export async function post(
  url: string,
  body: object,
  token?: string,
  method = 'POST',
): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** A FULL session in the app under test, through its public API. */
export async function fullSession(base: string): Promise<string> {
  const email = `bench-${Date.now()}@example.test`;
  const tokens = await post(`${base}/v1/auth/register`, {
    email,
    password: 'bench-password-1',
    ...PROFILE,
  });
  const token = tokens.access_token as string;
  await post(`${base}/v1/consent/terms`, {}, token);
  return token;
}

/**
 * B8: what authentication costs on the hot path. Authenticated GET /v1/me (token
 * verified, revocation and live session read from the cache, the profile read)
 * against an unauthenticated bare route of the same application.
 */
export async function b8(rounds: number) {
  const server = await startServer('parley-app');
  try {
    const token = await fullSession(server.url);
    const r = await compare(
      rounds,
      () =>
        requestsPerSecond(server.url, {
          path: '/v1/me',
          headers: { authorization: `Bearer ${token}` },
        }),
      () => requestsPerSecond(server.url, { path: '/v1/bench/bare' }),
    );
    const ratio = r.ours / r.peer;
    return {
      id: 'B8',
      workload:
        'authenticated GET /v1/me / unauthenticated bare route, same app (req/s, 50 connections)',
      ours: `${r.ours.toFixed(0)} req/s`,
      peer: `${r.peer.toFixed(0)} req/s`,
      ratio,
      target: '>= 0.9',
      pass: ratio >= 0.9,
    };
  } finally {
    await server.stop();
  }
}
