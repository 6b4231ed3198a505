import { Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { type DocumentRef, SCHEMAS, SyncStep, awarenessFrame, migrateDocument, syncFrame } from '@concerto/collab';
import type { DocumentStore } from './document-store.js';
import { insertedBytes } from './inserted-bytes.js';
import { LiveDocument, type UpdateOrigin } from './live-document.js';

/** From this many clients on, a document's relays are gathered over `relayIntervalMs`. */
export const HOT_DOCUMENT_CLIENTS = 32;

export interface RegistryOptions {
  /** How long a document without clients stays in memory. */
  idleMs: number;
  /** Compact in the background once this many updates were appended since the last compaction. */
  compactEvery: number;
  /** On documents with many clients, updates to relay are gathered this long, then sent merged as one message. */
  relayIntervalMs: number;
}

export interface RegistryHooks {
  /** Sends a frame to the clients of a document on this process (but `except`, which has its content already). */
  broadcast(live: LiveDocument, frame: Uint8Array, except?: string): void;
  /** Called once an update accepted here is durable (to share it with other processes). */
  published(live: LiveDocument, update: Uint8Array): void;
  /** Storage failed for a document: its clients must resync from what is durable. */
  failed(live: LiveDocument): void;
}

/**
 * The documents in memory: loads them from the store (a joiner waits for the load, never sees an empty
 * document), applies updates, stores what clients wrote (group commit), relays updates to local clients
 * once per event-loop turn, compacts in the background, and unloads documents left idle.
 */
export class DocumentRegistry {
  private readonly logger = new Logger('DocumentRegistry');
  private readonly documents = new Map<string, Promise<LiveDocument>>();
  /** Loaded documents, for synchronous access on the hot path (message order is kept). */
  private readonly loaded = new Map<string, LiveDocument>();
  private readonly immediate = { documents: new Set<LiveDocument>(), scheduled: false };
  private readonly delayed = { documents: new Set<LiveDocument>(), scheduled: false };

  constructor(
    private readonly store: DocumentStore,
    private readonly hooks: RegistryHooks,
    private readonly options: RegistryOptions,
  ) {}

  /** The live document, loading it if needed; cancels a pending unload. */
  async acquire(ref: DocumentRef): Promise<LiveDocument> {
    let loading = this.documents.get(ref.name);
    if (!loading) {
      loading = this.load(ref);
      this.documents.set(ref.name, loading);
      loading.catch(() => this.documents.delete(ref.name));
    }
    const live = await loading;
    clearTimeout(live.idleTimer);
    live.idleTimer = undefined;
    return live;
  }

  /** The document if it is in memory and loaded. */
  get(name: string): LiveDocument | undefined {
    return this.loaded.get(name);
  }

  loadedDocuments(): LiveDocument[] {
    return [...this.loaded.values()];
  }

  /** Settles once every update stored so far is committed (or failed). */
  durable(): Promise<void> {
    return this.store.barrier();
  }

  /** Called when a client leaves: schedules the unload of a document nobody uses. */
  release(live: LiveDocument): void {
    if (live.clients.size > 0 || live.idleTimer) return;
    live.idleTimer = setTimeout(() => void this.unload(live), this.options.idleMs);
    live.idleTimer.unref();
  }

  /**
   * Validates then applies an update; it is stored if it came from a client (see onUpdate). `changed`: it changed
   * the document (an update may hold only what the server already has). `missing`: part of it depends on changes
   * the document does not have; that part is dropped (Yjs would keep it pending, unseen and unstored, and let it
   * in later without any check), so nothing ever waits on the server.
   */
  apply(live: LiveDocument, update: Uint8Array, origin: UpdateOrigin): { changed: boolean; missing: boolean } {
    Y.decodeUpdate(update); // throws on malformed input before anything is applied
    let changed = false;
    const mark = () => (changed = true);
    live.doc.on('update', mark);
    try {
      Y.applyUpdate(live.doc, update, origin);
    } finally {
      live.doc.off('update', mark);
    }
    return { changed, missing: dropPending(live.doc) };
  }

  /**
   * Whether an update fits under the document's size cap: cheaply from the approximate size while far from it; near
   * it, the document is measured exactly and only what the update inserts counts (deleting always fits).
   */
  fits(live: LiveDocument, update: Uint8Array, cap: number): boolean {
    if (live.approximateBytes + update.byteLength <= cap) return true;
    live.approximateBytes = Y.encodeStateAsUpdate(live.doc).byteLength;
    return live.approximateBytes + update.byteLength <= cap || live.approximateBytes + insertedBytes(update) <= cap;
  }

  /**
   * Relays a presence update already applied to `live.awareness`: at once on small documents (to all but `from`,
   * which sent it); on hot documents with the next merged relay, each changed presence once with its latest state
   * (cursor moves and the renewals of hundreds of participants would otherwise be one message per client each).
   */
  relayAwareness(live: LiveDocument, update: Uint8Array, clientIds: number[], from: string): void {
    if (!this.isHot(live)) {
      this.hooks.broadcast(live, awarenessFrame(live.name, update), from);
      return;
    }
    for (const id of clientIds) live.pendingAwareness.add(id);
    this.scheduleRelay(live);
  }

  /** Brings every loaded document up to what is durable (after a relay outage). */
  async resyncAll(): Promise<void> {
    for (const live of this.loadedDocuments()) await this.resync(live);
  }

  /** Brings one loaded document up to what is durable. */
  async resync(live: LiveDocument): Promise<void> {
    const stored = await this.store.load(live.name);
    live.doc.transact(() => stored.forEach((u) => Y.applyUpdate(live.doc, u)), { kind: 'resync' } satisfies UpdateOrigin);
    dropPending(live.doc);
  }

  async shutdown(): Promise<void> {
    await this.store.drain();
    for (const live of this.loaded.values()) live.destroy();
    this.documents.clear();
    this.loaded.clear();
  }

  /** Drops a document whose storage failed, so that clients rejoin and resend from their copies. */
  discard(live: LiveDocument): void {
    if (this.loaded.get(live.name) !== live) return;
    this.documents.delete(live.name);
    this.loaded.delete(live.name);
    live.destroy();
  }

  private async load(ref: DocumentRef): Promise<LiveDocument> {
    const live = new LiveDocument(ref);
    const stored = await this.store.load(ref.name);
    live.doc.transact(() => stored.forEach((u) => Y.applyUpdate(live.doc, u)), { kind: 'load' } satisfies UpdateOrigin);
    dropPending(live.doc);
    live.approximateBytes = stored.reduce((sum, u) => sum + u.byteLength, 0);
    live.doc.on('update', (update: Uint8Array, origin: UpdateOrigin) => this.onUpdate(live, update, origin));
    migrateDocument(live.doc, SCHEMAS[ref.kind]);
    this.loaded.set(ref.name, live);
    // A long log (another process wrote it, or compaction was interrupted): fold it now, in the background.
    if (stored.length > this.options.compactEvery) void this.compact(live);
    return live;
  }

  private onUpdate(live: LiveDocument, update: Uint8Array, origin: UpdateOrigin | 'migration' | undefined): void {
    const kind = typeof origin === 'string' ? origin : origin?.kind;
    const from = kind === 'client' ? (origin as { connectionId: string }).connectionId : null;
    live.pendingRelayFrom = live.pendingRelay.length === 0 || live.pendingRelayFrom === from ? from : null;
    live.pendingRelay.push(update);
    live.approximateBytes += update.byteLength;
    this.scheduleRelay(live);
    if (kind !== 'client' && kind !== 'migration' && kind !== 'server') return;
    live.appendedSinceCompaction += 1;
    this.store.append(live.name, update).then(
      () => this.hooks.published(live, update),
      (error: unknown) => {
        this.logger.error(`storing an update of ${live.name} failed: ${String(error)}`);
        live.failed = true;
        this.hooks.failed(live);
      },
    );
    if (live.appendedSinceCompaction >= this.options.compactEvery) void this.compact(live);
  }

  private isHot(live: LiveDocument): boolean {
    return live.clients.size >= HOT_DOCUMENT_CLIENTS && this.options.relayIntervalMs > 0;
  }

  /**
   * Small documents relay at the end of the current event-loop turn (lowest latency); documents with many
   * clients gather updates for `relayIntervalMs` first, so that each client gets one merged message per interval
   * instead of one per edit.
   */
  private scheduleRelay(live: LiveDocument): void {
    const hot = this.isHot(live);
    const batch = hot ? this.delayed : this.immediate;
    batch.documents.add(live);
    if (batch.scheduled) return;
    batch.scheduled = true;
    const flush = () => {
      batch.scheduled = false;
      const documents = [...batch.documents];
      batch.documents.clear();
      for (const doc of documents) this.relay(doc);
    };
    if (hot) setTimeout(flush, this.options.relayIntervalMs);
    else setImmediate(flush);
  }

  /** Edits first, then presence: cursors may point into what the edits bring. */
  private relay(live: LiveDocument): void {
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
    this.hooks.broadcast(live, syncFrame(live.name, SyncStep.update, merged), from ?? undefined);
  }

  private relayPendingAwareness(live: LiveDocument): void {
    if (live.pendingAwareness.size === 0) return;
    // A presence cleared meanwhile goes out as a null state, which clients drop (one that left was dropped already).
    const ids = [...live.pendingAwareness].filter((id) => live.awareness.meta.has(id));
    live.pendingAwareness.clear();
    if (ids.length > 0 && live.clients.size > 0) this.hooks.broadcast(live, awarenessFrame(live.name, encodeAwarenessUpdate(live.awareness, ids)));
  }

  private async compact(live: LiveDocument): Promise<void> {
    if (live.compacting) return;
    live.compacting = true;
    live.appendedSinceCompaction = 0;
    try {
      await this.store.barrier();
      await this.store.compact(live.name);
    } catch (error) {
      this.logger.warn(`compaction of ${live.name} failed: ${String(error)}`);
    } finally {
      live.compacting = false;
    }
  }

  private async unload(live: LiveDocument): Promise<void> {
    live.idleTimer = undefined;
    if (live.clients.size > 0) return;
    // Everything written must be durable before a new load could read the store instead of this copy.
    await this.store.barrier();
    if (live.clients.size > 0 || live.idleTimer) return;
    this.documents.delete(live.name);
    this.loaded.delete(live.name);
    if (live.appendedSinceCompaction > 0) await this.compact(live);
    live.destroy();
  }
}

/** Drops what Yjs keeps waiting for missing dependencies; true when there was any. */
function dropPending(doc: Y.Doc): boolean {
  const store = doc.store;
  if (store.pendingStructs === null && store.pendingDs === null) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}
