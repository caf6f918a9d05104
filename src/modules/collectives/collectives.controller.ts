import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto, type Page } from '../../platform/http/pagination.js';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CollectivesService } from './collectives.service.js';
import {
  CollectiveDto,
  CollectivePageDto,
  CreateCollectiveDto,
  ParentalConsentDto,
  UpdateCollectiveDto,
} from './dto/collective.dto.js';

@ApiTags('collectives')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such collective, or you have no part in it' })
@ApiForbiddenResponse({ description: 'You are a member, but your role does not allow this' })
@Controller('collectives')
export class CollectivesController {
  constructor(private readonly collectives: CollectivesService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a collective (you become its owner), optionally under one you manage',
  })
  @ApiCreatedResponse({ type: CollectiveDto })
  create(
    @CurrentUser() me: AuthContext,
    @Body() body: CreateCollectiveDto,
  ): Promise<CollectiveDto> {
    return this.collectives.create(me.userId, body);
  }

  @Get()
  @ApiOperation({ summary: 'Collectives I am a member of' })
  @ApiOkResponse({ type: CollectivePageDto })
  list(@CurrentUser() me: AuthContext, @Query() query: PageQueryDto): Promise<Page<CollectiveDto>> {
    return this.collectives.list(me.userId, query);
  }

  @Get(':id')
  @Access('collective')
  @ApiOperation({ summary: 'A collective I belong to or manage through an ancestor' })
  @ApiOkResponse({ type: CollectiveDto })
  get(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<CollectiveDto> {
    return this.collectives.get(me.userId, id);
  }

  @Patch(':id')
  @Access('collective')
  @ApiOperation({
    summary: 'Rename or move (owner/admin); moving needs the new parent managed too',
  })
  @ApiOkResponse({ type: CollectiveDto })
  update(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateCollectiveDto,
  ): Promise<CollectiveDto> {
    return this.collectives.update(me.userId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('collective')
  @ApiOperation({
    summary: 'Delete (owner, or a manager of an ancestor); refused while it has sub-collectives',
  })
  @ApiNoContentResponse()
  remove(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<void> {
    return this.collectives.remove(me.userId, id);
  }

  @Put(':id/parental-consent')
  @Access('collective')
  @ApiOperation({
    summary: "The family's owner (a parent account) grants or withdraws consent for its minors",
  })
  @ApiOkResponse({ type: CollectiveDto })
  parentalConsent(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: ParentalConsentDto,
  ): Promise<CollectiveDto> {
    return this.collectives.setParentalConsent(me.userId, id, body.granted ?? true);
  }
}
