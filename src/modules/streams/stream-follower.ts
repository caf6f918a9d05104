import type { ChunkStore, StreamEntry } from './chunk-store.js';

/** Where a follower writes Server-Sent Events; resolves once the text may be written again. */
export interface SseSink {
  write(text: string): Promise<void>;
}

export interface FollowOptions {
  /** A comment line after this much silence keeps proxies from closing the connection. */
  heartbeatMs: number;
  signal: AbortSignal;
  /** Asked once the backlog is sent without its end: whether the stream is over (completed or gone). */
  completedInRecord: () => Promise<boolean>;
}

const BATCH = 1000;

/**
 * `id:` is the sequence number, so a reconnecting EventSource resumes on its own.
 * A chunk's data is one JSON string (`JSON.stringify` of the chunk): an SSE parser
 * normalises CR and CRLF to LF and joins data lines with LF, so raw text could not
 * come back byte-exact, and a chunk holding `\n\ndata: x` could forge an event.
 * JSON escapes every line break, so any string is one line and decodes to itself.
 */
export function formatEntry(entry: StreamEntry): string {
  if (entry.data === undefined) {
    return `id: ${entry.seq}\nevent: done\ndata: {"status":"completed"}\n\n`;
  }
  return `id: ${entry.seq}\ndata: ${JSON.stringify(entry.data)}\n\n`;
}

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
  const send = async (entries: StreamEntry[]): Promise<boolean> => {
    if (entries.length === 0) return false;
    await sink.write(entries.map(formatEntry).join(''));
    last = entries[entries.length - 1]!.seq;
    return entries[entries.length - 1]!.data === undefined;
  };

  let next = store.range(streamId, last, BATCH);
  for (;;) {
    const batch = await next;
    // Fetch the next batch while this one is written to the socket.
    if (batch.length === BATCH) {
      next = store.range(streamId, batch[BATCH - 1]!.seq, BATCH);
      // Unawaited when this batch holds the end: its failure must not go unhandled.
      next.catch(() => undefined);
    }
    if (await send(batch)) return true;
    if (batch.length < BATCH) break;
  }
  if (await options.completedInRecord()) {
    // The record says completed only once the store holds the end marker, so
    // whatever came after the backlog read is here now, end marker included.
    if (await send(await store.range(streamId, last, BATCH))) return true;
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
    else if (await send(entries)) return true;
  }
  return false;
}
