import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.js';
import { BlobMeter } from '../../platform/storage/blob-meter.js';
import { BLOB_STORE, type BlobStore } from '../../platform/storage/blob-store.port.js';
import { ConsentService } from '../consent/consent.service.js';
import { ArtifactBlobsRepository } from './artifact-blobs.repository.js';
import { artifactBlobKey } from './artifact-key.js';
import { ArtifactPolicy, type ArtifactAttributes } from './artifact-policy.js';
import { ArtifactRegistrar } from './artifact-registrar.js';
import { ArtifactsRepository } from './artifacts.repository.js';
import { ArtifactDto, StoredArtifactDto, type IngestArtifactDto } from './dto/artifact.dto.js';
import { sanitizeFilename } from './filename.js';
import { sniffType, type SniffedType } from './mime-sniff.js';
import { HeadCollector, receiveMultipart } from './multipart-upload.js';

const ARTIFACT_CURSOR = ['uuid'] as const;

/**
 * Artifacts of conversations: content-addressed blobs (one per SHA-256)
 * referenced by artifact rows. Every method takes the owner.
 */
@Injectable()
export class ArtifactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly artifacts: ArtifactsRepository,
    private readonly blobs: ArtifactBlobsRepository,
    private readonly policy: ArtifactPolicy,
    private readonly registrar: ArtifactRegistrar,
    private readonly consent: ConsentService,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  /** A multipart upload, streamed: hashed and sniffed on its way to a temporary file. */
  async upload(userId: string, conversationId: string, req: Request): Promise<StoredArtifactDto> {
    await this.consent.assertProcessingAllowed(userId);
    const room = this.policy.roomFor(await this.artifacts.usage(userId));
    const file = await receiveMultipart(req, room).catch((err: unknown) => {
      throw this.quotaOrLimit(err, room);
    });
    try {
      const attributes = this.policy.formAttributes(file.fields);
      const type = await sniffType(file.head, file.size <= file.head.length, file.clientFilename);
      this.policy.assertAccepted(type);
      return await this.registrar.register({
        ...attributes,
        userId,
        conversationId,
        sha256: file.sha256,
        size: file.size,
        type,
        filename: sanitizeFilename(file.clientFilename, type.ext, keepable(type)),
        localPath: file.path,
      });
    } finally {
      await file.discard();
    }
  }

  /**
   * Registers an object already stored under its content key (an agent's
   * sandbox put it there): read back in full and hashed; a mismatch registers nothing.
   */
  async ingest(
    userId: string,
    conversationId: string,
    body: IngestArtifactDto,
  ): Promise<StoredArtifactDto> {
    await this.consent.assertProcessingAllowed(userId);
    if (!this.policy.metadataFits(body.metadata)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Validation failed.', {
        errors: [{ field: 'metadata', message: 'metadata must be at most 16384 bytes' }],
      });
    }
    return this.registerStored({
      userId,
      conversationId,
      sha256: body.sha256,
      filename: body.filename,
      sessionId: body.session_id ?? null,
      runId: body.run_id ?? null,
      toolCallId: body.tool_call_id ?? null,
      metadata: body.metadata ?? {},
    });
  }

  /**
   * Registers the object stored under the content key of `sha256`, once read
   * back in full: its hash (and declared size, if any) must match, or nothing
   * is registered (422).
   */
  async registerStored(
    s: ArtifactAttributes & {
      userId: string;
      conversationId: string;
      sha256: string;
      filename?: string | null;
      size?: number;
    },
  ): Promise<StoredArtifactDto> {
    const room = this.policy.roomFor(await this.artifacts.usage(s.userId));
    const key = artifactBlobKey(s.sha256);
    const stored = await this.store.get(key);
    if (!stored) {
      throw new DomainError(
        ErrorCode.ArtifactObjectMissing,
        `Nothing is stored under ${key}; put the object there first.`,
        { key },
      );
    }
    const head = new HeadCollector();
    let meter: BlobMeter;
    try {
      meter = new BlobMeter({ sha256: s.sha256, maxBytes: room, contentLength: s.size });
      await pipeline(stored.stream, meter, head, discardAll());
    } catch (err) {
      stored.stream.destroy();
      throw this.quotaOrLimit(err, room);
    }
    meter.verify();
    const type = await sniffType(head.head, meter.bytes <= head.head.length, s.filename ?? '');
    this.policy.assertAccepted(type);
    return this.registrar.register({
      userId: s.userId,
      conversationId: s.conversationId,
      sha256: s.sha256,
      size: meter.bytes,
      type,
      filename: sanitizeFilename(s.filename ?? undefined, type.ext, keepable(type)),
      sessionId: s.sessionId,
      runId: s.runId,
      toolCallId: s.toolCallId,
      metadata: s.metadata,
    });
  }

  /** Whether the content is stored and registered already (a client may skip sending it). */
  async isStored(sha256: string): Promise<boolean> {
    return (await this.blobs.claim(sha256)) && (await this.store.exists(artifactBlobKey(sha256)));
  }

  /** Removes an object under a content key that no blob row stands for (wrong content). */
  async discardUnregistered(sha256: string): Promise<void> {
    if (!(await this.blobs.claim(sha256))) await this.store.delete(artifactBlobKey(sha256));
  }

  async list(
    userId: string,
    conversationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<ArtifactDto>> {
    const after = cursor ? decodeCursor(cursor, ARTIFACT_CURSOR)[0] : undefined;
    const rows = await this.artifacts.page(conversationId, userId, limit, after);
    return toPage(rows, limit, (r) => [r.id], ArtifactDto.from);
  }

  async get(userId: string, id: string): Promise<ArtifactDto> {
    const artifact = await this.artifacts.findOwned(id, userId);
    if (!artifact) throw DomainError.notFound('Artifact');
    return ArtifactDto.from(artifact);
  }

  /** Drops the reference; the blob starts its grace period if it was the last one. */
  async delete(userId: string, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const sha = await this.artifacts.deleteOwned(id, userId, manager);
      if (!sha) throw DomainError.notFound('Artifact');
      await this.blobs.markOrphaned([sha], manager);
    });
  }

  /** A short-lived URL minted now (never stored), serving the sniffed type as an attachment. */
  async downloadUrl(userId: string, id: string): Promise<string> {
    const artifact = await this.artifacts.findOwned(id, userId);
    if (!artifact) throw DomainError.notFound('Artifact');
    return this.store.presign(artifactBlobKey(artifact.sha256), {
      filename: artifact.filename,
      contentType: servedType(artifact.mime),
    });
  }

  private quotaOrLimit(err: unknown, room: number): unknown {
    if (
      err instanceof DomainError &&
      err.code === ErrorCode.PayloadTooLarge &&
      room < this.policy.maxBytes
    ) {
      return this.policy.bytesQuota();
    }
    return err;
  }
}

/** Active content stored on purpose (ARTIFACT_ALLOW_HTML) keeps its own extension. */
function keepable(type: SniffedType): string[] {
  return type.refused ? [] : [type.ext];
}

/** Text was checked to be UTF-8 when it was sniffed; saying so spares the browser a guess. */
export function servedType(mime: string): string {
  return /^text\/|^application\/(json|xml)$/.test(mime) ? `${mime}; charset=utf-8` : mime;
}

function discardAll(): Writable {
  return new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
}
