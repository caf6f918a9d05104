import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../platform/http/public.decorator.js';
import { ContentService } from './content.service.js';
import { ContentCategoryParams, ContentQueryDto, ResolvedContentDto } from './dto/content.dto.js';

@ApiTags('content')
@Controller('content')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get(':category')
  @Public()
  @ApiOperation({
    summary: 'Localized content of a category, resolved key by key',
    description:
      'Public: front-ends need their text before anyone signs in, and content holds nothing ' +
      'personal. Each key comes from the most specific language of the chain (de-AT -> de -> ' +
      'the default language), within it from the requested variant before `all`, and within ' +
      'those from a database override before the shipped file.',
  })
  @ApiOkResponse({ type: ResolvedContentDto })
  @ApiNotFoundResponse({ description: 'No such category' })
  get(
    @Param() params: ContentCategoryParams,
    @Query() query: ContentQueryDto,
  ): Promise<ResolvedContentDto> {
    return this.content.resolve(params.category, query.language, query.variant);
  }
}
