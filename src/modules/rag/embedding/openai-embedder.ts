import { Logger } from '@nestjs/common';
import type { Embedder } from './embedder.port.js';

export interface OpenAiEmbedderOptions {
  /** Base URL; requests go to `{url}/embeddings`. */
  url: string;
  model: string;
  apiKey?: string;
  dimensions: number;
  /** Texts per request. */
  batchSize: number;
  timeoutMs: number;
  maxAttempts: number;
  /** First backoff; doubled each retry, with jitter, unless Retry-After says otherwise. */
  backoffMs?: number;
  /** Retry-After is honoured up to this long. */
  maxRetryAfterMs?: number;
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * An OpenAI-compatible embeddings endpoint (`POST {url}/embeddings`): batches,
 * retries 429, 5xx, network errors and timeouts with exponential backoff
 * (honouring Retry-After), and refuses vectors of another size than configured.
 * The API key travels in the Authorization header only and is never logged.
 */
export class OpenAiEmbedder implements Embedder {
  readonly provider = 'openai';
  readonly model: string;
  readonly dimensions: number;
  private readonly logger = new Logger('Embeddings');
  private readonly endpoint: string;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.model = options.model;
    this.dimensions = options.dimensions;
    this.endpoint = `${options.url.replace(/\/+$/, '')}/embeddings`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      out.push(...(await this.withRetries(texts.slice(i, i + this.options.batchSize))));
    }
    return out;
  }

  private async withRetries(batch: string[]): Promise<number[][]> {
    const base = this.options.backoffMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.request(batch);
      } catch (err) {
        if (!(err instanceof RetryableError) || attempt >= this.options.maxAttempts) throw err;
        const backoff = base * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
        const wait = Math.min(err.retryAfterMs ?? backoff, this.options.maxRetryAfterMs ?? 60_000);
        this.logger.warn(
          `embeddings attempt ${attempt} failed (${err.message}); retrying in ${Math.round(wait)} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async request(batch: string[]): Promise<number[][]> {
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.model,
          input: batch,
          dimensions: this.dimensions,
          encoding_format: 'float',
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const timedOut = isTimeout(err);
      throw new RetryableError(
        timedOut
          ? `no answer within ${this.options.timeoutMs} ms`
          : `unreachable: ${(err as { message?: string } | null)?.message ?? String(err)}`,
      );
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      throw new RetryableError(`HTTP ${res.status}`, retryAfterMs(res.headers.get('retry-after')));
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`the embeddings endpoint answered HTTP ${res.status}`);
    }
    let body: { data?: { index?: number; embedding?: unknown }[] };
    try {
      body = (await res.json()) as typeof body;
    } catch (err) {
      if (isTimeout(err)) {
        throw new RetryableError(`no answer within ${this.options.timeoutMs} ms`);
      }
      throw new Error('the embeddings endpoint answered something other than JSON', {
        cause: err,
      });
    }
    const data = Array.isArray(body.data) ? body.data : [];
    if (data.length !== batch.length) {
      throw new Error(
        `the embeddings endpoint answered ${data.length} vectors for ${batch.length} texts`,
      );
    }
    const vectors = [...data]
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
      .map((d) => d.embedding);
    for (const v of vectors) {
      if (
        !Array.isArray(v) ||
        v.length !== this.dimensions ||
        v.some((x) => typeof x !== 'number')
      ) {
        throw new Error(
          `the embeddings endpoint answered a vector of ${Array.isArray(v) ? v.length : 0} dimensions, expected ${this.dimensions}`,
        );
      }
    }
    return vectors as number[][];
  }
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** AbortSignal.timeout's DOMException (possibly of another realm, so no instanceof). */
function isTimeout(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'TimeoutError';
}
