import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module.js';
import { FundingService } from './funding.service.js';
import { ProjectCsvController } from './project-csv.controller.js';
import { ProjectImportService } from './project-import.service.js';
import { ProjectItemsController } from './project-items.controller.js';
import { ProjectItemsService } from './project-items.service.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  imports: [SpacesModule],
  controllers: [ProjectsController, ProjectItemsController, ProjectCsvController],
  providers: [ProjectsService, ProjectItemsService, FundingService, ProjectImportService],
  exports: [ProjectsService],
})
export class ProjectsModule {}
