import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { DocumentsRepository } from './documents.repository.js';
import { SuggestionsRepository } from './suggestions.repository.js';

export const DOCUMENT = 'document';
export const SUGGESTION = 'suggestion';

/** `@Access('document')`: documents of the caller's conversations only. */
@AccessChecker()
@Injectable()
export class DocumentAccessChecker implements ResourceChecker {
  readonly kind = DOCUMENT;
  readonly name = 'Document';

  constructor(private readonly documents: DocumentsRepository) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.documents.isOwner(userId, id);
  }
}

/** `@Access('suggestion')`: suggestions on documents of the caller's conversations only. */
@AccessChecker()
@Injectable()
export class SuggestionAccessChecker implements ResourceChecker {
  readonly kind = SUGGESTION;
  readonly name = 'Suggestion';

  constructor(private readonly suggestions: SuggestionsRepository) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.suggestions.isOwner(userId, id);
  }
}
