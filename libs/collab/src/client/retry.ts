import { type CollabErrorCode, CollabErrorCode as Codes } from '../protocol/events.js';

/** Refusals that will not change by sending the same content again: the client rolls the change back. */
const FINAL_REFUSALS: ReadonlySet<string> = new Set<CollabErrorCode>([
  Codes.notAllowed,
  Codes.invalidContent,
  Codes.documentTooLarge,
  Codes.invalidUpdate,
  Codes.frameTooLarge,
]);

/** Join refusals that end the document for this client (no access, no such document). */
const FINAL_JOIN_REFUSALS: ReadonlySet<string> = new Set<CollabErrorCode>([
  Codes.notFound,
  Codes.accessRevoked,
  Codes.documentDeleted,
  Codes.unauthenticated,
  Codes.invalidDocumentName,
]);

export const isFinalRefusal = (code: string): boolean => FINAL_REFUSALS.has(code);
export const isFinalJoinRefusal = (code: string): boolean => FINAL_JOIN_REFUSALS.has(code);

/**
 * Exponential backoff with full jitter: attempt 0 waits about `baseMs`, each further attempt up to twice as long,
 * never more than `maxMs`; the jitter keeps clients refused together from coming back together.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
