import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { isUuid } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { CLIENT_ID } from './dto/artifact.dto.js';
import type { SniffedType } from './mime-sniff.js';
import type { UploadFields } from './multipart-upload.js';

const MAX_METADATA_BYTES = 16 * 1024;

export interface ArtifactAttributes {
  sessionId: string | null;
  runId: string | null;
  toolCallId: string | null;
  metadata: Record<string, unknown>;
}

/** The configured limits and what may be stored. */
@Injectable()
export class ArtifactPolicy {
  readonly maxBytes: number;
  readonly quotaBytes: number;
  readonly quotaCount: number;
  readonly graceSeconds: number;
  readonly allowHtml: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.env.ARTIFACT_MAX_BYTES;
    this.quotaBytes = config.env.ARTIFACT_QUOTA_BYTES;
    this.quotaCount = config.env.ARTIFACT_QUOTA_COUNT;
    this.graceSeconds = config.env.ARTIFACT_BLOB_GRACE_SECONDS;
    this.allowHtml = config.env.ARTIFACT_ALLOW_HTML;
  }

  /** The most one more file of the user may have; throws when the quota is already used up. */
  roomFor(usage: { count: number; bytes: number }, size = 1): number {
    if (usage.count + 1 > this.quotaCount) {
      throw new DomainError(
        ErrorCode.ArtifactQuotaCount,
        `You have reached the limit of ${this.quotaCount} artifacts; delete some first.`,
        { limit: this.quotaCount },
      );
    }
    const room = this.quotaBytes - usage.bytes;
    if (room < size) throw this.bytesQuota();
    return Math.min(room, this.maxBytes);
  }

  bytesQuota(): DomainError {
    return new DomainError(
      ErrorCode.ArtifactQuotaBytes,
      `The upload would exceed your artifact storage quota of ${this.quotaBytes} bytes.`,
      { limit: this.quotaBytes },
    );
  }

  /** Throws 415 for content that is not accepted. */
  assertAccepted(type: SniffedType): void {
    if (!type.refused) return;
    if (type.refused === 'active-content' && this.allowHtml) return;
    throw new DomainError(
      ErrorCode.ArtifactTypeRefused,
      type.refused === 'executable'
        ? `Executable content (${type.mime}) is not accepted.`
        : `Active content (${type.mime}) is not accepted.`,
      { mime: type.mime },
    );
  }

  /** The text fields of a multipart upload, checked as a JSON body's would be. */
  formAttributes(fields: UploadFields): ArtifactAttributes {
    const errors: { field: string; message: string }[] = [];
    const { session_id, run_id, tool_call_id, metadata } = fields;
    if (session_id !== undefined && !isUuid(session_id)) {
      errors.push({ field: 'session_id', message: 'session_id must be a UUID' });
    }
    for (const [field, value] of [
      ['run_id', run_id],
      ['tool_call_id', tool_call_id],
    ] as const) {
      if (value !== undefined && !CLIENT_ID.test(value)) {
        errors.push({ field, message: `${field} must be 1-200 printable characters` });
      }
    }
    let parsed: unknown = {};
    if (metadata !== undefined) {
      try {
        parsed = JSON.parse(metadata);
      } catch {
        parsed = undefined;
      }
      if (!isPlainObject(parsed)) {
        errors.push({ field: 'metadata', message: 'metadata must be a JSON object' });
      }
    }
    if (errors.length === 0 && !this.metadataFits(parsed)) {
      errors.push({
        field: 'metadata',
        message: `metadata must be at most ${MAX_METADATA_BYTES} bytes`,
      });
    }
    if (errors.length)
      throw new DomainError(ErrorCode.ValidationFailed, 'Validation failed.', { errors });
    return {
      sessionId: session_id ?? null,
      runId: run_id ?? null,
      toolCallId: tool_call_id ?? null,
      metadata: parsed as Record<string, unknown>,
    };
  }

  metadataFits(metadata: unknown): boolean {
    return Buffer.byteLength(JSON.stringify(metadata ?? {})) <= MAX_METADATA_BYTES;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
