import type { StreamEntry } from './chunk-store.js';

/**
 * `id:` is the sequence number, so a reconnecting EventSource resumes on its own.
 * A chunk's data is one JSON string (`JSON.stringify` of the chunk): an SSE parser
 * normalises CR and CRLF to LF and joins data lines with LF, so raw text could not
 * come back byte-exact, and a chunk holding `\n\ndata: x` could forge an event.
 * JSON escapes every line break, so any string is one line and decodes to itself.
 */
export function formatEntry(entry: StreamEntry): string {
  if (entry.data === undefined) return endEvent(entry.seq);
  return chunkEvent(entry.seq, JSON.stringify(entry.data));
}

/** A chunk whose data is already JSON-encoded. */
export function chunkEvent(seq: number, json: string): string {
  return `id: ${seq}\ndata: ${json}\n\n`;
}

export function endEvent(seq: number): string {
  return `id: ${seq}\nevent: done\ndata: {"status":"completed"}\n\n`;
}

/** Consecutive entries, already written out as Server-Sent Events. */
export interface EventBatch {
  text: string;
  /** How many entries the text holds. */
  count: number;
  /** The sequence number of the last one (the `after` given when there are none). */
  last: number;
  /** Whether the last one is the end marker. */
  done: boolean;
}

export function formatBatch(entries: StreamEntry[], after: number): EventBatch {
  const tail = entries.at(-1);
  return {
    text: entries.map(formatEntry).join(''),
    count: entries.length,
    last: tail?.seq ?? after,
    done: tail !== undefined && tail.data === undefined,
  };
}
