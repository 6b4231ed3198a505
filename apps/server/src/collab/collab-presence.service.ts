import { Injectable } from '@nestjs/common';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CollabErrorCode as Codes, CollabEvent, awarenessFrame } from '@concerto/collab';
import { AwarenessSpoofError, bindAwareness, decodeAwareness, encodeAwareness } from './awareness-guard.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import type { Ack, CollabConnection, JoinedDocument } from './collab-connection.js';
import type { LiveDocument } from './live-document.js';

/**
 * Presence (y-protocols awareness) on co-edited documents: bound to the authenticated user (see bindAwareness),
 * handed to joiners, relayed to the others, and cleared for them when someone leaves.
 */
@Injectable()
export class CollabPresenceService {
  constructor(private readonly broadcaster: CollabBroadcaster) {}

  /** A joiner gets everyone's presence at once. */
  greet(connection: CollabConnection, live: LiveDocument): void {
    const present = [...live.awareness.getStates().keys()];
    if (present.length > 0) connection.socket.emit(CollabEvent.message, awarenessFrame(live.name, encodeAwarenessUpdate(live.awareness, present)));
  }

  /** An awareness frame of a joined connection: bound to its user, applied, relayed; refused when spoofed or malformed. */
  update(connection: CollabConnection, live: LiveDocument, joined: JoinedDocument, update: Uint8Array, ack: Ack): void {
    try {
      const entries = bindAwareness(decodeAwareness(update), connection.user, joined.awarenessClientIds, (clientId) =>
        [...live.clients.values()].some((c) => c !== connection && c.documents.get(live.name)?.awarenessClientIds.has(clientId)),
      );
      const bound = encodeAwareness(entries);
      applyAwarenessUpdate(live.awareness, bound, connection.id);
      this.broadcaster.relayAwareness(
        live,
        bound,
        entries.map((e) => e.clientId),
        connection.id,
      );
      ack?.({ ok: true, durable: true });
    } catch (error) {
      const spoofed = error instanceof AwarenessSpoofError;
      connection.refuse(ack, spoofed ? Codes.awarenessSpoofed : Codes.frameTruncated, spoofed ? error.message : 'Malformed awareness update', live.name);
    }
  }

  /** The connection left the document: its presence is removed, and the others are told it is gone. */
  left(connection: CollabConnection, live: LiveDocument, joined: JoinedDocument): void {
    const ids = [...joined.awarenessClientIds].filter((id) => live.awareness.meta.has(id));
    if (ids.length === 0) return;
    // A null state with a newer clock.
    const gone = ids.map((clientId) => ({ clientId, clock: live.awareness.meta.get(clientId)!.clock + 1, state: null }));
    removeAwarenessStates(live.awareness, ids, 'leave');
    connection.socket.to(live.room).emit(CollabEvent.message, awarenessFrame(live.name, encodeAwareness(gone)));
  }
}
