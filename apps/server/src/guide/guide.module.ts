import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { ObservatoryModule } from '../observatory/observatory.module.js';
import { PolesModule } from '../poles/poles.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AnalysesController } from './analyses.controller.js';
import { AnalysesRepository } from './analyses.repository.js';
import { AnalysesService } from './analyses.service.js';
import { CrossPoleGuideController } from './cross-pole-guide.controller.js';
import { CrossPoleGuideService } from './cross-pole-guide.service.js';
import { GuideDocumentController } from './guide-document.controller.js';
import { GuideDocumentRepository } from './guide-document.repository.js';
import { GuideExportService } from './guide-export.service.js';
import { GuideNotices } from './guide-notices.js';
import { GuideRecipientsRepository } from './guide-recipients.repository.js';
import { GuidePublicController, GuidePublicPageController } from './guide-public.controller.js';
import { GuidePublicationService } from './guide-publication.service.js';
import { GuideSources } from './guide-references.js';
import { GuideSourcesRepository } from './guide-sources.repository.js';
import { GuideViewService } from './guide-view.service.js';
import { GuidePublicationController, GuideVersionsController } from './guide-versions.controller.js';
import { GuideVersionsService } from './guide-versions.service.js';
import { RecommendationOriginsController } from './recommendation-origins.controller.js';
import { RecommendationVotesService } from './recommendation-votes.service.js';
import { RecommendationVotesController, RecommendationsController } from './recommendations.controller.js';
import { RecommendationsRepository } from './recommendations.repository.js';
import { RecommendationsService } from './recommendations.service.js';
import { SessionTestimoniesController, TestimoniesController } from './testimonies.controller.js';
import { TestimoniesRepository } from './testimonies.repository.js';
import { TestimoniesService } from './testimonies.service.js';
import { TestimonyCommentsController } from './testimony-comments.controller.js';
import { TestimonyCommentsService } from './testimony-comments.service.js';
import { TestimonyFromContributionService } from './testimony-from-contribution.service.js';
import { GuideExportPool } from './render/export-pool.js';

/** The guide d'appui: testimonies, recommendations and analyses built from a space's work, and the guide document. */
@Module({
  imports: [CollabModule, SessionsModule, DiagnosticsModule, PolesModule, ObservatoryModule],
  controllers: [
    TestimoniesController,
    SessionTestimoniesController,
    TestimonyCommentsController,
    RecommendationsController,
    RecommendationOriginsController,
    RecommendationVotesController,
    AnalysesController,
    GuideDocumentController,
    CrossPoleGuideController,
    GuideVersionsController,
    GuidePublicationController,
    GuidePublicPageController,
    GuidePublicController,
  ],
  providers: [
    GuideRecipientsRepository,
    GuideSourcesRepository,
    TestimoniesRepository,
    TestimoniesService,
    TestimonyFromContributionService,
    TestimonyCommentsService,
    RecommendationsRepository,
    RecommendationVotesService,
    RecommendationsService,
    AnalysesRepository,
    AnalysesService,
    GuideDocumentRepository,
    GuideSources,
    GuideViewService,
    CrossPoleGuideService,
    GuideNotices,
    GuideVersionsService,
    GuidePublicationService,
    GuideExportService,
    GuideExportPool,
  ],
})
export class GuideModule {}
