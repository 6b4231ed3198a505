import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module.js';
import { FundingRepository } from './funding.repository.js';
import { FundingService } from './funding.service.js';
import { ProjectCsvController } from './project-csv.controller.js';
import { ProjectImportService } from './project-import.service.js';
import { ProjectItemChangesService } from './project-item-changes.service.js';
import { ProjectItemsController } from './project-items.controller.js';
import { ProjectItemsRepository } from './project-items.repository.js';
import { ProjectItemsService } from './project-items.service.js';
import { MilestoneReminders } from './milestone-reminders.js';
import { ProjectRecipientsRepository } from './project-recipients.repository.js';
import { ProjectTimelineRepository } from './project-timeline.repository.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

@Module({
  imports: [SpacesModule],
  controllers: [ProjectsController, ProjectItemsController, ProjectCsvController],
  providers: [
    ProjectsRepository,
    ProjectItemsRepository,
    FundingRepository,
    ProjectTimelineRepository,
    ProjectRecipientsRepository,
    MilestoneReminders,
    ProjectItemChangesService,
    ProjectsService,
    ProjectItemsService,
    FundingService,
    ProjectImportService,
  ],
  exports: [ProjectsService],
})
export class ProjectsModule {}
