import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isForeignKeyViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { invalidField } from '../../platform/http/field-errors.js';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.js';
import { ConsentService } from '../consent/consent.service.js';
import { DocumentsService } from './documents.service.js';
import type {
  CreateSuggestionDto,
  Resolution,
  ResolveSuggestionDto,
  SuggestionDto,
} from './dto/suggestion.dto.js';
import { SuggestionsRepository, type SuggestionRow } from './suggestions.repository.js';

const SUGGESTION_CURSOR = ['uuid'] as const;

/** Suggested edits of document versions, resolvable by the document's owner. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly suggestions: SuggestionsRepository,
    private readonly documents: DocumentsService,
    private readonly consent: ConsentService,
  ) {}

  /** Against a version (the newest by default) whose content holds the original text. */
  async create(
    userId: string,
    documentId: string,
    input: CreateSuggestionDto,
  ): Promise<SuggestionDto> {
    await this.consent.assertProcessingAllowed(userId);
    const version = await this.documents.versionOf(userId, documentId, input.version);
    if (!version.content.includes(input.original_text)) {
      throw invalidField('original_text', `does not occur in version ${version.version}`);
    }
    const row = await this.db
      .transaction((manager) =>
        this.suggestions.insert(
          {
            id: uuidv7(),
            documentId,
            versionId: version.id,
            originalText: input.original_text,
            suggestedText: input.suggested_text,
            description: input.description ?? null,
          },
          manager,
        ),
      )
      .catch((err: unknown) => {
        // A revert (or the document's deletion) removed the version meanwhile.
        if (isForeignKeyViolation(err)) {
          throw invalidField('version', `version ${version.version} was removed`);
        }
        throw err;
      });
    return toSuggestionDto(row);
  }

  async list(
    userId: string,
    documentId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<SuggestionDto>> {
    const after = cursor ? decodeCursor(cursor, SUGGESTION_CURSOR)[0] : undefined;
    await this.documents.assertOwned(userId, documentId);
    const rows = await this.suggestions.page(documentId, limit, after);
    return toPage(rows, limit, (r) => [r.id], toSuggestionDto);
  }

  async resolve(userId: string, id: string, input: ResolveSuggestionDto): Promise<SuggestionDto> {
    if (!input.resolved && input.resolution) {
      throw invalidField('resolution', 'only a resolved suggestion has a resolution');
    }
    await this.consent.assertProcessingAllowed(userId);
    const row = await this.suggestions.resolve(
      id,
      userId,
      input.resolved,
      input.resolution ?? null,
    );
    if (!row) throw DomainError.notFound('Suggestion');
    return toSuggestionDto(row);
  }
}

function toSuggestionDto(r: SuggestionRow): SuggestionDto {
  return {
    id: r.id,
    document_id: r.documentId,
    version: r.version,
    original_text: r.originalText,
    suggested_text: r.suggestedText,
    description: r.description,
    resolved: r.resolved,
    resolution: r.resolution as Resolution | null,
    resolved_at: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
    created_at: new Date(r.createdAt).toISOString(),
  };
}
