import { Inject, Injectable, Logger } from '@nestjs/common';
import { CollabErrorCode as Codes, CollabEvent } from '@concerto/collab';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessChanges } from '../auth/access-changes.js';
import { AccessPolicy } from '../access/access-policy.js';
import type { CollabConnection } from './collab-connection.js';
import { CollabConnections } from './collab-connections.js';
import { DocumentRegistry } from './document-registry.js';

/**
 * Keeps joined documents within their readers' current rights: a changed role closes the document for that
 * connection (`role_changed`, to rejoin with the new one; `access_revoked` when there is none left). Roles are
 * re-checked at once when a membership changes in this process, and every `accessCheckMs` for everyone connected
 * (changes made elsewhere); a revoked session's sockets are disconnected.
 */
@Injectable()
export class CollabAccessSweep {
  private readonly logger = new Logger('Collab');
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly connections: CollabConnections,
    private readonly registry: DocumentRegistry,
    accessChanges: AccessChanges,
  ) {
    this.intervalMs = config.collab.accessCheckMs;
    accessChanges.subscribe((spaceId, accountId) => this.accessChanged(spaceId, accountId));
    accessChanges.onAuthSessionRevoked((authSessionId) => {
      for (const connection of this.connections.all()) if (connection.authSessionId === authSessionId) connection.socket.disconnect(true);
    });
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A membership change in a space: re-check the sockets of that account now, not only at the next sweep. */
  async accessChanged(spaceId: string, accountId: string): Promise<void> {
    for (const connection of this.connections.all()) {
      if (connection.accountId !== accountId) continue;
      for (const joined of connection.documents.values()) {
        if (joined.ref.ownerId === spaceId) await this.recheck(connection, joined.ref.name);
      }
    }
  }

  /** Roles of everyone connected, one query per document. */
  private async sweep(): Promise<void> {
    try {
      for (const live of this.registry.loadedDocuments()) {
        if (live.clients.size === 0) continue;
        const name = live.name;
        const clients = [...live.clients.values()];
        const roles = await this.access.documentRoles(live.ref, [...new Set(clients.map((c) => c.accountId))]);
        for (const connection of clients) await this.recheck(connection, name, roles);
      }
    } catch (error) {
      this.logger.warn(`access sweep failed: ${String(error)}`);
    }
  }

  private async recheck(connection: CollabConnection, name: string, known?: Map<string, string>): Promise<void> {
    const joined = connection.documents.get(name);
    if (!joined) return;
    const role = known ? known.get(connection.accountId) : await this.access.documentRole(joined.ref, connection.accountId);
    if (role === joined.role) return;
    await this.connections.leave(connection, name);
    connection.socket.emit(CollabEvent.closed, { doc: name, code: role ? Codes.roleChanged : Codes.accessRevoked });
  }
}
