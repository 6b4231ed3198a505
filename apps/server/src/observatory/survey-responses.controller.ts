import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { SpaceSurveyItem, SurveyAnswers, SurveyFormView } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { ChangesPoleProfile, RequiresSpaceRole } from '../access/space-role.guard.js';
import { SurveyResponsesService } from './survey-responses.service.js';

/**
 * The yearly survey in the pole's space: its members see the campaigns asking the pole and the form; whoever may
 * change the pole's profile (the access policy's rule) saves a draft and submits.
 */
@Controller('spaces/:spaceId/surveys')
export class SurveyResponsesController {
  constructor(private readonly responses: SurveyResponsesService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'The survey campaigns asking the space’s pole, with its answer’s status', response: z.array(SpaceSurveyItem) })
  list(@Param('spaceId') spaceId: string) {
    return this.responses.listForSpace(spaceId);
  }

  @Get(':campaignId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'The pole’s form: its answer, or last year’s and what its projects hold, prefilled', response: SurveyFormView })
  form(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('campaignId') campaignId: string) {
    return this.responses.form(spaceId, campaignId, auth.account.id);
  }

  @Put(':campaignId/draft')
  @ChangesPoleProfile()
  @Contract({ summary: 'Save the pole’s answer as a draft', body: SurveyAnswers, response: SurveyFormView })
  saveDraft(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('campaignId') campaignId: string, @Body() body: SurveyAnswers) {
    return this.responses.saveDraft(spaceId, campaignId, body, auth.account.id);
  }

  @Post(':campaignId/submit')
  @HttpCode(200)
  @ChangesPoleProfile()
  @Contract({
    summary: 'Submit the pole’s answer (again): its facts, the cellule’s funding for the year and its relations are updated together',
    body: SurveyAnswers,
    response: SurveyFormView,
  })
  submit(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('campaignId') campaignId: string, @Body() body: SurveyAnswers) {
    return this.responses.submit(spaceId, campaignId, body, auth.account.id);
  }
}
