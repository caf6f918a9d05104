import fc from 'fast-check';
import { SseParser } from '../../../clients/typescript/sse.js';
import { MemoryChunkStore } from './memory-chunk-store.js';
import { follow, formatEntry, type SseSink } from './stream-follower.js';

function sink(): SseSink & { text: () => string } {
  const parts: string[] = [];
  return {
    write: (text) => {
      parts.push(text);
      return Promise.resolve();
    },
    text: () => parts.join(''),
  };
}

const options = (signal: AbortSignal, completed = false) => ({
  heartbeatMs: 20,
  signal,
  completedInRecord: () => Promise.resolve(completed),
});

describe('follow', () => {
  let store: MemoryChunkStore;

  beforeEach(() => {
    store = new MemoryChunkStore();
  });

  afterEach(async () => {
    await store.close();
  });

  it('sends the backlog after a point, then live chunks, then the end, and stops', async () => {
    await store.open('s');
    for (const d of ['a', 'b', 'c']) await store.append('s', d);
    const out = sink();
    const done = follow(store, 's', 1, out, options(new AbortController().signal));
    await new Promise((r) => setTimeout(r, 5));
    await store.append('s', 'd');
    await store.complete('s');
    expect(await done).toBe(true);
    expect(out.text()).toBe(
      'id: 2\ndata: "b"\n\nid: 3\ndata: "c"\n\nid: 4\ndata: "d"\n\n' +
        'id: 5\nevent: done\ndata: {"status":"completed"}\n\n',
    );
  });

  it('keeps a quiet connection open with heartbeats until the reader leaves', async () => {
    await store.open('s');
    const out = sink();
    const left = new AbortController();
    const done = follow(store, 's', 0, out, options(left.signal));
    await new Promise((r) => setTimeout(r, 70));
    left.abort();
    expect(await done).toBe(false);
    expect(out.text().match(/: heartbeat\n\n/g)?.length).toBeGreaterThanOrEqual(2);
    expect(out.text()).not.toContain('data:');
  });

  it('ends at once for a completed stream whose chunks have expired', async () => {
    const out = sink();
    expect(await follow(store, 'gone', 0, out, options(new AbortController().signal, true))).toBe(
      true,
    );
    expect(out.text()).toBe('event: done\ndata: {"status":"completed","expired":true}\n\n');
  });

  it('resumes after the end marker with only the end marker', async () => {
    await store.open('s');
    await store.append('s', 'a');
    const end = await store.complete('s');
    expect(await store.complete('s')).toBe(end);
    expect(await store.append('s', 'late')).toEqual({ status: 'completed' });
    const out = sink();
    await follow(store, 's', 1, out, options(new AbortController().signal));
    expect(out.text()).toBe(formatEntry({ seq: 2 }));
  });

  it('ends at once for a reader resuming at or past the end of a completed stream', async () => {
    await store.open('s');
    await store.append('s', 'a');
    await store.complete('s');
    for (const after of [2, 72]) {
      const out = sink();
      const left = new AbortController();
      // Without the record check the reader waits for live chunks: its first heartbeat ends it.
      const write = out.write;
      out.write = (text) => {
        if (text.startsWith(':')) left.abort();
        return write(text);
      };
      expect(await follow(store, 's', after, out, options(left.signal, true))).toBe(true);
      expect(out.text()).toBe('event: done\ndata: {"status":"completed"}\n\n');
    }
  });

  it('sends the end marker that lands between the backlog read and the record check', async () => {
    await store.open('s');
    await store.append('s', 'a');
    const out = sink();
    const done = follow(store, 's', 0, out, {
      heartbeatMs: 20,
      signal: new AbortController().signal,
      completedInRecord: async () => {
        await store.complete('s');
        return true;
      },
    });
    expect(await done).toBe(true);
    expect(out.text()).toBe('id: 1\ndata: "a"\n\n' + formatEntry({ seq: 2 }));
  });
});

describe('formatEntry', () => {
  it('writes a chunk as one JSON string on one data line, so no chunk can forge an event', () => {
    expect(formatEntry({ seq: 7, data: 'a\r\nb\rc\n\nid: 99' })).toBe(
      'id: 7\ndata: "a\\r\\nb\\rc\\n\\nid: 99"\n\n',
    );
    expect(formatEntry({ seq: 8, data: '' })).toBe('id: 8\ndata: ""\n\n');
  });

  it('gives any string back exactly through a standard SSE parser and JSON.parse', () => {
    const samples = ['\r', '\r\n', '\n\n', '', '\u{1F600}', 'data: x', '\u2028\u0000', ' lead'];
    const arbitrary = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('\r', '\n', ':', ' ', 'd', 'a', 't', '\u{1F600}') }),
    );
    const roundTrip = (chunks: string[]) => {
      const parser = new SseParser();
      const text = chunks.map((data, i) => formatEntry({ seq: i + 1, data })).join('');
      const events = parser.feed(text);
      expect(events).toEqual(
        chunks.map((data, i) => ({
          id: String(i + 1),
          event: 'message',
          data: JSON.stringify(data),
        })),
      );
      return events.map((e) => JSON.parse((e as { data: string }).data) as string);
    };
    expect(roundTrip(samples)).toEqual(samples);
    fc.assert(
      fc.property(fc.array(arbitrary), (chunks) => {
        expect(roundTrip(chunks)).toEqual(chunks);
      }),
    );
  });
});
