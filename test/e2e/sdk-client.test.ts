import net from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  createParleyClient,
  decodeChunk,
  SseParser,
  StreamEventsError,
  type ParleyClient,
  type StreamEvent,
} from '../../clients/typescript/index.js';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { openSse, TRICKY_CHUNKS } from '../support/sse.js';

/**
 * A TCP hop between the client and Parley that can cut every open connection
 * (a network drop) or go silent without closing (a dead peer), and that records
 * the head of every request it forwards.
 */
class FlakyHop {
  readonly heads: string[] = [];
  private readonly open = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private readonly server: net.Server;

  constructor(private readonly port: number) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.port, '127.0.0.1');
      const pair = { client, upstream };
      this.open.add(pair);
      // A kept-alive connection carries several requests: record each head (GETs have no body).
      client.on('data', (bytes: Buffer) => {
        const text = bytes.toString('latin1');
        if (/^[A-Z]+ \//.test(text)) this.heads.push(text);
      });
      client.pipe(upstream).pipe(client);
      const forget = () => {
        this.open.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', forget).on('close', forget);
      upstream.on('error', forget).on('close', forget);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  drop(): void {
    for (const { client, upstream } of this.open) {
      client.destroy();
      upstream.destroy();
    }
  }

  /** Stops delivering what the server sends on the open connections, keeping them open. */
  stall(): void {
    for (const { upstream, client } of this.open) {
      upstream.unpipe(client);
      upstream.pause();
    }
  }

  /** How many connections asked for this stream's events, and with which Last-Event-ID. */
  eventRequests(streamId: string): Array<string | undefined> {
    return this.heads
      .filter((head) => head.startsWith(`GET /v1/streams/${streamId}/events`))
      .map((head) => /^last-event-id: *(.*)$/im.exec(head)?.[1]?.trim());
  }

  close(): Promise<void> {
    this.drop();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Pulls events one at a time, so a test can act between them. */
function puller(events: AsyncGenerator<StreamEvent, void>) {
  return async (count: number): Promise<StreamEvent[]> => {
    const got: StreamEvent[] = [];
    while (got.length < count) {
      const next = await events.next();
      if (next.done) break;
      got.push(next.value);
    }
    return got;
  };
}

describe('TypeScript SDK against a real Parley', () => {
  let app: NestExpressApplication;
  let hop: FlakyHop;
  let hopUrl: string;
  let alice: TestUser;
  let bob: TestUser;
  /** Straight to Parley, for the REST calls. */
  let parley: ParleyClient;
  let parleyUrl: string;
  /** Through the hop, for the event streams it cuts. */
  let reader: ParleyClient;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as net.AddressInfo;
    hop = new FlakyHop(port);
    hopUrl = await hop.listen();
    [alice, bob] = await Promise.all([registerFullUser(app), registerFullUser(app)]);
    const token = () => alice.tokens.access_token;
    parleyUrl = `http://127.0.0.1:${port}`;
    parley = createParleyClient({ baseUrl: parleyUrl, token });
    reader = createParleyClient({ baseUrl: hopUrl, token });
  });

  afterAll(async () => {
    await hop?.close();
    await app?.close();
  });

  async function openStream(): Promise<string> {
    const conversationId = await createConversation(app, alice);
    const { data, error, response } = await parley.POST('/v1/conversations/{id}/streams', {
      params: { path: { id: conversationId } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data?.status).toBe('open');
    return data!.id;
  }

  async function append(streamId: string, chunk: string): Promise<number> {
    const { data } = await parley.POST('/v1/streams/{id}/chunks', {
      params: { path: { id: streamId } },
      body: { data: chunk },
    });
    return data!.seq;
  }

  const complete = (streamId: string) =>
    parley.POST('/v1/streams/{id}/complete', { params: { path: { id: streamId } } });

  it('reads every chunk once and in order across a dropped connection, resuming with Last-Event-ID', async () => {
    const id = await openStream();
    for (const chunk of ['one', 'two\nlines', 'three']) await append(id, chunk);

    const next = puller(reader.streamEvents(id, { retryDelayMs: 20 }));
    const before = await next(3);
    expect(before.map((e) => [e.id, e.data])).toEqual([
      ['1', 'one'],
      ['2', 'two\nlines'],
      ['3', 'three'],
    ]);

    hop.drop();
    await append(id, 'four');
    await append(id, 'five');
    expect((await complete(id)).response.status).toBe(200);
    const after = await next(10);

    expect(after.map((e) => [e.event, e.id, e.data])).toEqual([
      ['message', '4', 'four'],
      ['message', '5', 'five'],
      ['done', '6', '{"status":"completed"}'],
    ]);
    // Two connections: the second resumed after the last chunk the first delivered.
    expect(hop.eventRequests(id)).toEqual([undefined, '3']);
  });

  it('reconnects when the connection goes silent, and resumes from a given event id', async () => {
    const id = await openStream();
    await append(id, 'a');
    await append(id, 'b');
    const next = puller(
      reader.streamEvents(id, { lastEventId: '1', retryDelayMs: 20, idleTimeoutMs: 500 }),
    );
    expect((await next(1)).map((e) => e.data)).toEqual(['b']);

    hop.stall();
    await append(id, 'c');
    await complete(id);
    // Nothing arrives on the stalled connection; the idle limit abandons it.
    expect((await next(10)).map((e) => e.data)).toEqual(['c', '{"status":"completed"}']);
    expect(hop.eventRequests(id)).toEqual(['1', '2']);
  });

  it("answers another user's stream with the problem, without retrying", async () => {
    const id = await openStream();
    const asBob = createParleyClient({ baseUrl: hopUrl, token: bob.tokens.access_token });
    const failure = await puller(asBob.streamEvents(id, { retryDelayMs: 20 }))(1).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(StreamEventsError);
    expect((failure as StreamEventsError).status).toBe(404);
    expect((failure as StreamEventsError).problem).toMatchObject({ status: 404 });
    expect(hop.eventRequests(id)).toHaveLength(1);

    const conversationId = await createConversation(app, alice);
    const { error, response } = await asBob.GET('/v1/conversations/{id}', {
      params: { path: { id: conversationId } },
    });
    expect(response.status).toBe(404);
    expect(error).toBeDefined();
  });

  it('yields every chunk exactly as appended, across a dropped connection', async () => {
    const id = await openStream();
    const half = Math.floor(TRICKY_CHUNKS.length / 2);
    for (const chunk of TRICKY_CHUNKS.slice(0, half)) await append(id, chunk);
    const next = puller(reader.streamEvents(id, { retryDelayMs: 20 }));
    const before = await next(half);
    hop.drop();
    for (const chunk of TRICKY_CHUNKS.slice(half)) await append(id, chunk);
    await complete(id);
    const after = await next(TRICKY_CHUNKS.length);
    expect([...before, ...after].map((e) => e.data)).toEqual([
      ...TRICKY_CHUNKS,
      '{"status":"completed"}',
    ]);
    expect(hop.eventRequests(id)).toEqual([undefined, String(half)]);
  });

  it('builds an EventSource URL with a ticket, which reads without an Authorization header', async () => {
    const id = await openStream();
    for (const chunk of ['a\r\nb', '', 'c']) await append(id, chunk);
    const target = await parley.eventSourceUrl(id, { after: 1 });
    expect(target.url.startsWith(`${parleyUrl}/v1/streams/${id}/events?ticket=`)).toBe(true);
    expect(target.url.endsWith('&after=1')).toBe(true);
    expect(Date.parse(target.expiresAt)).toBeGreaterThan(Date.now());
    await complete(id);
    const url = new URL(target.url);
    // What an EventSource does: a GET of the URL, no headers of the caller's.
    const source = await openSse(url.origin, `${url.pathname}${url.search}`, {});
    await source.ended;
    expect(source.events.map((e) => [e.id, e.data])).toEqual([
      ['2', ''],
      ['3', 'c'],
      ['4', '{"status":"completed"}'],
    ]);
    expect(decodeChunk('"a\\r\\nb"')).toBe('a\r\nb');
    expect(() => decodeChunk('{"status":"completed"}')).toThrow(StreamEventsError);

    const asBob = createParleyClient({ baseUrl: parleyUrl, token: bob.tokens.access_token });
    const refused = await asBob.eventSourceUrl(id).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(StreamEventsError);
    expect((refused as StreamEventsError).status).toBe(404);
  });

  it('stops reading when its signal aborts', async () => {
    const id = await openStream();
    await append(id, 'x');
    const stop = new AbortController();
    const seen: string[] = [];
    for await (const event of reader.streamEvents(id, { signal: stop.signal })) {
      seen.push(event.data);
      stop.abort();
    }
    expect(seen).toEqual(['x']);
  });
});

describe('SSE parser', () => {
  const events = (parser: SseParser, ...pieces: string[]) => pieces.flatMap((p) => parser.feed(p));

  it('assembles events cut anywhere, with LF, CR or CRLF line ends split across reads', () => {
    const text = 'id: 1\r\ndata: a\r\ndata: b\r\n\r\n: heartbeat\r\rid: 2\ndata:c\n\n';
    const whole = events(new SseParser(), text);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(events(new SseParser(), text.slice(0, cut), text.slice(cut))).toEqual(whole);
    }
    expect(whole).toEqual([
      { id: '1', event: 'message', data: 'a\nb' },
      'heartbeat',
      { id: '2', event: 'message', data: 'c' },
    ]);
  });

  it('moves the resume point only when an event is complete', () => {
    const parser = new SseParser('4');
    expect(events(parser, 'id: 5\ndata: half')).toEqual([]);
    expect(parser.lastEventId).toBe('4');
    parser.reset();
    expect(events(parser, 'event: done\nid: 6\ndata: {}\nretry: 250\n\n')).toEqual([
      { id: '6', event: 'done', data: '{}' },
    ]);
    expect([parser.lastEventId, parser.retryMs]).toEqual(['6', 250]);
    // An event without an id (the expired-stream `done`) keeps the last one.
    expect(events(parser, 'event: done\ndata: {"expired":true}\n\n')).toEqual([
      { id: '6', event: 'done', data: '{"expired":true}' },
    ]);
  });
});
