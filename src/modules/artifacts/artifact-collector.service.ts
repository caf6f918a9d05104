import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isForeignKeyViolation } from '../../platform/database/pg-errors.js';
import { BLOB_STORE, type BlobStore } from '../../platform/storage/blob-store.port.js';
import { ArtifactBlobsRepository } from './artifact-blobs.repository.js';
import { artifactBlobKey } from './artifact-key.js';
import { ArtifactPolicy } from './artifact-policy.js';

/** The collector of artifact blobs nothing references any more (the `unreferenced_blobs` policy). */
@Injectable()
export class ArtifactCollector {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly blobs: ArtifactBlobsRepository,
    private readonly policy: ArtifactPolicy,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  /**
   * Removes blobs unreferenced for longer than the grace period: each is
   * deleted from the store while its row is locked and gone, so a registration
   * either took it back first or finds it missing and stores the bytes again.
   */
  async collectGarbage(batch = 500): Promise<number> {
    await this.blobs.markAllUnreferenced();
    const shas = await this.blobs.collectable(this.policy.graceSeconds, batch);
    return this.collect(shas, this.policy.graceSeconds);
  }

  /** What `collectGarbage` would remove now, changing nothing. */
  countCollectable(): Promise<number> {
    return this.blobs.countCollectable(this.policy.graceSeconds);
  }

  /**
   * Erasure: these blobs go now if no reference is left, without waiting out
   * the grace period. A registration racing it stores the bytes again (it
   * finds the row gone under its lock), so no upload loses its content.
   */
  collectNow(shas: string[]): Promise<number> {
    return this.collect(shas, 0);
  }

  /** Of these blobs, how many no artifact names but the store still holds. */
  async leftBehind(shas: string[]): Promise<number> {
    let left = 0;
    for (const sha of await this.blobs.unreferenced(shas)) {
      if (await this.store.exists(artifactBlobKey(sha))) left++;
    }
    return left;
  }

  private async collect(shas: string[], graceSeconds: number): Promise<number> {
    let removed = 0;
    for (const sha of shas) {
      try {
        await this.db.transaction(async (manager) => {
          if (await this.blobs.deleteIfCollectable(sha, graceSeconds, manager)) {
            await this.store.delete(artifactBlobKey(sha));
            removed++;
          }
        });
      } catch (err) {
        // A reference arrived while we looked (the foreign key): the blob stays.
        if (!isForeignKeyViolation(err)) throw err;
      }
    }
    return removed;
  }
}
