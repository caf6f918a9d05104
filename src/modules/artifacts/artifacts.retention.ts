import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sweep } from '../../platform/database/sweep.js';
import {
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';
import { ArtifactCollector } from './artifact-collector.service.js';

/** Blobs whose last reference went more than ARTIFACT_BLOB_GRACE_SECONDS ago, and dead uploads. */
@Injectable()
export class ArtifactRetention {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly collector: ArtifactCollector,
  ) {}

  @RetentionPolicy('unreferenced_blobs')
  unreferencedBlobs({ dryRun }: RetentionRun): Promise<number> {
    return dryRun ? this.collector.countCollectable() : this.collector.collectGarbage();
  }

  /** Large uploads nobody completed, a day after they could no longer be. */
  @RetentionPolicy('expired_uploads')
  expiredUploads({ dryRun }: RetentionRun): Promise<number> {
    return sweep(
      this.db,
      { table: 'app.artifact_uploads', where: `expires_at < now() - interval '1 day'` },
      dryRun,
    );
  }
}
