import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAiEmbedder, retryAfterMs } from './openai-embedder.js';

const KEY = 'sk-test-secret-key';

type Reply = (
  req: IncomingMessage,
  body: { input: string[]; model: string },
  res: ServerResponse,
) => void;

/** A real HTTP server speaking the OpenAI embeddings API; each request takes the next reply. */
async function fakeApi(replies: Reply[]) {
  const seen: {
    auth?: string;
    body: { input: string[]; model: string; dimensions?: number };
    url?: string;
  }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { input: string[]; model: string; dimensions?: number };
      seen.push({ auth: req.headers.authorization, body, url: req.url });
      const reply = replies[Math.min(seen.length - 1, replies.length - 1)]!;
      reply(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const vectors =
  (dims: number): Reply =>
  (_req, body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        object: 'list',
        model: body.model,
        // Out of order on purpose: the client must sort by index.
        data: body.input
          .map((text, index) => ({
            object: 'embedding',
            index,
            embedding: Array.from({ length: dims }, (_, j) => (j === 0 ? text.length : index)),
          }))
          .reverse(),
      }),
    );
  };
const status =
  (code: number, headers: Record<string, string> = {}): Reply =>
  (_req, _body, res) => {
    res.writeHead(code, { 'content-type': 'application/json', ...headers });
    res.end('{"error":{"message":"busy"}}');
  };
const silent: Reply = () => {};

function embedder(
  url: string,
  extra: Partial<ConstructorParameters<typeof OpenAiEmbedder>[0]> = {},
) {
  return new OpenAiEmbedder({
    url,
    model: 'text-embedding-3-small',
    apiKey: KEY,
    dimensions: 4,
    batchSize: 2,
    timeoutMs: 2_000,
    maxAttempts: 3,
    backoffMs: 5,
    ...extra,
  });
}

describe('OpenAiEmbedder', () => {
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => {});
  afterEach(() => warn.mockClear());
  afterAll(() => warn.mockRestore());

  it('posts batches to {url}/embeddings with the key and model, and keeps the order of the texts', async () => {
    const api = await fakeApi([vectors(4)]);
    try {
      const out = await embedder(api.url).embed(['a', 'bb', 'ccc']);
      expect(out.map((v) => v[0])).toEqual([1, 2, 3]);
      expect(api.seen.map((s) => s.body.input)).toEqual([['a', 'bb'], ['ccc']]);
      expect(api.seen[0]).toMatchObject({
        url: '/v1/embeddings',
        auth: `Bearer ${KEY}`,
        body: { model: 'text-embedding-3-small', dimensions: 4 },
      });
    } finally {
      await api.close();
    }
  });

  it('retries a 429 after its Retry-After, then succeeds, never logging the key', async () => {
    const api = await fakeApi([status(429, { 'retry-after': '0' }), vectors(4)]);
    try {
      expect(await embedder(api.url).embed(['x'])).toHaveLength(1);
      expect(api.seen).toHaveLength(2);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('HTTP 429'));
      expect(JSON.stringify(warn.mock.calls)).not.toContain(KEY);
    } finally {
      await api.close();
    }
  });

  it('retries a 500, then succeeds', async () => {
    const api = await fakeApi([status(500), status(503), vectors(4)]);
    try {
      expect(await embedder(api.url).embed(['x'])).toHaveLength(1);
      expect(api.seen).toHaveLength(3);
    } finally {
      await api.close();
    }
  });

  it('gives up after its attempts on a lasting 5xx', async () => {
    const api = await fakeApi([status(502)]);
    try {
      await expect(embedder(api.url, { maxAttempts: 2 }).embed(['x'])).rejects.toThrow('HTTP 502');
      expect(api.seen).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it('fails at once, without retrying, on vectors of the wrong size or a 400', async () => {
    const wrong = await fakeApi([vectors(3)]);
    try {
      await expect(embedder(wrong.url).embed(['x'])).rejects.toThrow(
        'a vector of 3 dimensions, expected 4',
      );
      expect(wrong.seen).toHaveLength(1);
    } finally {
      await wrong.close();
    }
    const bad = await fakeApi([status(400)]);
    try {
      await expect(embedder(bad.url).embed(['x'])).rejects.toThrow('HTTP 400');
      expect(bad.seen).toHaveLength(1);
    } finally {
      await bad.close();
    }
  });

  it('times out a request that gets no answer, retries it, then fails', async () => {
    const api = await fakeApi([silent]);
    try {
      await expect(
        embedder(api.url, { timeoutMs: 150, maxAttempts: 2 }).embed(['x']),
      ).rejects.toThrow('no answer within 150 ms');
      expect(api.seen).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it('a timed-out attempt is retried and may then succeed', async () => {
    const api = await fakeApi([silent, vectors(4)]);
    try {
      expect(await embedder(api.url, { timeoutMs: 150 }).embed(['x'])).toHaveLength(1);
      expect(api.seen).toHaveLength(2);
    } finally {
      await api.close();
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
