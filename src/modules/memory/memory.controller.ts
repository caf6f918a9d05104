import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { pageLimit, type Page } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import {
  ListMemoryItemsQuery,
  MemoryItemDto,
  MemoryItemPageDto,
  MemoryItemParams,
  PutMemoryItemDto,
} from './dto/memory-item.dto.js';
import { MemoryItemsService } from './memory-items.service.js';

@ApiTags('memory')
@ApiBearerAuth()
@Controller('memory/items')
export class MemoryItemsController {
  constructor(private readonly items: MemoryItemsService) {}

  @Put(':namespace/:key')
  @ApiOperation({ summary: 'Store a value under a namespace and key (created or replaced)' })
  @ApiCreatedResponse({ type: MemoryItemDto, description: 'Created' })
  @ApiOkResponse({ type: MemoryItemDto, description: 'Replaced' })
  async put(
    @CurrentUser() me: AuthContext,
    @Param() params: MemoryItemParams,
    @Body() body: PutMemoryItemDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemoryItemDto> {
    const { item, created } = await this.items.put(me.userId, {
      ...params,
      value: body.value,
      ttlSeconds: body.ttl_seconds,
    });
    res.status(created ? 201 : 200);
    return item;
  }

  @Get(':namespace/:key')
  @ApiOperation({ summary: 'Read one value' })
  @ApiOkResponse({ type: MemoryItemDto })
  @ApiNotFoundResponse({ description: 'No such item (or it expired)' })
  get(@CurrentUser() me: AuthContext, @Param() params: MemoryItemParams): Promise<MemoryItemDto> {
    return this.items.get(me.userId, params.namespace, params.key);
  }

  @Delete(':namespace/:key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget one value' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async delete(@CurrentUser() me: AuthContext, @Param() params: MemoryItemParams): Promise<void> {
    await this.items.delete(me.userId, params.namespace, params.key);
  }

  @Get()
  @ApiOperation({ summary: 'List values in (namespace, key) order, under a namespace prefix' })
  @ApiOkResponse({ type: MemoryItemPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Query() query: ListMemoryItemsQuery,
  ): Promise<Page<MemoryItemDto>> {
    return this.items.list(me.userId, query.prefix, pageLimit(query), query.after);
  }
}
