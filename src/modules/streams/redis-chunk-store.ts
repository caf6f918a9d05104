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
 * the last seq and, once completed, `done`; `<id>:text` is every event so far
 * as Server-Sent Events, one string, and each entry's `o` is where its event
 * starts in it. The scripts run atomically, so two producers can never
 * interleave a sequence number with its entry or its text.
 * A chunk is kept JSON-encoded (field `j`, as it goes on the wire), so that
 * it is encoded once by its producer rather than once per reader; entries
 * written before that carry the raw text in `d`, and entries written before
 * the text log have no `o`.
 */
const APPEND = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -2 end
if redis.call('HEXISTS', KEYS[2], 'done') == 1 then return -1 end
local n = redis.call('HINCRBY', KEYS[2], 'seq', 1)
local event = 'id: ' .. n .. '\\ndata: ' .. ARGV[1] .. '\\n\\n'
local at = redis.call('APPEND', KEYS[3], event) - #event
redis.call('XADD', KEYS[1], '0-' .. n, 'j', ARGV[1], 'o', at)
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[3], ARGV[2])
return n`;

const COMPLETE = `
if redis.call('EXISTS', KEYS[2]) == 0 then return -2 end
local done = redis.call('HGET', KEYS[2], 'done')
if done then return tonumber(done) end
local n = redis.call('HINCRBY', KEYS[2], 'seq', 1)
local event = 'id: ' .. n .. '\\nevent: done\\ndata: {"status":"completed"}\\n\\n'
local at = redis.call('APPEND', KEYS[3], event) - #event
redis.call('XADD', KEYS[1], '0-' .. n, 'end', '1', 'o', at)
redis.call('HSET', KEYS[2], 'done', n)
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[3], ARGV[1])
return n`;

/*
 * A backlog batch as Server-Sent Events: count, last seq, done (1 when the
 * batch ends with the end marker) and the text. Sequence numbers have no gaps,
 * so the batch is the slice of the text log from the start of entry after+1 to
 * the start of entry last+1 (or the end): two one-entry reads and a GETRANGE,
 * whatever the batch holds. A stream older than the text log is written out
 * entry by entry here, the same events as formatEntry (sse-events.ts); a
 * legacy raw chunk is encoded with cjson, whose output (it also escapes `/`)
 * JSON.parse reads back to the same string.
 */
const EVENTS = `
local after = tonumber(ARGV[1])
local seq = tonumber(redis.call('HGET', KEYS[2], 'seq'))
if seq and seq > after then
  local first = redis.call('XRANGE', KEYS[1], '0-' .. (after + 1), '0-' .. (after + 1))[1]
  if first and first[2][3] == 'o' then
    local last = math.min(seq, after + tonumber(ARGV[2]))
    local stop = -1
    if last < seq then
      stop = tonumber(redis.call('XRANGE', KEYS[1], '0-' .. (last + 1), '0-' .. (last + 1))[1][2][4]) - 1
    end
    local done = tonumber(redis.call('HGET', KEYS[2], 'done')) == last and 1 or 0
    return {last - after, last, done, redis.call('GETRANGE', KEYS[3], first[2][4], stop)}
  end
end
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
      3,
      this.key(streamId),
      this.metaKey(streamId),
      this.textKey(streamId),
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
      3,
      this.key(streamId),
      this.metaKey(streamId),
      this.textKey(streamId),
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
      3,
      this.key(streamId),
      this.metaKey(streamId),
      this.textKey(streamId),
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
    return this.each(streamIds, (pipeline, id) => pipeline.del(...this.keys(id)));
  }

  async held(streamIds: string[]): Promise<number> {
    return this.each(streamIds, (pipeline, id) => pipeline.exists(...this.keys(id)));
  }

  /** One command per stream (its keys share a slot), summed. */
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

  private textKey(streamId: string): string {
    return `${this.prefix}stream:{${streamId}}:text`;
  }

  private keys(streamId: string): string[] {
    return [this.key(streamId), this.metaKey(streamId), this.textKey(streamId)];
  }
}
