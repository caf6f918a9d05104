import type { NestExpressApplication } from '@nestjs/platform-express';
import { AccountErasureService } from '../src/modules/erasure/account-erasure.service.js';
import { seedUser, timed } from './b14-erase.js';
import type { Row } from './conversations.js';
import { median } from './harness.js';
import { freshDatabase, inProcess } from './in-process.js';

/** Messages of the account erased while another user reads their profile. */
const LOAD_MESSAGES = Number(process.env.BENCH_ERASE_LOAD_MESSAGES ?? 100_000);

async function getJson(url: string, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: token ? 'GET' : 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Profile reads of another user, one after the other, while `busy()` holds (or `count` times). */
async function profileReads(
  base: string,
  token: string,
  until: { count: number } | { busy: () => boolean },
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; 'count' in until ? i < until.count : until.busy(); i++) {
    times.push(await timed(() => getJson(`${base}/v1/me`, token)));
  }
  return times;
}

/**
 * B14-erase-load, responsiveness during an erase: p50 of GET /v1/me for another user while
 * an account with LOAD_MESSAGES messages is erased, against its p50 at rest.
 */
export async function eraseLoad(rounds: number): Promise<Row[]> {
  const db = await freshDatabase();
  // Hundreds of reads a minute from one address: the rate limit would answer them.
  const { app } = await inProcess(db.url, { RATE_LIMIT_PER_MINUTE: '0' });
  const server = app as NestExpressApplication;
  await server.listen(0, '127.0.0.1');
  const address = server.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  try {
    const other = (await getJson(`${base}/v1/auth/guest`)).access_token as string;
    await profileReads(base, other, { count: 200 });
    const rest: number[] = [];
    const during: number[] = [];
    for (let i = 0; i < Math.max(rounds, 1); i++) {
      rest.push(median(await profileReads(base, other, { count: 300 })));
      const userId = await seedUser(db.url, LOAD_MESSAGES);
      let busy = true;
      const erase = app
        .get(AccountErasureService)
        .erase(userId)
        .finally(() => (busy = false));
      const samples = await profileReads(base, other, { busy: () => busy }).finally(() => erase);
      await erase;
      during.push(median(samples));
    }
    const ours = median(during);
    const peer = median(rest);
    return [
      {
        id: 'B14-erase-load',
        workload: `p50 GET /v1/me of another user during the erase of ${LOAD_MESSAGES.toLocaleString('en')} messages / at rest`,
        ours: `${ours.toFixed(3)} ms`,
        peer: `${peer.toFixed(3)} ms`,
        ratio: ours / peer,
        target: '<= 2.00',
        pass: ours / peer <= 2,
      },
    ];
  } finally {
    await app.close();
    await db.drop();
  }
}
