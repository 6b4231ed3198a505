import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type SpaceRole, uuid } from '@concerto/domain';
import { badRequest, unauthenticated } from '../common/api-exception.js';
import { SPACE_ROLE_KEY } from '../common/contract.js';
import type { AuthenticatedRequest } from '../auth/request-auth.js';
import { SpaceAccessService } from './space-access.service.js';

/** The least role in the `:spaceId` space that a route requires. */
export const RequiresSpaceRole = (role: SpaceRole) => SetMetadata(SPACE_ROLE_KEY, role);

@Injectable()
export class SpaceRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: SpaceAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<SpaceRole | undefined>(SPACE_ROLE_KEY, context.getHandler());
    if (!required) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.auth) throw unauthenticated();
    for (const [name, value] of Object.entries(request.params)) {
      if (name.endsWith('Id') && !uuid.safeParse(value).success) throw badRequest([{ path: name, message: 'Invalid UUID' }]);
    }
    await this.access.require(String(request.params.spaceId), request.auth.account.id, required);
    return true;
  }
}
