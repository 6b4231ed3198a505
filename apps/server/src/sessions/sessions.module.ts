import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { SpacesModule } from '../spaces/spaces.module.js';
import { AgendaItemsRepository } from './agenda-items.repository.js';
import { FacilitationService } from './facilitation.service.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesService } from './minutes.service.js';
import { SessionClock } from './session-clock.js';
import { SessionParticipantsRepository } from './session-participants.repository.js';
import { SessionRecipientsRepository } from './session-recipients.repository.js';
import { SessionReminders } from './session-reminders.js';
import { SessionsController, SpaceSessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { VoteResultsRepository } from './vote-results.repository.js';
import { VotesController } from './votes.controller.js';
import { VotesRepository } from './votes.repository.js';
import { VotesService } from './votes.service.js';
import { JoinLimits } from './join-limits.js';
import { SessionJoinCodeController, SessionJoinController } from './session-join.controller.js';
import { SessionJoinRepository } from './session-join.repository.js';
import { SessionJoinService } from './session-join.service.js';

@Module({
  imports: [SpacesModule, ProjectsModule, AuthModule],
  controllers: [SpaceSessionsController, SessionsController, VotesController, MinutesController, SessionJoinController, SessionJoinCodeController],
  providers: [
    SessionsRepository,
    AgendaItemsRepository,
    SessionParticipantsRepository,
    SessionRecipientsRepository,
    SessionReminders,
    VotesRepository,
    VoteResultsRepository,
    MinutesRepository,
    SessionsService,
    FacilitationService,
    VotesService,
    MinutesService,
    SessionClock,
    SessionJoinRepository,
    SessionJoinService,
    JoinLimits,
  ],
  exports: [VotesService],
})
export class SessionsModule {}
