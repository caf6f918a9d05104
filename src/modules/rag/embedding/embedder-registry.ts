import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { EMBEDDER, type Embedder } from './embedder.port.js';
import { LocalEmbedder, localModel } from './local-embedder.js';
import { OpenAiEmbedder } from './openai-embedder.js';
import { withTestFaults } from './test-faults.js';

export interface EmbeddingProfile {
  provider: string;
  model: string;
  dimensions: number;
}

/** `provider:model:dimensions`: what one vector space is known by. */
export function profileKey(p: EmbeddingProfile): string {
  return `${p.provider}:${p.model}:${p.dimensions}`;
}

/**
 * The embedder of any profile this service can embed with: the configured one
 * (EMBEDDER), the built-in local embedder at any size (`parley-local-<n>`),
 * and, when EMBEDDINGS_URL is set, any model of that endpoint at any size it
 * answers. A collection is embedded, searched and re-embedded through the
 * embedder of its own profile, so collections of several models coexist.
 */
@Injectable()
export class EmbedderRegistry {
  private readonly made = new Map<string, Embedder>();

  constructor(
    @Inject(EMBEDDER) readonly configured: Embedder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.made.set(profileKey(configured), configured);
  }

  /** Why this service cannot embed with the profile, or null when it can. */
  refusal(p: EmbeddingProfile): string | null {
    if (p.provider === 'local') {
      return p.model === localModel(p.dimensions)
        ? null
        : `the local embedder's model at ${p.dimensions} dimensions is ${localModel(p.dimensions)}`;
    }
    if (p.provider === 'openai') {
      return this.config.embeddings.url ? null : 'no OpenAI-compatible endpoint is configured';
    }
    return `unknown provider "${p.provider}" (local or openai)`;
  }

  /** The embedder of a profile; throws when `refusal` would name a reason. */
  for(p: EmbeddingProfile): Embedder {
    const key = profileKey(p);
    const known = this.made.get(key);
    if (known) return known;
    const refused = this.refusal(p);
    if (refused) throw new Error(`cannot embed with ${key}: ${refused}`);
    const e = this.config.embeddings;
    const embedder = withTestFaults(
      p.provider === 'local'
        ? new LocalEmbedder(p.dimensions)
        : new OpenAiEmbedder({
            url: e.url!,
            model: p.model,
            apiKey: e.apiKey,
            dimensions: p.dimensions,
            batchSize: this.config.rag.embedBatchSize,
            timeoutMs: e.timeoutMs,
            maxAttempts: e.maxAttempts,
          }),
    );
    this.made.set(key, embedder);
    return embedder;
  }
}
