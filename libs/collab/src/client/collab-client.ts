import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { type CollabError, CollabErrorCode, CollabEvent, type CollabUser, type DocumentClosed, type JoinResult, type MessageAck } from '../protocol/events.js';
import { type OfflineCopy, attachOfflineCopy } from './offline-copy.js';
import { MessageType, SyncStep, awarenessFrame, decodeFrame, readAwarenessBody, readSyncBody, syncFrame, toBytes } from '../protocol/frame.js';

export type CollabStatus = 'connecting' | 'synced' | 'saving' | 'saved' | 'offline';

export interface CollabClientOptions {
  /** Keep an IndexedDB copy of each document (browsers only): offline edits survive a reload. */
  offline?: boolean;
  /** How long to wait for a join or an edit acknowledgement before treating the connection as lost. */
  ackTimeoutMs?: number;
  maxFrameBytes?: number;
}

type StatusListener = (status: CollabStatus) => void;
type DurableListener = (savedVersion: number) => void;
type ErrorListener = (error: CollabError) => void;

/**
 * One socket.io connection to /collab holding any number of documents. Reconnection (exponential backoff with
 * jitter) is socket.io's: create the socket with `reconnectionDelay`, `reconnectionDelayMax` and
 * `randomizationFactor`. After every (re)connection each open document joins again and resyncs by state vectors.
 */
export class CollabClient {
  private readonly documents = new Map<string, CollabDocument>();
  readonly ackTimeoutMs: number;
  readonly maxFrameBytes: number;
  readonly offline: boolean;

  constructor(
    readonly socket: Socket,
    options: CollabClientOptions = {},
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
    this.maxFrameBytes = options.maxFrameBytes ?? 64 * 1024 * 1024;
    this.offline = options.offline ?? false;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on(CollabEvent.message, this.onMessage);
    socket.on(CollabEvent.error, this.onError);
    socket.on(CollabEvent.closed, this.onClosed);
  }

  /** Opens (or returns) a document; it joins as soon as the socket is connected. */
  open(name: string, doc: Y.Doc = new Y.Doc()): CollabDocument {
    let document = this.documents.get(name);
    if (!document) {
      document = new CollabDocument(this, name, doc);
      this.documents.set(name, document);
      if (this.socket.connected) void document.join();
    }
    return document;
  }

  close(name: string): void {
    const document = this.documents.get(name);
    if (!document) return;
    this.documents.delete(name);
    document.destroy();
    if (this.socket.connected) this.socket.emit(CollabEvent.leave, { doc: name });
  }

  destroy(): void {
    for (const name of [...this.documents.keys()]) this.close(name);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off(CollabEvent.message, this.onMessage);
    this.socket.off(CollabEvent.error, this.onError);
    this.socket.off(CollabEvent.closed, this.onClosed);
  }

  private readonly onConnect = () => {
    for (const document of this.documents.values()) void document.join();
  };

  private readonly onDisconnect = () => {
    for (const document of this.documents.values()) document.markOffline();
  };

  private readonly onMessage = (payload: unknown) => {
    try {
      const frame = decodeFrame(toBytes(payload, this.maxFrameBytes));
      this.documents.get(frame.doc)?.receive(frame.type, frame.decoder);
    } catch {
      // A frame this client cannot read is dropped; the next resync repairs any gap.
    }
  };

  private readonly onError = (error: CollabError) => {
    if (error.doc) this.documents.get(error.doc)?.reportError(error);
    else for (const document of this.documents.values()) document.reportError(error);
  };

  private readonly onClosed = (closed: DocumentClosed) => {
    const document = this.documents.get(closed.doc);
    if (!document) return;
    if (closed.code === CollabErrorCode.roleChanged) void document.join();
    else document.closedByServer(closed.code);
  };
}

/** One co-edited document bound to the connection: sync, edits acknowledged once durable, presence. */
export class CollabDocument {
  readonly awareness: awarenessProtocol.Awareness;
  status: CollabStatus = 'connecting';
  readOnly = false;
  user: CollabUser | undefined;
  lastError: CollabError | undefined;
  private joined = false;
  private synced = false;
  /** Our answer to the server's state vector is sent: later edits can go one by one (they depend on it). */
  private pushedInitial = false;
  private everSynced = false;
  private closed = false;
  /** Local changes made so far, and how many of them the server said are durable. */
  private localChanges = 0;
  private savedChanges = 0;
  private readonly statusListeners = new Set<StatusListener>();
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly durableListeners = new Set<DurableListener>();
  private joinGeneration = 0;
  private readonly offlineCopy: Promise<OfflineCopy> | undefined;
  /** Resolves once the offline copy (if any) is loaded: joining waits for it, so offline edits are sent. */
  readonly ready: Promise<void>;

  constructor(
    private readonly client: CollabClient,
    readonly name: string,
    readonly doc: Y.Doc,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    doc.on('beforeTransaction', this.onTransactionStart);
    doc.on('afterAllTransactions', this.onTransactionsDone);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.offlineCopy = client.offline ? attachOfflineCopy(name, doc) : undefined;
    this.ready = this.offlineCopy ? this.offlineCopy.then((copy) => copy.whenLoaded) : Promise.resolve();
  }

  /** Number of local changes made on this document so far. */
  get localVersion(): number {
    return this.localChanges;
  }

