import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { SecretsService } from '../../platform/config/secrets.service.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { BLOB_STORE, type BlobStore } from '../../platform/storage/blob-store.port.js';
import { ConsentService } from '../consent/consent.service.js';
import { artifactBlobKey } from './artifact-key.js';
import { ArtifactPolicy } from './artifact-policy.js';
import { ArtifactUploadsRepository } from './artifact-uploads.repository.js';
import { ArtifactsRepository } from './artifacts.repository.js';
import { ArtifactsService } from './artifacts.service.js';
import type {
  ArtifactUploadDto,
  CreateArtifactUploadDto,
  StoredArtifactDto,
} from './dto/artifact.dto.js';
import { UploadLinkSigner } from './upload-link.js';

const CONTENT_TYPE = 'application/octet-stream';

/**
 * Large files, sent past the API: the client declares hash and size, PUTs the
 * bytes to a presigned URL (S3 checks the signed length and checksum itself;
 * the filesystem store gets a signed API link that checks them while
 * streaming), then `complete` reads the object back and registers it.
 */
@Injectable()
export class ArtifactUploadsService {
  private readonly signer: UploadLinkSigner;
  private readonly ttlSeconds: number;
  private readonly publicUrl: string;

  constructor(
    private readonly uploads: ArtifactUploadsRepository,
    private readonly artifactRows: ArtifactsRepository,
    private readonly artifacts: ArtifactsService,
    private readonly policy: ArtifactPolicy,
    private readonly consent: ConsentService,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Inject(APP_CONFIG) config: AppConfig,
    secrets: SecretsService,
  ) {
    this.signer = new UploadLinkSigner(secrets.urlSigningKey);
    this.ttlSeconds = config.blobs.urlTtlSeconds;
    this.publicUrl = config.env.PUBLIC_URL ?? `http://localhost:${config.env.PORT}`;
  }

  async create(
    userId: string,
    conversationId: string,
    body: CreateArtifactUploadDto,
  ): Promise<ArtifactUploadDto> {
    await this.consent.assertProcessingAllowed(userId);
    if (!this.policy.metadataFits(body.metadata)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Validation failed.', {
        errors: [{ field: 'metadata', message: 'metadata must be at most 16384 bytes' }],
      });
    }
    if (body.size > this.policy.maxBytes) {
      throw new DomainError(
        ErrorCode.PayloadTooLarge,
        `The upload exceeds the limit of ${this.policy.maxBytes} bytes.`,
        { limit: this.policy.maxBytes },
      );
    }
    this.policy.roomFor(await this.artifactRows.usage(userId), body.size);
    const id = uuidv7();
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    await this.uploads.insert({
      id,
      conversationId,
      userId,
      sha256: body.sha256,
      size: String(body.size),
      filename: body.filename ?? null,
      sessionId: body.session_id ?? null,
      runId: body.run_id ?? null,
      toolCallId: body.tool_call_id ?? null,
      metadata: body.metadata ?? {},
      expiresAt,
    });
    const key = artifactBlobKey(body.sha256);
    const target = this.store.presignUpload
      ? await this.store.presignUpload(key, {
          contentLength: body.size,
          sha256: body.sha256,
          contentType: CONTENT_TYPE,
          ttlSeconds: this.ttlSeconds,
        })
      : this.apiLink(id, body.size);
    return {
      id,
      method: 'PUT',
      url: target.url,
      headers: target.headers,
      expires_at: expiresAt.toISOString(),
      already_stored: await this.artifacts.isStored(body.sha256),
    };
  }

  /** The filesystem store's PUT: the signed link is the credential. Stores nothing that differs. */
  async receive(id: string, query: { exp?: string; sig?: string }, req: Request): Promise<void> {
    this.signer.verify(id, query);
    // S3 takes its presigned PUTs itself; this route only ever stood for the filesystem.
    if (this.store.presignUpload) throw DomainError.notFound('Upload');
    const upload = await this.uploads.findLive(id);
    if (!upload) throw DomainError.notFound('Upload');
    const size = Number(upload.size);
    await this.store.put(artifactBlobKey(upload.sha256), req, {
      contentType: CONTENT_TYPE,
      contentLength: size,
      sha256: upload.sha256,
      maxBytes: size,
    });
  }

  async complete(userId: string, id: string): Promise<StoredArtifactDto> {
    const upload = await this.uploads.findOwned(id, userId);
    if (!upload) throw DomainError.notFound('Upload');
    if (new Date(upload.expiresAt).getTime() <= Date.now()) {
      throw new DomainError(ErrorCode.LinkExpired, 'This upload has expired; start another.');
    }
    await this.consent.assertProcessingAllowed(userId);
    let artifact: StoredArtifactDto;
    try {
      artifact = await this.artifacts.registerStored({
        userId,
        conversationId: upload.conversationId,
        sha256: upload.sha256,
        size: Number(upload.size),
        filename: upload.filename,
        sessionId: upload.sessionId,
        runId: upload.runId,
        toolCallId: upload.toolCallId,
        metadata: upload.metadata,
      });
    } catch (err) {
      // Wrong bytes under a content key must not wait there for a later registration.
      if (err instanceof DomainError && err.code === ErrorCode.BlobContentMismatch) {
        await this.artifacts.discardUnregistered(upload.sha256);
      }
      throw err;
    }
    await this.uploads.delete(id);
    return artifact;
  }

  private apiLink(id: string, size: number): { url: string; headers: Record<string, string> } {
    const url = new URL(`/v1/artifact-uploads/${id}/content`, this.publicUrl);
    url.search = new URLSearchParams(this.signer.link(id, this.ttlSeconds)).toString();
    return {
      url: url.toString(),
      headers: { 'Content-Type': CONTENT_TYPE, 'Content-Length': String(size) },
    };
  }
}
