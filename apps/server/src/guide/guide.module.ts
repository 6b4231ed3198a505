import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AnalysesController } from './analyses.controller.js';
import { AnalysesRepository } from './analyses.repository.js';
import { AnalysesService } from './analyses.service.js';
import { GuideSourcesRepository } from './guide-sources.repository.js';
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

/** The guide d'appui: testimonies, recommendations and analyses built from a space's work. */
@Module({
  imports: [CollabModule, SessionsModule, DiagnosticsModule],
  controllers: [
    TestimoniesController,
    SessionTestimoniesController,
    TestimonyCommentsController,
    RecommendationsController,
    RecommendationVotesController,
    AnalysesController,
  ],
  providers: [
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
  ],
})
export class GuideModule {}
