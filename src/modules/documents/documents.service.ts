import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { isForeignKeyViolation } from '../../platform/database/pg-errors.js';
import { isUuid, uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { assertFieldFits, invalidField } from '../../platform/http/field-errors.js';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { ConsentService } from '../consent/consent.service.js';
import { DocumentsRepository, type DocumentRow, type VersionRow } from './documents.repository.js';
import type {
  CreateDocumentDto,
  CreateDocumentVersionDto,
  DocumentDto,
  DocumentVersionDto,
} from './dto/document.dto.js';
import { DocumentKind } from './entities/document.entity.js';

const DOCUMENT_CURSOR = ['uuid'] as const;
const VERSION_CURSOR = ['count'] as const;

/**
 * Documents of conversations with numbered versions (seed 000). Every method
 * takes the owner of the conversation; a minor's writes pass the consent gate.
 */
@Injectable()
export class DocumentsService {
  private readonly maxBytes: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly artifacts: ArtifactsService,
    private readonly consent: ConsentService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxBytes = config.env.DOCUMENT_MAX_BYTES;
  }

  async create(
    userId: string,
    conversationId: string,
    input: CreateDocumentDto,
  ): Promise<DocumentDto> {
    await this.consent.assertProcessingAllowed(userId);
    await this.assertContent(userId, conversationId, input.kind, input.content);
    const id = uuidv7();
    await this.db
      .transaction((manager) =>
        this.documents.insert(
          { id, conversationId, kind: input.kind },
          { id: uuidv7(), title: input.title, content: input.content },
          manager,
        ),
      )
      .catch((err: unknown) => {
        // The conversation was erased between the access check and the insert.
        if (isForeignKeyViolation(err)) throw DomainError.notFound('Conversation');
        throw err;
      });
    return this.get(userId, id);
  }

  async list(
    userId: string,
    conversationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<DocumentDto>> {
    const before = cursor ? decodeCursor(cursor, DOCUMENT_CURSOR)[0] : undefined;
    const rows = await this.documents.page(conversationId, userId, limit, before);
    return toPage(rows, limit, (r) => [r.id], toDocumentDto);
  }

  /** The newest version. */
  async get(userId: string, id: string, manager?: EntityManager): Promise<DocumentDto> {
    const row = await this.documents.findOwned(id, userId, manager);
    if (!row) throw DomainError.notFound('Document');
    return toDocumentDto(row);
  }

  /** Its versions and their suggestions go with it. */
  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.documents.deleteOwned(id, userId))) throw DomainError.notFound('Document');
  }

  /** A new version numbered after the newest; concurrent writers queue on the document's lock. */
  async addVersion(
    userId: string,
    id: string,
    input: CreateDocumentVersionDto,
  ): Promise<DocumentVersionDto> {
    await this.consent.assertProcessingAllowed(userId);
    // Kind and conversation never change: the content is checked before the lock is taken.
    const doc = await this.documents.head(id, userId);
    if (!doc) throw DomainError.notFound('Document');
    await this.assertContent(userId, doc.conversationId, doc.kind, input.content);
    return this.db.transaction(async (manager) => {
      if (!(await this.documents.head(id, userId, manager))) {
        throw DomainError.notFound('Document');
      }
      const version = await this.documents.insertVersion(
        id,
        { id: uuidv7(), title: input.title, content: input.content },
        manager,
      );
      return toVersionDto(version);
    });
  }

  /**
   * Applies an accepted suggestion as a new version, inside the caller's
   * transaction: the first occurrence of `original` in the newest version is
   * replaced by `suggested`. When the newest version no longer holds the
   * original text (a later version changed it), or the document is an image,
   * nothing is written: 409.
   */
  async applyEdit(
    userId: string,
    id: string,
    edit: { original: string; suggested: string },
    manager: EntityManager,
  ): Promise<DocumentVersionDto> {
    const doc = await this.documents.head(id, userId, manager);
    if (!doc) throw DomainError.notFound('Document');
    const newest = (await this.documents.findVersion(id, undefined, manager))!;
    if (doc.kind === DocumentKind.Image) {
      throw new DomainError(ErrorCode.Conflict, 'An image document takes no text suggestion.');
    }
    const at = newest.content.indexOf(edit.original);
    if (at < 0) {
      throw new DomainError(
        ErrorCode.Conflict,
        `The original text no longer occurs in version ${newest.version}, the newest: ` +
          'the suggestion cannot be applied.',
        { version: newest.version },
      );
    }
    const content =
      newest.content.slice(0, at) +
      edit.suggested +
      newest.content.slice(at + edit.original.length);
    assertFieldFits('content', content, this.maxBytes);
    const version = await this.documents.insertVersion(
      id,
      { id: uuidv7(), title: undefined, content },
      manager,
    );
    return toVersionDto(version);
  }

  async versions(
    userId: string,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<DocumentVersionDto>> {
    const after = cursor ? decodeCursor(cursor, VERSION_CURSOR)[0] : undefined;
    await this.assertOwned(userId, id);
    const rows = await this.documents.versionsPage(id, limit, after);
    return toPage(rows, limit, (r) => [r.version], toVersionDto);
  }

  /**
   * Makes `after` the newest version again: the later versions and the
   * suggestions made against them go, in one transaction.
   */
  async revert(userId: string, id: string, after: number): Promise<DocumentDto> {
    return this.db.transaction(async (manager) => {
      if (!(await this.documents.head(id, userId, manager))) {
        throw DomainError.notFound('Document');
      }
      if (!(await this.documents.findVersion(id, after, manager))) {
        throw invalidField('after', `the document has no version ${after}`);
      }
      await this.documents.deleteVersionsAfter(id, after, manager);
      return this.get(userId, id, manager);
    });
  }

  /** A version the caller's document has (the newest when none is named), for suggestions. */
  async versionOf(userId: string, id: string, version?: number): Promise<VersionRow> {
    await this.assertOwned(userId, id);
    const row = await this.documents.findVersion(id, version);
    if (!row) throw invalidField('version', `the document has no version ${version}`);
    return row;
  }

  async assertOwned(userId: string, id: string): Promise<void> {
    if (!(await this.documents.isOwner(userId, id))) throw DomainError.notFound('Document');
  }

  /** Erasure of a conversation, inside its transaction. */
  eraseConversation(
    table: 'document_suggestions' | 'document_versions' | 'documents',
    conversationId: string,
    manager: EntityManager,
  ): Promise<number> {
    return this.documents.eraseConversation(table, conversationId, manager);
  }

  /** Text within DOCUMENT_MAX_BYTES; an image names an image artifact of the same conversation. */
  private async assertContent(
    userId: string,
    conversationId: string,
    kind: DocumentKind,
    content: string,
  ): Promise<void> {
    assertFieldFits('content', content, this.maxBytes);
    if (kind !== DocumentKind.Image) return;
    if (!isUuid(content)) throw invalidField('content', 'an image document names an artifact id');
    const artifact = await this.artifacts.get(userId, content).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return undefined;
      throw err;
    });
    if (!artifact || artifact.conversation_id !== conversationId) {
      throw invalidField('content', 'no such artifact in this conversation');
    }
    if (!artifact.mime.startsWith('image/')) {
      throw invalidField('content', `the artifact is ${artifact.mime}, not an image`);
    }
  }
}

function toDocumentDto(r: DocumentRow): DocumentDto {
  return {
    id: r.id,
    conversation_id: r.conversationId,
    kind: r.kind,
    title: r.title,
    content: r.content,
    version: r.version,
    created_at: new Date(r.createdAt).toISOString(),
    updated_at: new Date(r.updatedAt).toISOString(),
  };
}

function toVersionDto(r: VersionRow): DocumentVersionDto {
  return {
    version: r.version,
    title: r.title,
    content: r.content,
    created_at: new Date(r.createdAt).toISOString(),
  };
}
