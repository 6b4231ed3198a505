import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { BallotRequest, BallotView, CreateVoteRequest, DotRequest, VoteView } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { OpenToParticipants } from '../access/participant-scope.guard.js';
import { CurrentSession, RequiresSessionRole, SessionRoleGuard } from '../access/session-role.guard.js';
import type { SessionAccess } from '../access/session-roles.js';
import { VotesService } from './votes.service.js';

@Controller('sessions/:sessionId/votes')
@UseGuards(SessionRoleGuard)
export class VotesController {
  constructor(private readonly votes: VotesService) {}

  @Get()
  @RequiresSessionRole('observateur')
  @OpenToParticipants()
  @Contract({ summary: "The session's votes, with results where the caller may see them", response: z.array(VoteView) })
  list(@CurrentSession() access: SessionAccess) {
    return this.votes.list(access);
  }

  @Post()
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Open a vote: dots (N per participant), consent, or scores 0–5', body: CreateVoteRequest, response: VoteView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Body() body: CreateVoteRequest) {
    return this.votes.create(access, body, auth.account.id);
  }

  @Post(':voteId/close')
  @HttpCode(200)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Close a vote (its results become visible to all)', response: VoteView })
  close(@CurrentSession() access: SessionAccess, @Param('voteId') voteId: string) {
    return this.votes.close(access, voteId);
  }

  @Get(':voteId/results')
  @RequiresSessionRole('observateur')
  @OpenToParticipants()
  @Contract({ summary: 'Results (403 results_hidden while hidden until close)', response: VoteView })
  results(@CurrentSession() access: SessionAccess, @Param('voteId') voteId: string) {
    return this.votes.results(access, voteId);
  }

  @Get(':voteId/ballot')
  @RequiresSessionRole('contributeur')
  @OpenToParticipants()
  @Contract({ summary: 'My ballot', response: BallotView })
  ballot(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Param('voteId') voteId: string) {
    return this.votes.ballot(access, voteId, auth.account.id);
  }

  @Put(':voteId/ballot')
  @RequiresSessionRole('contributeur')
  @OpenToParticipants()
  @Contract({ summary: 'Cast or change my whole ballot while the vote is open', body: BallotRequest, response: BallotView })
  putBallot(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Param('voteId') voteId: string, @Body() body: BallotRequest) {
    return this.votes.putBallot(access, voteId, auth.account.id, body);
  }

  @Post(':voteId/dots')
  @HttpCode(200)
  @RequiresSessionRole('contributeur')
  @OpenToParticipants()
  @Contract({ summary: 'Put one dot on an option or take one back (409 dot_budget_exceeded beyond my dots)', body: DotRequest, response: BallotView })
  dot(@CurrentAuth() auth: RequestAuth, @CurrentSession() access: SessionAccess, @Param('voteId') voteId: string, @Body() body: DotRequest) {
    return this.votes.dot(access, voteId, auth.account.id, body);
  }
}
