import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { type ChangeNotice, EventsServerEvent, NOTIFICATION_EVENT, type NotificationNotice } from '@concerto/domain';
import { AccessChanges } from '../auth/access-changes.js';
import type { SocketIdentity } from '../auth/socket-auth.js';

export const spaceRoom = (spaceId: string) => `space:${spaceId}`;
/** Every socket of an account joins this room, so that its list of spaces updates live too. */
export const accountRoom = (accountId: string) => `account:${accountId}`;

/** Guests of a concertation session are not in the space's room: they follow the session's own room. */
export const concertationSessionRoom = (concertationSessionId: string) => `session:${concertationSessionId}`;

/** What the events gateway keeps on each authenticated socket (set by the handshake authentication). */
export type EventsSocketData = SocketIdentity;

/**
 * Pushes `{entity, id, op}` notices to the clients of a space; services call it after their transaction commits.
 * The gateway attaches the /events namespace when the server starts.
 */
@Injectable()
export class EventsPublisher {
  private readonly logger = new Logger(EventsPublisher.name);
  private namespace: Namespace | undefined;

  constructor(accessChanges: AccessChanges) {
    accessChanges.onAuthSessionRevoked((authSessionId) => this.disconnectAuthSession(authSessionId));
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  notify(notice: ChangeNotice): void {
    this.namespace?.to(spaceRoom(notice.spaceId)).emit(EventsServerEvent.change, notice);
  }

  /** A change of a concertation session: to the space's members and to the session's guests, once each. */
  notifyConcertationSession(concertationSessionId: string, notice: ChangeNotice): void {
    this.namespace?.to(spaceRoom(notice.spaceId)).to(concertationSessionRoom(concertationSessionId)).emit(EventsServerEvent.change, notice);
  }

  /** A change that concerns one person's access (joined, role changed, removed): sent to all their sockets. */
  notifyAccount(accountId: string, notice: ChangeNotice): void {
    this.namespace?.to(accountRoom(accountId)).except(spaceRoom(notice.spaceId)).emit(EventsServerEvent.change, notice);
  }

  /** An account's notifications changed (one created, some read): its unread count, to all its sockets. */
  notifyNotification(accountId: string, notice: NotificationNotice): void {
    this.namespace?.to(accountRoom(accountId)).emit(NOTIFICATION_EVENT, notice);
  }

  /** A removed member stops receiving the space's notices at once and is told so. */
  async revokeAccess(spaceId: string, accountId: string): Promise<void> {
    for (const socket of await this.socketsOf(spaceRoom(spaceId))) {
      if ((socket.data as EventsSocketData).accountId !== accountId) continue;
      socket.leave(spaceRoom(spaceId));
      socket.emit(EventsServerEvent.revoked, { spaceId });
    }
  }

  /** A guest removed from a concertation session stops receiving its notices at once. */
  async leaveConcertationSession(concertationSessionId: string, accountId: string): Promise<void> {
    const room = concertationSessionRoom(concertationSessionId);
    for (const socket of await this.socketsOf(room)) {
      if ((socket.data as EventsSocketData).accountId === accountId) socket.leave(room);
    }
  }

  /** Sign-out closes the sockets opened with that sign-in session. */
  private disconnectAuthSession(authSessionId: string): void {
    void this.socketsOf()
      .then((sockets) => {
        for (const socket of sockets) if ((socket.data as EventsSocketData).authSessionId === authSessionId) socket.disconnect(true);
      })
      .catch((error: unknown) => this.logger.warn(`disconnecting a signed-out session failed: ${String(error)}`));
  }

  private async socketsOf(room?: string) {
    if (!this.namespace) return [];
    return room ? this.namespace.in(room).fetchSockets() : this.namespace.fetchSockets();
  }
}
