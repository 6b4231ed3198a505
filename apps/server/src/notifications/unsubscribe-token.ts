import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { NotificationKind } from '@concerto/domain';

/** What one unsubscribe link names: the account, and the one preference it may turn off. */
export interface UnsubscribeClaim {
  accountId: string;
  /** A kind of notification, or the whole digest. */
  kind: NotificationKind | 'digest';
  /** The space the preference is for; null for all spaces (and for the digest). */
  spaceId: string | null;
}

const Claim = z.strictObject({
  a: z.uuid(),
  k: z.union([NotificationKind, z.literal('digest')]),
  s: z.uuid().nullable(),
});

const PURPOSE = 'concerto:unsubscribe:v1';
const TOKEN = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/;

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(`${PURPOSE}.${payload}`).digest();

/**
 * A one-click unsubscribe token: `<payload>.<HMAC-SHA256>` in base64url, the payload naming account, kind and space,
 * signed with the server's key (`server_secret`), so that the link works without signing in, cannot be forged, and
 * cannot be altered to change another preference or another account's. It does not expire: a mail read months later
 * must still unsubscribe (turning a notification off again changes nothing).
 */
export function signUnsubscribeToken(key: Buffer, claim: UnsubscribeClaim): string {
  const payload = Buffer.from(JSON.stringify({ a: claim.accountId, k: claim.kind, s: claim.spaceId })).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The claim of a token signed with `key`, or undefined for anything malformed, forged or altered. */
export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribeClaim | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const [, payload, signature] = match;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const claim = Claim.safeParse(decoded);
  if (!claim.success) return undefined;
  return { accountId: claim.data.a, kind: claim.data.k, spaceId: claim.data.k === 'digest' ? null : claim.data.s };
}
