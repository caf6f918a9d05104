import type { EventBatch } from './sse-events.js';

/** One entry of a stream: a chunk of data, or the end marker. */
export interface StreamEntry {
  seq: number;
  /** undefined for the end marker. */
  data?: string;
}

export type AppendResult =
  | { status: 'appended'; seq: number }
  | { status: 'completed' }
  /** The store holds nothing for this stream: expired, or never opened here. */
  | { status: 'unknown' };

/**
 * Ordered chunks of streams, shared by every instance that serves them: Redis
 * Streams in production, process memory in the embedded default. Sequence
 * numbers start at 1 and have no gaps; the end marker takes the next one.
 */
export interface ChunkStore {
  open(streamId: string): Promise<void>;
  append(streamId: string, data: string): Promise<AppendResult>;
  /** Idempotent; returns the end marker's sequence number, or undefined if unknown. */
  complete(streamId: string): Promise<number | undefined>;
  /** Entries after `after`, at most `limit`, without waiting. */
  range(streamId: string, after: number, limit: number): Promise<StreamEntry[]>;
  /** The same entries as `range`, written out as Server-Sent Events. */
  events(streamId: string, after: number, limit: number): Promise<EventBatch>;
  /**
   * Entries after `after`, waiting up to `blockMs` for the first one; an empty
   * list when none came (or `signal` aborted the wait).
   */
  wait(
    streamId: string,
    after: number,
    blockMs: number,
    signal: AbortSignal,
  ): Promise<StreamEntry[]>;
  /** Whether the store still holds the stream (chunks expire after completion). */
  exists(streamId: string): Promise<boolean>;
  /** Erasure: forgets these streams' chunks at once; how many keys (or entries) went. */
  remove(streamIds: string[]): Promise<number>;
  /** Of these streams, how many keys (or entries) the store still holds. */
  held(streamIds: string[]): Promise<number>;
  close(): Promise<void>;
}

export const CHUNK_STORE = Symbol('CHUNK_STORE');

/** How long chunks stay readable after completion. */
export const COMPLETED_TTL_SECONDS = 3600;
/** An open stream nobody writes to is forgotten after this. */
export const OPEN_TTL_SECONDS = 24 * 3600;
