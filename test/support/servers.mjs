// Real servers for the test tiers. The shared PostgreSQL and Redis of the machine
// are used when reachable; otherwise a private one is started from the installed
// binaries, and when those are missing the run fails naming the package to
// install. No tier is ever skipped. Plain JavaScript: jest's global setup and the
// TypeScript tests both load it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become reachable within ${timeoutMs} ms`);
}

function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'No PostgreSQL server is reachable and none is installed: install the Debian package "postgresql" (apt-get install postgresql)',
    );
  }
  return path.join(base, versions.sort().at(-1), 'bin');
}

function asPostgresUser(command, args) {
  // initdb and postgres refuse to run as root.
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
  return [command, args];
}

/** Starts a private PostgreSQL in a temporary folder; returns its URL and a stop function. */
export async function startPrivatePostgres() {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-pg-'));
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres', dir]);
  const port = await freePort();
  const [initCmd, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
    '-D',
    dir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const [cmd, args] = asPostgresUser(path.join(bin, 'postgres'), [
    '-D',
    dir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'fsync=off',
  ]);
  const boot = async () => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: false });
    await waitFor(() => canConnect('127.0.0.1', port), 30000, 'private PostgreSQL');
    // Accepting TCP is not yet accepting queries; give the startup a moment.
    await waitFor(() => pgReady(port), 30000, 'private PostgreSQL');
    return child;
  };
  const server = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    child: await boot(),
    dir,
    get pid() {
      return server.child.pid;
    },
    /** Fast shutdown (what an operator's restart does), keeping the data. */
    async halt() {
      // runuser does not pass signals on to the postmaster: ask pg_ctl, which signals it directly.
      const [stopCmd, stopArgs] = asPostgresUser(path.join(bin, 'pg_ctl'), [
        '-D',
        dir,
        '-m',
        'fast',
        '-w',
        'stop',
      ]);
      const exited = new Promise((resolve) => {
        if (server.child.exitCode !== null || server.child.signalCode !== null) resolve();
        else server.child.once('exit', () => resolve());
      });
      spawnSync(stopCmd, stopArgs, { stdio: 'ignore' });
      await exited;
    },
    /** Starts it again on the same port and data. */
    async resume() {
      server.child = await boot();
    },
    async stop() {
      await server.halt();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

async function pgReady(port) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function redisBinary() {
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    'No Redis server is reachable and none is installed: install the Debian package "redis-server" (apt-get install redis-server)',
  );
}

/** Starts a private Redis on a free port (no persistence); returns its URL and stop/kill. */
export async function startPrivateRedis(port) {
  const bin = redisBinary();
  port ??= await freePort();
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await waitFor(() => canConnect('127.0.0.1', port), 15000, 'private Redis');
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    child,
    stop: () => killAndWait(child, 'SIGTERM'),
  };
}

function killAndWait(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** The shared server when it answers, else a private one. */
export async function ensurePostgres() {
  const url = process.env.PARLEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { hostname, port } = new URL(url);
  if (await canConnect(hostname, Number(port || 5432))) return { url, stop: async () => {} };
  return startPrivatePostgres();
}

export async function ensureRedis() {
  const url = process.env.PARLEY_TEST_REDIS_BASE_URL ?? 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(url);
  if (await canConnect(hostname, Number(port || 6379))) return { url, stop: async () => {} };
  return startPrivateRedis();
}
