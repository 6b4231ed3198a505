import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { SpacesModule } from '../spaces/spaces.module.js';
import { FacilitationService } from './facilitation.service.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesService } from './minutes.service.js';
import { SessionClock } from './session-clock.js';
import { SessionsController, SpaceSessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';
import { VotesController } from './votes.controller.js';
import { VotesService } from './votes.service.js';

@Module({
  imports: [SpacesModule, ProjectsModule],
  controllers: [SpaceSessionsController, SessionsController, VotesController, MinutesController],
  providers: [SessionsService, FacilitationService, VotesService, MinutesService, SessionClock],
})
export class SessionsModule {}
