import autocannon from 'autocannon';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bullPrefix } from '../src/platform/queue/drivers/bullmq.driver.js';
import { compare, startServer } from './harness.js';
import { benchPrefix, LOCAL_REDIS, userWithConversation, withScratchDatabase } from './scratch.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const JOBS = Number(process.env.BENCH_JOBS ?? 3000);
const CONNECTIONS = 50;

async function p50(options: autocannon.Options): Promise<number> {
  const result = await autocannon({
    connections: CONNECTIONS,
    duration: SECONDS,
    ...options,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.latency.p50;
}

/**
 * B7, hot path: POST /v1/memory/summaries (auth, cached ownership, enqueue on
 * Redis) against GET /health/live, p50 under the same load, on the servers
 * (PostgreSQL and Redis), with a worker process draining the queue alongside.
 */
async function hotPath(rounds: number, databaseUrl: string) {
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: LOCAL_REDIS,
    REDIS_KEY_PREFIX: benchPrefix('b7'),
    RUN_PROCESSORS: 'false',
  };
  const server = await startServer('parley-app', env);
  const worker = fork(fileURLToPath(new URL('../src/worker.js', import.meta.url)), [], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false' },
    stdio: 'ignore',
  });
  try {
    const { token, conversationId } = await userWithConversation(server.url);
    const r = await compare(
      rounds,
      () =>
        p50({
          url: `${server.url}/v1/memory/summaries`,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ conversation_id: conversationId, summary: 'A short summary.' }),
        }),
      () => p50({ url: `${server.url}/health/live` }),
    );
    return {
      id: 'B7',
      workload: `POST /v1/memory/summaries p50 / GET /health/live p50 (${CONNECTIONS} connections)`,
      ours: `${r.ours} ms`,
      peer: `${r.peer} ms`,
      ratio: r.ours / r.peer,
      target: '<= 2.0',
      pass: r.ours / r.peer <= 2.0,
    };
  } finally {
    worker.kill('SIGTERM');
    await server.stop();
  }
}

/** Seconds for `worker` to run JOBS jobs added in one batch, once it is idle and ready. */
async function drainTime(queue: Queue, name: string): Promise<number> {
  const started = performance.now();
  await queue.addBulk(
    Array.from({ length: JOBS }, (_, i) => ({
      name,
      data: { text: `job ${i}` },
      opts: { removeOnComplete: { age: 3600, count: 100_000 }, removeOnFail: false },
    })),
  );
  for (;;) {
    const c = await queue.getJobCounts('wait', 'active', 'completed');
    if (c.completed! >= JOBS) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return (performance.now() - started) / 1000;
}

/**
 * B7, worker: jobs/s of a Parley worker (its whole job path: driver, registry,
 * metrics; the handler is `maintenance.echo`, a no-op) against a bare BullMQ
 * Worker with the same concurrency and a no-op processor.
 */
async function workerRate(rounds: number, databaseUrl: string) {
  const { AppModule } = await import('../src/app.module.js');
  const { loadConfig } = await import('../src/platform/config/config.js');
  const { NestFactory } = await import('@nestjs/core');
  const connection = new Redis(LOCAL_REDIS, { maxRetriesPerRequest: null });
  const oursRound = async () => {
    const prefix = benchPrefix('b7w');
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: LOCAL_REDIS,
      REDIS_KEY_PREFIX: prefix,
      MIGRATIONS_RUN: 'false',
      LOG_LEVEL: 'silent',
      DATA_DIR: process.env.DATA_DIR ?? '/tmp/parley-bench',
    });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), {
      logger: false,
    });
    await app.init();
    const queue = new Queue('maintenance', { connection, prefix: bullPrefix(prefix) });
    try {
      return JOBS / (await drainTime(queue, 'maintenance.echo'));
    } finally {
      await app.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  };
  const bareRound = async () => {
    const prefix = bullPrefix(benchPrefix('b7b'));
    // BullMQ leaves a connection it was handed open on close: it is closed here.
    const own = new Redis(LOCAL_REDIS, { maxRetriesPerRequest: null });
    const worker = new Worker('bare', async () => undefined, {
      connection: own,
      prefix,
      concurrency: 4,
    });
    await worker.waitUntilReady();
    const queue = new Queue('bare', { connection, prefix });
    try {
      return JOBS / (await drainTime(queue, 'bare'));
    } finally {
      await worker.close();
      own.disconnect();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  };
  try {
    const r = await compare(rounds, oursRound, bareRound);
    return {
      id: 'B7',
      workload: `worker jobs/s, no-op handler / bare BullMQ Worker (${JOBS} jobs, concurrency 4)`,
      ours: `${r.ours.toFixed(0)} jobs/s`,
      peer: `${r.peer.toFixed(0)} jobs/s`,
      ratio: r.ours / r.peer,
      target: '>= 0.95',
      pass: r.ours / r.peer >= 0.95,
    };
  } finally {
    connection.disconnect();
  }
}

export function b7(rounds: number) {
  return withScratchDatabase(async (url) => [
    await hotPath(rounds, url),
    await workerRate(rounds, url),
  ]);
}
