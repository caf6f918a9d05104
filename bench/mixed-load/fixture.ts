import { randomBytes } from 'node:crypto';
import { send } from './recorder.js';

export interface LoadUser {
  email: string;
  password: string;
  token: string;
}

export interface Fixture {
  base: string;
  users: LoadUser[];
  /** One conversation per client, of user `client % users.length`. */
  conversations: string[];
  /** A RAG collection (audience all) with one ingested document. */
  collection: string;
}

export const PASSWORD = 'mixed-load-password-1';

/** A call the fixture needs to succeed: anything but the expected status throws. */
export async function must<T = Record<string, unknown>>(
  base: string,
  path: string,
  init: RequestInit & { token?: string; json?: unknown },
  ...ok: number[]
): Promise<T> {
  const answer = await send<T>(undefined, path, `${base}${path}`, init);
  if (!answer || !ok.includes(answer.status)) {
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${answer?.status} ${JSON.stringify(answer?.body)}`,
    );
  }
  return answer.body;
}

export async function signIn(base: string, email: string, password = PASSWORD) {
  return must<{ access_token: string; refresh_token: string }>(
    base,
    '/v1/auth/login',
    { method: 'POST', json: { email, password } },
    200,
  );
}

async function fullUser(base: string, label: string): Promise<LoadUser> {
  const email = `${label}-${randomBytes(5).toString('hex')}@example.test`;
  const tokens = await must<{ access_token: string }>(
    base,
    '/v1/auth/register',
    {
      method: 'POST',
      json: { email, password: PASSWORD, name: 'Load', language: 'en', user_type: 'adult' },
    },
    201,
  );
  await must(base, '/v1/consent/terms', { method: 'POST', token: tokens.access_token }, 200);
  return { email, password: PASSWORD, token: tokens.access_token };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Runs `work` over `items`, `width` at a time; the results in the items' order. */
export async function inWaves<T, R>(
  items: T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  }
  return results;
}

/** Polls `check` every 100 ms until it returns a value, or throws after `timeoutMs`. */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Users, their conversations and a searchable RAG collection, through the
 * public API. `grantAdmin` makes a registered user an admin (as the admin
 * command line does) so that it can create the collection.
 */
export async function createFixture(options: {
  base: string;
  users: number;
  clients: number;
  grantAdmin(email: string): Promise<void>;
}): Promise<Fixture> {
  const { base } = options;
  const admin = await fullUser(base, 'load-admin');
  await options.grantAdmin(admin.email);
  const collection = `load-${randomBytes(4).toString('hex')}`;
  await must(
    base,
    '/v1/rag/collections',
    { method: 'POST', token: admin.token, json: { name: collection, audience: 'all' } },
    201,
  );
  const documents = `/v1/rag/collections/${collection}/documents`;
  const doc = await must<{ id: string }>(
    base,
    documents,
    {
      method: 'POST',
      token: admin.token,
      json: {
        title: 'Volcanoes',
        text: 'Magma rises through the crust and erupts as lava. Ash clouds rise above the vent.',
      },
    },
    202,
  );
  const users = await inWaves(range(options.users), 10, (i) => fullUser(base, `load-${i}`));
  const conversations = await inWaves(range(options.clients), 20, async (i) => {
    const owner = users[i % users.length]!;
    const created = await must<{ id: string }>(
      base,
      '/v1/conversations',
      { method: 'POST', token: owner.token, json: { title: `load ${i}` } },
      201,
    );
    return created.id;
  });
  // The worker ingests it; the load's RAG searches then have a chunk to find.
  await poll(
    'the RAG document ingested',
    async () => {
      const got = await must<{ status: string }>(
        base,
        `${documents}/${doc.id}`,
        { token: admin.token },
        200,
      );
      if (got.status === 'failed') throw new Error('the RAG document failed to ingest');
      return got.status === 'ready' ? true : undefined;
    },
    180_000,
  );
  return { base, users, conversations, collection };
}
