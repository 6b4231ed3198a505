import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import { AnalysisView, CreateAnalysisRequest, UpdateAnalysisRequest } from '@concerto/domain';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { AnalysesService } from './analyses.service.js';

@Controller('spaces/:spaceId/analyses')
export class AnalysesController {
  constructor(private readonly analyses: AnalysesService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The guide's analysis chapters, in their order", response: z.array(AnalysisView) })
  list(@Param('spaceId') spaceId: string) {
    return this.analyses.list(spaceId);
  }

  @Post()
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Add an analysis chapter (last); its text is co-edited', body: CreateAnalysisRequest, response: AnalysisView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateAnalysisRequest) {
    return this.analyses.create(spaceId, body, auth.account.id);
  }

  @Patch(':analysisId')
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: "Change a chapter's title, scope or position", body: UpdateAnalysisRequest, response: AnalysisView })
  update(@Param('spaceId') spaceId: string, @Param('analysisId') analysisId: string, @Body() body: UpdateAnalysisRequest) {
    return this.analyses.update(spaceId, analysisId, body);
  }

  @Delete(':analysisId')
  @RequiresSpaceRole('animateur')
  @HttpCode(204)
  @Contract({ summary: 'Delete an analysis chapter', status: 204 })
  remove(@Param('spaceId') spaceId: string, @Param('analysisId') analysisId: string) {
    return this.analyses.remove(spaceId, analysisId);
  }
}
