import type { Socket } from 'socket.io';
import type { AuthService } from './auth.service.js';
import { sessionTokenFromCookieHeader } from './session-token.js';
import { isAllowedOrigin } from '../common/request-origin.js';

/** Who an authenticated socket belongs to: `socket.data` once socketAuthMiddleware let it in. */
export interface SocketIdentity {
  accountId: string;
  authSessionId: string;
  displayName: string;
}

/**
 * socket.io middleware: a browser page from another origin must not open a socket with the user's cookie,
 * and only a live session may connect. Clients without an Origin header (not browsers) are judged by the cookie alone.
 */
export function socketAuthMiddleware(auth: AuthService, allowedOrigins: readonly string[]) {
  return (socket: Socket, next: (error?: Error) => void) => {
    const origin = socket.handshake.headers.origin;
    if (origin && !isAllowedOrigin(origin, allowedOrigins)) {
      next(new Error('origin_not_allowed'));
      return;
    }
    auth
      .resolveSession(sessionTokenFromCookieHeader(socket.handshake.headers.cookie))
      .then((session) => {
        if (!session) return next(new Error('unauthenticated'));
        const data: SocketIdentity = {
          accountId: session.account.id,
          authSessionId: session.authSessionId,
          displayName: session.account.displayName,
        };
        socket.data = data;
        next();
      })
      .catch(() => next(new Error('internal_error')));
  };
}
