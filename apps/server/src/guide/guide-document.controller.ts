import { Controller, Get, Headers, Param, Query, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import { GuideExportQuery, GuideReferenceQuery, GuideView } from '@concerto/domain';
import { RequiresSpaceRole } from '../access/space-role.guard.js';
import { Contract } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { type GuideFile, GuideExportService, contentDisposition } from './guide-export.service.js';
import type { GuideReader } from './guide-references.js';
import { GuideViewService } from './guide-view.service.js';

const download = (file: GuideFile) =>
  new StreamableFile(file.body, { type: file.contentType, disposition: contentDisposition(file), length: file.body.length });

export const guideReader = (auth: RequestAuth, language: string | undefined): GuideReader => ({
  accountId: auth.account.id,
  locale: localeFromHeader(language),
});

/** The guide d'appui of a space, as it reads now (its co-edited text with every live reference resolved). */
@Controller('spaces/:spaceId/guide')
export class GuideDocumentController {
  constructor(
    private readonly views: GuideViewService,
    private readonly exports: GuideExportService,
  ) {}

  @Get()
  @RequiresSpaceRole('observateur')
  @Contract({ summary: "The guide d'appui as it reads now: its sections, their text, every live reference resolved", response: GuideView })
  live(@CurrentAuth() auth: RequestAuth, @Param('spaceId') spaceId: string, @Headers('accept-language') language?: string) {
    return this.views.live(spaceId, guideReader(auth, language));
  }

  @Get('reference')
  @RequiresSpaceRole('observateur')
  @Contract({
    summary: 'One live reference resolved now (preview while editing); `missing` when it points at nothing of the space',
    query: GuideReferenceQuery,
    response: z.unknown(),
  })
  reference(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Query() query: GuideReferenceQuery,
    @Headers('accept-language') language?: string,
  ) {
    return this.views.reference(spaceId, query, guideReader(auth, language));
  }

  @Get('export')
  @RequiresSpaceRole('observateur')
  @Contract({ summary: 'The guide as a Word (DOCX) or PDF file: today’s, or a version (`versionId`)', query: GuideExportQuery })
  async export(
    @CurrentAuth() auth: RequestAuth,
    @Param('spaceId') spaceId: string,
    @Query() query: GuideExportQuery,
    @Headers('accept-language') language?: string,
  ) {
    return download(await this.exports.export(spaceId, query, guideReader(auth, language)));
  }
}
