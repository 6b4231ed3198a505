import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { type TimeoutObject, timeout } from 'lib0/eventloop';
import type { CollabError, CollabErrorCode, CollabUser, JoinRequest, JoinResult, MessageAck } from '../protocol/events.js';
import { CollabErrorCode as Codes, CollabEvent } from '../protocol/events.js';
import { MessageType, SyncStep, awarenessFrame, readAwarenessBody, readSyncBody, syncFrame } from '../protocol/frame.js';
import { deletionOf, splitUpdate } from '../protocol/split-update.js';
import { type OfflineCopy, attachOfflineCopy } from './offline-copy.js';
import { backoffDelay, isFinalJoinRefusal, isFinalRefusal } from './retry.js';
import { SentEdit } from './sent-edit.js';
import { DocumentListeners } from './document-listeners.js';
import { SaveLedger } from './save-ledger.js';
import { UnsettledPastes } from './unsettled-pastes.js';
import { joinSyncFrames } from './join-sync.js';
import { type CollabStatus, statusOf } from './collab-status.js';
import type { CollabTransport, DurableListener, ErrorListener, StatusListener } from './collab-transport.js';

export type { CollabTransport } from './collab-transport.js';

/** What one sent edit covers once acknowledged: one change, or (a state diff) every change up to a number. */
type Coverage = { one: number } | { upTo: number };

/** State diffs refused for good in a row (no acknowledged edit between) after which the copy stops sending. */
const MAX_FINAL_REFUSALS = 3;

/**
 * One co-edited document bound to the connection: sync by state vectors, edits acknowledged once durable, resync
 * after any refusal, rejoin after temporary failures, presence. Joining sends the state vector; the answer carries
 * what the copy lacks and the server's vector, answered with the diff the server lacks. While `live`, each local
 * change goes out as an update (cut to the server's frame limit). Any refusal stops that and the document resyncs
 * (its vector, the server's, the diff), after a backoff if flooded. A change refused for good (not allowed, invalid,
 * too large) is rolled back in this copy and reported. The status says `saved` only when the server acknowledged
 * every local change (`SaveLedger`).
 */
export class CollabDocument {
  readonly awareness: awarenessProtocol.Awareness;
  status: CollabStatus = 'connecting';
  readOnly = false;
  user: CollabUser | undefined;
  lastError: CollabError | undefined;
  private joined = false;
  private synced = false;
  private everSynced = false;
  private closed = false;
  private live = false;
  private stopped = false;
  private readonly ledger = new SaveLedger();
  /** Send order of edit messages, and the order number of the latest state diff sent. */
  private sent = 0;
  private lastDiff = -1;
  private diffsInFlight = 0;
  private awaitingVector = false;
  private serverFrameBytes: number | undefined;
  private resyncTimer: TimeoutObject | undefined;
  private rejoinTimer: TimeoutObject | undefined;
  private resyncAttempts = 0;
  private rejoinAttempts = 0;
  private finalRefusals = 0;
  /** Pastes whose answer was lost or put off, and how many rollbacks this copy made (a diff older than one is stale). */
  private readonly unsettled = new UnsettledPastes();
  private rollbacks = 0;
  private readonly listeners = new DocumentListeners();
  private joinGeneration = 0;
  private readonly offlineCopy: Promise<OfflineCopy> | undefined;
  /** Resolves once the offline copy (if any) is loaded: joining waits for it, so offline edits are sent. */
  readonly ready: Promise<void>;

  constructor(
    private readonly client: CollabTransport,
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
    return this.ledger.localVersion;
  }

  /** Every local change up to this number is durable on the server (a change n is stored once savedVersion ≥ n). */
  get savedVersion(): number {
    return this.ledger.savedVersion;
  }

  onStatus(listener: StatusListener): () => void {
    return this.listeners.onStatus(listener, this.status);
  }

  /** Called each time the server acknowledges edits as durable, with the new savedVersion. */
  onDurable(listener: DurableListener): () => void {
    return this.listeners.onDurable(listener);
  }

  onError(listener: ErrorListener): () => void {
    return this.listeners.onError(listener);
  }

  /** Resolves when the status is one of `statuses` (default: fully stored). */
  waitFor(statuses: CollabStatus[] = ['synced', 'saved']): Promise<CollabStatus> {
    return this.listeners.waitFor(statuses, this.status);
  }

