import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  CreateFundingLineRequest,
  CreateIndicatorRequest,
  CreateMilestoneRequest,
  FundingLineView,
  IndicatorView,
  MilestoneView,
  UpdateFundingLineRequest,
  UpdateMilestoneRequest,
} from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { FundingService } from './funding.service.js';
import { ProjectItemsService } from './project-items.service.js';

/** Milestones, indicator measures and funding lines of a project. */
@Controller('spaces/:spaceId/projects/:projectId')
export class ProjectItemsController {
  constructor(
    private readonly items: ProjectItemsService,
    private readonly funding: FundingService,
  ) {}

  @Post('milestones')
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Add a milestone', body: CreateMilestoneRequest, response: MilestoneView, status: 201 })
  addMilestone(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Body() body: CreateMilestoneRequest,
  ) {
    return this.items.addMilestone(spaceId, projectId, body, auth.account.id);
  }

  @Patch('milestones/:milestoneId')
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Rename, reschedule or tick a milestone', body: UpdateMilestoneRequest, response: MilestoneView })
  updateMilestone(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Param('milestoneId') milestoneId: string,
    @Body() body: UpdateMilestoneRequest,
  ) {
    return this.items.updateMilestone(spaceId, projectId, milestoneId, body, auth.account.id);
  }

  @Delete('milestones/:milestoneId')
  @RequiresSpaceRole('contributeur')
  @HttpCode(204)
  @Contract({ summary: 'Remove a milestone', status: 204 })
  removeMilestone(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Param('milestoneId') milestoneId: string,
  ) {
    return this.items.removeMilestone(spaceId, projectId, milestoneId, auth.account.id);
  }

  @Post('indicators')
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Record a measure of an indicator', body: CreateIndicatorRequest, response: IndicatorView, status: 201 })
  addIndicator(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Body() body: CreateIndicatorRequest,
  ) {
    return this.items.addIndicator(spaceId, projectId, body, auth.account.id);
  }

  @Delete('indicators/:indicatorId')
  @RequiresSpaceRole('contributeur')
  @HttpCode(204)
  @Contract({ summary: 'Remove a measure of an indicator', status: 204 })
  removeIndicator(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Param('indicatorId') indicatorId: string,
  ) {
    return this.items.removeIndicator(spaceId, projectId, indicatorId, auth.account.id);
  }

  @Post('funding-lines')
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: 'Add a funding line (amount in cents; the level must match the funder)',
    body: CreateFundingLineRequest,
    response: FundingLineView,
    status: 201,
  })
  addFunding(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Body() body: CreateFundingLineRequest,
  ) {
    return this.funding.create(spaceId, projectId, body, auth.account.id);
  }

  @Patch('funding-lines/:fundingLineId')
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: 'Change a funding line (409 version_conflict when it changed since `version`)',
    body: UpdateFundingLineRequest,
    response: FundingLineView,
  })
  updateFunding(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Param('fundingLineId') fundingLineId: string,
    @Body() body: UpdateFundingLineRequest,
  ) {
    return this.funding.update(spaceId, projectId, fundingLineId, body, auth.account.id);
  }

  @Delete('funding-lines/:fundingLineId')
  @RequiresSpaceRole('contributeur')
  @HttpCode(204)
  @Contract({ summary: 'Remove a funding line', status: 204 })
  removeFunding(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('projectId') projectId: string,
    @Param('fundingLineId') fundingLineId: string,
  ) {
    return this.funding.remove(spaceId, projectId, fundingLineId, auth.account.id);
  }
}
