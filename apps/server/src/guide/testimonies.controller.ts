import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import {
  ChangeTestimonyStatusRequest,
  CreateTestimonyRequest,
  TestimonyFromContributionRequest,
  TestimonyView,
  UpdateTestimonyRequest,
} from '@concerto/domain';
import { CurrentSession, RequiresSessionRole, SessionRoleGuard } from '../access/session-role.guard.js';
import type { SessionAccess } from '../access/session-roles.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { TestimoniesService } from './testimonies.service.js';
import { TestimonyFromContributionService } from './testimony-from-contribution.service.js';

@Controller('spaces/:spaceId/testimonies')
export class TestimoniesController {
  constructor(private readonly testimonies: TestimoniesService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The space's testimonies, newest first, live key figures read now", response: z.array(TestimonyView) })
  list(@Param('spaceId') spaceId: string) {
    return this.testimonies.list(spaceId);
  }

  @Post()
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Write a testimony (a draft)', body: CreateTestimonyRequest, response: TestimonyView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateTestimonyRequest) {
    return this.testimonies.create(spaceId, body, auth.account.id);
  }

  @Get(':testimonyId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A testimony, live key figures read now', response: TestimonyView })
  get(@Param('spaceId') spaceId: string, @Param('testimonyId') testimonyId: string) {
    return this.testimonies.get(spaceId, testimonyId);
  }

  @Patch(':testimonyId')
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: "Change a testimony's fields (409 version_conflict when it changed since `version`; a validated one changed by a non-animateur is relu again)",
    body: UpdateTestimonyRequest,
    response: TestimonyView,
  })
  update(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('testimonyId') testimonyId: string, @Body() body: UpdateTestimonyRequest) {
    return this.testimonies.update(spaceId, testimonyId, body, auth.account.id);
  }

  @Delete(':testimonyId')
  @RequiresSpaceRole('contributeur')
  @HttpCode(204)
  @Contract({ summary: 'Delete a testimony (animateurs; its author while it is a draft)', status: 204 })
  remove(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('testimonyId') testimonyId: string) {
    return this.testimonies.remove(spaceId, testimonyId, auth.account.id);
  }

  @Post(':testimonyId/status')
  @HttpCode(200)
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: 'Move a testimony between brouillon and relu (contributeurs) or to and from validé (animateurs)',
    body: ChangeTestimonyStatusRequest,
    response: TestimonyView,
  })
  changeStatus(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('testimonyId') testimonyId: string,
    @Body() body: ChangeTestimonyStatusRequest,
  ) {
    return this.testimonies.changeStatus(spaceId, testimonyId, body, auth.account.id);
  }
}

@Controller('sessions/:sessionId/testimonies')
@UseGuards(SessionRoleGuard)
export class SessionTestimoniesController {
  constructor(private readonly fromContribution: TestimonyFromContributionService) {}

  @Post()
  @RequiresSessionRole('contributeur')
  @Contract({
    summary: "Turn a board contribution marked « Témoignage » into a draft testimony of the session's space (members; 409 testimony_exists the second time)",
    body: TestimonyFromContributionRequest,
    response: TestimonyView,
    status: 201,
  })
  create(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Body() body: TestimonyFromContributionRequest) {
    return this.fromContribution.create(access, body.noteId, auth.account.id);
  }
}
