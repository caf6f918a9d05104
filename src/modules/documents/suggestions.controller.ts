import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../../platform/access/access.decorator.js';
import { PageQueryDto, pageLimit, type Page } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { DOCUMENT, SUGGESTION } from './document-access.checkers.js';
import {
  CreateSuggestionDto,
  ResolveSuggestionDto,
  ResolvedSuggestionDto,
  SuggestionDto,
  SuggestionPageDto,
} from './dto/suggestion.dto.js';
import { SuggestionsService } from './suggestions.service.js';

const CONSENT = 'Consent is missing (a minor without parental consent)';

@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such document of the caller' })
@Controller('documents/:id/suggestions')
export class DocumentSuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Post()
  @Access(DOCUMENT)
  @ApiOperation({
    summary: 'Suggest an edit of a version (the newest by default)',
    description: 'The original text must occur in that version.',
  })
  @ApiCreatedResponse({ type: SuggestionDto })
  @ApiForbiddenResponse({ description: CONSENT })
  create(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateSuggestionDto,
  ): Promise<SuggestionDto> {
    return this.suggestions.create(me.userId, id, body);
  }

  @Get()
  @Access(DOCUMENT)
  @ApiOperation({
    summary: 'Suggestions on a document, oldest first',
    description: "Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).",
  })
  @ApiOkResponse({ type: SuggestionPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SuggestionDto>> {
    return this.suggestions.list(me.userId, id, pageLimit(query), query.after);
  }
}

@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such suggestion of the caller' })
@Controller('suggestions/:id')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Patch()
  @Access(SUGGESTION)
  @ApiOperation({
    summary: 'Resolve a suggestion (accepted or rejected), or open it again',
    description:
      'Accepting applies the suggestion as a new version of the document, in the same ' +
      'transaction as the resolution (`applied_version`); a suggestion accepted already is ' +
      'not applied again, and opening it again keeps the version it made.',
  })
  @ApiOkResponse({ type: ResolvedSuggestionDto })
  @ApiForbiddenResponse({ description: CONSENT })
  @ApiConflictResponse({
    description: 'Accepted, but the newest version no longer holds the original text',
  })
  @ApiPayloadTooLargeResponse({
    description: 'The applied version would exceed DOCUMENT_MAX_BYTES',
  })
  resolve(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: ResolveSuggestionDto,
  ): Promise<ResolvedSuggestionDto> {
    return this.suggestions.resolve(me.userId, id, body);
  }
}
