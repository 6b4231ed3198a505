import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { encodeAwarenessUpdate, removeAwarenessStates, applyAwarenessUpdate } from 'y-protocols/awareness';
import {
  type CollabErrorCode,
  CollabErrorCode as Codes,
  CollabEvent,
  type JoinResult,
  type MessageAck,
  MessageType,
  SyncStep,
  FrameError,
  SCHEMAS,
  migrateDocument,
  awarenessFrame,
  decodeFrame,
  parseDocumentName,
  readAwarenessBody,
  readSyncBody,
  syncFrame,
  toBytes,
} from '@concerto/collab';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessChanges } from '../events/access-changes.js';
import { AwarenessSpoofError, bindAwareness, decodeAwareness, encodeAwareness } from './awareness-guard.js';
import { CollabAccessService } from './collab-access.service.js';
import { CollabConnection, type JoinedDocument } from './collab-connection.js';
import { checkUpdate } from './document-policy.js';
import { DocumentRegistry } from './document-registry.js';
import { ContributionTracker } from './contributions.js';
import { DocumentStore, readStoredDocument } from './document-store.js';
import type { LiveDocument } from './live-document.js';
import { RedisRelay } from './redis-relay.js';

type Ack = ((answer: MessageAck) => void) | undefined;

/** A client refused for missing dependencies is sent the server's state vector at most this often. */
const RESYNC_REQUEST_INTERVAL_MS = 200;

/**
 * The co-editing engine behind the /collab gateway: joins (role checked), y-protocols messages (limits
 * enforced before decoding), durable acknowledgements, presence bound to the user, live access changes.
 */
