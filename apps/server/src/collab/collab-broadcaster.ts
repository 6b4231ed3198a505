import { Inject, Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { type CollabErrorCode, CollabEvent, SyncStep, awarenessFrame, syncFrame } from '@concerto/collab';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { LiveDocument } from './live-document.js';

/** From this many clients on, a document relays at most once per `relayIntervalMs` (what arrives meanwhile is merged). */
export const HOT_DOCUMENT_CLIENTS = 32;

/**
 * Sends to the clients of a document on this process: edits and presence relayed at the end of the event-loop turn,
 * merged, and on hot documents at most once per `relayIntervalMs`; and the closing of a document.
 */
@Injectable()
export class CollabBroadcaster {
  private namespace: Namespace | undefined;
  private readonly immediate = { documents: new Set<LiveDocument>(), scheduled: false };
  private readonly relayIntervalMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.relayIntervalMs = config.collab.relayIntervalMs;
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** An update applied to `live` (from `from`, a connection that has it already, or null), to relay to its clients. */
  queueUpdate(live: LiveDocument, update: Uint8Array, from: string | null): void {
    live.pendingRelayFrom = live.pendingRelay.length === 0 || live.pendingRelayFrom === from ? from : null;
    live.pendingRelay.push(update);
    this.scheduleRelay(live);
  }

  /**
   * Relays a presence update already applied to `live.awareness`: at once on small documents (to all but `from`,
   * which sent it); on hot documents with the next merged relay, each changed presence once with its latest state
   * (cursor moves and the renewals of hundreds of participants would otherwise be one message per client each).
   */
  relayAwareness(live: LiveDocument, update: Uint8Array, clientIds: number[], from: string): void {
    if (!this.isHot(live)) {
      this.toDocument(live, awarenessFrame(live.name, update), from);
      return;
    }
    for (const id of clientIds) live.pendingAwareness.add(id);
    this.scheduleRelay(live);
  }

  /** Tells every client of the document here that it is closed (`code` says why) and takes them out of it. */
  close(live: LiveDocument, code: CollabErrorCode): void {
    for (const connection of [...live.clients.values()]) {
      connection.documents.delete(live.name);
      void connection.socket.leave(live.room);
      connection.socket.emit(CollabEvent.closed, { doc: live.name, code });
    }
    live.clients.clear();
  }

  /** Sends a frame to the clients of a document on this process (but `except`, which has its content already). */
  private toDocument(live: LiveDocument, frame: Uint8Array, except?: string): void {
    const room = this.namespace?.local.to(live.room);
    (except ? room?.except(except) : room)?.emit(CollabEvent.message, frame);
  }

  private isHot(live: LiveDocument): boolean {
    return live.clients.size >= HOT_DOCUMENT_CLIENTS && this.relayIntervalMs > 0;
  }

  /**
   * Every document relays at the end of the current event-loop turn (lowest latency), all that arrived in that turn
   * merged. A document with many clients relays at most once per `relayIntervalMs`: an update arriving sooner after
   * its last relay waits for the rest of the interval, with everything else that arrives meanwhile, so that under load
   * each client gets one merged message per interval instead of one per edit; at a moderate pace nothing waits.
   */
  private scheduleRelay(live: LiveDocument): void {
    if (this.isHot(live)) {
      if (live.relayTimer) return;
      const wait = live.lastRelayAt + this.relayIntervalMs - performance.now();
      if (wait > 0) {
        live.relayTimer = setTimeout(() => {
          live.relayTimer = undefined;
          this.relay(live);
        }, wait);
        return;
      }
    }
    const batch = this.immediate;
    batch.documents.add(live);
    if (batch.scheduled) return;
    batch.scheduled = true;
    setImmediate(() => {
      batch.scheduled = false;
      const documents = [...batch.documents];
      batch.documents.clear();
      for (const doc of documents) this.relay(doc);
    });
  }

  /** Edits first, then presence: cursors may point into what the edits bring. */
  private relay(live: LiveDocument): void {
    live.lastRelayAt = performance.now();
    this.relayPendingUpdates(live);
    this.relayPendingAwareness(live);
  }

  private relayPendingUpdates(live: LiveDocument): void {
    const updates = live.pendingRelay;
    const from = live.pendingRelayFrom;
    live.pendingRelay = [];
    live.pendingRelayFrom = null;
    if (updates.length === 0 || live.clients.size === 0) return;
    if (from !== null && live.clients.size === 1 && live.clients.has(from)) return;
    const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    // Updates all from one client are not echoed back to it.
    this.toDocument(live, syncFrame(live.name, SyncStep.update, merged), from ?? undefined);
  }

  private relayPendingAwareness(live: LiveDocument): void {
    if (live.pendingAwareness.size === 0) return;
    // A presence cleared meanwhile goes out as a null state, which clients drop (one that left was dropped already).
    const ids = [...live.pendingAwareness].filter((id) => live.awareness.meta.has(id));
    live.pendingAwareness.clear();
    if (ids.length > 0 && live.clients.size > 0) this.toDocument(live, awarenessFrame(live.name, encodeAwarenessUpdate(live.awareness, ids)));
  }
}
