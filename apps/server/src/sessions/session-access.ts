import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type SessionStatus, type SpaceRole, roleAtLeast, uuid } from '@concerto/domain';
import { badRequest, forbidden, notFound, unauthenticated } from '../common/api-exception.js';
import type { AuthenticatedRequest } from '../auth/request-auth.js';

/** What the caller may do in one concertation session: a space member's role, or contributeur for its guests. */
export interface SessionAccess {
  sessionId: string;
  spaceId: string;
  status: SessionStatus;
  role: SpaceRole;
  kind: 'member' | 'guest';
}

/** One query: the session, and the caller's membership of its space or invitation as a guest. */
export async function sessionAccessOf(db: DataSource, sessionId: string, accountId: string): Promise<SessionAccess | undefined> {
  const rows: { space_id: string; status: SessionStatus; role: SpaceRole | null; guest: boolean }[] = await db.query(
    `SELECT cs.space_id, cs.status, m.role, (p.kind = 'guest') AS guest
       FROM concertation_session cs
       LEFT JOIN space_membership m ON m.space_id = cs.space_id AND m.account_id = $2
       LEFT JOIN session_participant p ON p.session_id = cs.id AND p.account_id = $2
      WHERE cs.id = $1`,
    [sessionId, accountId],
  );
  const row = rows[0];
  if (!row || (!row.role && !row.guest)) return undefined;
  return { sessionId, spaceId: row.space_id, status: row.status, role: row.role ?? 'contributeur', kind: row.role ? 'member' : 'guest' };
}

const SESSION_ROLE_KEY = 'concerto:session-role';
/** The least role in the `:sessionId` session that a route requires (guests count as contributeurs). */
export const RequiresSessionRole = (role: SpaceRole) => SetMetadata(SESSION_ROLE_KEY, role);

type SessionRequest = AuthenticatedRequest & { sessionAccess?: SessionAccess };

@Injectable()
export class SessionRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<SpaceRole | undefined>(SESSION_ROLE_KEY, context.getHandler());
    if (!required) return true;
    const request = context.switchToHttp().getRequest<SessionRequest>();
    if (!request.auth) throw unauthenticated();
    for (const [name, value] of Object.entries(request.params)) {
      if (name.endsWith('Id') && !uuid.safeParse(value).success) throw badRequest([{ path: name, message: 'Invalid UUID' }]);
    }
    const access = await sessionAccessOf(this.dataSource, String(request.params.sessionId), request.auth.account.id);
    if (!access) throw notFound();
    if (!roleAtLeast(access.role, required)) throw forbidden();
    request.sessionAccess = access;
    return true;
  }
}

/** The access resolved by the SessionRoleGuard. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionAccess => {
  const access = context.switchToHttp().getRequest<SessionRequest>().sessionAccess;
  if (!access) throw new Error('CurrentSession used without RequiresSessionRole');
  return access;
});
