import { Body, Controller, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Access } from '../../platform/access/access.decorator.js';
import { AcceptsBody } from '../../platform/http/body-media-type.js';
import { Public } from '../../platform/http/public.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ARTIFACT_UPLOAD } from './artifact-upload-access.checker.js';
import { ArtifactUploadsService } from './artifact-uploads.service.js';
import {
  ArtifactUploadDto,
  CreateArtifactUploadDto,
  StoredArtifactDto,
  UploadLinkQuery,
} from './dto/artifact.dto.js';

@ApiTags('artifacts')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such conversation of the caller' })
@Controller('conversations/:id/artifacts/uploads')
export class ConversationArtifactUploadsController {
  constructor(private readonly uploads: ArtifactUploadsService) {}

  @Post()
  @Access('conversation')
  @ApiOperation({
    summary: 'Start a large upload: a presigned PUT for the declared SHA-256 and size',
    description:
      'S3: a presigned PUT whose length and `x-amz-checksum-sha256` are signed, so the store ' +
      'refuses other bytes. Filesystem store: a signed API link taking the PUT. Then call ' +
      '`POST /v1/artifact-uploads/{id}/complete`.',
  })
  @ApiCreatedResponse({ type: ArtifactUploadDto })
  @ApiForbiddenResponse({ description: 'Consent is missing' })
  @ApiPayloadTooLargeResponse({
    description: 'Larger than ARTIFACT_MAX_BYTES, or over the bytes quota',
  })
  @ApiTooManyRequestsResponse({ description: 'The artifact count quota is reached' })
  create(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateArtifactUploadDto,
  ): Promise<ArtifactUploadDto> {
    return this.uploads.create(me.userId, id, body);
  }
}

@ApiTags('artifacts')
@Controller('artifact-uploads/:id')
export class ArtifactUploadsController {
  constructor(private readonly uploads: ArtifactUploadsService) {}

  @Post('complete')
  @ApiBearerAuth()
  @Access(ARTIFACT_UPLOAD)
  @ApiOperation({
    summary: 'Finish a large upload: verify hash and size, then register it as an upload would',
    description: 'The object is read back in full; a mismatch registers nothing and removes it.',
  })
  @ApiCreatedResponse({ type: StoredArtifactDto })
  @ApiNotFoundResponse({ description: 'No such upload of the caller' })
  @ApiGoneResponse({ description: 'The upload expired' })
  @ApiUnprocessableEntityResponse({ description: 'Nothing was uploaded, or other bytes were' })
  @ApiUnsupportedMediaTypeResponse({ description: 'An executable or HTML file' })
  complete(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<StoredArtifactDto> {
    return this.uploads.complete(me.userId, id);
  }

  @Put('content')
  @Public()
  @HttpCode(204)
  @AcceptsBody('application/octet-stream')
  @ApiOperation({
    summary: 'Receive the bytes of a large upload (filesystem blob store)',
    description:
      'The signed link from `POST …/artifacts/uploads` is the credential. The body must have ' +
      'exactly the declared size and SHA-256, or nothing is kept (422).',
  })
  @ApiNoContentResponse({ description: 'Stored' })
  @ApiForbiddenResponse({ description: 'The link was altered' })
  @ApiGoneResponse({ description: 'The link has expired' })
  @ApiNotFoundResponse({ description: 'No such upload' })
  @ApiUnprocessableEntityResponse({
    description: 'The body differs from the declared size or hash',
  })
  async receive(
    @Param('id') id: string,
    @Query() query: UploadLinkQuery,
    @Req() req: Request,
  ): Promise<void> {
    await this.uploads.receive(id, query, req);
  }
}
