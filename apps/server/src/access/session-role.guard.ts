import { type CanActivate, type ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SpaceRole } from '@concerto/domain';
import { unauthenticated } from '../common/api-exception.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { AccessPolicy } from './access-policy.js';
import { requireUuidParams } from './route-params.js';
import type { SessionAccess } from './session-roles.js';

const SESSION_ROLE_KEY = 'concerto:session-role';

/** The least role in the `:sessionId` session that a route requires (guests count as contributeurs). */
export const RequiresSessionRole = (role: SpaceRole) => SetMetadata(SESSION_ROLE_KEY, role);

type SessionRequest = AuthenticatedRequest & { sessionAccess?: SessionAccess };

@Injectable()
export class SessionRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<SpaceRole | undefined>(SESSION_ROLE_KEY, context.getHandler());
    if (!required) return true;
    const request = context.switchToHttp().getRequest<SessionRequest>();
    if (!request.auth) throw unauthenticated();
    requireUuidParams(request.params);
    request.sessionAccess = await this.access.requireSessionRole(String(request.params.sessionId), request.auth.account.id, required);
    return true;
  }
}

/** The access resolved by the SessionRoleGuard. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionAccess => {
  const access = context.switchToHttp().getRequest<SessionRequest>().sessionAccess;
  if (!access) throw new Error('CurrentSession used without RequiresSessionRole');
  return access;
});
