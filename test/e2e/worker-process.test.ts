import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';
import { freePort } from '../support/servers.mjs';
import { waitForJob } from '../support/queues.js';
import { waitUntil } from '../support/wait.js';

const WORKER = new URL('../../dist/src/worker.js', import.meta.url).pathname;

function startWorker(env: Record<string, string>): { child: ChildProcess; stderr: () => string } {
  const dataDir = tempDir('parley-worker-');
  const child = spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      MIGRATIONS_RUN: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { child, stderr: () => stderr };
}

/** Resolves with how the process ended; kills it outright if it ignores `signal` too long. */
function stop(child: ChildProcess, signal: NodeJS.Signals, graceMs = 10_000) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return resolve({ code: child.exitCode, signal: child.signalCode });
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig });
    });
    child.kill(signal);
  });
}

describe('jobs enqueued by the API run in the worker process (BullMQ)', () => {
  const prefix = testRedisPrefix('worker');
  let app: NestExpressApplication;
  let worker: ReturnType<typeof startWorker> | undefined;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { REDIS_KEY_PREFIX: prefix }));
  });

  afterAll(async () => {
    if (worker) await stop(worker.child, 'SIGKILL');
    await app?.close();
  });

  it('leaves the job to the worker, which runs it and reports back, then stops cleanly', async () => {
    const queue = app.get(QueueService);
    const id = await queue.enqueue('maintenance.echo', { text: 'hello worker' });

    // The API process does not run processors when a worker can (the result's pid proves it below).
    expect(await queue.getJob('maintenance.echo', id)).toMatchObject({ status: 'waiting' });
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('parley_queue_jobs{queue="maintenance",state="waiting"} 1');
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.details.queue).toMatchObject({
      status: 'up',
      driver: 'bullmq',
      maintenance: { waiting: 1, active: 0 },
    });

    const metricsPort = await freePort();
    worker = startWorker({
      DATABASE_URL: process.env.PARLEY_TEST_DATABASE_URL!,
      REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
      REDIS_KEY_PREFIX: prefix,
      WORKER_METRICS_PORT: String(metricsPort),
      HOST: '127.0.0.1',
    });
    const job = await waitForJob(app, 'maintenance.echo', id, { timeoutMs: 20_000 }).catch(
      (err: Error) => {
        throw new Error(`${err.message}\nworker stderr:\n${worker!.stderr()}`);
      },
    );
    expect(job).toMatchObject({
      status: 'completed',
      attemptsMade: 1,
      result: { echo: 'hello worker', pid: worker.child.pid },
    });
    expect(worker.child.pid).not.toBe(process.pid);
    const after = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(after.text).toContain('parley_queue_jobs{queue="maintenance",state="waiting"} 0');
    // The job ran in the worker, so its duration is on the worker's own listener. The worker
    // starts processing before that listener is up: a busy machine can finish the job first.
    const workerMetrics = await waitUntil(
      async () => {
        if (worker!.child.exitCode !== null) throw new Error(`worker exited: ${worker!.stderr()}`);
        const res = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics');
        return res.status === 200 ? res : undefined;
      },
      { what: `the worker's metrics listener on port ${metricsPort}`, timeoutMs: 20_000 },
    );
    expect(workerMetrics.text).toMatch(
      /parley_job_duration_seconds_count\{job="maintenance.echo",outcome="completed"\} 1/,
    );

    // Nest closes the queue and connections, then ends the process with the same signal.
    expect(await stop(worker.child, 'SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    expect(worker.stderr()).toBe('');
  });
});
