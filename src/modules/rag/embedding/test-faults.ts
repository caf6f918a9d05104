import type { Embedder } from './embedder.port.js';

/**
 * Under NODE_ENV=test only: an embed call fails when one of its texts contains
 * PARLEY_TEST_EMBED_FAIL_ON, so tests can prove a failed ingest keeps the
 * previous version searchable without mocking anything else.
 */
export function withTestFaults(embedder: Embedder): Embedder {
  if (process.env.NODE_ENV !== 'test') return embedder;
  return {
    provider: embedder.provider,
    model: embedder.model,
    dimensions: embedder.dimensions,
    embed(texts: string[]) {
      const marker = process.env.PARLEY_TEST_EMBED_FAIL_ON;
      if (marker && texts.some((t) => t.includes(marker))) {
        return Promise.reject(new Error('the embedding provider is unavailable'));
      }
      return embedder.embed(texts);
    },
  };
}
