import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { GuideSourcesRepository } from './guide-sources.repository.js';
import { SessionTestimoniesController, TestimoniesController } from './testimonies.controller.js';
import { TestimoniesRepository } from './testimonies.repository.js';
import { TestimoniesService } from './testimonies.service.js';
import { TestimonyFromContributionService } from './testimony-from-contribution.service.js';

/** The guide d'appui: testimonies, recommendations and analyses built from a space's work. */
@Module({
  imports: [CollabModule],
  controllers: [TestimoniesController, SessionTestimoniesController],
  providers: [GuideSourcesRepository, TestimoniesRepository, TestimoniesService, TestimonyFromContributionService],
})
export class GuideModule {}
