import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { CreateVersionRequest, VersionComparison, VersionContent, VersionView } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { VersionsService } from './versions.service.js';

@Controller('spaces/:spaceId/diagnostic/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'Versions of the diagnostic with date and contributors, newest first', response: z.array(VersionView) })
  list(@Param('spaceId') spaceId: string) {
    return this.versions.list(spaceId);
  }

  @Post()
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Save a named version of the diagnostic as it is now', body: CreateVersionRequest, response: VersionView, status: 201 })
  create(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Body() body: CreateVersionRequest) {
    return this.versions.save(spaceId, body.name, 'manual', auth.account.id);
  }

  @Get(':versionId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A version, read-only (sections as Markdown)', response: VersionContent })
  content(@Param('spaceId') spaceId: string, @Param('versionId') versionId: string) {
    return this.versions.content(spaceId, versionId);
  }

  @Get(':versionId/compare')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'What was added and removed since the version, per section', response: VersionComparison })
  compare(@Param('spaceId') spaceId: string, @Param('versionId') versionId: string) {
    return this.versions.compare(spaceId, versionId);
  }

  @Post(':versionId/restore')
  @HttpCode(200)
  @RequiresSpaceRole('contributeur')
  @Contract({ summary: 'Restore a version: today is saved first, then the old text comes back as a new live change', response: VersionView })
  restore(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Param('versionId') versionId: string) {
    return this.versions.restore(spaceId, versionId, auth.account.id);
  }
}
