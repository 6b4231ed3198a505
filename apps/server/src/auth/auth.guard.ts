import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { unauthenticated } from '../common/api-exception.js';
import { PUBLIC_KEY } from '../common/contract.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { sessionTokenFromCookieHeader } from './session-token.js';

/** Global guard: resolves the session cookie on every request; refuses anonymous callers except on @Public routes. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.auth = await this.auth.resolveSession(sessionTokenFromCookieHeader(request.headers.cookie));
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (!isPublic && !request.auth) throw unauthenticated();
    return true;
  }
}
