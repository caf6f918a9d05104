import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser, Scopes } from '../auth/auth.decorators.js';
import { SessionScope } from '../auth/entities/app-session.entity.js';
import { CollectiveDto } from './dto/collective.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('collectives')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  // PENDING_CONSENT too: joining a consenting family is how a minor may get consent.
  @Post(':token/accept')
  @HttpCode(200)
  @Scopes(SessionScope.PendingConsent, SessionScope.Full)
  @ApiOperation({
    summary: 'Join the collective; never beyond the usage limit, even under concurrent accepts',
  })
  @ApiOkResponse({ type: CollectiveDto })
  accept(@CurrentUser() me: AuthContext, @Param('token') token: string): Promise<CollectiveDto> {
    return this.invitations.accept(me.userId, token);
  }
}
