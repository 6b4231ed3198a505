import { Controller, Get, Header, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Contract, Public } from '../common/contract.js';
import { localeFromHeader } from '../common/locale.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UNSUBSCRIBE_PAGE_CSP, unsubscribeConfirmPage, unsubscribeDonePage, unsubscribeInvalidPage } from './unsubscribe-page.js';

export const UNSUBSCRIBE_PATH = '/unsubscribe/';

/**
 * One-click unsubscribe, signed out (outside /api, see `PAGES_OUTSIDE_API`): GET shows what the link turns off and a
 * button; POST (the button, or a mail client's RFC 8058 one-click `List-Unsubscribe-Post`) turns it off. A forged or
 * altered token is a 400 page and changes nothing.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get(':token')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', UNSUBSCRIBE_PAGE_CSP)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  @Contract({ summary: 'The unsubscribe confirmation page (HTML, no script): what the link turns off, and a button' })
  async page(@Param('token') token: string, @Headers('accept-language') language: string | undefined, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.preferences.inspect(token);
    if (!outcome) {
      res.status(400);
      return unsubscribeInvalidPage(localeFromHeader(language));
    }
    return unsubscribeConfirmPage(outcome.claim, outcome.locale, outcome.spaceName, `${UNSUBSCRIBE_PATH}${encodeURIComponent(token)}`);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', UNSUBSCRIBE_PAGE_CSP)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Contract({ summary: 'Unsubscribe: turns off exactly the preference the signed token names (400 for a forged or altered token)' })
  async unsubscribe(@Param('token') token: string, @Headers('accept-language') language: string | undefined, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.preferences.unsubscribe(token);
    if (!outcome) {
      res.status(400);
      return unsubscribeInvalidPage(localeFromHeader(language));
    }
    return unsubscribeDonePage(outcome.claim, outcome.locale, outcome.spaceName);
  }
}
