import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  CreateSpaceRequest,
  MemberView,
  PoleView,
  SpaceSummary,
  SpaceView,
  UpdateMemberRoleRequest,
  UpdatePoleProfileRequest,
  UpdateSpaceRequest,
} from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { MembersService } from './members.service.js';
import { ChangesPoleProfile, RequiresSpaceRole } from '../access/space-role.guard.js';
import { SpacesService } from './spaces.service.js';

@Controller('spaces')
export class SpacesController {
  constructor(
    private readonly spaces: SpacesService,
    private readonly members: MembersService,
  ) {}

  @Get()
  @Contract({ summary: 'Spaces I belong to', response: z.array(SpaceSummary) })
  list(@CurrentAuth() auth: RequestAuth) {
    return this.spaces.listForAccount(auth.account.id);
  }

  @Post()
  @Contract({ summary: 'Create a concertation space (the creator becomes animateur)', body: CreateSpaceRequest, response: SpaceView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Body() body: CreateSpaceRequest) {
    return this.spaces.create(body, auth.account.id);
  }

  @Get(':spaceId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A space with its pole profile', response: SpaceView })
  get(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string) {
    return this.spaces.get(spaceId, auth.account.id);
  }

  @Patch(':spaceId')
  @RequiresSpaceRole('animateur')
  @Contract({ summary: 'Rename or describe a space', body: UpdateSpaceRequest, response: SpaceView })
  update(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: UpdateSpaceRequest) {
    return this.spaces.update(spaceId, body, auth.account.id);
  }

  @Patch(':spaceId/pole')
  @ChangesPoleProfile()
  @Contract({
    summary:
      "Edit the pole's profile (characterisation grid), shown in every space of the pole: by the animateurs of its spaces and the contributeurs of its main space",
    body: UpdatePoleProfileRequest,
    response: PoleView,
  })
  updatePole(@Param('spaceId') spaceId: string, @Body() body: UpdatePoleProfileRequest) {
    return this.spaces.updatePoleProfile(spaceId, body);
  }

  @Get(':spaceId/members')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Members of the space with their organisations', response: z.array(MemberView) })
  listMembers(@Param('spaceId') spaceId: string) {
    return this.members.list(spaceId);
  }

  @Patch(':spaceId/members/:accountId')
  @RequiresSpaceRole('animateur')
  @Contract({ summary: "Change a member's role", body: UpdateMemberRoleRequest, response: MemberView })
  changeRole(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('accountId') accountId: string,
    @Body() body: UpdateMemberRoleRequest,
  ) {
    return this.members.changeRole(spaceId, accountId, body.role, auth.account.id);
  }

  @Delete(':spaceId/members/:accountId')
  @RequiresSpaceRole('animateur')
  @HttpCode(204)
  @Contract({ summary: 'Remove a member from the space', status: 204 })
  removeMember(@Param('spaceId') spaceId: string, @Param('accountId') accountId: string) {
    return this.members.remove(spaceId, accountId);
  }
}
