import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { AcceptInvitationResponse, CreateInvitationRequest, InvitationPreview, InvitationToken, InvitationView } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { notFound } from '../common/api-exception.js';
import { Contract, Public } from '../common/contract.js';
import { InvitationsService } from './invitations.service.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';

function checkedToken(token: string): string {
  if (!InvitationToken.safeParse(token).success) throw notFound();
  return token;
}

@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('spaces/:spaceId/invitations')
  @RequiresSpaceRole('animateur')
  @Contract({ summary: "The space's invitations with their links", response: z.array(InvitationView) })
  list(@Param('spaceId') spaceId: string) {
    return this.invitations.list(spaceId);
  }

  @Post('spaces/:spaceId/invitations')
  @RequiresSpaceRole('animateur')
  @Contract({
    summary: 'Invite an e-mail address with a role: queues the invitation mail; returns the link, which may also be handed over',
    body: CreateInvitationRequest,
    response: InvitationView,
    status: 201,
  })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateInvitationRequest) {
    return this.invitations.create(spaceId, body, auth.account.id);
  }

  @Delete('spaces/:spaceId/invitations/:invitationId')
  @RequiresSpaceRole('animateur')
  @HttpCode(204)
  @Contract({ summary: 'Revoke a pending invitation', status: 204 })
  revoke(@Param('spaceId') spaceId: string, @Param('invitationId') invitationId: string) {
    return this.invitations.revoke(spaceId, invitationId);
  }

  @Post('spaces/:spaceId/invitations/:invitationId/resend')
  @RequiresSpaceRole('animateur')
  @HttpCode(200)
  @Contract({ summary: "Queue a pending invitation's mail again (« Renvoyer »)", response: InvitationView })
  resend(@Param('spaceId') spaceId: string, @Param('invitationId') invitationId: string) {
    return this.invitations.resend(spaceId, invitationId);
  }

  @Get('invitations/:token')
  @Public()
  @Contract({ summary: 'What an invitation link offers (readable before signing up)', response: InvitationPreview })
  preview(@Param('token') token: string) {
    return this.invitations.preview(checkedToken(token));
  }

  @Post('invitations/:token/accept')
  @HttpCode(200)
  @Contract({ summary: 'Join the space with the invited role (signed in with the invited address)', response: AcceptInvitationResponse })
  accept(@CurrentAuth() auth: RequestAuth, @Param('token') token: string) {
    return this.invitations.accept(checkedToken(token), auth.account);
  }
}
