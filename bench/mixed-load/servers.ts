import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerHandle } from '../harness.js';
import { grantAdminWithCli } from './admin-cli.js';
import { benchPrefix, LOCAL_REDIS, withScratchDatabase } from '../scratch.js';

const DIST = path.join(process.cwd(), 'dist/src');

export interface ServersMode {
  api: ServerHandle;
  grantAdmin(email: string): Promise<void>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Parley as deployed on the servers: one API process (rate limits off) and one
 * worker process on a scratch PostgreSQL database and a Redis key prefix of
 * their own, sharing a data folder (the filesystem blob store).
 */
export async function withServersMode<T>(
  label: string,
  work: (servers: ServersMode) => Promise<T>,
): Promise<T> {
  return withScratchDatabase(async (databaseUrl) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-${label}-`));
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: LOCAL_REDIS,
      REDIS_KEY_PREFIX: benchPrefix(label),
      DATA_DIR: dataDir,
      RUN_PROCESSORS: 'false',
    };
    const api = await startServer('parley-app', env);
    const worker = fork(path.join(DIST, 'worker.js'), [], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent', MIGRATIONS_RUN: 'false' },
      stdio: 'ignore',
    });
    const grantAdmin = (email: string) => grantAdminWithCli(email, env);
    try {
      return await work({ api, grantAdmin });
    } finally {
      worker.kill('SIGTERM');
      await exited(worker);
      await api.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

/** Resident memory of a process in bytes (Linux: /proc). */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib[1]) * 1024;
}
