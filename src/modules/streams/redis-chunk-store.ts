import type { Redis } from 'ioredis';
import type { RedisConnections } from '../../platform/redis/redis.factory.js';
import {
  COMPLETED_TTL_SECONDS,
  OPEN_TTL_SECONDS,
  type AppendResult,
  type ChunkStore,
  type StreamEntry,
} from './chunk-store.js';
import { RedisStreamReaders, toEntry, type RawEntry } from './redis-stream-readers.js';
import type { EventBatch } from './sse-events.js';

/*
 * Per stream: `<prefix>stream:<id>` is a Redis Stream whose entry ids are
 * `0-<seq>`, so XRANGE/XREAD positions are sequence numbers; `<id>:meta` holds
 * the last seq and, once completed, `done`. Both scripts run atomically, so
 * two producers can never interleave a sequence number with its entry.
 * A chunk is kept JSON-encoded (field `j`, as it goes on the wire), so that
 * it is encoded once by its producer rather than once per reader; entries
 * written before that carry the raw text in `d`.
 */
const APPEND = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -2 end
if redis.call('HEXISTS', KEYS[2], 'done') == 1 then return -1 end
local n = redis.call('HINCRBY', KEYS[2], 'seq', 1)
redis.call('XADD', KEYS[1], '0-' .. n, 'j', ARGV[1])
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

/*
 * A backlog batch, written out as Server-Sent Events inside Redis: the reader
 * gets one string instead of an array per entry to parse, decode and encode
 * again, which cost more than the read itself. Returns count, last seq, done
 * (1 when the batch ends with the end marker) and the text. Same events as
 * formatEntry (sse-events.ts); a legacy raw chunk is encoded with cjson, whose
 * output (it also escapes `/`) JSON.parse reads back to the same string.
 */
const EVENTS = `
local r = redis.call('XRANGE', KEYS[1], '(0-' .. ARGV[1], '+', 'COUNT', ARGV[2])
local out = {}
local last, done = ARGV[1], 0
for i, e in ipairs(r) do
  last = string.sub(e[1], 3)
  local f = e[2]
  if f[1] == 'j' then
    out[i] = 'id: ' .. last .. '\\ndata: ' .. f[2] .. '\\n\\n'
  elseif f[1] == 'd' then
    out[i] = 'id: ' .. last .. '\\ndata: ' .. cjson.encode(f[2]) .. '\\n\\n'
  else
    out[i] = 'id: ' .. last .. '\\nevent: done\\ndata: {"status":"completed"}\\n\\n'
    done = 1
  end
end
return {#r, last, done, table.concat(out)}`;

/** Clients of live readers: `CLIENT LIST` counts at most the configured number of them. */
export const READER_CONNECTION_NAME = 'streams-reader';

export class RedisChunkStore implements ChunkStore {
  private readonly client: Redis;
  private readonly readers: RedisStreamReaders;
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisConnections,
    /** Blocking connections shared by every live reader of this instance. */
    readerConnections: number,
  ) {
    // Producers and readers get a prompt 503 while Redis is away, not a hung request.
    this.client = redis.create('streams', 'command');
    this.prefix = redis.keyPrefix;
    this.readers = new RedisStreamReaders(
      readerConnections,
      {
        open: () => redis.create(READER_CONNECTION_NAME, 'reader'),
        drop: (client) => redis.close(client, { now: true }),
      },
      this.client,
    );
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
      JSON.stringify(data),
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

  async events(streamId: string, after: number, limit: number): Promise<EventBatch> {
    const [count, last, done, text] = (await this.client.eval(
      EVENTS,
      1,
      this.key(streamId),
      after,
      limit,
    )) as [number, string, number, string];
    return { text, count, last: Number(last), done: done === 1 };
  }

  async wait(
    streamId: string,
    after: number,
    blockMs: number,
    signal: AbortSignal,
  ): Promise<StreamEntry[]> {
    return this.readers.wait(this.key(streamId), after, blockMs, signal);
  }

  async exists(streamId: string): Promise<boolean> {
    return (await this.client.exists(this.metaKey(streamId))) === 1;
  }

  async remove(streamIds: string[]): Promise<number> {
    return this.each(streamIds, (pipeline, id) => pipeline.del(this.key(id), this.metaKey(id)));
  }

  async held(streamIds: string[]): Promise<number> {
    return this.each(streamIds, (pipeline, id) => pipeline.exists(this.key(id), this.metaKey(id)));
  }

  /** One command per stream (its two keys share a slot), summed. */
  private async each(
    streamIds: string[],
    command: (pipeline: ReturnType<Redis['pipeline']>, id: string) => unknown,
  ): Promise<number> {
    if (streamIds.length === 0) return 0;
    const pipeline = this.client.pipeline();
    for (const id of streamIds) command(pipeline, id);
    const results = (await pipeline.exec()) ?? [];
    return results.reduce((sum, [err, n]) => {
      if (err) throw err;
      return sum + Number(n);
    }, 0);
  }

  async close(): Promise<void> {
    this.readers.close();
    await this.redis.close(this.client);
  }

  private key(streamId: string): string {
    return `${this.prefix}stream:{${streamId}}`;
  }

  private metaKey(streamId: string): string {
    return `${this.prefix}stream:{${streamId}}:meta`;
  }
}
