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
  ResolvedSuggestionDto,
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

  /**
   * Resolves a suggestion, or opens it again. Accepting it applies it: the
   * document gets a new version with the original text replaced (see
   * `DocumentsService.applyEdit`), in the same transaction as the resolution,
   * so either both happen or neither (409 when it no longer applies). A
   * suggestion accepted already is not applied twice.
   */
  async resolve(
    userId: string,
    id: string,
    input: ResolveSuggestionDto,
  ): Promise<ResolvedSuggestionDto> {
    if (!input.resolved && input.resolution) {
      throw invalidField('resolution', 'only a resolved suggestion has a resolution');
    }
    await this.consent.assertProcessingAllowed(userId);
    const resolution = input.resolution ?? null;
    return this.db.transaction(async (manager) => {
      const before = await this.suggestions.lockOwned(id, userId, manager);
      if (!before) throw DomainError.notFound('Suggestion');
      const applies =
        input.resolved &&
        resolution === 'accepted' &&
        !(before.resolved && before.resolution === 'accepted');
      const applied = applies
        ? await this.documents.applyEdit(
            userId,
            before.documentId,
            { original: before.originalText, suggested: before.suggestedText },
            manager,
          )
        : undefined;
      const row = await this.suggestions.resolve(id, input.resolved, resolution, manager);
      return { ...toSuggestionDto(row), applied_version: applied?.version ?? null };
    });
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
