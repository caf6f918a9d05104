import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiBodyPerMediaType } from '../../platform/http/api-schema.decorators.js';
import { AcceptsBody } from '../../platform/http/body-media-type.js';
import { pageLimit, type Page } from '../../platform/http/pagination.js';
import { Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { DocumentsService } from './documents.service.js';
import { CollectionParams, RagRemovalReceiptDto } from './dto/collection.dto.js';
import {
  RagDocumentDto,
  RagDocumentPageDto,
  DocumentParams,
  ListDocumentsQuery,
  PutRagDocumentDto,
  UploadRagDocumentForm,
} from './dto/document.dto.js';

@ApiTags('rag')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('rag/collections/:name/documents')
export class RagDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @HttpCode(202)
  @AcceptsBody('application/json', 'multipart/form-data')
  @ApiOperation({
    summary: 'Add a document (admin): stored now, chunked and embedded by a job',
    description:
      'The source is JSON `{title, text, metadata?}`, or a plain text or Markdown file uploaded ' +
      'as `multipart/form-data` (field `file`, optional `title` and `metadata`), streamed and ' +
      'sniffed from its bytes.',
  })
  @ApiBodyPerMediaType({
    'application/json': PutRagDocumentDto,
    'multipart/form-data': UploadRagDocumentForm,
  })
  @ApiAcceptedResponse({ type: RagDocumentDto, description: 'Queued; follow its status' })
  @ApiNotFoundResponse({ description: 'No such collection' })
  @ApiPayloadTooLargeResponse({ description: 'A file larger than RAG_UPLOAD_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file that is not UTF-8 text or Markdown' })
  add(@Param() params: CollectionParams, @Req() req: Request): Promise<RagDocumentDto> {
    return this.documents.addFrom(params.name, req);
  }

  @Put(':id')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Replace a document (admin): only changed chunks are embedded; the old ones stay searchable until then',
  })
  @ApiAcceptedResponse({ type: RagDocumentDto })
  @ApiNotFoundResponse()
  replace(
    @Param() params: DocumentParams,
    @Body() body: PutRagDocumentDto,
  ): Promise<RagDocumentDto> {
    return this.documents.replace(params.name, params.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'Documents of a collection (admin), in creation order' })
  @ApiOkResponse({ type: RagDocumentPageDto })
  list(
    @Param() params: CollectionParams,
    @Query() query: ListDocumentsQuery,
  ): Promise<Page<RagDocumentDto>> {
    return this.documents.list(params.name, pageLimit(query), query.after);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One document with its ingest status and progress (admin)' })
  @ApiOkResponse({ type: RagDocumentDto })
  @ApiNotFoundResponse()
  get(@Param() params: DocumentParams): Promise<RagDocumentDto> {
    return this.documents.get(params.name, params.id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a document and its chunks (admin)' })
  @ApiOkResponse({ type: RagRemovalReceiptDto, description: 'What was removed' })
  @ApiNotFoundResponse()
  remove(@Param() params: DocumentParams): Promise<RagRemovalReceiptDto> {
    return this.documents.remove(params.name, params.id);
  }
}
