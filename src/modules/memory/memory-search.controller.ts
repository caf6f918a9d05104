import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { MemorySearchResultDto, SearchMemoryDto } from './dto/memory-search.dto.js';
import { MemorySearchService } from './memory-search.service.js';

@ApiTags('memory')
@ApiBearerAuth()
@Controller('memory')
export class MemorySearchController {
  constructor(private readonly memory: MemorySearchService) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: "Semantic search over the caller's memory items that have text",
    description:
      'Items whose value is a string or has a `text` field, once embedded (a job after each ' +
      'write), under a namespace prefix when given; expired items never answer.',
  })
  @ApiOkResponse({ type: MemorySearchResultDto })
  @ApiForbiddenResponse({ description: 'Consent is missing (a minor without parental consent)' })
  @ApiServiceUnavailableResponse({ description: 'The embedding service cannot be reached' })
  async search(
    @CurrentUser() me: AuthContext,
    @Body() body: SearchMemoryDto,
  ): Promise<MemorySearchResultDto> {
    return {
      data: await this.memory.search(me.userId, {
        query: body.query,
        prefix: body.prefix,
        k: body.k ?? 10,
      }),
    };
  }
}
