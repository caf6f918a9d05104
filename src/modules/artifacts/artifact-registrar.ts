import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import fs from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
import { isForeignKeyViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { BLOB_STORE, type BlobStore } from '../../platform/storage/blob-store.port.js';
import { ArtifactBlobsRepository } from './artifact-blobs.repository.js';
import { artifactBlobKey } from './artifact-key.js';
import { ArtifactPolicy, type ArtifactAttributes } from './artifact-policy.js';
import { ArtifactsRepository } from './artifacts.repository.js';
import { ArtifactDto, type StoredArtifactDto } from './dto/artifact.dto.js';
import type { SniffedType } from './mime-sniff.js';

/** Content on its way to registration: its measure, type, name and where its bytes are. */
export interface Candidate extends ArtifactAttributes {
  userId: string;
  conversationId: string;
  sha256: string;
  size: number;
  type: SniffedType;
  filename: string;
  /** A local file holding the bytes (upload), or none: the object is already in place (ingest). */
  localPath?: string;
}

/** Thrown inside a registration whose blob vanished: store the bytes, then try again. */
class BlobMissing extends Error {}

/**
 * Registers checked content as an artifact: stores its bytes once per SHA-256
 * and adds the reference under the owner's lock, so that quotas hold under
 * concurrent uploads and the collector never removes a blob a new reference needs.
 */
@Injectable()
export class ArtifactRegistrar {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly artifacts: ArtifactsRepository,
    private readonly blobs: ArtifactBlobsRepository,
    private readonly policy: ArtifactPolicy,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  async register(c: Candidate): Promise<StoredArtifactDto> {
    const key = artifactBlobKey(c.sha256);
    let mustStore = !(await this.blobs.claim(c.sha256)) || !(await this.store.exists(key));
    for (let attempt = 0; ; attempt++) {
      if (mustStore && c.localPath) {
        await this.store.put(key, fs.createReadStream(c.localPath), {
          contentType: c.type.mime,
          contentLength: c.size,
          sha256: c.sha256,
        });
      }
      try {
        return await this.db.transaction((manager) => this.registerLocked(c, key, manager));
      } catch (err) {
        if (!(err instanceof BlobMissing)) throw err;
        // The collector removed the blob between our look and our lock.
        if (!c.localPath || attempt >= 2) {
          throw new DomainError(
            ErrorCode.ArtifactObjectMissing,
            `Nothing is stored under ${key}.`,
            {
              key,
            },
          );
        }
        mustStore = true;
      }
    }
  }

  private async registerLocked(
    c: Candidate,
    key: string,
    manager: EntityManager,
  ): Promise<StoredArtifactDto> {
    await this.artifacts.lockUser(c.userId, manager);
    this.policy.roomFor(await this.artifacts.usage(c.userId, manager), c.size);
    const inserted = await this.blobs.upsert(
      { sha256: c.sha256, size: c.size, mime: c.type.mime },
      manager,
    );
    // The row is locked now: the collector cannot take the object away until we commit.
    if (!(await this.store.exists(key))) throw new BlobMissing();
    try {
      const artifact = await this.artifacts.insert(
        {
          id: uuidv7(),
          conversationId: c.conversationId,
          userId: c.userId,
          sha256: c.sha256,
          filename: c.filename,
          mime: c.type.mime,
          size: String(c.size),
          sessionId: c.sessionId,
          runId: c.runId,
          toolCallId: c.toolCallId,
          metadata: c.metadata,
        },
        manager,
      );
      return { ...ArtifactDto.from(artifact), deduplicated: !inserted };
    } catch (err) {
      // The conversation was erased between the access check and the insert.
      if (isForeignKeyViolation(err)) throw DomainError.notFound('Conversation');
      throw err;
    }
  }
}
