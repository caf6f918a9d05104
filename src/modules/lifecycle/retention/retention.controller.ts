import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { Role } from '../../users/entities/user.entity.js';
import { Actors } from '../../audit/audit.service.js';
import { RetentionReportDto, RetentionRunDto } from './dto/retention.dto.js';
import { RetentionService } from './retention.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiNotFoundResponse({ description: 'Not an admin: the admin surface does not exist for you' })
@Controller('admin/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Post('run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply (or with dry_run preview) the retention policies now',
    description:
      'The report counts what each policy removed. The same run happens every hour on the ' +
      'maintenance queue; runs at the same time on several workers remove each thing once.',
  })
  @ApiOkResponse({ type: RetentionReportDto })
  run(@CurrentUser() me: AuthContext, @Body() body: RetentionRunDto): Promise<RetentionReportDto> {
    return this.retention.run({
      dryRun: body.dry_run ?? false,
      policies: body.policies,
      actor: Actors.user(me.userId),
    });
  }
}
