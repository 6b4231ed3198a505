import type { JoinResult } from '../protocol/events.js';
import { type DecodedFrame, decodeFrame, toBytes } from '../protocol/frame.js';

/**
 * The sync a join answer carries, decoded in the order to apply it: what the copy lacks (sync step 2), then, for
 * writers, the server's state vector (step 1). None when the server answered without them (an older server, which
 * expects a sync step 1 from the client) or sent frames this client cannot read (a sync step 1 then repairs it).
 */
export function joinSyncFrames(answer: Extract<JoinResult, { ok: true }>): DecodedFrame[] {
  if (!answer.step2) return [];
  try {
    return [answer.step2, answer.stateVector].filter((frame) => frame !== undefined).map((frame) => decodeFrame(toBytes(frame, Infinity)));
  } catch {
    return [];
  }
}
