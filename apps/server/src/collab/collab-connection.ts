import type { Socket } from 'socket.io';
import { type CollabErrorCode, CollabEvent, type CollabUser, type DocumentRef, type MessageAck } from '@concerto/collab';
import type { SpaceRole } from '@concerto/domain';
import { TokenBucket } from './token-bucket.js';

/** The acknowledgement a client asked for with its frame, if it did. */
export type Ack = ((answer: MessageAck) => void) | undefined;

export interface JoinedDocument {
  ref: DocumentRef;
  role: SpaceRole;
  readOnly: boolean;
  /** Yjs client ids this connection speaks for in the document's awareness. */
  awarenessClientIds: Set<number>;
  /** When the server last sent its state vector after refusing an update for missing dependencies. */
  resyncRequestedAt: number;
}

/** Server-side state of one /collab socket. */
export class CollabConnection {
  readonly documents = new Map<string, JoinedDocument>();
  readonly bucket: TokenBucket;
  /** Messages refused for the rate limit since `droppedSince` (see CollabSyncService.rateLimited). */
  dropped = 0;
  droppedSince = 0;
  lastRateWarning = 0;

  constructor(
    readonly socket: Socket,
    readonly accountId: string,
    readonly authSessionId: string,
    readonly user: CollabUser,
    limits: { messagesPerSecond: number; burst: number },
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.burst);
  }

  get id(): string {
    return this.socket.id;
  }

  /** Refuses a frame: the error event for the connection, and the acknowledgement if one was asked for. */
  refuse(ack: Ack, code: CollabErrorCode, message: string, doc?: string): void {
    this.socket.emit(CollabEvent.error, { code, message, ...(doc ? { doc } : {}) });
    ack?.({ ok: false, code, message });
  }
}

const COLOURS = ['#b34e00', '#00727a', '#6a3ea1', '#1f6f2a', '#a4004f', '#005f9e', '#7a5a00', '#8a2be2'];

/** A stable, readable colour per person for cursors and presence (contrast ≥ 4.5:1 on white). */
export function colourOf(accountId: string): string {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}
