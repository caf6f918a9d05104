import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto, type Page } from '../../platform/http/pagination.js';
import { Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { AuditService } from './audit.service.js';
import { AuditEntryDto, AuditPageDto } from './dto/audit.dto.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiNotFoundResponse({ description: 'Not an admin: the admin surface does not exist for you' })
@Controller('admin/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The append-only audit log, newest first' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<AuditEntryDto>> {
    return this.audit.page(query);
  }
}
