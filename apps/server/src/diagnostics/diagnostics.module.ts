import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { SpacesModule } from '../spaces/spaces.module.js';
import { CommentRecipientsRepository } from './comment-recipients.repository.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { DiagnosticExportService } from './diagnostic-export.service.js';
import { DiagnosticsController } from './diagnostics.controller.js';
import { DiagnosticsRepository } from './diagnostics.repository.js';
import { SectionStatesRepository } from './section-states.repository.js';
import { SectionStatesService } from './section-states.service.js';
import { VersionsController } from './versions.controller.js';
import { VersionsRepository } from './versions.repository.js';
import { VersionsService } from './versions.service.js';

@Module({
  imports: [SpacesModule, CollabModule],
  controllers: [DiagnosticsController, VersionsController],
  providers: [
    CommentsRepository,
    CommentRecipientsRepository,
    DiagnosticsRepository,
    SectionStatesRepository,
    SectionStatesService,
    VersionsRepository,
    CommentsService,
    VersionsService,
    DiagnosticExportService,
  ],
  // The guide comments a testimony's story with the same anchored comments.
  exports: [CommentsService],
})
export class DiagnosticsModule {}
