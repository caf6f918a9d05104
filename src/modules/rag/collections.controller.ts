import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { pageLimit, type Page } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { CollectionsService } from './collections.service.js';
import {
  RagCollectionDto,
  RagCollectionPageDto,
  CollectionParams,
  CreateRagCollectionDto,
  ListCollectionsQuery,
  RagRemovalReceiptDto,
  UpdateRagCollectionDto,
} from './dto/collection.dto.js';

@ApiTags('rag')
@ApiBearerAuth()
@Controller('rag/collections')
export class RagCollectionsController {
  constructor(private readonly collections: CollectionsService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a collection (admin); embedding profile from configuration' })
  @ApiCreatedResponse({ type: RagCollectionDto })
  @ApiConflictResponse({ description: 'The name is taken' })
  create(@Body() body: CreateRagCollectionDto): Promise<RagCollectionDto> {
    return this.collections.create({
      name: body.name,
      audience: body.audience,
      chunkSize: body.chunk_size,
      chunkOverlap: body.chunk_overlap,
    });
  }

  @Get()
  @ApiOperation({ summary: 'Collections the caller can search (admins: all), by name' })
  @ApiOkResponse({ type: RagCollectionPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Query() query: ListCollectionsQuery,
  ): Promise<Page<RagCollectionDto>> {
    return this.collections.list(me, pageLimit(query), query.after);
  }

  @Patch(':name')
  @Roles(Role.Admin)
  @HttpCode(202)
  @ApiOperation({
    summary: "Change a collection's embedding model (admin): re-embedded by a job",
    description:
      'Every chunk is embedded again into a new profile (dimensions may differ) while search ' +
      'keeps using the current one; when every chunk is done the collection switches at once ' +
      'and its generation is bumped. Progress shows in `reembedding` of the collection; a ' +
      'failed re-embed leaves the current profile in use.',
  })
  @ApiAcceptedResponse({ type: RagCollectionDto, description: 'Re-embedding; see `reembedding`' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description: 'Already embedded with this model, or another model change is under way',
  })
  update(
    @Param() params: CollectionParams,
    @Body() body: UpdateRagCollectionDto,
  ): Promise<RagCollectionDto> {
    return this.collections.changeModel(params.name, body.embedding);
  }

  @Delete(':name')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Delete a collection with its documents and chunks (admin)' })
  @ApiOkResponse({ type: RagRemovalReceiptDto, description: 'What was removed' })
  @ApiNotFoundResponse()
  remove(@Param() params: CollectionParams): Promise<RagRemovalReceiptDto> {
    return this.collections.remove(params.name);
  }
}
