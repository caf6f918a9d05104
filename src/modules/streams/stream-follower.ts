import type { ChunkStore } from './chunk-store.js';
import { formatBatch, type EventBatch } from './sse-events.js';

/** Where a follower writes Server-Sent Events; resolves once the text may be written again. */
export interface SseSink {
  write(text: string): Promise<void>;
  /**
   * Sends the response's head if nothing has been written yet: called once the
   * backlog is sent, before waiting, so a backlog goes out with the head in one
   * write and a reader with nothing to catch up on still sees the stream open.
   */
  open?(): void;
}

export interface FollowOptions {
  /** A comment line after this much silence keeps proxies from closing the connection. */
  heartbeatMs: number;
  signal: AbortSignal;
  /** Asked once the backlog is sent without its end: whether the stream is over (completed or gone). */
  completedInRecord: () => Promise<boolean>;
}

/** Backlog entries per read: large enough that the round trips stop mattering. */
const BATCH = 2000;

export { formatEntry } from './sse-events.js';

/**
 * Sends a reader everything after `after`: the backlog in batches, then live
 * entries as they come, until the end marker (or the reader leaves). Returns
 * whether the stream's end was sent.
 */
export async function follow(
  store: ChunkStore,
  streamId: string,
  after: number,
  sink: SseSink,
  options: FollowOptions,
): Promise<boolean> {
  const { signal } = options;
  let last = after;
  // The backlog comes from the store already written as events (no per-chunk work here).
  const sendBatch = async (batch: EventBatch): Promise<boolean> => {
    if (batch.count === 0) return false;
    await sink.write(batch.text);
    last = batch.last;
    return batch.done;
  };
  let next = store.events(streamId, last, BATCH);
  for (;;) {
    const batch = await next;
    // Fetch the next batch while this one is written to the socket.
    if (batch.count === BATCH && !batch.done) {
      next = store.events(streamId, batch.last, BATCH);
      // Unawaited if this write fails: its failure must not go unhandled.
      next.catch(() => undefined);
    }
    if (await sendBatch(batch)) return true;
    if (batch.count < BATCH) break;
  }
  sink.open?.();
  if (await options.completedInRecord()) {
    // The record says completed only once the store holds the end marker, so
    // whatever came after the backlog read is here now, end marker included.
    if (await sendBatch(await store.events(streamId, last, BATCH))) return true;
    // Nothing is left for this reader: it resumed at or past the end (it has
    // seen the final event already), or the chunks expired after completion.
    // Either way the stream is over; waiting for live chunks would never end.
    const expired = !(await store.exists(streamId));
    await sink.write(
      `event: done\ndata: {"status":"completed"${expired ? ',"expired":true' : ''}}\n\n`,
    );
    return true;
  }
  while (!signal.aborted) {
    const entries = await store.wait(streamId, last, options.heartbeatMs, signal);
    if (signal.aborted) break;
    if (entries.length === 0) await sink.write(`: heartbeat\n\n`);
    else if (await sendBatch(formatBatch(entries, last))) return true;
  }
  return false;
}
