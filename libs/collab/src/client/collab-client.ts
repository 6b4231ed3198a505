import type { Socket } from 'socket.io-client';
import { type TimeoutObject, timeout } from 'lib0/eventloop';
import * as Y from 'yjs';
import { type CollabError, CollabErrorCode, CollabEvent, type DocumentClosed } from '../protocol/events.js';
import { decodeFrame, toBytes } from '../protocol/frame.js';
import { CollabDocument, type CollabTransport } from './collab-document.js';
import { backoffDelay } from './retry.js';

export { CollabDocument } from './collab-document.js';
export type { CollabStatus } from './collab-status.js';

export interface CollabClientOptions {
  /** Keep an IndexedDB copy of each document (browsers only): offline edits survive a reload. */
  offline?: boolean;
  /** How long to wait for a join or an edit acknowledgement before treating the connection as lost. */
  ackTimeoutMs?: number;
  maxFrameBytes?: number;
}

/**
 * One socket.io connection to /collab holding any number of documents. Reconnection (exponential backoff with
 * jitter) is socket.io's: create the socket with `reconnectionDelay`, `reconnectionDelayMax` and
 * `randomizationFactor`. After every (re)connection each open document joins again and resyncs by state vectors.
 */
export class CollabClient implements CollabTransport {
  private readonly documents = new Map<string, CollabDocument>();
  private reconnectTimer: TimeoutObject | undefined;
  private serverDisconnects = 0;
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
    this.reconnectTimer?.destroy();
    for (const name of [...this.documents.keys()]) this.close(name);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off(CollabEvent.message, this.onMessage);
    this.socket.off(CollabEvent.error, this.onError);
    this.socket.off(CollabEvent.closed, this.onClosed);
  }

  private readonly onConnect = () => {
    this.serverDisconnects = 0;
    for (const document of this.documents.values()) void document.join();
  };

  /**
   * Offline until connected again. socket.io reconnects by itself after a lost connection, not after the server
   * closed it (e.g. a flood of messages past its limit, or a session signed out elsewhere): the client connects again
   * after a backoff — a signed-out session is then refused at the handshake, and stays off.
   */
  private readonly onDisconnect = (reason: string) => {
    for (const document of this.documents.values()) document.markOffline();
    if (reason !== 'io server disconnect') return;
    this.reconnectTimer?.destroy();
    this.reconnectTimer = timeout(backoffDelay(this.serverDisconnects++, 1_000, 30_000), () => {
      this.reconnectTimer = undefined;
      if (!this.socket.connected) this.socket.connect();
    });
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
