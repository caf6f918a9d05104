import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto, type Page } from '../../platform/http/pagination.js';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import {
  CreatedInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPageDto,
} from './dto/invitation.dto.js';
import { MemberDto, MemberPageDto, UpdateMemberDto } from './dto/member.dto.js';
import { InvitationsService } from './invitations.service.js';
import { MembersService } from './members.service.js';

/** Members and invitations of one collective. */
@ApiTags('collectives')
@ApiBearerAuth()
@ApiNotFoundResponse({
  description: 'No such collective (or member, invitation), or you have no part in it',
})
@ApiForbiddenResponse({ description: 'You are a member, but your role does not allow this' })
@Access('collective')
@Controller('collectives/:id')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  @ApiOperation({ summary: 'Members and their roles' })
  @ApiOkResponse({ type: MemberPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<MemberDto>> {
    return this.members.list(me.userId, id, query);
  }

  @Patch('members/:user_id')
  @ApiOperation({ summary: "Change a member's role (owner/admin; ownership: owners only)" })
  @ApiOkResponse({ type: MemberDto })
  changeRole(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Param('user_id') userId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.members.changeRole(me.userId, id, userId, body.role);
  }

  @Delete('members/:user_id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a member (owner/admin), or leave (yourself); the last owner stays',
  })
  @ApiNoContentResponse()
  remove(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Param('user_id') userId: string,
  ): Promise<void> {
    return this.members.remove(me.userId, id, userId);
  }

  @Post('invitations')
  @ApiOperation({ summary: 'Invite (owner/admin); the token is shown once' })
  @ApiCreatedResponse({ type: CreatedInvitationDto })
  invite(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateInvitationDto,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.create(me.userId, id, body);
  }

  @Get('invitations')
  @ApiOperation({ summary: 'Invitations of the collective (owner/admin)' })
  @ApiOkResponse({ type: InvitationPageDto })
  invitationsOf(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InvitationDto>> {
    return this.invitations.list(me.userId, id, query);
  }

  @Delete('invitations/:invitation_id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an invitation (owner/admin)' })
  @ApiNoContentResponse()
  revoke(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Param('invitation_id') invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(me.userId, id, invitationId);
  }
}
