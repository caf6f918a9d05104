import { Controller, Get, HttpCode, Param, Post, Redirect, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../../../platform/access/access.decorator.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentUser } from '../../auth/auth.decorators.js';
import { DATA_EXPORT } from './data-export-access.checker.js';
import { DataExportsService } from './data-exports.service.js';
import { DataExportDto, USER_EXPORT_SCHEMA } from './dto/data-export.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class DataExportsController {
  constructor(private readonly exports: DataExportsService) {}

  @Get('export')
  @ApiOperation({
    summary: 'Everything Parley holds about the caller, as one JSON document',
    description:
      'Streamed section by section (profile, consent, sessions without secrets, memberships, ' +
      'conversations, messages, votes, feedback, memory, artifacts as download links minted ' +
      'for this request, streams, analytics, exports). Audited.',
  })
  @ApiOkResponse({ schema: USER_EXPORT_SCHEMA })
  async document(@CurrentUser() me: AuthContext, @Res() res: Response): Promise<void> {
    // The links in it are credentials until they expire: no cache may keep it.
    res.status(200).type('application/json').setHeader('Cache-Control', 'no-store');
    await this.exports.streamDocument(me.userId, res);
  }

  @Post('exports')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Build the same export as a zip archive, in a job, for large accounts',
    description:
      'The archive holds export.json and the bytes of every file. While an archive is queued ' +
      'or building, asking again returns that one. Audited.',
  })
  @ApiAcceptedResponse({ type: DataExportDto })
  request(@CurrentUser() me: AuthContext): Promise<DataExportDto> {
    return this.exports.request(me.userId);
  }

  @Get('exports/:id')
  @Access(DATA_EXPORT)
  @ApiOperation({ summary: 'An export archive’s status and progress' })
  @ApiOkResponse({ type: DataExportDto })
  @ApiNotFoundResponse({ description: 'No such export of the caller' })
  get(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<DataExportDto> {
    return this.exports.get(me.userId, id);
  }

  @Get('exports/:id/download')
  @Access(DATA_EXPORT)
  @Redirect(undefined, 307)
  @ApiOperation({ summary: 'Redirect to a short-lived download URL of the archive, minted now' })
  @ApiResponse({
    status: 307,
    description: 'To the presigned URL (Location); the body is a one-line note for humans',
    headers: { Location: { description: 'The download URL', schema: { type: 'string' } } },
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'No such export of the caller' })
  @ApiConflictResponse({ description: 'Not built yet, failed, or expired' })
  async download(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ url: string; statusCode: number }> {
    const url = await this.exports.downloadUrl(me.userId, id);
    res.setHeader('Cache-Control', 'no-store');
    return { url, statusCode: 307 };
  }
}
