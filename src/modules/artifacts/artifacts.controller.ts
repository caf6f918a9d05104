import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Redirect,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../../platform/access/access.decorator.js';
import { AcceptsBody } from '../../platform/http/body-media-type.js';
import { PageQueryDto, pageLimit, type Page } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ARTIFACT } from './artifact-access.checker.js';
import { ArtifactsService } from './artifacts.service.js';
import {
  ArtifactDto,
  ArtifactPageDto,
  IngestArtifactDto,
  StoredArtifactDto,
  UploadArtifactForm,
} from './dto/artifact.dto.js';

@ApiTags('artifacts')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such conversation of the caller' })
@Controller('conversations/:id/artifacts')
export class ConversationArtifactsController {
  constructor(private readonly artifacts: ArtifactsService) {}

  @Post()
  @Access('conversation')
  @AcceptsBody('multipart/form-data')
  @ApiOperation({
    summary: 'Upload a file (multipart, field "file"), streamed, hashed and sniffed',
    description:
      'Identical content is stored once: a second upload keeps no new bytes and says `deduplicated`.',
  })
  @ApiBody({ type: UploadArtifactForm })
  @ApiCreatedResponse({ type: StoredArtifactDto })
  @ApiForbiddenResponse({ description: 'Consent is missing (a minor without parental consent)' })
  @ApiPayloadTooLargeResponse({
    description: 'Larger than ARTIFACT_MAX_BYTES, or over the bytes quota',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not multipart, or an executable or HTML file' })
  @ApiTooManyRequestsResponse({ description: 'The artifact count quota is reached' })
  async upload(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<StoredArtifactDto> {
    return this.artifacts.upload(me.userId, id, req);
  }

  @Post('ingest')
  @Access('conversation')
  @ApiOperation({
    summary: 'Register an object already stored under its content key, verified by its hash',
    description:
      'The object must be at artifacts/{sha[0:2]}/{sha[2:4]}/{sha256}; it is read back in full ' +
      'and hashed, and a mismatch registers nothing (422).',
  })
  @ApiCreatedResponse({ type: StoredArtifactDto })
  @ApiForbiddenResponse({ description: 'Consent is missing' })
  @ApiUnprocessableEntityResponse({
    description: 'No object under the key, or its content does not hash to sha256',
  })
  @ApiPayloadTooLargeResponse({
    description: 'Larger than ARTIFACT_MAX_BYTES, or over the bytes quota',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'An executable or HTML object' })
  @ApiTooManyRequestsResponse({ description: 'The artifact count quota is reached' })
  ingest(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: IngestArtifactDto,
  ): Promise<StoredArtifactDto> {
    return this.artifacts.ingest(me.userId, id, body);
  }

  @Get()
  @Access('conversation')
  @ApiOperation({
    summary: 'Artifacts of a conversation, newest first',
    description: "Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).",
  })
  @ApiOkResponse({ type: ArtifactPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ArtifactDto>> {
    return this.artifacts.list(me.userId, id, pageLimit(query), query.after);
  }
}

@ApiTags('artifacts')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such artifact of the caller' })
@Controller('artifacts/:id')
export class ArtifactsController {
  constructor(private readonly artifacts: ArtifactsService) {}

  @Get()
  @Access(ARTIFACT)
  @ApiOperation({
    summary: 'One artifact',
    description: 'Its metadata; the bytes come from /download.',
  })
  @ApiOkResponse({ type: ArtifactDto })
  get(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<ArtifactDto> {
    return this.artifacts.get(me.userId, id);
  }

  @Delete()
  @Access(ARTIFACT)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an artifact',
    description:
      'Drops its reference; the blob is removed when its last reference has gone, after ' +
      'ARTIFACT_BLOB_GRACE_SECONDS, by the hourly maintenance prune.',
  })
  @ApiNoContentResponse()
  async delete(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<void> {
    await this.artifacts.delete(me.userId, id);
  }

  @Get('download')
  @Access(ARTIFACT)
  @Redirect(undefined, 307)
  @ApiOperation({
    summary: 'Redirect to a short-lived download URL, minted for this request',
    description:
      'The URL serves the sniffed type, `X-Content-Type-Options: nosniff` and ' +
      '`Content-Disposition: attachment` with an RFC 6266 `filename*`.',
  })
  @ApiResponse({
    status: 307,
    description: 'To the presigned URL (Location); the body is a one-line note for humans',
    headers: { Location: { description: 'The download URL', schema: { type: 'string' } } },
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async download(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ url: string; statusCode: number }> {
    const url = await this.artifacts.downloadUrl(me.userId, id);
    // The URL is a credential until it expires: no cache may keep the redirect.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return { url, statusCode: 307 };
  }
}
