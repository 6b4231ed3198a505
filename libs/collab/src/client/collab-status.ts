/**
 * - `connecting`: first connection; `reconnecting`: connected, joining again after a failure (edits are kept);
 * - `synced`: up to date, nothing made here; `saving`: some local change is not yet durable on the server;
 * - `saved`: every local change is durable on the server; `offline`: no connection (edits kept on this device);
 * - `refused`: the server keeps refusing this copy's changes (told through `onError`); reload to start afresh.
 */
export type CollabStatus = 'connecting' | 'reconnecting' | 'synced' | 'saving' | 'saved' | 'offline' | 'refused';

/** What the status is computed from. */
export interface StatusFacts {
  /** The server keeps refusing this copy's changes. */
  stopped: boolean;
  /** Connected, and the document not closed by the server. */
  connected: boolean;
  /** Joined and synced (the server's step 2 applied). */
  joined: boolean;
  everSynced: boolean;
  readOnly: boolean;
  /** Some local change is not yet durable on the server. */
  pending: boolean;
  /** Some change was made here. */
  changed: boolean;
}

export function statusOf(facts: StatusFacts): CollabStatus {
  if (facts.stopped) return 'refused';
  if (!facts.connected) return facts.everSynced || facts.pending ? 'offline' : 'connecting';
  if (!facts.joined) return facts.everSynced ? 'reconnecting' : 'connecting';
  if (!facts.readOnly && facts.pending) return 'saving';
  return facts.changed && !facts.readOnly ? 'saved' : 'synced';
}
