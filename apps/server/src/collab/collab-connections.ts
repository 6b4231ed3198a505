import { Injectable } from '@nestjs/common';
import type { CollabConnection } from './collab-connection.js';
import { CollabPresenceService } from './collab-presence.service.js';
import { DocumentRegistry } from './document-registry.js';

/** The /collab connections of this process, by socket id, and how one leaves a document. */
@Injectable()
export class CollabConnections {
  private readonly bySocket = new Map<string, CollabConnection>();

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly presence: CollabPresenceService,
  ) {}

  add(connection: CollabConnection): void {
    this.bySocket.set(connection.id, connection);
  }

  get(socketId: string): CollabConnection | undefined {
    return this.bySocket.get(socketId);
  }

  all(): IterableIterator<CollabConnection> {
    return this.bySocket.values();
  }

  /** The socket is gone: it leaves every document it joined. */
  async remove(socketId: string): Promise<void> {
    const connection = this.bySocket.get(socketId);
    if (!connection) return;
    this.bySocket.delete(socketId);
    for (const name of [...connection.documents.keys()]) await this.leave(connection, name);
  }

  /** Leaves a document: out of its room, presence cleared for the others, the document unloaded later if idle. */
  async leave(connection: CollabConnection, name: string): Promise<void> {
    const joined = connection.documents.get(name);
    if (!joined) return;
    connection.documents.delete(name);
    const live = this.registry.get(name);
    if (!live) return;
    live.clients.delete(connection.id);
    await connection.socket.leave(live.room);
    this.presence.left(connection, live, joined);
    this.registry.release(live);
  }
}
