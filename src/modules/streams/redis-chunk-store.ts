import { Redis } from 'ioredis';
import {
  COMPLETED_TTL_SECONDS,
  OPEN_TTL_SECONDS,
  type AppendResult,
  type ChunkStore,
  type StreamEntry,
} from './chunk-store.js';

/*
 * Per stream: `<prefix>stream:<id>` is a Redis Stream whose entry ids are
 * `0-<seq>`, so XRANGE/XREAD positions are sequence numbers; `<id>:meta` holds
 * the last seq and, once completed, `done`. Both scripts run atomically, so
 * two producers can never interleave a sequence number with its entry.
 */
const APPEND = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -2 end
if redis.call('HEXISTS', KEYS[2], 'done') == 1 then return -1 end
local n = redis.call('HINCRBY', KEYS[2], 'seq', 1)
redis.call('XADD', KEYS[1], '0-' .. n, 'd', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return n`;

const COMPLETE = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -2 end
local done = redis.call('HGET', KEYS[2], 'done')
if done then return tonumber(done) end
local n = redis.call('HINCRBY', KEYS[2], 'seq', 1)
redis.call('XADD', KEYS[1], '0-' .. n, 'end', '1')
redis.call('HSET', KEYS[2], 'done', n)
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[1])
return n`;

type RawEntry = [id: string, fields: string[]];

const MAX_IDLE_READERS = 16;

export class RedisChunkStore implements ChunkStore {
  private readonly client: Redis;
  /** XREAD BLOCK holds its connection: idle blocking connections are reused. */
  private readonly idleReaders: Redis[] = [];
  private readonly busyReaders = new Set<Redis>();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    // Producers and readers get a prompt 503 while Redis is away, not a hung request.
    this.client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.client.on('error', () => undefined);
  }

  async open(streamId: string): Promise<void> {
    const meta = this.metaKey(streamId);
    await this.client.multi().hsetnx(meta, 'seq', 0).expire(meta, OPEN_TTL_SECONDS).exec();
  }

  async append(streamId: string, data: string): Promise<AppendResult> {
    const n = (await this.client.eval(
      APPEND,
      2,
      this.key(streamId),
      this.metaKey(streamId),
      data,
      OPEN_TTL_SECONDS,
    )) as number;
    if (n === -2) return { status: 'unknown' };
    if (n === -1) return { status: 'completed' };
    return { status: 'appended', seq: n };
  }

  async complete(streamId: string): Promise<number | undefined> {
    const n = (await this.client.eval(
      COMPLETE,
      2,
      this.key(streamId),
      this.metaKey(streamId),
      COMPLETED_TTL_SECONDS,
    )) as number;
    return n === -2 ? undefined : n;
  }

  async range(streamId: string, after: number, limit: number): Promise<StreamEntry[]> {
    const raw = (await this.client.xrange(
      this.key(streamId),
      `(0-${after}`,
      '+',
      'COUNT',
      limit,
    )) as RawEntry[];
    return raw.map(toEntry);
  }

  async wait(
    streamId: string,
    after: number,
    blockMs: number,
    signal: AbortSignal,
  ): Promise<StreamEntry[]> {
    if (signal.aborted) return [];
    const reader = this.idleReaders.pop() ?? this.newReader();
    this.busyReaders.add(reader);
    // Only dropping the connection interrupts a blocked XREAD.
    const abort = () => reader.disconnect();
    signal.addEventListener('abort', abort, { once: true });
    try {
      const res = (await reader.xread(
        'COUNT',
        1000,
        'BLOCK',
        blockMs,
        'STREAMS',
        this.key(streamId),
        `0-${after}`,
      )) as [string, RawEntry[]][] | null;
      return res?.[0]?.[1].map(toEntry) ?? [];
    } catch (err) {
      if (signal.aborted) return [];
      throw err;
    } finally {
      signal.removeEventListener('abort', abort);
      this.busyReaders.delete(reader);
      if (
        !signal.aborted &&
        reader.status === 'ready' &&
        this.idleReaders.length < MAX_IDLE_READERS
      ) {
        this.idleReaders.push(reader);
      } else {
        reader.disconnect();
      }
    }
  }

  async exists(streamId: string): Promise<boolean> {
    return (await this.client.exists(this.metaKey(streamId))) === 1;
  }

  async close(): Promise<void> {
    for (const reader of [...this.idleReaders, ...this.busyReaders]) reader.disconnect();
    this.idleReaders.length = 0;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private newReader(): Redis {
    // A blocked XREAD is cut off by closing its socket: no need to wait for a graceful close.
    const reader = new Redis(this.url, { maxRetriesPerRequest: 1, disconnectTimeout: 50 });
    reader.on('error', () => undefined);
    return reader;
  }

  private key(streamId: string): string {
    return `${this.prefix}stream:{${streamId}}`;
  }

  private metaKey(streamId: string): string {
    return `${this.prefix}stream:{${streamId}}:meta`;
  }
}

function toEntry([id, fields]: RawEntry): StreamEntry {
  const seq = Number(id.slice(id.indexOf('-') + 1));
  return fields[0] === 'd' ? { seq, data: fields[1] } : { seq };
}
