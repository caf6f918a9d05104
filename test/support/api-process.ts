import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './servers.mjs';
import { waitUntil } from './wait.js';

const MAIN = new URL('../../dist/src/main.js', import.meta.url).pathname;

export interface ApiProcess {
  child: ChildProcess;
  base: string;
}

/**
 * A real `dist/src/main.js` on the run's PostgreSQL and Redis, resolved once it
 * answers `/health/live`. Rate limits are lifted (suites sign in from one address).
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'false',
      DATABASE_URL: process.env.PARLEY_TEST_DATABASE_URL!,
      REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
      const res = await fetch(`${base}/health/live`);
      return res.status === 200;
    },
    { what: 'the API process listening', timeoutMs: 120_000, intervalMs: 200 },
  );
  return { child, base };
}
