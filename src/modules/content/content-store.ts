import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service.js';
import type { ContentCategory, ContentValue, ContentVariant } from './content-catalog.js';
import { ContentRepository } from './content.repository.js';
import type { ContentLayer } from './resolve.js';

/** Invalidating this key (per category) tells every instance to read that category's overrides again. */
export const contentChangedKey = (category: ContentCategory) => `content:changed:${category}`;
const CHANGED_PREFIX = 'content:changed:';
/** An instance that missed an invalidation (Redis was away) still catches up after this long. */
const MAX_AGE_MS = 30_000;

interface Loaded {
  layer: ContentLayer;
  at: number;
  generation: number;
}

/**
 * Each category's database overrides, held in this instance's memory, so a
 * content read costs no database round trip. A change anywhere invalidates
 * `content:changed:<category>` through the platform cache (Redis pub/sub in
 * servers mode, in-process in the embedded default); each instance then drops
 * its copy. A read that began before the invalidation is not kept (the
 * generation moved on), so no instance goes on serving the old value.
 */
@Injectable()
export class ContentStore implements OnModuleInit {
  private readonly logger = new Logger('Content');
  private readonly loaded = new Map<ContentCategory, Loaded>();
  private readonly loading = new Map<ContentCategory, Promise<ContentLayer>>();
  private readonly generations = new Map<ContentCategory, number>();

  constructor(
    private readonly repository: ContentRepository,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.cache.onInvalidation((keys) => {
      for (const key of keys) {
        if (key.startsWith(CHANGED_PREFIX))
          this.forget(key.slice(CHANGED_PREFIX.length) as ContentCategory);
      }
    });
  }

  async overrides(category: ContentCategory): Promise<ContentLayer> {
    const hit = this.loaded.get(category);
    if (hit && hit.generation === this.generation(category) && Date.now() - hit.at < MAX_AGE_MS) {
      return hit.layer;
    }
    let pending = this.loading.get(category);
    if (!pending) {
      pending = this.load(category).finally(() => this.loading.delete(category));
      this.loading.set(category, pending);
    }
    return pending;
  }

  /** After a committed change: every instance (this one too) drops its copy of the category. */
  async publishChange(category: ContentCategory): Promise<void> {
    this.forget(category);
    try {
      await this.cache.del(contentChangedKey(category));
    } catch (err) {
      // The other instances catch up within MAX_AGE_MS; this one already has.
      this.logger.warn(`content change not broadcast: ${(err as Error).message}`);
    }
  }

  private forget(category: ContentCategory): void {
    this.generations.set(category, this.generation(category) + 1);
    this.loaded.delete(category);
    this.loading.delete(category);
  }

  private generation(category: ContentCategory): number {
    return this.generations.get(category) ?? 0;
  }

  private async load(category: ContentCategory): Promise<ContentLayer> {
    const generation = this.generation(category);
    const layer = new Map<string, Map<ContentVariant, Map<string, ContentValue>>>();
    for (const row of await this.repository.findByCategory(category)) {
      let variants = layer.get(row.language);
      if (!variants) layer.set(row.language, (variants = new Map()));
      let entries = variants.get(row.variant);
      if (!entries) variants.set(row.variant, (entries = new Map()));
      entries.set(row.key, row.value);
    }
    // Kept only when no change was heard while reading; the next read loads again otherwise.
    if (generation === this.generation(category)) {
      this.loaded.set(category, { layer, at: Date.now(), generation });
    }
    return layer;
  }
}
