import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { type DocumentRef, SyncStep, syncFrame } from '@concerto/collab';
import type { CollabConnection } from './collab-connection.js';

/** Where a change to a server document came from: decides whether it is stored and published. */
export type UpdateOrigin =
  | { kind: 'client'; connectionId: string }
  | { kind: 'migration' }
  /** A change made by the server itself (e.g. restoring a version): stored and relayed like a client's. */
  | { kind: 'server' }
  | { kind: 'remote' }
  | { kind: 'resync' }
  | { kind: 'load' };

/** A document held in memory while clients use it. */
export class LiveDocument {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly clients = new Map<string, CollabConnection>();
  /** Updates to relay to local clients at the end of the current event-loop turn. */
  pendingRelay: Uint8Array[] = [];
  /** The connection all of `pendingRelay` came from (it has them already), or null when mixed or not from a client. */
  pendingRelayFrom: string | null = null;
  /** On a hot document: awareness client ids whose state changed since the last relay (sent together, latest state). */
  pendingAwareness = new Set<number>();
  appendedSinceCompaction = 0;
  /** Encoded size, from above: stored bytes plus updates since (exact after `DocumentRegistry.fits` measures it). */
  approximateBytes = 0;
  idleTimer: NodeJS.Timeout | undefined;
  /** On a hot document: when its last relay went out (performance.now()), and the timer of the next merged one. */
  lastRelayAt = Number.NEGATIVE_INFINITY;
  relayTimer: NodeJS.Timeout | undefined;
  compacting = false;
  failed = false;
  /** The sync frames every joiner gets while the document does not change (encoded once, not once per joiner). */
  private wholeStateFrame: Uint8Array | undefined;
  private stateVectorFrame: Uint8Array | undefined;

  constructor(readonly ref: DocumentRef) {
    // The name as guid: Yjs would draw a random UUID (31 calls to crypto.getRandomValues) for every document loaded.
    this.doc = new Y.Doc({ gc: true, guid: ref.name });
    this.awareness = new Awareness(this.doc);
    this.doc.on('update', () => {
      this.wholeStateFrame = undefined;
      this.stateVectorFrame = undefined;
    });
    // The server holds presence only to hand it to new joiners; it has no presence of its own.
    this.awareness.setLocalState(null);
  }

  get name(): string {
    return this.ref.name;
  }

  get room(): string {
    return `doc:${this.ref.name}`;
  }

  /** Sync step 2 with the whole document (for a joiner that has nothing), encoded once per state of the document. */
  wholeState(): Uint8Array {
    return (this.wholeStateFrame ??= syncFrame(this.name, SyncStep.step2, Y.encodeStateAsUpdate(this.doc)));
  }

  /** Sync step 1 with the document's state vector, encoded once per state of the document. */
  stateVector(): Uint8Array {
    return (this.stateVectorFrame ??= syncFrame(this.name, SyncStep.step1, Y.encodeStateVector(this.doc)));
  }

  destroy(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.relayTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
