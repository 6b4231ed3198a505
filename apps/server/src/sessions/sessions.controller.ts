import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { AddGuestRequest, CreateSessionRequest, FacilitationRequest, SessionSummary, SessionView, UpdateSessionRequest } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { OpenToParticipants } from '../access/participant-scope.guard.js';
import { FacilitationService } from './facilitation.service.js';
import { CurrentSession, RequiresSessionRole, SessionRoleGuard } from '../access/session-role.guard.js';
import type { SessionAccess } from '../access/session-roles.js';
import { SessionsService } from './sessions.service.js';

@Controller('spaces/:spaceId/sessions')
export class SpaceSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The space's concertation sessions: live, upcoming, then past", response: z.array(SessionSummary) })
  list(@Param('spaceId') spaceId: string) {
    return this.sessions.list(spaceId);
  }

  @Post()
  @RequiresSpaceRole('animateur')
  @Contract({ summary: 'Prepare a concertation session (details, agenda, invited members)', body: CreateSessionRequest, response: SessionView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateSessionRequest) {
    return this.sessions.create(spaceId, body, auth.account.id);
  }
}

/** A session by its id: reachable by the space's members and by the session's guests. */
@Controller('sessions/:sessionId')
@UseGuards(SessionRoleGuard)
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly facilitation: FacilitationService,
  ) {}

  @Get()
  @RequiresSessionRole('observateur')
  @OpenToParticipants()
  @Contract({ summary: 'A session with its agenda, timers (server clock) and participants', response: SessionView })
  get(@CurrentSession() access: SessionAccess) {
    return this.sessions.view(access);
  }

  @Patch()
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Change the details, invitations or (while planned) the agenda', body: UpdateSessionRequest, response: SessionView })
  update(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Body() body: UpdateSessionRequest) {
    return this.sessions.update(access, body, auth.account.id);
  }

  @Post('facilitation')
  @HttpCode(200)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Start the session, move through the agenda, pause, resume or extend the timer', body: FacilitationRequest, response: SessionView })
  facilitate(@CurrentSession() access: SessionAccess, @Body() body: FacilitationRequest) {
    return this.facilitation.step(access, body);
  }

  @Post('guests')
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Add a guest (a contributeur for this session only) by e-mail', body: AddGuestRequest, response: SessionView, status: 201 })
  addGuest(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Body() body: AddGuestRequest) {
    return this.sessions.addGuest(access, body.email, auth.account.id);
  }

  @Delete('guests/:accountId')
  @RequiresSessionRole('animateur')
  @HttpCode(204)
  @Contract({ summary: 'Remove a guest', status: 204 })
  removeGuest(@CurrentSession() access: SessionAccess, @Param('accountId') accountId: string) {
    return this.sessions.removeGuest(access, accountId);
  }

  @Post('attendance')
  @HttpCode(200)
  @RequiresSessionRole('observateur')
  @OpenToParticipants()
  @Contract({ summary: 'Record that I am taking part (the live screen calls it when it opens)', response: SessionView })
  attend(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess) {
    return this.sessions.attend(access, auth.account.id);
  }
}
