// Hosts the embedded PostgreSQL (PGlite + pgvector) in its own process and serves
// it over the PostgreSQL wire protocol on 127.0.0.1, so the API reaches it through
// the ordinary `pg` driver and PGlite's WebAssembly never runs on the API's event loop.
// Plain JavaScript on purpose: it is forked as-is, from source in tests and from dist.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const dataDir = process.env.PGLITE_DATA_DIR;
const maxConnections = Number(process.env.PGLITE_MAX_CONNECTIONS ?? '20');

function send(message) {
  if (process.connected) process.send(message);
}

function lockFile(dir) {
  const file = path.join(dir, 'parley.lock');
  fs.mkdirSync(dir, { recursive: true });
  if (tryCreate(file)) return file;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  if (pid && pid !== process.pid && isAlive(pid)) {
    throw new Error(
      `DATA_DIR is in use by another Parley process (pid ${pid}); an embedded database has one owner`,
    );
  }
  // A lock left by a process that died: take it over.
  fs.writeFileSync(file, String(process.pid));
  return file;
}

function tryCreate(file) {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw new Error(`cannot create ${file}`, { cause: err });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Every connection shares PGlite's one backend, and the socket server queues
 * protocol messages one at a time. An extended query is several messages
 * (Parse, Bind, Describe, Execute, then Sync) forming one implicit transaction;
 * when two connections' messages interleave, one runs inside the other's
 * implicit transaction and reads a stale snapshot, or binds the other's
 * statement. Holding a connection's messages until its Sync (or Flush) and
 * queueing them as one unit keeps each extended query whole.
 */
const PARTS_OF_EXTENDED_QUERY = new Set(['P', 'B', 'D', 'E', 'C'].map((c) => c.charCodeAt(0)));

function keepExtendedQueriesWhole(queue) {
  const held = new Map();
  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (handlerId, message, onData) => {
    if (PARTS_OF_EXTENDED_QUERY.has(message[0])) {
      const parts = held.get(handlerId) ?? [];
      parts.push(message);
      held.set(handlerId, parts);
      return Promise.resolve(0);
    }
    const parts = held.get(handlerId);
    if (parts) {
      held.delete(handlerId);
      message = Buffer.concat([...parts, message]);
    }
    return enqueue(handlerId, message, onData);
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    held.delete(handlerId);
    return clear(handlerId);
  };
}

let db;
let server;
let lock;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  // A client that never hangs up must not keep an orphaned host alive.
  setTimeout(() => {
    if (lock) fs.rmSync(lock, { force: true });
    process.exit(code);
  }, 5000).unref();
  try {
    await server?.stop();
    await db?.close();
  } finally {
    if (lock) fs.rmSync(lock, { force: true });
    process.exit(code);
  }
}

async function main() {
  if (!dataDir) throw new Error('PGLITE_DATA_DIR is not set');
  const pgDir = path.join(dataDir, 'pg');
  lock = lockFile(dataDir);
  db = await PGlite.create({ dataDir: pgDir, extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  keepExtendedQueriesWhole(server.queryQueue);
  await server.start();
  const [, port] = server.getServerConn().split(':');
  send({ type: 'ready', port: Number(port) });
}

process.on('message', (message) => {
  if (message && message.type === 'stop') void stop(0);
});
// The parent went away (even by SIGKILL): close the database cleanly and leave.
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// Belt and braces for the IPC channel. The parent names itself: if it died before
// this module loaded, process.ppid is already the reaper's and the channel closed
// before anyone listened.
const parentPid = Number(process.env.PGLITE_PARENT_PID) || process.ppid;
const orphaned = () => !process.connected || process.ppid !== parentPid || !isAlive(parentPid);
if (orphaned()) void stop(0);
setInterval(() => {
  if (orphaned()) void stop(0);
}, 1000).unref();
process.on('SIGINT', () => void stop(0));

main().catch((err) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  void stop(1);
});
