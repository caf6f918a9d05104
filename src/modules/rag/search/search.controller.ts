import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentUser } from '../../auth/auth.decorators.js';
import { RagSearchDto, RagSearchResultDto } from '../dto/search.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('rag')
@ApiBearerAuth()
@Controller('rag/search')
export class RagSearchController {
  constructor(private readonly searches: SearchService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Search the knowledge base (by default the caller's audience), best first",
  })
  @ApiOkResponse({
    type: RagSearchResultDto,
    headers: {
      'X-Cache': {
        description:
          'embedding-hit: this exact query text was embedded before (the embedding cache ' +
          'answered; results may also come from the semantic cache); semantic-hit: the results ' +
          'of a near query in the same scope (collections at their current generation, ' +
          'audience, model, k, mode, filter) answered, its chunks read again; miss: neither',
        schema: { type: 'string', enum: ['embedding-hit', 'semantic-hit', 'miss'] },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'No such collection within your reach' })
  @ApiServiceUnavailableResponse({
    description: 'The embedding service cannot embed the query (a cached embedding still answers)',
  })
  async search(
    @CurrentUser() me: AuthContext,
    @Body() body: RagSearchDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RagSearchResultDto> {
    const { data, cache } = await this.searches.search(me, {
      query: body.query,
      k: body.k,
      collection: body.collection,
      filter: body.filter,
      mode: body.mode,
      scoreThreshold: body.score_threshold,
    });
    res.setHeader('X-Cache', cache);
    return { data };
  }
}
