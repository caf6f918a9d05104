import type { AppConfig } from '../../../platform/config/config.js';
import { EmbedderRegistry, profileKey } from './embedder-registry.js';
import { LocalEmbedder } from './local-embedder.js';

const config = (url?: string) =>
  ({
    embeddings: { url, model: 'm', dimensions: 384, timeoutMs: 1000, maxAttempts: 1 },
    rag: { embedBatchSize: 8 },
  }) as unknown as AppConfig;

describe('EmbedderRegistry', () => {
  const configured = new LocalEmbedder();

  it('answers the configured embedder for its own profile', () => {
    const registry = new EmbedderRegistry(configured, config());
    expect(registry.for(configured)).toBe(configured);
    expect(profileKey(configured)).toBe('local:parley-local-384:384');
  });

  it('makes the local embedder at another size, once, with vectors of that size', async () => {
    const registry = new EmbedderRegistry(configured, config());
    const profile = { provider: 'local', model: 'parley-local-128', dimensions: 128 };
    expect(registry.refusal(profile)).toBeNull();
    const embedder = registry.for(profile);
    expect(registry.for(profile)).toBe(embedder);
    expect(embedder.model).toBe('parley-local-128');
    const [v] = await embedder.embed(['lava flows from the volcano']);
    expect(v).toHaveLength(128);
  });

  it('refuses profiles it cannot embed with, saying why', () => {
    const registry = new EmbedderRegistry(configured, config());
    expect(registry.refusal({ provider: 'local', model: 'x', dimensions: 64 })).toContain(
      'parley-local-64',
    );
    expect(registry.refusal({ provider: 'openai', model: 'x', dimensions: 64 })).toContain(
      'no OpenAI-compatible endpoint',
    );
    expect(registry.refusal({ provider: 'other', model: 'x', dimensions: 64 })).toContain(
      'unknown provider',
    );
    expect(() => registry.for({ provider: 'other', model: 'x', dimensions: 64 })).toThrow();
    const withEndpoint = new EmbedderRegistry(configured, config('http://127.0.0.1:9/v1'));
    const remote = withEndpoint.for({ provider: 'openai', model: 'x', dimensions: 64 });
    expect([remote.provider, remote.model, remote.dimensions]).toEqual(['openai', 'x', 64]);
  });
});
