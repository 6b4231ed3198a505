import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY } from '../common/contract.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { AccessPolicy } from './access-policy.js';
import { ParticipantWriteLimits } from './participant-write-limits.js';

const OPEN_TO_PARTICIPANTS_KEY = 'concerto:open-to-participants';

/**
 * A route a participant who joined a live session by code may use (reading its session, its votes, casting its
 * ballot): the session guard then checks that the session is the participant's own.
 */
export const OpenToParticipants = () => SetMetadata(OPEN_TO_PARTICIPANTS_KEY, true);

/**
 * Applied to every route after the AuthGuard: a participant principal reaches only the public routes and those open to
 * it, and its changes there are rate-limited per participant.
 */
@Injectable()
export class ParticipantScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessPolicy,
    private readonly writeLimits: ParticipantWriteLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.auth?.participantSessionId) return true;
    // Public routes (health, sign-in, joining by code…) are everyone's, the participant's too.
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    this.access.requireParticipantMayUse(this.reflector.get<boolean>(OPEN_TO_PARTICIPANTS_KEY, context.getHandler()) === true);
    // Its changes are rate-limited per participant (reads are not: a phone on a slow connection refetches).
    if (request.method !== 'GET' && request.method !== 'HEAD') await this.writeLimits.consume(request.auth.account.id);
    return true;
  }
}
