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
    return this.collectMarked(batch);
  }

  /** What `collectGarbage` would remove now, changing nothing. */
  countCollectable(): Promise<number> {
    return this.blobs.countCollectable(this.policy.graceSeconds);
  }

  private async collectMarked(batch: number): Promise<number> {
    let removed = 0;
    for (const sha of await this.blobs.collectable(this.policy.graceSeconds, batch)) {
      try {
        await this.db.transaction(async (manager) => {
          if (await this.blobs.deleteIfCollectable(sha, this.policy.graceSeconds, manager)) {
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
