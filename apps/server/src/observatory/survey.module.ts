import { Module } from '@nestjs/common';
import { SurveyCampaignsController } from './survey-campaigns.controller.js';
import { SurveyCampaignsRepository } from './survey-campaigns.repository.js';
import { SurveyCampaignsService } from './survey-campaigns.service.js';
import { SurveyReminders } from './survey-reminders.js';
import { SurveyResponsesController } from './survey-responses.controller.js';
import { SurveyResponsesRepository } from './survey-responses.repository.js';
import { SurveyResponsesService } from './survey-responses.service.js';

/** The yearly survey (enquête): campaigns on the observatory's side, answers in each pole's space. */
@Module({
  controllers: [SurveyCampaignsController, SurveyResponsesController],
  providers: [SurveyCampaignsRepository, SurveyResponsesRepository, SurveyCampaignsService, SurveyResponsesService, SurveyReminders],
})
export class SurveyModule {}
