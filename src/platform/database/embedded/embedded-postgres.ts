import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmbeddedPostgres {
  host: string;
  port: number;
  stop(): Promise<void>;
}

const HOST_SCRIPT = fileURLToPath(new URL('./pglite-host.mjs', import.meta.url));
const START_TIMEOUT_MS = 180_000;

/**
 * Starts PGlite (with pgvector) in a child process that serves the PostgreSQL
 * wire protocol on a free loopback port. Data lives under `dataDir/pg`.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  maxConnections: number,
): Promise<EmbeddedPostgres> {
  const child = fork(HOST_SCRIPT, [], {
    env: {
      ...process.env,
      PGLITE_DATA_DIR: dataDir,
      PGLITE_MAX_CONNECTIONS: String(maxConnections),
      PGLITE_PARENT_PID: String(process.pid),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // The host must not inherit jest's or the parent's loader flags.
    execArgv: [],
  });
  const port = await waitForReady(child);
  let stopped: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    stop: () => (stopped ??= stopChild(child)),
  };
}

function waitForReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onMessage = (message: { type?: string; port?: number; message?: string }) => {
      if (message?.type === 'ready' && message.port) {
        cleanup();
        resolve(message.port);
      } else if (message?.type === 'error') {
        cleanup();
        reject(new Error(`embedded PostgreSQL failed to start: ${message.message}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`embedded PostgreSQL exited during start-up (code ${code})`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
  });
}
