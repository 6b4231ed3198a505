import { Controller, Get, Header, Headers, Param } from '@nestjs/common';
import { GuideView } from '@concerto/domain';
import { Contract, Public } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { GuidePublicationService } from './guide-publication.service.js';
import { GUIDE_PUBLIC_CSP } from './render/guide-html.js';

/**
 * The published guide, signed out: the page (outside /api, see `PAGES_OUTSIDE_API`) and its data. A malformed,
 * unknown or withdrawn token is a 404; nothing is cached, so a withdrawal takes effect at once.
 */
@Controller('guide-public')
export class GuidePublicPageController {
  constructor(private readonly publication: GuidePublicationService) {}

  @Get(':token')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', GUIDE_PUBLIC_CSP)
  @Header('Cache-Control', 'no-store')
  @Header('X-Robots-Tag', 'noindex')
  @Contract({ summary: 'The published guide as a web page (HTML, no script, print stylesheet)' })
  page(@Param('token') token: string, @Headers('accept-language') language?: string) {
    return this.publication.publicPage(token, localeFromHeader(language));
  }
}

@Controller('public/guides')
export class GuidePublicController {
  constructor(private readonly publication: GuidePublicationService) {}

  @Get(':token')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Contract({ summary: 'The published guide’s frozen view (the data of its public page)', response: GuideView })
  view(@Param('token') token: string) {
    return this.publication.publicView(token);
  }
}
