import type { Socket } from 'socket.io-client';
import type { CollabError } from '../protocol/events.js';
import type { CollabStatus } from './collab-status.js';

/** What a document needs from the connection that holds it. */
export interface CollabTransport {
  readonly socket: Socket;
  readonly ackTimeoutMs: number;
  readonly maxFrameBytes: number;
  readonly offline: boolean;
}

export type StatusListener = (status: CollabStatus) => void;
export type DurableListener = (savedVersion: number) => void;
export type ErrorListener = (error: CollabError) => void;
