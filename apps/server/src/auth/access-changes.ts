import { Injectable } from '@nestjs/common';

export type AccessChangeListener = (spaceId: string, accountId: string) => void | Promise<void>;
export type AuthSessionRevokedListener = (authSessionId: string) => void;

/**
 * In-process signals about access: someone's role in a space changed or was removed, or a session was
 * revoked (sign-out). Live connections act on them at once.
 */
@Injectable()
export class AccessChanges {
  private readonly listeners = new Set<AccessChangeListener>();
  private readonly sessionListeners = new Set<AuthSessionRevokedListener>();

  onAuthSessionRevoked(listener: AuthSessionRevokedListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  authSessionRevoked(authSessionId: string): void {
    for (const listener of this.sessionListeners) listener(authSessionId);
  }

  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(spaceId: string, accountId: string): void {
    for (const listener of this.listeners) void listener(spaceId, accountId);
  }
}
