import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { CrossPoleGuideExportQuery, CrossPoleGuideQuery, GuideView } from '@concerto/domain';
import { Contract } from '../common/contract.js';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { CrossPoleGuideService } from './cross-pole-guide.service.js';
import { guideReader } from './guide-document.controller.js';
import { contentDisposition } from './guide-export.service.js';

/** The cross-pole guide: over the spaces the caller belongs to (all, or those chosen; another space is 404). */
@Controller('observatory/guide')
export class CrossPoleGuideController {
  constructor(private readonly guides: CrossPoleGuideService) {}

  @Get()
  @Contract({
    summary: 'The cross-pole guide: poles, validated testimonies, retained recommendations and figures of the spaces followed (`spaceIds`, or all)',
    query: CrossPoleGuideQuery,
    response: GuideView,
  })
  view(@CurrentAuth() auth: RequestAuth, @Query() query: CrossPoleGuideQuery, @Headers('accept-language') language?: string) {
    return this.guides.view(query, guideReader(auth, language));
  }

  @Get('export')
  @Contract({ summary: 'The cross-pole guide as a Word (DOCX) or PDF file', query: CrossPoleGuideExportQuery })
  async export(@CurrentAuth() auth: RequestAuth, @Query() query: CrossPoleGuideExportQuery, @Headers('accept-language') language?: string) {
    const file = await this.guides.export(query, guideReader(auth, language));
    return new StreamableFile(file.body, { type: file.contentType, disposition: contentDisposition(file), length: file.body.length });
  }
}
