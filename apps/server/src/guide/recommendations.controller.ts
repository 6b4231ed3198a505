import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import {
  ChangeRecommendationStatusRequest,
  CreateRecommendationRequest,
  RecommendationView,
  RecommendationsVoteRequest,
  UpdateRecommendationRequest,
  VoteView,
} from '@concerto/domain';
import { CurrentSession, RequiresSessionRole, SessionRoleGuard } from '../access/session-role.guard.js';
import type { SessionAccess } from '../access/session-roles.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { RecommendationVotesService } from './recommendation-votes.service.js';
import { type Reader, RecommendationsService } from './recommendations.service.js';

const reader = (auth: RequestAuth, language: string | undefined): Reader => ({ accountId: auth.account.id, locale: localeFromHeader(language) });

@Controller('spaces/:spaceId/recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({
    summary: "The space's recommendations, with the results of the votes held on them (in the caller's language)",
    response: z.array(RecommendationView),
  })
  list(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Headers('accept-language') language?: string) {
    return this.recommendations.list(spaceId, reader(auth, language));
  }

  @Post()
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: 'Propose a recommendation, with its origin and what supports it',
    body: CreateRecommendationRequest,
    response: RecommendationView,
    status: 201,
  })
  create(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Body() body: CreateRecommendationRequest,
    @Headers('accept-language') language?: string,
  ) {
    return this.recommendations.create(spaceId, body, reader(auth, language));
  }

  @Get(':recommendationId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A recommendation, with the results of the votes held on it', response: RecommendationView })
  get(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('recommendationId') recommendationId: string,
    @Headers('accept-language') language?: string,
  ) {
    return this.recommendations.get(spaceId, recommendationId, reader(auth, language));
  }

  @Patch(':recommendationId')
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: "Change a recommendation's fields and links (409 version_conflict when it changed since `version`)",
    body: UpdateRecommendationRequest,
    response: RecommendationView,
  })
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('recommendationId') recommendationId: string,
    @Body() body: UpdateRecommendationRequest,
    @Headers('accept-language') language?: string,
  ) {
    return this.recommendations.update(spaceId, recommendationId, body, reader(auth, language));
  }

  @Delete(':recommendationId')
  @RequiresSpaceRole('contributeur')
  @HttpCode(204)
  @Contract({ summary: 'Delete a recommendation (animateurs; its author while it is proposed)', status: 204 })
  remove(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('recommendationId') recommendationId: string) {
    return this.recommendations.remove(spaceId, recommendationId, auth.account.id);
  }

  @Post(':recommendationId/status')
  @HttpCode(200)
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: 'Move a recommendation between proposée and débattue (contributeurs), or retain it / set it aside and back (animateurs)',
    body: ChangeRecommendationStatusRequest,
    response: RecommendationView,
  })
  changeStatus(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('recommendationId') recommendationId: string,
    @Body() body: ChangeRecommendationStatusRequest,
    @Headers('accept-language') language?: string,
  ) {
    return this.recommendations.changeStatus(spaceId, recommendationId, body, reader(auth, language));
  }
}

@Controller('sessions/:sessionId/recommendation-votes')
@UseGuards(SessionRoleGuard)
export class RecommendationVotesController {
  constructor(private readonly votes: RecommendationVotesService) {}

  @Post()
  @RequiresSessionRole('animateur')
  @Contract({
    summary: 'Open a vote of the live session on recommendations of its space (one option each); proposed ones become debated',
    body: RecommendationsVoteRequest,
    response: VoteView,
    status: 201,
  })
  open(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Body() body: RecommendationsVoteRequest) {
    return this.votes.open(access, body, auth.account.id);
  }
}
