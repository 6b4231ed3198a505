import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { JoinCodeView, JoinPreview, JoinRequest, JoinedView, type Locale } from '@concerto/domain';
import { CurrentSession, RequiresSessionRole, SessionRoleGuard } from '../access/session-role.guard.js';
import type { SessionAccess } from '../access/session-roles.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-token.js';
import { Contract, Public } from '../common/contract.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { type JoiningClient, PARTICIPANT_TOKEN_TTL_MS, SessionJoinService } from './session-join.service.js';

/** The httpOnly cookie that makes one device one participant per session. */
export const DEVICE_COOKIE = 'concerto_device';
const DEVICE_COOKIE_MS = 365 * 24 * 3600_000;

function joiningClient(request: Request): JoiningClient {
  const device = parse(request.headers.cookie ?? '')[DEVICE_COOKIE];
  const locale: Locale = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'fr';
  return {
    ip: request.ip ?? '',
    connectionIp: request.socket.remoteAddress ?? '',
    userAgent: request.headers['user-agent'] ?? '',
    deviceToken: device && /^[A-Za-z0-9_-]{43}$/.test(device) ? device : undefined,
    locale,
  };
}

/** Joining a live session by its code, without an account (public; wrong codes are rate-limited per address). */
@Controller('join/:code')
export class SessionJoinController {
  constructor(private readonly join: SessionJoinService) {}

  @Get()
  @Public()
  @Contract({ summary: 'What a join code opens (404 join_code_invalid when unknown, rotated or closed; 429 past the wrong-code limit)', response: JoinPreview })
  preview(@Param('code') code: string, @Req() req: Request) {
    return this.join.preview(code, joiningClient(req));
  }

  @Post()
  @Public()
  @HttpCode(200)
  @Contract({
    summary: 'Join the session as a participant (display name, optional organisation); this device joining again resumes the same participant',
    body: JoinRequest,
    response: JoinedView,
  })
  async enter(@Param('code') code: string, @Body() body: JoinRequest, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const joined = await this.join.join(code, body, joiningClient(req), req.auth);
    res.cookie(SESSION_COOKIE, joined.token, sessionCookieOptions(req.secure, PARTICIPANT_TOKEN_TTL_MS));
    res.cookie(DEVICE_COOKIE, joined.deviceToken, { ...sessionCookieOptions(req.secure, DEVICE_COOKIE_MS), path: '/api/join' });
    return joined.view;
  }
}

/** The animateur's side: the session's join code, and removing a participant. */
@Controller('sessions/:sessionId')
@UseGuards(SessionRoleGuard)
export class SessionJoinCodeController {
  constructor(private readonly join: SessionJoinService) {}

  @Get('join-code')
  @RequiresSessionRole('animateur')
  @Contract({ summary: "The session's join code (null when joining by code is closed)", response: JoinCodeView })
  code(@CurrentSession() access: SessionAccess) {
    return this.join.code(access);
  }

  @Post('join-code')
  @HttpCode(200)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Open joining by code, or replace the code (the old link stops working)', response: JoinCodeView })
  rotate(@CurrentSession() access: SessionAccess) {
    return this.join.rotate(access);
  }

  @Delete('join-code')
  @HttpCode(204)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Close joining by code (participants already in stay)', status: 204 })
  close(@CurrentSession() access: SessionAccess) {
    return this.join.close(access);
  }

  @Delete('participants/:accountId')
  @HttpCode(204)
  @RequiresSessionRole('animateur')
  @Contract({ summary: 'Remove a participant who joined by code: its token stops working at once', status: 204 })
  remove(@CurrentSession() access: SessionAccess, @Param('accountId') accountId: string) {
    return this.join.remove(access, accountId);
  }
}
