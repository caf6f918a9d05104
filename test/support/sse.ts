import http from 'node:http';

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** A Server-Sent Events reader over plain HTTP, as a browser's EventSource parses them. */
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
      let buffer = '';
      let ended: () => void;
      const endedPromise = new Promise<void>((r) => (ended = r));
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event: SseEvent = { event: 'message', data: '' };
          const data: string[] = [];
          let any = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
            else continue;
            if (!line.startsWith(':')) any = true;
          }
          if (any) {
            event.data = data.join('\n');
            events.push(event);
          }
          for (const l of listeners) l();
        }
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
