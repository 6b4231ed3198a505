import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Y from 'yjs';
import { CollabErrorCode, type DocumentRef, SCHEMAS, migrateDocument } from '@concerto/collab';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import { DocumentStore } from './document-store.js';
import { insertedBytes } from './inserted-bytes.js';
import { LiveDocument, type UpdateOrigin } from './live-document.js';
import { type RelayReceiver, UpdateRelay } from './update-relay.js';

/**
 * The documents in memory: loads them from the store (a joiner waits for the load, never sees an empty
 * document), applies updates, then hands each one on: to the broadcaster for local clients, and, when a client
 * or the server wrote it, to the store (group commit) and, once durable, to the relay for the other processes.
 * Compacts in the background and unloads documents left idle. Updates relayed by other processes come in here.
 */
@Injectable()
export class DocumentRegistry implements RelayReceiver {
  private readonly logger = new Logger('DocumentRegistry');
  private readonly documents = new Map<string, Promise<LiveDocument>>();
  /** Loaded documents, for synchronous access on the hot path (message order is kept). */
  private readonly loaded = new Map<string, LiveDocument>();
  /** How long a document without clients stays in memory. */
  private readonly idleMs: number;
  /** Compact in the background once this many updates were appended since the last compaction. */
  private readonly compactEvery: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly store: DocumentStore,
    private readonly broadcaster: CollabBroadcaster,
    private readonly relay: UpdateRelay,
  ) {
    this.idleMs = config.collab.idleUnloadMs;
    this.compactEvery = config.collab.compactEvery;
    relay.listen(this);
  }

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
    live.idleTimer = setTimeout(() => void this.unload(live), this.idleMs);
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

  /** An update another process stored: applied to the copy here, if loaded (a gap is filled from the database). */
  applyRemote(name: string, update: Uint8Array): void {
    const live = this.get(name);
    if (!live) return;
    try {
      if (this.apply(live, update, { kind: 'remote' }).missing) void this.resync(live).catch(() => undefined);
    } catch (error) {
      this.logger.warn(`ignored a malformed relayed update for ${name}: ${String(error)}`);
    }
  }

  async shutdown(): Promise<void> {
    await this.store.drain();
    for (const live of this.loaded.values()) live.destroy();
    this.documents.clear();
    this.loaded.clear();
  }

  /**
   * A deleted document: its clients here are told (`document_deleted`, final), it leaves memory without being
   * unloaded (nothing more is stored for it), and what was written before is durable when this resolves.
   */
  async forget(name: string): Promise<void> {
    const live = await this.documents.get(name)?.catch(() => undefined);
    if (live) {
      this.broadcaster.close(live, CollabErrorCode.documentDeleted);
      clearTimeout(live.idleTimer);
      this.discard(live);
    }
    await this.store.barrier();
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
    if (stored.length > this.compactEvery) void this.compact(live);
    return live;
  }

  private onUpdate(live: LiveDocument, update: Uint8Array, origin: UpdateOrigin | 'migration' | undefined): void {
    const kind = typeof origin === 'string' ? origin : origin?.kind;
    const from = kind === 'client' ? (origin as { connectionId: string }).connectionId : null;
    this.broadcaster.queueUpdate(live, update, from);
    live.approximateBytes += update.byteLength;
    if (kind !== 'client' && kind !== 'migration' && kind !== 'server') return;
    live.appendedSinceCompaction += 1;
    this.store.append(live.name, update).then(
      () => this.relay.publish(live.name, update),
      (error: unknown) => {
        this.logger.error(`storing an update of ${live.name} failed: ${String(error)}`);
        this.fail(live);
      },
    );
    if (live.appendedSinceCompaction >= this.compactEvery) void this.compact(live);
  }

  /** Storage failed for a document: its clients are told, and rejoin and resend from their copies (what is durable). */
  private fail(live: LiveDocument): void {
    live.failed = true;
    this.broadcaster.close(live, CollabErrorCode.storageFailed);
    this.discard(live);
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
