import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '../users/entities/user.entity.js';
import { Roles } from './auth.decorators.js';
import type { TrustedClient } from './entities/trusted-client.entity.js';
import { TrustedClientsService } from './trusted-clients.service.js';

export class CreateTrustedClientDto {
  @ApiProperty({ example: 'discord-bot' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'discord', description: 'The identity provider this client may assert' })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/)
  idp: string;
}

export class TrustedClientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() idp: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(c: TrustedClient): TrustedClientDto {
    return { id: c.id, name: c.name, idp: c.idp, created_at: c.createdAt.toISOString() };
  }
}

export class CreatedTrustedClientDto extends TrustedClientDto {
  @ApiProperty({ description: 'Shown once; only its digest is kept' }) secret: string;
}

export class TrustedClientListDto {
  @ApiProperty({ type: [TrustedClientDto] }) data: TrustedClientDto[];
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin/trusted-clients')
export class TrustedClientsController {
  constructor(private readonly clients: TrustedClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a trusted client for one identity provider' })
  @ApiCreatedResponse({ type: CreatedTrustedClientDto })
  async create(@Body() body: CreateTrustedClientDto): Promise<CreatedTrustedClientDto> {
    const { client, secret } = await this.clients.register(body.name, body.idp);
    return { ...TrustedClientDto.from(client), secret };
  }

  @Get()
  @ApiOperation({ summary: 'Active trusted clients' })
  @ApiOkResponse({ type: TrustedClientListDto })
  async list(): Promise<TrustedClientListDto> {
    return { data: (await this.clients.list()).map((c) => TrustedClientDto.from(c)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a trusted client' })
  @ApiNoContentResponse()
  async revoke(@Param('id') id: string): Promise<void> {
    await this.clients.revoke(id);
  }
}
