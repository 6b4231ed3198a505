import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { uuid } from '@concerto/domain';
import { unauthenticated } from '../common/api-exception.js';
import type { AuthenticatedRequest } from '../common/request-auth.js';
import { AccessPolicy } from './access-policy.js';

/**
 * On the observatory's routes: a saved sample selection used as a filter (`?selectionId=`) must be the caller's own,
 * else 404 (another's selection does not leak). A malformed id is left to the route's contract (400).
 */
@Injectable()
export class SelectionFilterGuard implements CanActivate {
  constructor(private readonly access: AccessPolicy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const selectionId = (request.query as Record<string, unknown> | undefined)?.selectionId;
    if (selectionId === undefined || !uuid.safeParse(selectionId).success) return true;
    if (!request.auth) throw unauthenticated();
    await this.access.requireSelectionOwner(String(selectionId), request.auth.account.id);
    return true;
  }
}