  /** Number of those local changes the server acknowledged as durable (a change n is stored once savedVersion ≥ n). */
  get savedVersion(): number {
    return this.savedChanges;
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  /** Called each time the server acknowledges edits as durable, with the new savedVersion. */
  onDurable(listener: DurableListener): () => void {
    this.durableListeners.add(listener);
    return () => this.durableListeners.delete(listener);
  }

  onError(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Resolves when the status is one of `statuses` (default: fully stored). */
  waitFor(statuses: CollabStatus[] = ['synced', 'saved']): Promise<CollabStatus> {
    return new Promise((resolve) => {
      let done = false;
      // onStatus calls back at once with the current status: `stop` may not be assigned yet then.
      const stop: () => void = this.onStatus((status) => {
        if (done || !statuses.includes(status)) return;
        done = true;
        resolve(status);
        void Promise.resolve().then(() => stop());
      });
    });
  }

  /** Joins the document (again) and starts the state-vector exchange. */
  async join(): Promise<void> {
    const generation = ++this.joinGeneration;
    this.joined = false;
    this.pushedInitial = false;
    this.synced = false;
    this.closed = false;
    this.refreshStatus();
    await this.ready;
    if (generation !== this.joinGeneration || !this.client.socket.connected) return;
    let result: JoinResult;
    try {
      result = await this.client.socket.timeout(this.client.ackTimeoutMs).emitWithAck(CollabEvent.join, { doc: this.name });
    } catch {
      return; // disconnected meanwhile: the next connect joins again
    }
    if (generation !== this.joinGeneration || !this.client.socket.connected) return;
    if (!result.ok) {
      this.closedByServer(result.code, result.message);
      return;
    }
    this.joined = true;
    this.readOnly = result.readOnly;
    this.user = result.user;
    this.send(syncFrame(this.name, SyncStep.step1, Y.encodeStateVector(this.doc)));
    if (this.awareness.getLocalState() !== null) {
      this.send(awarenessFrame(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
    }
    this.refreshStatus();
  }

  receive(type: MessageType, decoder: Parameters<typeof readSyncBody>[0]): void {
    if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, readAwarenessBody(decoder), this);
      return;
    }
    const { step, payload } = readSyncBody(decoder);
    if (step === SyncStep.step1) {
      // The server's state vector: answer with everything it lacks, acknowledged once durable.
      if (!this.readOnly) this.sendEdit(syncFrame(this.name, SyncStep.step2, Y.encodeStateAsUpdate(this.doc, payload)));
      this.pushedInitial = true;
      return;
    }
    Y.applyUpdate(this.doc, payload, this);
    if (step === SyncStep.step2) {
      this.synced = true;
      this.everSynced = true;
    }
    this.refreshStatus();
  }

  markOffline(): void {
    this.joined = false;
    this.pushedInitial = false;
    this.synced = false;
    const remote = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, remote, this);
    this.refreshStatus();
  }

  closedByServer(code: CollabErrorCode, message: string = code): void {
    this.closed = true;
    this.joined = false;
    this.reportError({ code, doc: this.name, message });
    this.refreshStatus();
  }

  reportError(error: CollabError): void {
    this.lastError = error;
    for (const listener of this.errorListeners) listener(error);
  }

  destroy(): void {
    void this.offlineCopy?.then((copy) => copy.destroy());
    this.doc.off('beforeTransaction', this.onTransactionStart);
    this.doc.off('afterAllTransactions', this.onTransactionsDone);
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.statusListeners.clear();
    this.errorListeners.clear();
    this.durableListeners.clear();
  }

  /**
   * Yjs encodes an 'update' for every transaction while anyone listens to it, and this provider only sends the
   * local ones: it listens from the start of any transaction that is not a remote apply (including those that
   * observers open while a remote one is cleaned up) until all transactions are done. Applying what the server
   * relays then costs no encoding (about half the cost of an apply on a busy document).
   */
  private readonly onTransactionStart = (transaction: Y.Transaction) => {
    if (transaction.origin !== this) this.doc.on('update', this.onLocalUpdate);
  };

  private readonly onTransactionsDone = () => {
    this.doc.off('update', this.onLocalUpdate);
  };

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.localChanges += 1;
    if (this.joined && this.pushedInitial && !this.readOnly && this.client.socket.connected) {
      this.sendEdit(syncFrame(this.name, SyncStep.update, update));
    }
    this.refreshStatus();
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this || !this.joined) return;
    const changed = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
    if (changed.length > 0) this.send(awarenessFrame(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
  };

  private send(frame: Uint8Array): void {
    this.client.socket.emit(CollabEvent.message, frame);
  }

  /** Sends a frame that carries edits; everything made before it is durable once the server acknowledges it. */
  private sendEdit(frame: Uint8Array): void {
    const version = this.localChanges;
    this.client.socket.timeout(this.client.ackTimeoutMs).emit(CollabEvent.message, frame, (error: Error | null, ack?: MessageAck) => {
      if (error || !ack) return; // lost with the connection: the resync after reconnecting sends it again
      if (ack.ok) {
        this.savedChanges = Math.max(this.savedChanges, version);
        for (const listener of this.durableListeners) listener(this.savedChanges);
      } else this.reportError({ code: ack.code, doc: this.name, message: ack.message });
      this.refreshStatus();
    });
  }

  private refreshStatus(): void {
    let status: CollabStatus;
    if (!this.client.socket.connected || this.closed) status = this.everSynced || this.localChanges > 0 ? 'offline' : 'connecting';
    else if (!this.joined || !this.synced) status = 'connecting';
    else if (!this.readOnly && this.savedChanges < this.localChanges) status = 'saving';
    else status = this.localChanges > 0 && !this.readOnly ? 'saved' : 'synced';
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
