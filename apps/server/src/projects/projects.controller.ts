import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { CreateProjectRequest, ProjectChangeView, ProjectDetail, ProjectListQuery, ProjectSummary, UpdateProjectRequest } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { ProjectsService } from './projects.service.js';

@Controller('spaces/:spaceId/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({
    summary: "The space's shared projects (board), filtered by lever, partner, funder, stage or status",
    query: ProjectListQuery,
    response: z.array(ProjectSummary),
  })
  list(@Param('spaceId') spaceId: string, @Query() query: ProjectListQuery) {
    return this.projects.list(spaceId, query);
  }

  @Post()
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Create a shared project', body: CreateProjectRequest, response: ProjectDetail, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateProjectRequest) {
    return this.projects.create(spaceId, body, auth.account.id);
  }

  @Get(':projectId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A project with its milestones, indicators and funding lines', response: ProjectDetail })
  get(@Param('spaceId') spaceId: string, @Param('projectId') projectId: string) {
    return this.projects.get(spaceId, projectId);
  }

  @Patch(':projectId')
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: "Change a project's fields (409 version_conflict when it changed since `version`)",
    body: UpdateProjectRequest,
    response: ProjectDetail,
  })
  update(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('projectId') projectId: string, @Body() body: UpdateProjectRequest) {
    return this.projects.update(spaceId, projectId, body, auth.account.id);
  }

  @Delete(':projectId')
  @RequiresSpaceRole('animateur')
  @HttpCode(204)
  @Contract({ summary: 'Delete a project and everything attached to it', status: 204 })
  remove(@Param('spaceId') spaceId: string, @Param('projectId') projectId: string) {
    return this.projects.remove(spaceId, projectId);
  }

  @Get(':projectId/changes')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The project's timeline: who changed what, when (newest first)", response: z.array(ProjectChangeView) })
  changes(@Param('spaceId') spaceId: string, @Param('projectId') projectId: string) {
    return this.projects.changes(spaceId, projectId);
  }
}
