/**
 * A reader for Parley's resumable streams (GET /v1/streams/{id}/events) on the
 * standard fetch API (Node >= 20, browsers, workers). Chunks arrive as `message`
 * events whose `id` is their sequence number; the stream ends with a `done`
 * event. When the connection drops, the reader reconnects with `Last-Event-ID`
 * set to the last event it delivered, so every chunk arrives once, in order.
 *
 * On the wire a chunk's `data:` is one JSON string (SSE parsers turn CR and CRLF
 * into LF, so raw text could not survive); this reader decodes it, and yields
 * each chunk exactly as it was appended. A browser `EventSource` hands over the
 * JSON text: pass it to `decodeChunk`.
 */

export interface StreamEvent {
  /** The last event id seen (a chunk's sequence number); absent before the first. */
  id?: string;
  /** `message` for a chunk, `done` for the end of the stream. */
  event: string;
  /** The chunk exactly as it was appended (decoded); the JSON text of `done`. */
  data: string;
}

export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface StreamEventsOptions {
  /** Resume after this event id (a sequence number); by default from the beginning. */
  lastEventId?: string;
  /** Stops reading (the iteration then ends without an error). */
  signal?: AbortSignal;
  /** Wait before reconnecting, unless the server sent `retry:`. Default 1000 ms. */
  retryDelayMs?: number;
  /** Consecutive connections that bring no new event before giving up. Default 5. */
  maxRetries?: number;
  /** Silence after which the connection counts as dropped (heartbeats come every 15 s). Default 45000 ms. */
  idleTimeoutMs?: number;
  /** Called with each comment line, such as the server's heartbeats. */
  onComment?: (text: string) => void;
}

export interface StreamEventsTarget {
  /** Parley's origin, e.g. `https://parley.example.com` (no `/v1`). */
  baseUrl: string;
  token?: TokenSource | undefined;
  fetch?: typeof fetch | undefined;
}

/** The server refused the stream (e.g. 404 for a stream that is not the caller's). */
export class StreamEventsError extends Error {
  constructor(
    readonly status: number,
    /** The problem document (application/problem+json) or the body's text. */
    readonly problem: unknown,
    message = `stream events answered ${status}`,
  ) {
    super(message);
    this.name = 'StreamEventsError';
  }
}

/** Yields every event after `lastEventId` until the `done` event (included). */
export async function* readStreamEvents(
  target: StreamEventsTarget,
  streamId: string,
  options: StreamEventsOptions = {},
): AsyncGenerator<StreamEvent, void, undefined> {
  const fetchImpl = target.fetch ?? globalThis.fetch;
  const url = `${target.baseUrl.replace(/\/+$/, '')}/v1/streams/${encodeURIComponent(streamId)}/events`;
  const { signal } = options;
  const maxRetries = options.maxRetries ?? 5;
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  const parser = new SseParser(options.lastEventId);
  let retryDelayMs = options.retryDelayMs ?? 1000;
  let failures = 0;

  while (!signal?.aborted) {
    const connection = new AbortController();
    const abort = () => connection.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stillAlive = () => {
      clearTimeout(idle);
      idle = setTimeout(abort, idleTimeoutMs);
    };
    let failure: unknown;
    try {
      stillAlive();
      const headers: Record<string, string> = {
        Accept: 'text/event-stream',
        'Cache-Control': 'no-cache',
      };
      const token = typeof target.token === 'function' ? await target.token() : target.token;
      if (token) headers.Authorization = `Bearer ${token}`;
      if (parser.lastEventId !== undefined) headers['Last-Event-ID'] = parser.lastEventId;
      const response = await fetchImpl(url, { headers, signal: connection.signal });
      if (!response.ok) throw new StreamEventsError(response.status, await readProblem(response));
      if (!response.body) throw new StreamEventsError(response.status, null, 'no event stream');
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      parser.reset();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          stillAlive();
          for (const item of parser.feed(decoder.decode(value, { stream: true }))) {
            if (typeof item === 'string') {
              options.onComment?.(item);
              continue;
            }
            failures = 0;
            yield item.event === 'message' ? { ...item, data: decodeChunk(item.data) } : item;
            if (item.event === 'done') return;
          }
          if (parser.retryMs !== undefined) retryDelayMs = parser.retryMs;
        }
      } finally {
        void reader.cancel().catch(() => undefined);
      }
      // The server ended the response before `done` (a restart, a proxy's limit): resume.
    } catch (err) {
      if (signal?.aborted) return;
      // A refusal is final; an overloaded or restarting server is worth another try.
      if (err instanceof StreamEventsError && !RETRYABLE.has(err.status)) throw err;
      failure = err;
    } finally {
      clearTimeout(idle);
      signal?.removeEventListener('abort', abort);
      connection.abort();
    }
    if (++failures > maxRetries) {
      throw failure ?? new Error(`stream ${streamId}: ${failures} connections brought no event`);
    }
    await sleep(retryDelayMs, signal);
  }
}

/**
 * A chunk event's data as it was appended: the wire carries it as one JSON
 * string (`"line one\\r\\nline two"`). For `EventSource` users:
 * `source.onmessage = (e) => use(decodeChunk(e.data))`.
 */
export function decodeChunk(data: string): string {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'string') {
    throw new StreamEventsError(200, data, 'a chunk event whose data is not a JSON string');
  }
  return value;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

async function readProblem(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The event-stream grammar of the HTML standard: `field: value` lines, a blank
 * line ends an event, `:` starts a comment, lines end with LF, CR or CRLF. An
 * event's id becomes the resume point only once the event is complete.
 */
export class SseParser {
  lastEventId: string | undefined;
  retryMs: number | undefined;
  private buffer = '';
  private data: string[] = [];
  private type = '';
  private pendingId: string | undefined;
  private afterCR = false;

  constructor(lastEventId?: string) {
    this.lastEventId = lastEventId;
  }

  /** Forgets a half-received event (after a reconnect); the resume point stays. */
  reset(): void {
    this.buffer = '';
    this.data = [];
    this.type = '';
    this.pendingId = undefined;
    this.afterCR = false;
  }

  /** Events completed by this text, and comment lines (as strings), in order. */
  feed(text: string): Array<StreamEvent | string> {
    // A CR that ended the previous text and an LF that starts this one are one line end.
    if (this.afterCR && text.startsWith('\n')) text = text.slice(1);
    if (text === '') return [];
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    this.afterCR = text.endsWith('\r');
    const out: Array<StreamEvent | string> = [];
    for (const line of lines) this.line(line, out);
    return out;
  }

  private line(line: string, out: Array<StreamEvent | string>): void {
    if (line === '') return this.dispatch(out);
    if (line.startsWith(':')) {
      out.push(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.type = value;
    else if (field === 'id' && !value.includes('\0')) this.pendingId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch(out: Array<StreamEvent | string>): void {
    if (this.pendingId !== undefined) this.lastEventId = this.pendingId;
    this.pendingId = undefined;
    const type = this.type || 'message';
    const data = this.data;
    this.type = '';
    this.data = [];
    if (data.length === 0) return;
    const event: StreamEvent = { event: type, data: data.join('\n') };
    if (this.lastEventId !== undefined) event.id = this.lastEventId;
    out.push(event);
  }
}
