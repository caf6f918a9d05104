import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { FlagEvaluationDto, SampleEvaluationDto } from './dto/evaluation.dto.js';
import {
  CreateFeatureFlagDto,
  FeatureFlagDto,
  FeatureFlagListDto,
  FlagNameParams,
  UpdateFeatureFlagDto,
} from './dto/feature-flag.dto.js';
import { FeatureFlagsService } from './feature-flags.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiNotFoundResponse({ description: 'No such flag; or not an admin (the admin surface is hidden)' })
@Controller('admin/feature-flags')
export class AdminFeatureFlagsController {
  constructor(private readonly flags: FeatureFlagsService) {}

  @Get()
  @ApiOperation({ summary: 'Every feature flag, by name' })
  @ApiOkResponse({ type: FeatureFlagListDto })
  async list(): Promise<FeatureFlagListDto> {
    return { data: await this.flags.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create a flag (audited; every instance sees it within a second)' })
  @ApiCreatedResponse({ type: FeatureFlagDto })
  @ApiConflictResponse({ description: 'A flag with this name exists' })
  create(
    @CurrentUser() me: AuthContext,
    @Body() body: CreateFeatureFlagDto,
  ): Promise<FeatureFlagDto> {
    return this.flags.create(me.userId, body);
  }

  @Patch(':name')
  @ApiOperation({ summary: 'Change a flag: only the fields sent; each change bumps its version' })
  @ApiOkResponse({ type: FeatureFlagDto })
  update(
    @CurrentUser() me: AuthContext,
    @Param() params: FlagNameParams,
    @Body() body: UpdateFeatureFlagDto,
  ): Promise<FeatureFlagDto> {
    return this.flags.update(me.userId, params.name, body);
  }

  @Post(':name/evaluate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Evaluate a flag for a sample caller (attributes given, nothing looked up)',
    description:
      'Answers as GET /v1/feature-flags/{name}/evaluation would for a caller with exactly these attributes, in this environment.',
  })
  @ApiOkResponse({ type: FlagEvaluationDto })
  async evaluate(
    @Param() params: FlagNameParams,
    @Body() body: SampleEvaluationDto,
  ): Promise<FlagEvaluationDto> {
    const context = { ...body.context };
    const result = await this.flags.evaluate(params.name, context, body.audience ?? 'frontend');
    return FlagEvaluationDto.from(result);
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a flag (audited)' })
  @ApiNoContentResponse()
  remove(@CurrentUser() me: AuthContext, @Param() params: FlagNameParams): Promise<void> {
    return this.flags.remove(me.userId, params.name);
  }
}
