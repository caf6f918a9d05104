import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
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
import { DOCUMENT } from './document-access.checkers.js';
import { DocumentsService } from './documents.service.js';
import {
  CreateDocumentDto,
  CreateDocumentVersionDto,
  DocumentDto,
  DocumentPageDto,
  DocumentVersionDto,
  DocumentVersionPageDto,
  RevertDocumentQueryDto,
} from './dto/document.dto.js';

const CONSENT = 'Consent is missing (a minor without parental consent)';
const TOO_LARGE = 'The content is larger than DOCUMENT_MAX_BYTES';

@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such conversation of the caller' })
@Controller('conversations/:id/documents')
export class ConversationDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @Access('conversation')
  @ApiOperation({
    summary: 'Create a document (text, code, sheet or image) with its version 1',
    description:
      "An image document's content is the id of an image artifact of the same conversation.",
  })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiForbiddenResponse({ description: CONSENT })
  @ApiPayloadTooLargeResponse({ description: TOO_LARGE })
  create(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateDocumentDto,
  ): Promise<DocumentDto> {
    return this.documents.create(me.userId, id, body);
  }

  @Get()
  @Access('conversation')
  @ApiOperation({
    summary: 'Documents of a conversation, newest first, each as its newest version',
    description: "Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).",
  })
  @ApiOkResponse({ type: DocumentPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DocumentDto>> {
    return this.documents.list(me.userId, id, pageLimit(query), query.after);
  }
}

@ApiTags('documents')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such document of the caller' })
@Controller('documents/:id')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Access(DOCUMENT)
  @ApiOperation({ summary: 'A document as its newest version' })
  @ApiOkResponse({ type: DocumentDto })
  get(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<DocumentDto> {
    return this.documents.get(me.userId, id);
  }

  @Delete()
  @Access(DOCUMENT)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a document',
    description: 'Every version and every suggestion goes with it.',
  })
  @ApiNoContentResponse()
  async delete(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<void> {
    await this.documents.delete(me.userId, id);
  }

  @Post('versions')
  @Access(DOCUMENT)
  @ApiOperation({
    summary: 'Add a version, numbered after the newest',
    description: 'Concurrent writers get distinct numbers, in the order they commit.',
  })
  @ApiCreatedResponse({ type: DocumentVersionDto })
  @ApiForbiddenResponse({ description: CONSENT })
  @ApiPayloadTooLargeResponse({ description: TOO_LARGE })
  addVersion(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateDocumentVersionDto,
  ): Promise<DocumentVersionDto> {
    return this.documents.addVersion(me.userId, id, body);
  }

  @Get('versions')
  @Access(DOCUMENT)
  @ApiOperation({
    summary: 'Versions of a document, oldest first',
    description: "Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).",
  })
  @ApiOkResponse({ type: DocumentVersionPageDto })
  versions(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DocumentVersionDto>> {
    return this.documents.versions(me.userId, id, pageLimit(query), query.after);
  }

  @Delete('versions')
  @Access(DOCUMENT)
  @ApiOperation({
    summary: 'Revert: remove every version after `after`',
    description:
      'In one transaction; suggestions made against the removed versions go too. ' +
      'Answers the document as its newest version, now `after`.',
  })
  @ApiOkResponse({ type: DocumentDto })
  revert(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: RevertDocumentQueryDto,
  ): Promise<DocumentDto> {
    return this.documents.revert(me.userId, id, query.after);
  }
}
