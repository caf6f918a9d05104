import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { tempDir } from './app.js';

const WORKER = new URL('../../dist/src/worker.js', import.meta.url).pathname;

export interface WorkerProcess {
  child: ChildProcess;
  stderr: () => string;
}

/** A real `dist/src/worker.js` on the run's PostgreSQL and the given Redis. */
export function startWorker(env: Record<string, string>): WorkerProcess {
  const dataDir = tempDir('parley-worker-');
  const child = spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      MIGRATIONS_RUN: 'false',
      DATABASE_URL: process.env.PARLEY_TEST_DATABASE_URL!,
      REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
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
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals, graceMs = 15_000) {
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
