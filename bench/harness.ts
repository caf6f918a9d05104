import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerHandle {
  url: string;
  /** The server's process id (for its resident memory). */
  pid: number;
  stop(): Promise<void>;
}

/** Runs a server script from dist/bench/servers in its own process, off the load generator's loop. */
export function startServer(
  script: string,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  const file = fileURLToPath(new URL(`./servers/${script}.js`, import.meta.url));
  const child = fork(file, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    // A server that never starts is stopped, or its IPC channel would keep the runner alive.
    const timer = setTimeout(() => {
      void stop(child).then(() => reject(new Error(`${script} did not start`)));
    }, 180_000);
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type !== 'listening') return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${m.port}`, pid: child.pid!, stop: () => stop(child) });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface LoadOptions {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  durationSeconds?: number;
}

export async function requestsPerSecond(base: string, options: LoadOptions): Promise<number> {
  const result = await autocannon({
    url: `${base}${options.path}`,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: options.connections ?? 50,
    duration: options.durationSeconds ?? Number(process.env.BENCH_SECONDS ?? 5),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${options.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

/** One comparison: the medians, and the spread of ours / peer over its rounds. */
export interface Comparison {
  ours: number;
  peer: number;
  /** Lowest and highest per-round ratio (ours / peer of the same round). */
  min: number;
  max: number;
  rounds: number;
}

const comparisons: Comparison[] = [];

/**
 * Alternates ours and the peer for a few rounds and keeps the median of each, so
 * a noisy neighbour on a shared machine moves both sides alike.
 */
export async function compare(
  rounds: number,
  ours: () => Promise<number>,
  peer: () => Promise<number>,
): Promise<Comparison> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      a.push(await ours());
      b.push(await peer());
    } else {
      b.push(await peer());
      a.push(await ours());
    }
  }
  // A round where both sides measured 0 (a latency under the tool's resolution) has no ratio.
  const ratios = a.map((x, i) => x / b[i]!).filter(Number.isFinite);
  const result = {
    ours: median(a),
    peer: median(b),
    min: ratios.length ? Math.min(...ratios) : NaN,
    max: ratios.length ? Math.max(...ratios) : NaN,
    rounds,
  };
  comparisons.push(result);
  return result;
}

/**
 * The comparisons made since the last call: the runner matches them to the rows
 * whose ratio is their ours / peer, so a bench need not copy the spread itself.
 */
export function takeComparisons(): Comparison[] {
  return comparisons.splice(0);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
