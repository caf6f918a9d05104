import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotAcceptableResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AnyScope, CurrentUser, OptionalAuth, OptionalUser } from '../auth/auth.decorators.js';
import { CallerContext } from './caller-context.js';
import { EvaluationQueryDto, FLAG_MAP_SCHEMA, FlagEvaluationDto } from './dto/evaluation.dto.js';
import { FlagNameParams } from './dto/feature-flag.dto.js';
import { FeatureFlagsService } from './feature-flags.service.js';
import { FlagStreams } from './flag-streams.js';

@ApiTags('feature-flags')
@Controller('feature-flags')
export class FeatureFlagsController {
  constructor(
    private readonly flags: FeatureFlagsService,
    private readonly callers: CallerContext,
    private readonly streams: FlagStreams,
  ) {}

  @Get()
  @OptionalAuth()
  @ApiOperation({
    summary:
      "Flags visible to front-ends, evaluated for the caller: {name: enabled}. Public; with a bearer token (any scope), evaluated with the caller's attributes",
  })
  @ApiOkResponse({ schema: FLAG_MAP_SCHEMA })
  @ApiUnauthorizedResponse({ description: 'A bearer token came along, and it does not verify' })
  async list(@OptionalUser() caller: AuthContext | null): Promise<Record<string, boolean>> {
    return this.flags.evaluateForFrontend(await this.callers.of(caller));
  }

  @Get('stream')
  @AnyScope()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Server-Sent Events: the evaluated front-end flags at once, then again (event `flags`) whenever a flag changes; heartbeats every 15 s',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream; each `flags` event carries {name: enabled}' })
  @ApiNotAcceptableResponse({ description: 'The request does not accept text/event-stream' })
  async stream(
    @CurrentUser() caller: AuthContext,
    @Headers('accept') accept: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!accept?.includes('text/event-stream')) {
      throw new DomainError(ErrorCode.NotAcceptable, 'This route answers text/event-stream only.');
    }
    return this.streams.serve(caller, req, res);
  }

  @Get(':name/evaluation')
  @AnyScope()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One flag evaluated for the caller, with the reason (OpenFeature)' })
  @ApiOkResponse({ type: FlagEvaluationDto })
  @ApiNotFoundResponse({ description: 'No such flag' })
  async evaluation(
    @CurrentUser() caller: AuthContext,
    @Param() params: FlagNameParams,
    @Query() query: EvaluationQueryDto,
  ): Promise<FlagEvaluationDto> {
    const result = await this.flags.evaluate(
      params.name,
      await this.callers.of(caller),
      query.audience ?? 'frontend',
    );
    return FlagEvaluationDto.from(result);
  }
}
