import { Body, Controller, Delete, HttpCode } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { AnyScope, CurrentUser } from '../auth/auth.decorators.js';
import { ClientIp } from '../auth/request-context.js';
import { AccountErasureService } from './account-erasure.service.js';
import { AccountEraseReceiptDto, EraseAccountDto } from './dto/account-erase.dto.js';
import { Reauthentication } from './reauthentication.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountErasureController {
  constructor(
    private readonly erasure: AccountErasureService,
    private readonly reauthentication: Reauthentication,
  ) {}

  /** Any scope: a minor still waiting for consent may leave too. */
  @Delete()
  @AnyScope()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase the caller everywhere',
    description:
      'Every table, the agent checkpoints of their threads, Redis keys, queued jobs and blobs no longer referenced, in one transaction for the database; then every store is queried again. Answers the receipt, verification included. Needs the password, or a session that signed in recently (403 reauthentication-required); a guest needs neither. Five wrong passwords lock the route for the account (429 account-locked with Retry-After, the right password refused too) for 30 seconds, doubling with every further one; sign-ins are not affected.',
  })
  @ApiOkResponse({ type: AccountEraseReceiptDto })
  @ApiForbiddenResponse({ description: 'reauthentication-required' })
  @ApiTooManyRequestsResponse({
    description: 'account-locked: too many wrong passwords; see Retry-After',
  })
  async erase(
    @CurrentUser() me: AuthContext,
    @Body() body: EraseAccountDto,
    @ClientIp() ip: string,
  ): Promise<AccountEraseReceiptDto> {
    await this.reauthentication.assert(me, body.password, ip);
    return this.erasure.erase(me.userId, { jti: me.jti, exp: me.exp });
  }
}
