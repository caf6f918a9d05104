import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { mediaTypeOf } from '../../platform/http/body-media-type.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import { CollectionsService } from './collections.service.js';
import { jsonDocument, uploadedDocument } from './document-upload.js';
import { DocumentsRepository, type DocumentSource } from './documents.repository.js';
import type { RagRemovalReceiptDto } from './dto/collection.dto.js';
import { RagDocumentDto } from './dto/document.dto.js';
import type { RagCollection } from './entities/rag-collection.entity.js';
import { SourceKind } from './entities/rag-document.entity.js';

const ID_CURSOR = ['uuid'] as const;
export const INGEST_JOB = 'rag-ingest.document';
export const INGEST_ATTEMPTS = 3;

export interface DocumentInput {
  title: string;
  text: string;
  metadata?: Record<string, unknown>;
  /** `file` when it came as an uploaded file. */
  sourceKind?: SourceKind;
}

/** Documents of a collection (admin): stored at once, chunked and embedded by a job. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly collections: CollectionsService,
    private readonly documents: DocumentsRepository,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A JSON body or an uploaded file (multipart), whichever the request carries. */
  async addFrom(collectionName: string, req: Request): Promise<RagDocumentDto> {
    const collection = await this.collections.get(collectionName);
    const input =
      mediaTypeOf(req.headers['content-type']) === 'multipart/form-data'
        ? {
            ...(await uploadedDocument(req, this.config.rag.uploadMaxBytes)),
            sourceKind: SourceKind.File,
          }
        : await jsonDocument(req.body);
    return this.insert(collection, input);
  }

  async add(collectionName: string, input: DocumentInput): Promise<RagDocumentDto> {
    return this.insert(await this.collections.get(collectionName), input);
  }

  private async insert(collection: RagCollection, input: DocumentInput): Promise<RagDocumentDto> {
    const doc = await this.documents.insert(uuidv7(), collection.id, source(input));
    await this.enqueue(doc.id, doc.contentSha256);
    return RagDocumentDto.from(doc, collection.name);
  }

  /** New content: its chunks are rebuilt by difference, the old ones searchable meanwhile. */
  async replace(collectionName: string, id: string, input: DocumentInput): Promise<RagDocumentDto> {
    const collection = await this.collections.get(collectionName);
    const doc = await this.documents.replaceSource(collection.id, id, source(input));
    if (!doc) throw DomainError.notFound('Document');
    await this.enqueue(doc.id, doc.contentSha256);
    return RagDocumentDto.from(doc, collection.name);
  }

  async get(collectionName: string, id: string): Promise<RagDocumentDto> {
    const collection = await this.collections.get(collectionName);
    const doc = await this.documents.find(collection.id, id);
    if (!doc) throw DomainError.notFound('Document');
    return RagDocumentDto.from(doc, collection.name);
  }

  async list(
    collectionName: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<RagDocumentDto>> {
    const collection = await this.collections.get(collectionName);
    const after = cursor ? decodeCursor(cursor, ID_CURSOR)[0] : undefined;
    const rows = await this.documents.page(collection.id, limit, after);
    return toPage(
      rows,
      limit,
      (r) => [r.id],
      (r) => RagDocumentDto.from(r, collection.name),
    );
  }

  async remove(collectionName: string, id: string): Promise<RagRemovalReceiptDto> {
    const collection = await this.collections.get(collectionName);
    const removed = await this.documents.deleteCounting(collection.id, id);
    if (!removed) throw DomainError.notFound('Document');
    return { removed: { collections: 0, documents: 1, chunks: removed.chunks } };
  }

  /** One job per request; the job itself checks the content hash, so a stale one does nothing. */
  private async enqueue(documentId: string, sha256: string): Promise<void> {
    await this.queue.enqueue(
      INGEST_JOB,
      { documentId, sha256 },
      { jobId: `${documentId}.${uuidv7()}`, attempts: INGEST_ATTEMPTS },
    );
  }
}

function source(input: DocumentInput): DocumentSource {
  return {
    title: input.title,
    sourceKind: input.sourceKind ?? SourceKind.Text,
    metadata: input.metadata ?? {},
    content: input.text,
    contentSha256: createHash('sha256').update(input.text).digest('hex'),
  };
}
