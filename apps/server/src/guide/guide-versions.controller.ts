import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { CreateGuideVersionRequest, GuidePublicationView, GuideVersionSummary, GuideView, PublishGuideRequest } from '@concerto/domain';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { guideReader } from './guide-document.controller.js';
import { GuidePublicationService } from './guide-publication.service.js';
import { GuideVersionsService } from './guide-versions.service.js';

/** Versions of the guide: frozen with every reference's values and their date; restored by animateurs. */
@Controller('spaces/:spaceId/guide/versions')
export class GuideVersionsController {
  constructor(private readonly versions: GuideVersionsService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The guide's versions, newest first", response: z.array(GuideVersionSummary) })
  list(@Param('spaceId') spaceId: string) {
    return this.versions.list(spaceId);
  }

  @Post()
  @RequiresSpaceRole('contributeur')
  @Contract({
    summary: 'Freeze the guide as it reads now: its text and every reference’s values, with the date',
    body: CreateGuideVersionRequest,
    response: GuideVersionSummary,
    status: 201,
  })
  create(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Body() body: CreateGuideVersionRequest,
    @Headers('accept-language') language?: string,
  ) {
    return this.versions.create(spaceId, body.name, guideReader(auth, language));
  }

  @Get(':versionId')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'A version of the guide as it read when frozen', response: GuideView })
  view(@Param('spaceId') spaceId: string, @Param('versionId') versionId: string) {
    return this.versions.view(spaceId, versionId);
  }

  @Post(':versionId/restore')
  @HttpCode(200)
  @RequiresSpaceRole('animateur')
  @Contract({ summary: 'Restore a version’s text (today’s guide is saved first); its references read today’s values', response: GuideVersionSummary })
  restore(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Param('versionId') versionId: string,
    @Headers('accept-language') language?: string,
  ) {
    return this.versions.restore(spaceId, versionId, guideReader(auth, language));
  }
}

/** The guide's public link: published (a version frozen for it), read by members, withdrawn by animateurs. */
@Controller('spaces/:spaceId/guide/publication')
export class GuidePublicationController {
  constructor(private readonly publication: GuidePublicationService) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'The guide’s public link, or null (an empty 200 answer) when it is not published', response: GuidePublicationView.nullable() })
  get(@Param('spaceId') spaceId: string) {
    return this.publication.get(spaceId);
  }

  @Put()
  @RequiresSpaceRole('animateur')
  @Contract({
    summary: 'Publish the guide as it reads now (a new version); the link already shared shows it',
    body: PublishGuideRequest,
    response: GuidePublicationView,
  })
  publish(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Body() body: PublishGuideRequest,
    @Headers('accept-language') language?: string,
  ) {
    return this.publication.publish(spaceId, body, guideReader(auth, language));
  }

  @Delete()
  @HttpCode(204)
  @RequiresSpaceRole('animateur')
  @Contract({ summary: 'Withdraw the public link: it answers 404 at once', status: 204 })
  withdraw(@Param('spaceId') spaceId: string) {
    return this.publication.withdraw(spaceId);
  }
}
