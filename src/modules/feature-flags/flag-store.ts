import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Subject } from 'rxjs';
import { CacheService } from '../../platform/cache/cache.service.js';
import type { FeatureFlag } from './entities/feature-flag.entity.js';
import { FeatureFlagsRepository } from './feature-flags.repository.js';

/** The key whose invalidation tells every instance that some flag changed. */
export const FLAGS_CHANGED_KEY = 'feature-flags:changed';
/**
 * An instance that missed an invalidation (Redis was away) still catches up:
 * its copy is read again from the database once it is this old.
 */
const MAX_AGE_MS = 30_000;

/**
 * Every flag, held in this instance's memory: evaluation reads no database.
 * A change anywhere invalidates FLAGS_CHANGED_KEY through the platform cache
 * (Redis pub/sub in servers mode, in-process in the embedded default); each
 * instance then reads the flags again and tells its live streams.
 */
@Injectable()
export class FlagStore implements OnModuleInit {
  private readonly logger = new Logger('FeatureFlags');
  private flags = new Map<string, FeatureFlag>();
  private generation = 0;
  private loadedGeneration = -1;
  private loadedAt = 0;
  private loading?: Promise<void>;
  private readonly changes = new Subject<void>();
  /** Emits after this instance has read the flags again following a change. */
  readonly changed$ = this.changes.asObservable();

  constructor(
    private readonly repository: FeatureFlagsRepository,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.cache.onInvalidation((keys) => {
      if (keys.includes(FLAGS_CHANGED_KEY)) void this.refresh();
    });
  }

  /** The flags by name, as of the last change this instance heard of. */
  async all(): Promise<ReadonlyMap<string, FeatureFlag>> {
    if (!this.loading && Date.now() - this.loadedAt > MAX_AGE_MS) this.generation++;
    while (this.loadedGeneration !== this.generation) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.flags;
  }

  /** After a committed change: every instance (this one too) reads the flags again. */
  async publishChange(): Promise<void> {
    this.generation++;
    try {
      await this.cache.del(FLAGS_CHANGED_KEY);
    } catch (err) {
      // The others catch up within MAX_AGE_MS; this instance at once.
      this.logger.warn(`flag change not broadcast: ${(err as Error).message}`);
      await this.refresh();
    }
  }

  private async refresh(): Promise<void> {
    this.generation++;
    try {
      await this.all();
      this.changes.next();
    } catch (err) {
      this.logger.warn(`cannot read the flags again: ${(err as Error).message}`);
    }
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    const rows = await this.repository.findAll();
    this.flags = new Map(rows.map((row) => [row.name, row]));
    this.loadedGeneration = generation;
    this.loadedAt = Date.now();
  }
}