@Injectable()
export class CollabService implements OnModuleDestroy {
  private readonly logger = new Logger('Collab');
  private readonly connections = new Map<string, CollabConnection>();
  private readonly registry: DocumentRegistry;
  private readonly relay: RedisRelay | undefined;
  private namespace: Namespace | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  readonly contributions: ContributionTracker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollabAccessService,
    accessChanges: AccessChanges,
  ) {
    accessChanges.subscribe((spaceId, accountId) => this.accessChanged(spaceId, accountId));
    accessChanges.onSessionRevoked((sessionId) => {
      for (const connection of this.connections.values()) if (connection.sessionId === sessionId) connection.socket.disconnect(true);
    });
    this.contributions = new ContributionTracker(dataSource);
    this.relay = config.redisUrl ? new RedisRelay(config.redisUrl, (name, update) => this.applyRemote(name, update), () => void this.registry.resyncAll()) : undefined;
    this.registry = new DocumentRegistry(
      new DocumentStore(dataSource),
      {
        broadcast: (live, frame, except) => {
          const room = this.namespace?.local.to(live.room);
          (except ? room?.except(except) : room)?.emit(CollabEvent.message, frame);
        },
        published: (live, update) => this.relay?.publish(live.name, update),
        failed: (live) => this.closeDocument(live, Codes.storageFailed),
      },
      { idleMs: config.collab.idleUnloadMs, compactEvery: config.collab.compactEvery, relayIntervalMs: config.collab.relayIntervalMs },
    );
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    this.sweepTimer = setInterval(() => void this.sweepAccess(), this.config.collab.accessCheckMs);
    this.sweepTimer.unref();
  }

  connect(socket: Socket, connection: CollabConnection): void {
    this.connections.set(socket.id, connection);
  }

  async disconnect(socket: Socket): Promise<void> {
    const connection = this.connections.get(socket.id);
    if (!connection) return;
    this.connections.delete(socket.id);
    for (const name of [...connection.documents.keys()]) await this.leave(connection, name);
  }

  /** Always answers: a storage failure while joining is an error code the client retries on, never silence. */
  async join(socket: Socket, body: unknown): Promise<JoinResult> {
    const name = (body as { doc?: unknown } | null)?.doc;
    try {
      return await this.joinDocument(socket, name);
    } catch (error) {
      this.logger.warn(`join of ${String(name)} failed: ${String(error)}`);
      return { ok: false, doc: String(name ?? ''), code: Codes.storageFailed, message: 'Storage unavailable, try again' };
    }
  }

  private async joinDocument(socket: Socket, name: unknown): Promise<JoinResult> {
    const connection = this.connections.get(socket.id);
    const ref = parseDocumentName(name);
    const refuse = (code: CollabErrorCode, message: string): JoinResult => ({ ok: false, doc: String(name ?? ''), code, message });
    if (!connection) return refuse(Codes.unauthenticated, 'Not authenticated');
    if (!ref) return refuse(Codes.invalidDocumentName, 'Unknown document name');
    const limits = this.config.collab;
    if (connection.documents.size >= limits.maxDocumentsPerConnection && !connection.documents.has(ref.name)) {
      return refuse(Codes.rateLimited, 'Too many documents on one connection');
    }
    const role = await this.access.roleOf(ref, connection.accountId);
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
    const readOnly = role === 'observateur';
    const previous = connection.documents.get(ref.name);
    connection.documents.set(ref.name, { ref, role, readOnly, awarenessClientIds: previous?.awarenessClientIds ?? new Set(), resyncRequestedAt: 0 });
    live.clients.set(socket.id, connection);
    await socket.join(live.room);
    const present = [...live.awareness.getStates().keys()];
    if (present.length > 0) socket.emit(CollabEvent.message, awarenessFrame(ref.name, encodeAwarenessUpdate(live.awareness, present)));
    return { ok: true, doc: ref.name, readOnly, user: connection.user, maxFrameBytes: limits.maxFrameBytes };
  }

  async leaveByRequest(socket: Socket, body: unknown): Promise<{ ok: true }> {
    const connection = this.connections.get(socket.id);
    const name = (body as { doc?: unknown } | null)?.doc;
    if (connection && typeof name === 'string') await this.leave(connection, name);
    return { ok: true };
  }

  /** One binary frame; `ack` (when the client asked for one) is answered once the edit is durable. */
  async message(socket: Socket, payload: unknown, ack: Ack): Promise<void> {
    const connection = this.connections.get(socket.id);
    if (!connection) return;
    if (!connection.bucket.take()) return this.rateLimited(connection, ack);
    let docName: string | undefined;
    try {
      const frame = decodeFrame(toBytes(payload, this.config.collab.maxFrameBytes));
      docName = frame.doc;
      const joined = connection.documents.get(frame.doc);
      const live = joined ? this.registry.get(frame.doc) : undefined;
      if (!joined || !live || !live.clients.has(socket.id)) return this.refuse(connection, ack, Codes.notJoined, 'Join the document first', frame.doc);
      if (frame.type === MessageType.awareness) return this.awareness(connection, live, readAwarenessBody(frame.decoder), ack);
      const { step, payload: body } = readSyncBody(frame.decoder);
      if (step === SyncStep.step1) return this.answerStep1(connection, live, joined.readOnly, body, ack);
      if (joined.readOnly) return this.refuse(connection, ack, Codes.readOnly, 'Observers cannot edit', live.name);
      let violation;
      try {
        violation = checkUpdate(live.doc, joined.ref, body, joined.role);
      } catch {
        return this.refuse(connection, ack, Codes.invalidUpdate, 'Malformed update', live.name);
      }
      if (violation) return this.refuse(connection, ack, violation, 'This change is not allowed', live.name);
      if (!this.registry.fits(live, body, this.config.collab.maxDocumentBytes)) {
        return this.refuse(connection, ack, Codes.documentTooLarge, `The document would exceed ${this.config.collab.maxDocumentBytes} bytes`, live.name);
      }
      let outcome: { changed: boolean; missing: boolean };
      try {
        outcome = this.registry.apply(live, body, { kind: 'client', connectionId: connection.id });
      } catch {
        return this.refuse(connection, ack, Codes.invalidUpdate, 'Malformed update', live.name);
      }
      if (outcome.changed) this.contributions.noted(live.name, connection.accountId);
      if (outcome.missing) return this.missingDependencies(connection, live, joined, ack);
      await this.registry.durable();
      if (live.failed) return this.refuse(connection, ack, Codes.storageFailed, 'Storage failed', live.name);
      ack?.({ ok: true, durable: true });
    } catch (error) {
      if (error instanceof FrameError) return this.refuse(connection, ack, error.code, error.message, docName);
      this.logger.error(`collab message failed: ${error instanceof Error ? error.stack : String(error)}`);
      return this.refuse(connection, ack, Codes.internal, 'Internal error', docName);
    }
  }

  /** A membership change in a space: re-check the sockets of that account now, not only at the next sweep. */
  async accessChanged(spaceId: string, accountId: string): Promise<void> {
    for (const connection of this.connections.values()) {
      if (connection.accountId !== accountId) continue;
      for (const joined of connection.documents.values()) {
        if (joined.ref.ownerId === spaceId) await this.recheck(connection, joined.ref.name);
      }
    }
  }

  /**
   * The document's current state: the live copy when loaded here (it holds everything applied), else what is stored.
   */
  async currentState(name: string): Promise<Y.Doc> {
    const live = this.registry.get(name);
    if (!live) {
      // What a joiner would get: the stored state, with its schema (a new document's template) applied in memory.
      const stored = await readStoredDocument(this.dataSource, name);
      const ref = parseDocumentName(name);
      if (ref) migrateDocument(stored, SCHEMAS[ref.kind]);
      return stored;
    }
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live.doc));
    return copy;
  }

  /**
   * A change made by the server (restoring a version): applied to the live document in one transaction, relayed
   * to every client like an edit, stored, and durable when this resolves.
   */
  async change(name: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const ref = parseDocumentName(name);
    if (!ref) throw new Error(`not a document name: ${name}`);
    const live = await this.registry.acquire(ref);
    try {
      live.doc.transact(() => edit(live.doc), { kind: 'server' });
      await this.registry.durable();
      if (live.failed) throw new Error(`storing ${name} failed`);
    } finally {
      this.registry.release(live);
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.contributions.close();
    await this.contributions.flush().catch(() => undefined);
    await this.registry.shutdown();
    await this.relay?.close();
  }

  /** Sync step 1: what the client lacks (step 2), then, for writers, the server's state vector to get what it lacks. */
  private answerStep1(connection: CollabConnection, live: LiveDocument, readOnly: boolean, stateVector: Uint8Array, ack: Ack): void {
    let missing: Uint8Array;
    try {
      Y.decodeStateVector(stateVector);
      missing = Y.encodeStateAsUpdate(live.doc, stateVector);
    } catch {
      return this.refuse(connection, ack, Codes.invalidUpdate, 'Malformed state vector', live.name);
    }
    connection.socket.emit(CollabEvent.message, syncFrame(live.name, SyncStep.step2, missing));
    if (!readOnly) connection.socket.emit(CollabEvent.message, syncFrame(live.name, SyncStep.step1, Y.encodeStateVector(live.doc)));
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
      connection.socket.emit(CollabEvent.message, syncFrame(live.name, SyncStep.step1, Y.encodeStateVector(live.doc)));
    }
    this.refuse(connection, ack, Codes.missingDependencies, 'This change depends on changes the server does not have: resync', live.name);
  }

  private awareness(connection: CollabConnection, live: LiveDocument, update: Uint8Array, ack: Ack): void {
    const joined = connection.documents.get(live.name)!;
    try {
      const entries = bindAwareness(decodeAwareness(update), connection.user, joined.awarenessClientIds, (clientId) =>
        [...live.clients.values()].some((c) => c !== connection && c.documents.get(live.name)?.awarenessClientIds.has(clientId)),
      );
      const bound = encodeAwareness(entries);
      applyAwarenessUpdate(live.awareness, bound, connection.id);
      this.registry.relayAwareness(live, bound, entries.map((e) => e.clientId), connection.id);
      ack?.({ ok: true, durable: true });
    } catch (error) {
      const spoofed = error instanceof AwarenessSpoofError;
      this.refuse(connection, ack, spoofed ? Codes.awarenessSpoofed : Codes.frameTruncated, spoofed ? error.message : 'Malformed awareness update', live.name);
    }
  }

  private async leave(connection: CollabConnection, name: string): Promise<void> {
    const joined = connection.documents.get(name);
    if (!joined) return;
    connection.documents.delete(name);
    const live = this.registry.get(name);
    if (!live) return;
    live.clients.delete(connection.id);
    await connection.socket.leave(live.room);
    const ids = [...joined.awarenessClientIds].filter((id) => live.awareness.meta.has(id));
    if (ids.length > 0) {
      // Tell the others this presence is gone: a null state with a newer clock.
      const gone = ids.map((clientId) => ({ clientId, clock: live.awareness.meta.get(clientId)!.clock + 1, state: null }));
      removeAwarenessStates(live.awareness, ids, 'leave');
      connection.socket.to(live.room).emit(CollabEvent.message, awarenessFrame(name, encodeAwareness(gone)));
    }
    this.registry.release(live);
  }

  private async recheck(connection: CollabConnection, name: string, known?: Map<string, string>): Promise<void> {
    const joined = connection.documents.get(name);
    if (!joined) return;
    const role = known ? known.get(connection.accountId) : await this.access.roleOf(joined.ref, connection.accountId);
    if (role === joined.role) return;
    await this.leave(connection, name);
    connection.socket.emit(CollabEvent.closed, { doc: name, code: role ? Codes.roleChanged : Codes.accessRevoked });
  }

  /** Every few seconds: roles of everyone connected, one query per document. */
  private async sweepAccess(): Promise<void> {
    try {
      for (const live of this.registry.loadedDocuments()) {
        if (live.clients.size === 0) continue;
        const name = live.name;
        const clients = [...live.clients.values()];
        const roles = await this.access.rolesOf(live.ref, [...new Set(clients.map((c) => c.accountId))]);
        for (const connection of clients) await this.recheck(connection, name, roles);
      }
    } catch (error) {
      this.logger.warn(`access sweep failed: ${String(error)}`);
    }
  }

  private closeDocument(live: LiveDocument, code: CollabErrorCode): void {
    for (const connection of [...live.clients.values()]) {
      connection.documents.delete(live.name);
      void connection.socket.leave(live.room);
      connection.socket.emit(CollabEvent.closed, { doc: live.name, code });
    }
    live.clients.clear();
    this.registry.discard(live);
  }

  private applyRemote(name: string, update: Uint8Array): void {
    const live = this.registry.get(name);
    if (!live) return;
    try {
      if (this.registry.apply(live, update, { kind: 'remote' }).missing) void this.registry.resync(live).catch(() => undefined);
    } catch (error) {
      this.logger.warn(`ignored a malformed relayed update for ${name}: ${String(error)}`);
    }
  }

  private rateLimited(connection: CollabConnection, ack: Ack): void {
    connection.dropped += 1;
    const now = Date.now();
    if (now - connection.lastRateWarning > 1000) {
      connection.lastRateWarning = now;
      connection.socket.emit(CollabEvent.error, { code: Codes.rateLimited, message: 'Too many messages' });
    }
    ack?.({ ok: false, code: Codes.rateLimited, message: 'Too many messages' });
    if (connection.dropped > this.config.collab.burst * 5) connection.socket.disconnect(true);
  }

  private refuse(connection: CollabConnection, ack: Ack, code: CollabErrorCode, message: string, doc?: string): void {
    connection.socket.emit(CollabEvent.error, { code, message, ...(doc ? { doc } : {}) });
    ack?.({ ok: false, code, message });
  }
}
