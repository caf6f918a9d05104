import { createHash, randomBytes } from 'node:crypto';
import type { Fixture } from './fixture.js';
import { type Answer, Recorder, send } from './recorder.js';

/** Everything the API accepted during the load: what must be readable afterwards. */
export interface Ledger {
  /** conversation id -> message_id -> content. */
  messages: Map<string, Map<string, string>>;
  /** conversation id -> the accepted summaries, oldest first (as_of increases). */
  summaries: Map<string, { text: string; asOf: string; jobId: string | null }[]>;
  streams: { id: string; user: number; chunks: string[] }[];
  /** `namespace/key` -> the last value put, and whose it is. */
  items: Map<string, { user: number; text: string }>;
  artifacts: { id: string; user: number; sha256: string }[];
}

/** How often each operation comes up in a client's cycle (stream chunks count for writers). */
const CYCLE = [
  'append', 'history', 'chunk', 'summary', 'append', 'refresh', 'item-put', 'search',
  'chunk', 'batch', 'item-get', 'history', 'rag', 'chunk', 'append', 'read-stream',
  'sign-in', 'artifact', 'summary', 'history',
] as const; // prettier-ignore
type Op = (typeof CYCLE)[number];

const CHUNKS_PER_STREAM = 8;
const WORDS = 'magma crust lava ash vent crater plate ridge basalt dome'.split(' ');

class Client {
  private n = 0;
  private token: string;
  private refreshToken?: string;
  private stream?: { id: string; user: number; chunks: string[] };
  private readonly completed: { id: string; chunks: string[] }[] = [];
  private lastAsOf = 0;
  private lastItem?: string;

  constructor(
    private readonly index: number,
    private readonly fixture: Fixture,
    private readonly ledger: Ledger,
    private readonly recorder: Recorder,
  ) {
    this.token = this.user.token;
  }

  private get userIndex() {
    return this.index % this.fixture.users.length;
  }
  private get user() {
    return this.fixture.users[this.userIndex]!;
  }
  private get conversation() {
    return this.fixture.conversations[this.index]!;
  }

  /** One request; a non-2xx answer is a failure of the load, kept with its body. */
  private async call<T = Record<string, unknown>>(
    route: string,
    path: string,
    init: RequestInit & { json?: unknown; anonymous?: boolean } = {},
  ): Promise<Answer<T> | undefined> {
    const { anonymous, ...rest } = init;
    const answer = await send<T>(this.recorder, route, `${this.fixture.base}${path}`, {
      ...rest,
      token: anonymous ? undefined : this.token,
    });
    if (answer && (answer.status < 200 || answer.status > 299)) {
      const detail = JSON.stringify(answer.body).slice(0, 300);
      this.recorder.fail({ route, status: answer.status, detail });
      return undefined;
    }
    return answer;
  }

  private text(): string {
    const words = Array.from({ length: 6 }, (_, i) => WORDS[(this.n * 7 + i * 3) % WORDS.length]);
    return `${words.join(' ')} ${this.index}-${this.n}`;
  }

  async run(running: () => boolean): Promise<void> {
    while (running()) {
      await this.step(CYCLE[(this.index + this.n) % CYCLE.length]!);
      this.n++;
    }
    // Writers finish their streams: a completed stream is what readers read back whole.
    if (this.stream) await this.complete();
  }

  private async step(op: Op): Promise<void> {
    const c = `/v1/conversations/${this.conversation}`;
    switch (op) {
      case 'append': {
        const id = `m-${this.index}-${this.n}`;
        const content = this.text();
        const ok = await this.call('POST /conversations/:id/messages', `${c}/messages`, {
          method: 'POST',
          json: { message_id: id, role: 'user', content },
        });
        if (ok) this.accept(id, content);
        return;
      }
      case 'batch': {
        const messages = Array.from({ length: 10 }, (_, k) => ({
          message_id: `b-${this.index}-${this.n}-${k}`,
          role: k % 2 ? 'assistant' : 'user',
          content: `${this.text()} ${k}`,
        }));
        const ok = await this.call(
          'POST /conversations/:id/messages/batch',
          `${c}/messages/batch`,
          {
            method: 'POST',
            json: { messages },
          },
        );
        if (ok) for (const m of messages) this.accept(m.message_id, m.content);
        return;
      }
      case 'history':
        await this.call('GET /conversations/:id/messages', `${c}/messages?before=&limit=50`);
        return;
      case 'search':
        await this.call('GET /search/messages', `/v1/search/messages?q=lava`);
        return;
      case 'summary':
        return this.summary();
      case 'chunk':
        return this.chunk();
      case 'read-stream':
        return this.readStream();
      case 'item-put': {
        const key = `r5.c${this.index}/k${this.n % 3}`;
        const text = this.text();
        const ok = await this.call('PUT /memory/items/:ns/:key', `/v1/memory/items/${key}`, {
          method: 'PUT',
          json: { value: { text } },
        });
        if (!ok) return;
        this.ledger.items.set(key, { user: this.userIndex, text });
        this.lastItem = key;
        return;
      }
      case 'item-get': {
        if (!this.lastItem) await this.step('item-put');
        if (!this.lastItem) return;
        await this.call('GET /memory/items/:ns/:key', `/v1/memory/items/${this.lastItem}`);
        return;
      }
      case 'rag':
        await this.call('POST /rag/search', '/v1/rag/search', {
          method: 'POST',
          json: { query: 'where does lava come from', k: 5, collection: this.fixture.collection },
        });
        return;
      case 'artifact':
        return this.artifact();
      case 'refresh':
        if (!this.refreshToken) await this.signIn();
        if (this.refreshToken) await this.refresh();
        return;
      case 'sign-in':
        return this.signIn();
    }
  }

