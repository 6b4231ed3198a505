import type { SessionStatus, SpaceRole } from '@concerto/domain';

/**
 * What the caller may do in one concertation session: a space member's role, or contributeur for its guests and for
 * the participants who joined it by code (no account).
 */
export interface SessionAccess {
  sessionId: string;
  spaceId: string;
  status: SessionStatus;
  role: SpaceRole;
  kind: 'member' | 'guest' | 'participant';
}

/** The caller's place in a session, as stored: membership of the session's space, and invitation as a guest. */
export interface SessionStanding {
  sessionId: string;
  spaceId: string;
  status: SessionStatus;
  memberRole: SpaceRole | null;
  guest: boolean;
  /** Joined by code without an account (never a member of the space). */
  participant: boolean;
}

/**
 * The session rule: members of the session's space keep their role in it; guests (invited from outside the space)
 * and participants who joined by code are contributeurs of that session only; anyone else has no access.
 */
export function sessionAccessFrom(standing: SessionStanding | undefined): SessionAccess | undefined {
  if (!standing || (!standing.memberRole && !standing.guest && !standing.participant)) return undefined;
  return {
    sessionId: standing.sessionId,
    spaceId: standing.spaceId,
    status: standing.status,
    role: standing.memberRole ?? 'contributeur',
    kind: standing.memberRole ? 'member' : standing.participant ? 'participant' : 'guest',
  };
}

/** A session's co-edited board: the session role while it runs, read-only for everyone once it is closed. */
export function boardRole(access: SessionAccess): SpaceRole {
  return access.status === 'closed' ? 'observateur' : access.role;
}
