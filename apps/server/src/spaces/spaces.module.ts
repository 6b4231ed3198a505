import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { PolesModule } from '../poles/poles.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { MembersService } from './members.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { SpacesController } from './spaces.controller.js';
import { SpacesRepository } from './spaces.repository.js';
import { SpacesService } from './spaces.service.js';

@Module({
  imports: [PolesModule, MailModule],
  controllers: [SpacesController, InvitationsController],
  providers: [SpacesRepository, MembershipsRepository, InvitationsRepository, SpacesService, MembersService, InvitationsService],
})
export class SpacesModule {}
