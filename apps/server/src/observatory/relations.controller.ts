import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { CreateRelationRequest, RelationView } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { ChangesPoleProfile, RequiresSpaceRole } from '../access/space-role.guard.js';
import { RelationsService } from './relations.service.js';

@Controller('spaces/:spaceId/relations')
export class RelationsController {
  constructor(private readonly relations: RelationsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "Evolution of the collectivités' relations with the space's pole, per year", response: z.array(RelationView) })
  list(@Param('spaceId') spaceId: string) {
    return this.relations.list(spaceId);
  }

  @Post()
  @ChangesPoleProfile()
  @Contract({
    summary: 'Record the evolution of a relation for a year (a fragilisation needs its cause)',
    body: CreateRelationRequest,
    response: RelationView,
    status: 201,
  })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateRelationRequest) {
    return this.relations.create(spaceId, body, auth.account.id);
  }

  @Delete(':relationId')
  @ChangesPoleProfile()
  @HttpCode(204)
  @Contract({ summary: 'Remove a recorded evolution', status: 204 })
  remove(@Param('spaceId') spaceId: string, @Param('relationId') relationId: string) {
    return this.relations.remove(spaceId, relationId);
  }
}
