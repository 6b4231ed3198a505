import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pole } from '../poles/pole.entity.js';
import { PolesController } from '../poles/poles.controller.js';
import { PolesService } from '../poles/poles.service.js';
import { Invitation } from './invitation.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembersService } from './members.service.js';
import { SpaceMembership } from './space-membership.entity.js';
import { Space } from './space.entity.js';
import { SpacesController } from './spaces.controller.js';
import { SpacesService } from './spaces.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Space, SpaceMembership, Invitation, Pole])],
  controllers: [SpacesController, InvitationsController, PolesController],
  providers: [SpacesService, MembersService, InvitationsService, PolesService],
})
export class SpacesModule {}
