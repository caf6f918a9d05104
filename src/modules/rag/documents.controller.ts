import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pageLimit, type Page } from '../../platform/http/pagination.js';
import { Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { DocumentsService } from './documents.service.js';
import { CollectionParams, RemovalReceiptDto } from './dto/collection.dto.js';
import {
  DocumentDto,
  DocumentPageDto,
  DocumentParams,
  ListDocumentsQuery,
  PutDocumentDto,
} from './dto/document.dto.js';

@ApiTags('rag')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('rag/collections/:name/documents')
export class RagDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Add a document (admin): stored now, chunked and embedded by a job' })
  @ApiAcceptedResponse({ type: DocumentDto, description: 'Queued; follow its status' })
  @ApiNotFoundResponse({ description: 'No such collection' })
  add(@Param() params: CollectionParams, @Body() body: PutDocumentDto): Promise<DocumentDto> {
    return this.documents.add(params.name, body);
  }

  @Put(':id')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Replace a document (admin): only changed chunks are embedded; the old ones stay searchable until then',
  })
  @ApiAcceptedResponse({ type: DocumentDto })
  @ApiNotFoundResponse()
  replace(@Param() params: DocumentParams, @Body() body: PutDocumentDto): Promise<DocumentDto> {
    return this.documents.replace(params.name, params.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'Documents of a collection (admin), in creation order' })
  @ApiOkResponse({ type: DocumentPageDto })
  list(
    @Param() params: CollectionParams,
    @Query() query: ListDocumentsQuery,
  ): Promise<Page<DocumentDto>> {
    return this.documents.list(params.name, pageLimit(query), query.after);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One document with its ingest status and progress (admin)' })
  @ApiOkResponse({ type: DocumentDto })
  @ApiNotFoundResponse()
  get(@Param() params: DocumentParams): Promise<DocumentDto> {
    return this.documents.get(params.name, params.id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a document and its chunks (admin)' })
  @ApiOkResponse({ type: RemovalReceiptDto, description: 'What was removed' })
  @ApiNotFoundResponse()
  remove(@Param() params: DocumentParams): Promise<RemovalReceiptDto> {
    return this.documents.remove(params.name, params.id);
  }
}
