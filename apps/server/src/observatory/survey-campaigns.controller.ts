import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { OpenSurveyCampaignRequest, SurveyCampaignSummary, SurveyCampaignView, SurveyReminderResult } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { requireUuidParams } from '../access/route-params.js';
import { SurveyCampaignsService } from './survey-campaigns.service.js';

/** The yearly survey, on the observatory's side: campaigns over the poles the caller follows. */
@Controller('observatory/surveys')
export class SurveyCampaignsController {
  constructor(private readonly campaigns: SurveyCampaignsService) {}

  @Get()
  @Contract({
    summary: 'The survey campaigns I opened, latest year first, each with its response rate and the year before’s',
    response: z.array(SurveyCampaignSummary),
  })
  list(@CurrentAuth() auth: RequestAuth) {
    return this.campaigns.list(auth.account.id);
  }

  @Post()
  @Contract({
    summary: 'Open the yearly survey over the poles I follow (or those of some of my spaces); their animateurs are asked',
    body: OpenSurveyCampaignRequest,
    response: SurveyCampaignView,
    status: 201,
  })
  open(@CurrentAuth() auth: RequestAuth, @Body() body: OpenSurveyCampaignRequest) {
    return this.campaigns.open(body, auth.account.id);
  }

  @Get(':campaignId')
  @Contract({ summary: 'A campaign I opened: response rate, the year before’s, each pole’s status', response: SurveyCampaignView })
  view(@CurrentAuth() auth: RequestAuth, @Param('campaignId') campaignId: string) {
    requireUuidParams({ campaignId });
    return this.campaigns.view(campaignId, auth.account.id);
  }

  @Post(':campaignId/reminders')
  @HttpCode(200)
  @Contract({ summary: 'Remind the animateurs of the poles that have not submitted', response: SurveyReminderResult })
  remind(@CurrentAuth() auth: RequestAuth, @Param('campaignId') campaignId: string) {
    requireUuidParams({ campaignId });
    return this.campaigns.remind(campaignId, auth.account.id);
  }
}
