import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { Locale } from '@concerto/domain';

/** The signed-in account as every route sees it (auth's Account entity has this shape). */
export interface AuthenticatedAccount {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  organisationId: string | null;
}

export interface RequestAuth {
  account: AuthenticatedAccount;
  /** The sign-in session (auth_session), not a concertation session. */
  authSessionId: string;
  /**
   * Set when the caller is a participant who joined this concertation session by code (no account of its own): the
   * access policy confines it to that session (`@OpenToParticipants()` routes only).
   */
  participantSessionId?: string;
}

export type AuthenticatedRequest = Request & { auth?: RequestAuth };

/** The signed-in caller (routes behind the AuthGuard always have one). */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): RequestAuth => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new Error('CurrentAuth used on a public route');
  return auth;
});
