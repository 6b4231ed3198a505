import { type CanActivate, type ExecutionContext, Injectable, SetMetadata, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SpaceRole } from '@concerto/domain';
import { unauthenticated } from '../common/api-exception.js';
import { SPACE_ROLE_KEY } from '../common/contract.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { AccessPolicy } from './access-policy.js';
import { requireUuidParams } from './route-params.js';

const POLE_PROFILE_KEY = 'concerto:pole-profile';

/** The least role in the `:spaceId` space that a route requires. */
export const RequiresSpaceRole = (role: SpaceRole) => SetMetadata(SPACE_ROLE_KEY, role);

/** A change to the pole profile of the `:spaceId` space's pole (shown in all its spaces): see AccessPolicy. */
export const ChangesPoleProfile = () => applyDecorators(SetMetadata(SPACE_ROLE_KEY, 'contributeur'), SetMetadata(POLE_PROFILE_KEY, true));

/** Applied to every route: checks the space role (and the pole-profile rule) that the route declares. */
@Injectable()
export class SpaceRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<SpaceRole | undefined>(SPACE_ROLE_KEY, context.getHandler());
    if (!required) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.auth) throw unauthenticated();
    requireUuidParams(request.params);
    const spaceId = String(request.params.spaceId);
    await this.access.requireSpaceRole(spaceId, request.auth.account.id, required);
    if (this.reflector.get<boolean | undefined>(POLE_PROFILE_KEY, context.getHandler())) await this.access.requirePoleEditor(spaceId, request.auth.account.id);
    return true;
  }
}
