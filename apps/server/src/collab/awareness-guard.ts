import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { CollabUser } from '@concerto/collab';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export class AwarenessSpoofError extends Error {}

/** Decodes a y-protocols awareness update: `[count] ([clientID][clock][JSON state])*`. Throws on malformed input. */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new Error('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('awareness state must be an object');
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return entries;
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Binds presence to the authenticated user: a connection may only speak for the Yjs client ids it owns
 * (the first one it uses in a document, unless another connection owns it), and `user` is always replaced
 * by the server's identity, so nobody can appear as someone else.
 */
export function bindAwareness(
  entries: AwarenessEntry[],
  user: CollabUser,
  owned: Set<number>,
  ownedElsewhere: (clientId: number) => boolean,
): AwarenessEntry[] {
  for (const entry of entries) {
    if (owned.has(entry.clientId)) continue;
    if (owned.size > 0 || ownedElsewhere(entry.clientId)) throw new AwarenessSpoofError(`client id ${entry.clientId} is not yours`);
    owned.add(entry.clientId);
  }
  return entries.map((e) => (e.state === null ? e : { ...e, state: { ...e.state, user } }));
}