  private accept(messageId: string, content: string): void {
    const map = this.ledger.messages.get(this.conversation) ?? new Map<string, string>();
    map.set(messageId, content);
    this.ledger.messages.set(this.conversation, map);
  }

  private async summary(): Promise<void> {
    // Strictly later than this conversation's previous one, so the newest is known.
    this.lastAsOf = Math.max(Date.now(), this.lastAsOf + 1);
    const asOf = new Date(this.lastAsOf).toISOString();
    const text = `summary ${this.text()}`;
    const ok = await this.call<{ job_id: string | null }>(
      'POST /memory/summaries',
      '/v1/memory/summaries',
      {
        method: 'POST',
        json: { conversation_id: this.conversation, summary: text, as_of: asOf },
      },
    );
    if (!ok) return;
    const list = this.ledger.summaries.get(this.conversation) ?? [];
    list.push({ text, asOf, jobId: ok.body.job_id });
    this.ledger.summaries.set(this.conversation, list);
  }

  private async chunk(): Promise<void> {
    if (!this.stream) {
      const opened = await this.call<{ id: string }>(
        'POST /conversations/:id/streams',
        `/v1/conversations/${this.conversation}/streams`,
        { method: 'POST' },
      );
      if (!opened) return;
      this.stream = { id: opened.body.id, user: this.userIndex, chunks: [] };
      this.ledger.streams.push(this.stream);
    }
    const data = `${this.text()}\n`;
    const ok = await this.call('POST /streams/:id/chunks', `/v1/streams/${this.stream.id}/chunks`, {
      method: 'POST',
      json: { data },
    });
    if (ok) this.stream.chunks.push(data);
    if (this.stream.chunks.length >= CHUNKS_PER_STREAM) await this.complete();
  }

  private async complete(): Promise<void> {
    const stream = this.stream!;
    const ok = await this.call('POST /streams/:id/complete', `/v1/streams/${stream.id}/complete`, {
      method: 'POST',
    });
    if (!ok) return;
    this.completed.push(stream);
    this.stream = undefined;
  }

  /** Reads one of this client's completed streams from the start, to its `done` event. */
  private async readStream(): Promise<void> {
    if (!this.completed.length) {
      // Nothing finished yet: this writer finishes a short one to have something to read.
      await this.chunk();
      if (this.stream) await this.complete();
    }
    const stream = this.completed[this.n % Math.max(1, this.completed.length)];
    if (!stream) return;
    await this.call('GET /streams/:id/events', `/v1/streams/${stream.id}/events`, {
      headers: { accept: 'text/event-stream' },
    });
  }

  private async artifact(): Promise<void> {
    const bytes = Buffer.from(
      `notes ${this.index}-${this.n} ${randomBytes(512).toString('hex')}\n`,
    );
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/plain' }), 'notes.txt');
    const ok = await this.call<{ id: string }>(
      'POST /conversations/:id/artifacts',
      `/v1/conversations/${this.conversation}/artifacts`,
      { method: 'POST', body: form },
    );
    if (!ok) return;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.ledger.artifacts.push({ id: ok.body.id, user: this.userIndex, sha256 });
  }

  private async signIn(): Promise<void> {
    const ok = await this.call<{ access_token: string; refresh_token: string }>(
      'POST /auth/login',
      '/v1/auth/login',
      {
        method: 'POST',
        anonymous: true,
        json: { email: this.user.email, password: this.user.password },
      },
    );
    if (ok) this.useTokens(ok.body);
  }

  private async refresh(): Promise<void> {
    const ok = await this.call<{ access_token: string; refresh_token: string }>(
      'POST /auth/refresh',
      '/v1/auth/refresh',
      { method: 'POST', anonymous: true, json: { refresh_token: this.refreshToken } },
    );
    if (ok) this.useTokens(ok.body);
  }

  private useTokens(tokens: { access_token: string; refresh_token: string }): void {
    this.token = tokens.access_token;
    this.refreshToken = tokens.refresh_token;
  }
}

/**
 * R5's load: `clients` closed-loop clients (each sends its next request when
 * the previous one answered) cycling through sign-ins and refreshes, appends and
 * batches, history pages, search, summaries, stream writes and reads, memory
 * items, RAG searches and artifact uploads, for `durationMs`.
 */
export async function runMixedLoad(
  fixture: Fixture,
  durationMs: number,
  recorder = new Recorder(),
): Promise<{ recorder: Recorder; ledger: Ledger }> {
  const ledger: Ledger = {
    messages: new Map(),
    summaries: new Map(),
    streams: [],
    items: new Map(),
    artifacts: [],
  };
  const until = Date.now() + durationMs;
  const clients = fixture.conversations.map((_, i) => new Client(i, fixture, ledger, recorder));
  await Promise.all(clients.map((client) => client.run(() => Date.now() < until)));
  return { recorder, ledger };
}
