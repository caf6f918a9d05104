import {
  COMPLETED_TTL_SECONDS,
  OPEN_TTL_SECONDS,
  type AppendResult,
  type ChunkStore,
  type StreamEntry,
} from './chunk-store.js';
import { formatBatch, type EventBatch } from './sse-events.js';

interface Buffered {
  chunks: string[];
  /** Sequence number of the end marker once completed. */
  done?: number;
  waiters: Set<() => void>;
  expiry: NodeJS.Timeout;
}

/**
 * The embedded default's chunk buffer: one process serves every reader and
 * producer, so memory is enough. Entries expire like their Redis counterparts.
 */
export class MemoryChunkStore implements ChunkStore {
  private readonly streams = new Map<string, Buffered>();

  open(streamId: string): Promise<void> {
    if (!this.streams.has(streamId)) {
      this.streams.set(streamId, {
        chunks: [],
        waiters: new Set(),
        expiry: this.expireIn(streamId, OPEN_TTL_SECONDS),
      });
    }
    return Promise.resolve();
  }

  append(streamId: string, data: string): Promise<AppendResult> {
    const s = this.streams.get(streamId);
    if (!s) return Promise.resolve({ status: 'unknown' });
    if (s.done !== undefined) return Promise.resolve({ status: 'completed' });
    s.chunks.push(data);
    this.rearm(streamId, s, OPEN_TTL_SECONDS);
    this.notify(s);
    return Promise.resolve({ status: 'appended', seq: s.chunks.length });
  }

  complete(streamId: string): Promise<number | undefined> {
    const s = this.streams.get(streamId);
    if (!s) return Promise.resolve(undefined);
    if (s.done === undefined) {
      s.done = s.chunks.length + 1;
      this.rearm(streamId, s, COMPLETED_TTL_SECONDS);
      this.notify(s);
    }
    return Promise.resolve(s.done);
  }

  async events(streamId: string, after: number, limit: number): Promise<EventBatch> {
    return formatBatch(await this.range(streamId, after, limit), after);
  }

  range(streamId: string, after: number, limit: number): Promise<StreamEntry[]> {
    const s = this.streams.get(streamId);
    if (!s) return Promise.resolve([]);
    const entries: StreamEntry[] = s.chunks
      .slice(after, after + limit)
      .map((data, i) => ({ seq: after + i + 1, data }));
    if (s.done !== undefined && s.done > after && entries.length < limit) {
      entries.push({ seq: s.done });
    }
    return Promise.resolve(entries);
  }

  async wait(
    streamId: string,
    after: number,
    blockMs: number,
    signal: AbortSignal,
  ): Promise<StreamEntry[]> {
    const ready = await this.range(streamId, after, 1000);
    const s = this.streams.get(streamId);
    if (ready.length > 0 || !s || signal.aborted) return ready;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        s.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, blockMs);
      s.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
    return signal.aborted ? [] : this.range(streamId, after, 1000);
  }

  exists(streamId: string): Promise<boolean> {
    return Promise.resolve(this.streams.has(streamId));
  }

  remove(streamIds: string[]): Promise<number> {
    let removed = 0;
    for (const id of streamIds) {
      const s = this.streams.get(id);
      if (!s) continue;
      this.streams.delete(id);
      // Readers waiting on it wake up to an empty stream.
      for (const wake of [...s.waiters]) wake();
      removed++;
    }
    return Promise.resolve(removed);
  }

  held(streamIds: string[]): Promise<number> {
    return Promise.resolve(streamIds.filter((id) => this.streams.has(id)).length);
  }

  close(): Promise<void> {
    for (const s of this.streams.values()) {
      clearTimeout(s.expiry);
      this.notify(s);
    }
    this.streams.clear();
    return Promise.resolve();
  }

  private notify(s: Buffered): void {
    for (const wake of [...s.waiters]) wake();
  }

  private rearm(streamId: string, s: Buffered, seconds: number): void {
    clearTimeout(s.expiry);
    s.expiry = this.expireIn(streamId, seconds);
  }

  private expireIn(streamId: string, seconds: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.streams.delete(streamId), seconds * 1000);
    timer.unref();
    return timer;
  }
}
