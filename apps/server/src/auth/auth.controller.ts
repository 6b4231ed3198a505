import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccountView, SignedInView, PasswordResetConfirm, PasswordResetRequest, SignInRequest, SignUpRequest, UpdateMeRequest } from '@concerto/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Contract, Public } from '../common/contract.js';
import { AccessChanges } from './access-changes.js';
import { AuthService, type ClientInfo, type IssuedSession } from './auth.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { CurrentAuth, type AuthenticatedRequest, type RequestAuth } from '../common/request-auth.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-token.js';

function clientOf(request: Request): ClientInfo {
  return { ip: request.ip ?? '', connectionIp: request.socket.remoteAddress ?? '', userAgent: request.headers['user-agent'] ?? '' };
}

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accessChanges: AccessChanges,
    private readonly passwordReset: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-up')
  @Public()
  @Contract({ summary: 'Create an account and sign in', body: SignUpRequest, response: AccountView, status: 201 })
  async signUp(@Body() body: SignUpRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.setCookie(req, res, await this.auth.signUp(body, clientOf(req)));
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @Contract({ summary: 'Sign in with e-mail and password', body: SignInRequest, response: AccountView })
  async signIn(@Body() body: SignInRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.setCookie(req, res, await this.auth.signIn(body, clientOf(req)));
  }

  @Post('sign-out')
  @HttpCode(204)
  @Contract({ summary: 'Revoke the current session', status: 204 })
  async signOut(@CurrentAuth() auth: RequestAuth, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.auth.signOut(auth.authSessionId);
    this.accessChanges.authSessionRevoked(auth.authSessionId);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req.secure, 0), maxAge: undefined });
  }

  @Post('password-reset/request')
  @Public()
  @HttpCode(202)
  @Contract({
    summary: '« Mot de passe oublié » : mails a single-use reset link if an account has this address (the same answer either way; rate-limited)',
    body: PasswordResetRequest,
    status: 202,
  })
  requestPasswordReset(@Body() body: PasswordResetRequest, @Req() req: Request) {
    return this.passwordReset.request(body.email, clientOf(req));
  }

  @Get('password-reset/:token')
  @Public()
  @HttpCode(204)
  @Contract({ summary: 'Whether a reset link may still be used (400 reset_link_invalid, 410 reset_link_used or reset_link_expired)', status: 204 })
  checkPasswordReset(@Param('token') token: string) {
    return this.passwordReset.check(token);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(204)
  @Contract({ summary: 'Choose a new password with a reset link; every sign-in session of the account is revoked', body: PasswordResetConfirm, status: 204 })
  confirmPasswordReset(@Body() body: PasswordResetConfirm) {
    return this.passwordReset.confirm(body);
  }

  @Get('session')
  @Public()
  @Contract({ summary: 'Who is signed in: the account, or null for a visitor (200 either way)', response: SignedInView })
  async session(@Req() req: AuthenticatedRequest) {
    // A participant who joined a live session by code is not an account: to the application it is a visitor.
    return { account: req.auth && !req.auth.participantSessionId ? await this.auth.me(req.auth.account.id) : null };
  }

  @Get('me')
  @Contract({ summary: 'The signed-in account', response: AccountView })
  me(@CurrentAuth() auth: RequestAuth) {
    return this.auth.me(auth.account.id);
  }

  @Patch('me')
  @Contract({ summary: 'Update my name, organisation or language', body: UpdateMeRequest, response: AccountView })
  updateMe(@CurrentAuth() auth: RequestAuth, @Body() body: UpdateMeRequest) {
    return this.auth.updateMe(auth.account.id, body);
  }

  private setCookie(req: Request, res: Response, issued: IssuedSession) {
    res.cookie(SESSION_COOKIE, issued.token, sessionCookieOptions(req.secure, this.config.sessionTtlMs));
    return issued.account;
  }
}
