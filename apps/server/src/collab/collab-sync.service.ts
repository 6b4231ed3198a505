import { Inject, Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import * as Y from 'yjs';
import {
  type CollabErrorCode,
  CollabErrorCode as Codes,
  CollabEvent,
  type JoinResult,
  MessageType,
  SyncStep,
  FrameError,
  decodeFrame,
  parseDocumentName,
  readAwarenessBody,
  readSyncBody,
  syncFrame,
  toBytes,
} from '@concerto/collab';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessPolicy } from '../access/access-policy.js';
import { documentReadOnly } from '../access/content-rules.js';
import type { Ack, CollabConnection, JoinedDocument } from './collab-connection.js';
import { CollabConnections } from './collab-connections.js';
import { CollabPresenceService } from './collab-presence.service.js';
import { ContributionTracker } from './contributions.js';
import { checkUpdate } from './document-policy.js';
import { DocumentRegistry } from './document-registry.js';
import type { LiveDocument } from './live-document.js';
import { inOneWrite } from './one-write.js';
import { socketLog } from '../logging/socket-logs.js';

/** The Yjs update of no struct and no deletion (`[0 clients][0 clients]`), what a copy with nothing new sends. */
const carriesNothing = (update: Uint8Array): boolean => update.byteLength === 2 && update[0] === 0 && update[1] === 0;

/** A client's state vector: its bytes and whether it is empty, or null when it is not a decodable state vector. */
function readStateVector(value: unknown, maxBytes: number): { bytes: Uint8Array; empty: boolean } | null {
  try {
    const bytes = toBytes(value, maxBytes);
    return { bytes, empty: Y.decodeStateVector(bytes).size === 0 };
  } catch {
    return null;
  }
}

/**
 * The answer to a client's state vector: a sync frame, step 2, with what it lacks (a joiner with nothing gets the
 * whole document, encoded once for all joiners until it changes) and, for writers, the server's state vector.
 */
function syncAnswer(live: LiveDocument, vector: { bytes: Uint8Array; empty: boolean }, readOnly: boolean): { step2: Uint8Array; stateVector?: Uint8Array } {
  const step2 = vector.empty ? live.wholeState() : syncFrame(live.name, SyncStep.step2, Y.encodeStateAsUpdate(live.doc, vector.bytes));
  return readOnly ? { step2 } : { step2, stateVector: live.stateVector() };
}

/** A client refused for missing dependencies is sent the server's state vector at most this often. */
const RESYNC_REQUEST_INTERVAL_MS = 200;
/** The window over which messages refused for the rate limit are counted before the connection is closed. */
const DROP_WINDOW_MS = 10_000;

/**
 * Joining documents (role checked, connection limits) and the y-protocols sync: each frame is rate-limited and
 * decoded within the frame limit, then an edit goes policy → size cap → apply (the registry hands it to the
 * broadcaster and the store) → durable → acknowledged. Presence frames go to the presence service.
 */
