import http from 'node:http';
import { decodeChunk, SseParser } from '../../clients/typescript/sse.js';

/** Chunks an SSE parser would change if they went raw: CR, CRLF, blank lines, field lookalikes. */
export const TRICKY_CHUNKS = [
  'plain',
  '\r',
  '\r\n',
  '\n\n',
  '',
  'line\rcr\r\ncrlf\nlf',
  '\u{1F600} \u00e9\u4e2d \u2028\u2029',
  'data: x',
  'id: 99\nevent: done\n\n',
  ': not a comment',
  ' leading space',
  '"quoted" \\ \t tab',
];

export interface SseEvent {
  id?: string;
  event: string;
  /** A chunk exactly as appended; the JSON text of a `done` event. */
  data: string;
}

/**
 * A Server-Sent Events reader over plain HTTP, as a browser's EventSource parses
 * them; chunk events come decoded (their wire data is one JSON string).
 */
export interface SseClient {
  status: number;
  events: SseEvent[];
  comments: string[];
  /** Resolves once `count` events have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${path}`, {
      agent: false,
      headers: { Accept: 'text/event-stream', ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const events: SseEvent[] = [];
      const comments: string[] = [];
      const listeners = new Set<() => void>();
      // The SDK's parser follows the HTML standard's grammar (CR, LF and CRLF line ends).
      const parser = new SseParser();
      let ended: () => void;
      const endedPromise = new Promise<void>((r) => (ended = r));
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        for (const item of parser.feed(text)) {
          if (typeof item === 'string') comments.push(item.trim());
          else
            events.push(
              item.event === 'message' ? { ...item, data: decodeChunk(item.data) } : item,
            );
        }
        for (const l of listeners) l();
      });
      res.on('end', () => ended());
      res.on('close', () => ended());
      const client: SseClient = {
        status: res.statusCode ?? 0,
        events,
        comments,
        ended: endedPromise,
        close: () => req.destroy(),
        waitFor: (count, timeoutMs = 5000) =>
          new Promise((ok, fail) => {
            const check = () => {
              if (events.length >= count) {
                clearTimeout(timer);
                listeners.delete(check);
                ok(events.slice());
              }
            };
            const timer = setTimeout(() => {
              listeners.delete(check);
              fail(
                new Error(`only ${events.length} of ${count} events: ${JSON.stringify(events)}`),
              );
            }, timeoutMs);
            listeners.add(check);
            check();
          }),
      };
      resolve(client);
    });
  });
}
