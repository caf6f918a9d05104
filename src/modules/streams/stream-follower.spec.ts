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
      'id: 2\ndata: b\n\nid: 3\ndata: c\n\nid: 4\ndata: d\n\n' +
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
    expect(out.text()).toBe('id: 1\ndata: a\n\n' + formatEntry({ seq: 2 }));
  });
});

describe('formatEntry', () => {
  it('splits every kind of line break into data lines, so no chunk can forge an event', () => {
    expect(formatEntry({ seq: 7, data: 'a\r\nb\rc\nid: 99' })).toBe(
      'id: 7\ndata: a\ndata: b\ndata: c\ndata: id: 99\n\n',
    );
  });
});