@Injectable()
export class CollabSyncService {
  private readonly limits: AppConfig['collab'];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly connections: CollabConnections,
    private readonly registry: DocumentRegistry,
    private readonly presence: CollabPresenceService,
    private readonly contributions: ContributionTracker,
  ) {
    this.limits = config.collab;
  }

  /**
   * Always answers: a storage failure while joining is an error code the client retries on, never silence. With the
   * client's state vector, the answer carries what a sync step 1 would get (see syncAnswer).
   */
  async join(socket: Socket, name: unknown, stateVector?: unknown): Promise<JoinResult> {
    try {
      return await this.joinDocument(socket, name, stateVector);
    } catch (error) {
      socketLog(socket).warn({ event: 'join', err: error }, 'socket join failed: storage');
      return { ok: false, doc: String(name ?? ''), code: Codes.storageFailed, message: 'Storage unavailable, try again' };
    }
  }

  async leave(socket: Socket, name: unknown): Promise<{ ok: true }> {
    const connection = this.connections.get(socket.id);
    if (connection && typeof name === 'string') await this.connections.leave(connection, name);
    return { ok: true };
  }

  /** One binary frame; `ack` (when the client asked for one) is answered once the edit is durable. */
  async message(socket: Socket, payload: unknown, ack: Ack): Promise<void> {
    const connection = this.connections.get(socket.id);
    if (!connection) return;
    if (!connection.bucket.take()) return this.rateLimited(connection, ack);
    let docName: string | undefined;
    try {
      const frame = decodeFrame(toBytes(payload, this.limits.maxFrameBytes));
      docName = frame.doc;
      const joined = connection.documents.get(frame.doc);
      const live = joined ? this.registry.get(frame.doc) : undefined;
      if (!joined || !live || !live.clients.has(socket.id)) return connection.refuse(ack, Codes.notJoined, 'Join the document first', frame.doc);
      if (frame.type === MessageType.awareness) return this.presence.update(connection, live, joined, readAwarenessBody(frame.decoder), ack);
      const { step, payload: body } = readSyncBody(frame.decoder);
      if (step === SyncStep.step1) return this.answerStep1(connection, live, joined.readOnly, body, ack);
      return await this.edit(connection, live, joined, body, ack);
    } catch (error) {
      if (error instanceof FrameError) return connection.refuse(ack, error.code, error.message, docName);
      socketLog(socket).error({ event: 'message', doc: docName ?? null, err: error }, 'socket message failed');
      return connection.refuse(ack, Codes.internal, 'Internal error', docName);
    }
  }

  private async joinDocument(socket: Socket, name: unknown, clientVector: unknown): Promise<JoinResult> {
    const connection = this.connections.get(socket.id);
    const ref = parseDocumentName(name);
    const refuse = (code: CollabErrorCode, message: string): JoinResult => ({ ok: false, doc: String(name ?? ''), code, message });
    if (!connection) return refuse(Codes.unauthenticated, 'Not authenticated');
    if (!ref) return refuse(Codes.invalidDocumentName, 'Unknown document name');
    const limits = this.limits;
    // Checked before anything else: a malformed vector joins nothing.
    const vector = clientVector === undefined ? undefined : readStateVector(clientVector, limits.maxFrameBytes);
    if (vector === null) return refuse(Codes.invalidUpdate, 'Malformed state vector');
    if (connection.documents.size >= limits.maxDocumentsPerConnection && !connection.documents.has(ref.name)) {
      return refuse(Codes.rateLimited, 'Too many documents on one connection');
    }
    const role = await this.access.documentRole(ref, connection.accountId);
    if (!role) return refuse(Codes.notFound, 'Document not found');
    const live = await this.registry.acquire(ref);
    if (!live.clients.has(socket.id)) {
      const full = live.clients.size >= limits.maxClientsPerDocument;
      const mine = full ? 0 : [...live.clients.values()].filter((c) => c.accountId === connection.accountId).length;
      if (full || mine >= limits.maxConnectionsPerAccount) {
        this.registry.release(live);
        return full
          ? refuse(Codes.documentFull, 'Too many people on this document')
          : refuse(Codes.tooManyConnections, `At most ${limits.maxConnectionsPerAccount} connections of one account on a document`);
      }
    }
    const readOnly = documentReadOnly(role);
    const previous = connection.documents.get(ref.name);
    connection.documents.set(ref.name, { ref, role, readOnly, awarenessClientIds: previous?.awarenessClientIds ?? new Set(), resyncRequestedAt: 0 });
    live.clients.set(socket.id, connection);
    await socket.join(live.room);
    this.presence.greet(connection, live);
    const joinedAnswer = { ok: true, doc: ref.name, readOnly, user: connection.user, maxFrameBytes: limits.maxFrameBytes } as const;
    if (!vector) return joinedAnswer;
    // The sync in the join answer (one packet, one write): what the client lacks and, for writers, the server's vector.
    const { step2, stateVector } = syncAnswer(live, vector, readOnly);
    return { ...joinedAnswer, step2, ...(stateVector ? { stateVector } : {}) };
  }

  /** Sync step 1: what the client lacks (step 2), then, for writers, the server's state vector to get what it lacks. */
  private answerStep1(connection: CollabConnection, live: LiveDocument, readOnly: boolean, body: Uint8Array, ack: Ack): void {
    const vector = readStateVector(body, Infinity);
    if (!vector) return connection.refuse(ack, Codes.invalidUpdate, 'Malformed state vector', live.name);
    const { step2, stateVector } = syncAnswer(live, vector, readOnly);
    // Step 2, the state vector and the acknowledgement: one write.
    inOneWrite(connection.socket, () => {
      connection.socket.emit(CollabEvent.message, step2);
      if (stateVector) connection.socket.emit(CollabEvent.message, stateVector);
      ack?.({ ok: true, durable: true });
    });
  }

  /** Sync step 2 or update: policy, size cap, apply; acknowledged once durable. */
  private async edit(connection: CollabConnection, live: LiveDocument, joined: JoinedDocument, update: Uint8Array, ack: Ack): Promise<void> {
    if (joined.readOnly) return connection.refuse(ack, Codes.readOnly, 'Observers cannot edit', live.name);
    // A diff that carries nothing (every joiner whose copy holds nothing the server lacks, e.g. a new tab): nothing to
    // check, apply or store; acknowledged, like any edit, once everything stored before it is committed.
    if (carriesNothing(update)) return this.acknowledgeWhenDurable(connection, live, ack);
    let violation;
    try {
      violation = checkUpdate(live.doc, joined.ref, update, joined.role);
    } catch {
      return connection.refuse(ack, Codes.invalidUpdate, 'Malformed update', live.name);
    }
    if (violation) return connection.refuse(ack, violation, 'This change is not allowed', live.name);
    const cap = this.limits.maxDocumentBytes;
    if (!this.registry.fits(live, update, cap)) return connection.refuse(ack, Codes.documentTooLarge, `The document would exceed ${cap} bytes`, live.name);
    let outcome: { changed: boolean; missing: boolean };
    try {
      outcome = this.registry.apply(live, update, { kind: 'client', connectionId: connection.id });
    } catch {
      return connection.refuse(ack, Codes.invalidUpdate, 'Malformed update', live.name);
    }
    if (outcome.changed) this.contributions.noted(live.name, connection.accountId);
    if (outcome.missing) return this.missingDependencies(connection, live, joined, ack);
    return this.acknowledgeWhenDurable(connection, live, ack);
  }

  private async acknowledgeWhenDurable(connection: CollabConnection, live: LiveDocument, ack: Ack): Promise<void> {
    await this.registry.durable();
    if (live.failed) return connection.refuse(ack, Codes.storageFailed, 'Storage failed', live.name);
    ack?.({ ok: true, durable: true });
  }

  /**
   * The update needs changes the server lacks (what it could integrate is in, the rest was dropped): refused, and
   * the client is asked to resync with the server's state vector — at most once per resync interval, as every
   * later edit of that client is refused the same way until it has resynced.
   */
  private missingDependencies(connection: CollabConnection, live: LiveDocument, joined: JoinedDocument, ack: Ack): void {
    const now = Date.now();
    if (now - joined.resyncRequestedAt > RESYNC_REQUEST_INTERVAL_MS) {
      joined.resyncRequestedAt = now;
      connection.socket.emit(CollabEvent.message, live.stateVector());
    }
    connection.refuse(ack, Codes.missingDependencies, 'This change depends on changes the server does not have: resync', live.name);
  }

  private rateLimited(connection: CollabConnection, ack: Ack): void {
    const now = Date.now();
    // Refusals are counted over a window: a connection is closed for a flood, not for its history.
    if (now - connection.droppedSince > DROP_WINDOW_MS) {
      connection.droppedSince = now;
      connection.dropped = 0;
    }
    connection.dropped += 1;
    if (now - connection.lastRateWarning > 1000) {
      connection.lastRateWarning = now;
      connection.socket.emit(CollabEvent.error, { code: Codes.rateLimited, message: 'Too many messages' });
    }
    ack?.({ ok: false, code: Codes.rateLimited, message: 'Too many messages' });
    if (connection.dropped > this.limits.burst * 5) connection.socket.disconnect(true);
  }
}