  /** Joins (again) with the state vector; the answer's sync is applied like any (else, an older server, a step 1). */
  async join(): Promise<void> {
    const generation = ++this.joinGeneration;
    this.rejoinTimer?.destroy();
    this.rejoinTimer = undefined;
    this.resetSession();
    this.closed = false;
    this.refreshStatus();
    await this.ready;
    if (generation !== this.joinGeneration || !this.client.socket.connected) return;
    let result: JoinResult;
    try {
      const request: JoinRequest = { doc: this.name, stateVector: Y.encodeStateVector(this.doc) };
      result = await this.client.socket.timeout(this.client.ackTimeoutMs).emitWithAck(CollabEvent.join, request);
    } catch {
      if (generation === this.joinGeneration && this.client.socket.connected) this.scheduleRejoin();
      return; // disconnected meanwhile: the next connect joins again
    }
    if (generation !== this.joinGeneration || !this.client.socket.connected) return;
    if (!result.ok) {
      this.closedByServer(result.code, result.message);
      return;
    }
    this.joined = true;
    this.rejoinAttempts = 0;
    this.readOnly = result.readOnly;
    this.user = result.user;
    this.serverFrameBytes = result.maxFrameBytes;
    const frames = joinSyncFrames(result);
    if (frames.length === 0) this.requestVector();
    for (const { type, decoder } of frames) this.receive(type, decoder);
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
      this.answerVector(payload);
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
    this.resetSession();
    const remote = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, remote, this);
    this.refreshStatus();
  }

  /**
   * The server closed the document or refused to join: for good when access is gone or the document does not exist;
   * otherwise (storage failure, server busy) the document joins again by itself, with backoff, while connected.
   */
  closedByServer(code: CollabErrorCode, message: string = code): void {
    this.resetSession();
    this.reportError({ code, doc: this.name, message });
    if (isFinalJoinRefusal(code)) this.closed = true;
    else this.scheduleRejoin();
    this.refreshStatus();
  }

  reportError(error: CollabError): void {
    this.lastError = error;
    this.listeners.error(error);
  }

  destroy(): void {
    this.resyncTimer?.destroy();
    this.rejoinTimer?.destroy();
    this.joinGeneration += 1;
    void this.offlineCopy?.then((copy) => copy.destroy());
    this.doc.off('beforeTransaction', this.onTransactionStart);
    this.doc.off('afterAllTransactions', this.onTransactionsDone);
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.listeners.clear();
  }

  private resetSession(): void {
    this.resyncTimer?.destroy();
    this.resyncTimer = undefined;
    this.joined = false;
    this.synced = false;
    this.live = false;
    this.awaitingVector = false;
  }

  private scheduleRejoin(): void {
    if (this.rejoinTimer) return;
    const generation = this.joinGeneration;
    this.rejoinTimer = timeout(backoffDelay(this.rejoinAttempts++, 500, 15_000), () => {
      this.rejoinTimer = undefined;
      if (generation === this.joinGeneration && this.client.socket.connected) void this.join();
    });
  }

  /** Sends our state vector; the server answers with what we lack and with its own vector (see answerVector). */
  private requestVector(): void {
    this.awaitingVector = true;
    this.client.socket
      .timeout(this.client.ackTimeoutMs)
      .emit(CollabEvent.message, syncFrame(this.name, SyncStep.step1, Y.encodeStateVector(this.doc)), (error: Error | null, ack?: MessageAck) => {
        if (!error && ack?.ok) return;
        this.awaitingVector = false;
        this.resyncLater(ack && !ack.ok ? ack.code : Codes.internal);
      });
  }

  /** The server's state vector: send it every change it lacks (in pieces within its frame limit), then go live. */
  private answerVector(vector: Uint8Array): void {
    this.awaitingVector = false;
    if (this.readOnly || !this.joined || this.stopped) return;
    // A diff on its way covers what this vector lacks: once stored it resumes (resumeIfStalled), refused it resyncs.
    if (this.diffsInFlight > 0) return;
    this.resyncTimer?.destroy();
    this.resyncTimer = undefined;
    this.live = true;
    this.unsettled.settleWith(vector);
    this.sendEdit(Y.encodeStateAsUpdate(this.doc, vector), { upTo: this.ledger.localVersion }, SyncStep.step2);
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
    const change = this.ledger.noteChange();
    if (this.live && this.joined && !this.readOnly && !this.stopped && this.client.socket.connected) {
      this.sendEdit(update, { one: change }, SyncStep.update);
    }
    this.refreshStatus();
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === this || !this.joined) return;
    const changed = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
    if (changed.length > 0) this.send(awarenessFrame(this.name, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
  };

  private send(frame: Uint8Array): void {
    this.client.socket.emit(CollabEvent.message, frame);
  }

  private frameBudget(): number {
    const limit = Math.min(this.client.maxFrameBytes, this.serverFrameBytes ?? Infinity);
    return limit - 64 - this.name.length * 3;
  }

  /**
   * Sends edits in pieces within the frame limit; what they carry counts as saved once every piece is acknowledged.
   * The first failure of a piece resyncs; a refusal for good of a later piece still rolls back (a paste cut in pieces
   * goes or stays as one, even when an earlier piece's answer was lost on the way).
   */
  private sendEdit(update: Uint8Array, coverage: Coverage, step: SyncStep): void {
    const edit = new SentEdit(++this.sent, 'upTo' in coverage, splitUpdate(update, this.frameBudget()));
    if (edit.isDiff) {
      this.lastDiff = edit.order;
      this.diffsInFlight += 1;
    }
    const rollbacksBefore = this.rollbacks;
    for (const [index, piece] of edit.pieces.entries()) {
      this.client.socket
        .timeout(this.client.ackTimeoutMs)
        .emit(CollabEvent.message, syncFrame(this.name, step, piece), (error: Error | null, ack?: MessageAck) => {
          const wasSettled = edit.settled;
          const outcome = edit.answer(error, ack);
          if (!wasSettled && edit.settled && edit.isDiff) this.diffsInFlight -= 1;
          if (outcome.kind === 'acknowledged') {
            this.acknowledged(coverage);
            if (edit.isDiff) this.resumeIfStalled();
          } else if (outcome.kind === 'refusedForGood') {
            this.unsettled.delete(edit.pieces);
            const stale = this.rollbacks > rollbacksBefore;
            this.refused({ order: edit.order, isDiff: edit.isDiff, stale }, edit.refusedFrom(index), outcome.refusal);
          } else if (outcome.kind === 'failed') {
            if (!edit.isDiff) this.unsettled.add(edit.pieces);
            this.refused({ order: edit.order, isDiff: edit.isDiff, stale: false }, edit.refusedFrom(index), outcome.refusal);
          }
          this.refreshStatus();
        });
    }
  }

  /**
   * A diff was stored while sending one by one had stopped (an edit made after it was refused) and nothing is on its
   * way to restart it — the server's vector came back while the diff was in flight and was left to it: resync now.
   */
  private resumeIfStalled(): void {
    if (this.live || this.stopped || this.readOnly || !this.joined || this.diffsInFlight > 0) return;
    if (this.resyncTimer || this.awaitingVector || !this.client.socket.connected) return;
    this.requestVector();
  }

  private acknowledged(coverage: Coverage): void {
    if ('one' in coverage) this.ledger.savedOne(coverage.one);
    else {
      this.ledger.savedUpTo(coverage.upTo);
      this.unsettled.clear();
    }
    this.resyncAttempts = 0;
    this.finalRefusals = 0;
    this.listeners.durable(this.ledger.savedVersion);
  }

  /**
   * An edit was refused (or its acknowledgement never came while connected). A final refusal rolls back in this copy
   * (its inserts become deletions, sent as such with the next diff) and is reported. A diff refused for good while
   * pastes are unsettled, or computed before a rollback made since (`stale`), most likely carried those: they are
   * rolled back whole and the document resyncs, keeping what was typed beside them. Then, unless a later diff already
   * carries it, the document stops sending updates one by one and resyncs.
   */
  private refused(
    sent: { order: number; isDiff: boolean; stale: boolean },
    pieces: Uint8Array[],
    refusal: { code: CollabErrorCode; message: string } | undefined,
  ): void {
    if (!this.client.socket.connected) return; // the resync after reconnecting sends it again
    const code = refusal?.code ?? Codes.internal;
    if (refusal) this.reportError({ code, doc: this.name, message: refusal.message });
    if (code === Codes.notJoined || code === Codes.storageFailed || code === Codes.readOnly) return; // the server closes or rejoins
    if (isFinalRefusal(code)) {
      if (sent.isDiff && (this.unsettled.size > 0 || sent.stale)) this.rollBack(this.unsettled.take().flat());
      else this.rollBack(pieces);
      // A diff refused for good again and again: rolling back cannot repair this copy (e.g. a refused deletion).
      if (sent.isDiff && ++this.finalRefusals >= MAX_FINAL_REFUSALS) {
        this.stopped = true;
        this.live = false;
        return;
      }
    }
    if (sent.order < this.lastDiff) return;
    this.resyncLater(code);
  }

  private rollBack(pieces: Uint8Array[]): void {
    this.rollbacks += 1;
    if (pieces.length === 0) return;
    this.ledger.noteChange(); // the deletion itself must reach the server (with the next diff) before "saved"
    this.doc.transact(() => pieces.forEach((piece) => Y.applyUpdate(this.doc, deletionOf(piece), this)), this);
  }

  /** Stops sending one by one and asks for the server's vector: at once, or after a backoff when it was flooded. */
  private resyncLater(code: CollabErrorCode): void {
    this.live = false;
    if (this.resyncTimer || this.awaitingVector || !this.joined || this.stopped) return;
    const delay = code === Codes.missingDependencies || isFinalRefusal(code) ? 0 : backoffDelay(this.resyncAttempts++, 250, 10_000);
    this.resyncTimer = timeout(delay, () => {
      this.resyncTimer = undefined;
      if (this.joined && this.client.socket.connected && !this.stopped) this.requestVector();
    });
  }

  private refreshStatus(): void {
    const status = statusOf({
      stopped: this.stopped,
      connected: this.client.socket.connected && !this.closed,
      joined: this.joined && this.synced,
      everSynced: this.everSynced,
      readOnly: this.readOnly,
      pending: !this.ledger.allSaved,
      changed: this.ledger.localVersion > 0,
    });
    if (status === this.status) return;
    this.status = status;
    this.listeners.status(status);
  }
}
