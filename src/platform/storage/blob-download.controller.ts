import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Public } from '../http/public.decorator.js';
import { BlobDownloadService } from './blob-download.service.js';
import { MAX_KEY_LENGTH } from './blob-key.js';
import { attachmentDisposition } from './content-disposition.js';

export class BlobDownloadQueryDto {
  @ApiProperty({ description: 'Blob key' })
  @IsString()
  @MaxLength(MAX_KEY_LENGTH)
  key: string;

  @ApiProperty({ description: 'Expiry, seconds since the epoch' })
  @IsString()
  @MaxLength(12)
  exp: string;

  @ApiPropertyOptional({ description: 'File name offered to the browser' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'Content-Type of the response' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  type?: string;

  @ApiProperty({ description: 'HMAC-SHA256 of the other parameters' })
  @IsString()
  @MaxLength(64)
  sig: string;
}

@ApiTags('blobs')
@Controller('blobs')
export class BlobDownloadController {
  constructor(private readonly downloads: BlobDownloadService) {}

  @Public()
  @Get('download')
  @ApiOperation({
    summary: 'Download a blob through a signed, expiring link (embedded blob store)',
    description:
      'The link is the credential: it comes from an authenticated route such as an artifact download.',
  })
  @ApiOkResponse({
    description:
      'The content, as an attachment, of the media type the link names (application/octet-stream when it names none)',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiForbiddenResponse({ description: 'The link was altered' })
  @ApiGoneResponse({ description: 'The link has expired' })
  @ApiNotFoundResponse({ description: 'The blob no longer exists' })
  async download(
    @Query() query: BlobDownloadQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { blob, filename, contentType } = await this.downloads.open(query);
    // The link is personal and short-lived: no shared cache may keep the content.
    res.setHeader('Cache-Control', 'private');
    // Stored content never runs as a page of the API's origin.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(blob.stream, {
      type: contentType,
      length: blob.size,
      disposition: attachmentDisposition(filename),
    });
  }
}
