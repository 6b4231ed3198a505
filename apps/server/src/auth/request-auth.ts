import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Account } from './account.entity.js';

export interface RequestAuth {
  account: Account;
  sessionId: string;
}

export type AuthenticatedRequest = Request & { auth?: RequestAuth };

/** The signed-in caller (routes behind the AuthGuard always have one). */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): RequestAuth => {
  const auth = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new Error('CurrentAuth used on a public route');
  return auth;
});
