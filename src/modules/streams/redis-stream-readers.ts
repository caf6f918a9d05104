import type { Redis } from 'ioredis';
import type { StreamEntry } from './chunk-store.js';

export type RawEntry = [id: string, fields: string[]];

/** Entries one XREAD hands a stream at most (per stream, so no stream crowds out the others). */
const BATCH = 1000;
/**
 * How long one XREAD blocks. A reader that joins a lane interrupts it (CLIENT
 * UNBLOCK), so this only bounds the wait when that interruption came too early.
 */
const LANE_BLOCK_MS = 2000;
const UNBLOCK_TRIES = 5;

/** Where the lanes get their blocking connections, and drop them. */
export interface ReaderClients {
  open(): Redis;
  /** At once: a blocked XREAD holds the connection, so a polite QUIT would wait behind it. */
  drop(client: Redis): Promise<void>;
}

interface Waiter {
  key: string;
  after: number;
  done(result: StreamEntry[] | Error): void;
}

export function toEntry([id, fields]: RawEntry): StreamEntry {
  const seq = Number(id.slice(id.indexOf('-') + 1));
  // `j`: the chunk JSON-encoded; `d`: raw text, as entries were written before.
  if (fields[0] === 'j') return { seq, data: JSON.parse(fields[1]!) as string };
  return fields[0] === 'd' ? { seq, data: fields[1] } : { seq };
}

/**
 * Live reads of Redis Streams for any number of readers over a fixed number of
 * blocking connections. Each stream belongs to one lane; a lane's connection
 * waits in one XREAD on every stream its readers follow, from the earliest
 * position any of them needs, and hands each reader what lies after its own
 * position. Readers beyond the connection count share lanes rather than wait
 * for a free connection, so every reader keeps getting its chunks.
 */
export class RedisStreamReaders {
  private readonly lanes: ReaderLane[];
  private closed = false;

  constructor(
    connections: number,
    clients: ReaderClients,
    /** A connection that is never blocked, to interrupt the lanes' XREADs. */
    control: Redis,
  ) {
    this.lanes = Array.from({ length: connections }, () => new ReaderLane(clients, control));
  }

  /** Entries of `key` after `after`, waiting up to `blockMs`; [] on timeout or abort. */
  wait(key: string, after: number, blockMs: number, signal: AbortSignal): Promise<StreamEntry[]> {
    if (signal.aborted || this.closed) return Promise.resolve([]);
    const lane = this.lanes[laneOf(key, this.lanes.length)]!;
    return new Promise<StreamEntry[]>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        after,
        done: (result) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', leave);
          lane.remove(waiter);
          if (result instanceof Error) reject(result);
          else resolve(result);
        },
      };
      const leave = () => waiter.done([]);
      const timer = setTimeout(leave, blockMs);
      signal.addEventListener('abort', leave, { once: true });
      lane.add(waiter);
    });
  }

  /** Ends every wait with nothing and drops the connections. */
  close(): void {
    this.closed = true;
    for (const lane of this.lanes) lane.close();
  }
}

class ReaderLane {
  private readonly waiters = new Set<Waiter>();
  private client?: Redis;
  private clientId?: number;
  /** The positions the XREAD in flight asked for, by key; undefined while none is. */
  private reading?: Map<string, number>;
  private running = false;
  private closed = false;

  constructor(
    private readonly clients: ReaderClients,
    private readonly control: Redis,
  ) {}

  add(waiter: Waiter): void {
    this.waiters.add(waiter);
    if (!this.running) {
      void this.run();
      return;
    }
    const asked = this.reading?.get(waiter.key);
    // The XREAD in flight does not cover this reader: ask again, with its stream.
    if (this.reading && (asked === undefined || asked > waiter.after)) void this.interrupt();
  }

  remove(waiter: Waiter): void {
    this.waiters.delete(waiter);
  }

  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.done([]);
    if (this.client) void this.clients.drop(this.client);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiters.size > 0 && !this.closed) await this.round();
    } finally {
      this.running = false;
    }
  }

  private async round(): Promise<void> {
    let result: [string, RawEntry[]][] | null;
    try {
      const client = this.connection();
      this.clientId ??= Number(await client.client('ID'));
      // Positions are taken right before the XREAD is sent: a reader joining later interrupts it.
      const positions = this.positions();
      if (positions.size === 0) return;
      this.reading = positions;
      result = (await client.xread(
        'COUNT',
        BATCH,
        'BLOCK',
        LANE_BLOCK_MS,
        'STREAMS',
        ...positions.keys(),
        ...[...positions.values()].map((after) => `0-${after}`),
      )) as [string, RawEntry[]][] | null;
    } catch (err) {
      if (this.closed) return;
      // Redis is away: the readers learn it (and reconnect, maybe elsewhere) instead of hanging.
      for (const w of [...this.waiters]) w.done(err as Error);
      return;
    } finally {
      this.reading = undefined;
    }
    for (const [key, raw] of result ?? []) {
      const entries = raw.map(toEntry);
      for (const w of [...this.waiters]) {
        if (w.key !== key) continue;
        const fresh = entries.filter((e) => e.seq > w.after);
        if (fresh.length > 0) w.done(fresh);
      }
    }
  }

  /** Per stream, the earliest position any of its readers needs. */
  private positions(): Map<string, number> {
    const positions = new Map<string, number>();
    for (const w of this.waiters) {
      positions.set(w.key, Math.min(positions.get(w.key) ?? Infinity, w.after));
    }
    return positions;
  }

  private connection(): Redis {
    if (!this.client) {
      const client = this.clients.open();
      // A new connection (after a reconnect too) has a new id.
      client.on('close', () => (this.clientId = undefined));
      this.client = client;
    }
    return this.client;
  }

  /**
   * Ends the blocked XREAD early. The UNBLOCK may reach Redis before the XREAD
   * does (they travel on different connections): then try again shortly.
   */
  private async interrupt(): Promise<void> {
    const reading = this.reading;
    for (let i = 1; i <= UNBLOCK_TRIES && this.reading === reading && !this.closed; i++) {
      const id = this.clientId;
      if (id === undefined) return;
      const unblocked = await this.control.client('UNBLOCK', id).catch(() => 0);
      if (unblocked === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 5 * i));
    }
  }
}

/** The lane of a stream: all readers of one stream share one position set. */
function laneOf(key: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
