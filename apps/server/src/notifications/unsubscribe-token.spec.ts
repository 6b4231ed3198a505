import { randomBytes } from 'node:crypto';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

describe('unsubscribe tokens', () => {
  const key = randomBytes(32);
  const claim = { accountId: '6f1c2a4e-1b2c-4d3e-8f90-1234567890ab', kind: 'comment_mention' as const, spaceId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };

  it('round-trips what it names', () => {
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, claim))).toEqual(claim);
    const digest = { accountId: claim.accountId, kind: 'digest' as const, spaceId: null };
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, digest))).toEqual(digest);
  });

  it('refuses a token signed with another key, altered, truncated or malformed', () => {
    const token = signUnsubscribeToken(key, claim);
    const [payload, signature] = token.split('.');
    const other = Buffer.from(JSON.stringify({ a: claim.accountId, k: 'vote_opened', s: claim.spaceId })).toString('base64url');
    for (const bad of [
      signUnsubscribeToken(randomBytes(32), claim),
      `${other}.${signature}`,
      `${payload}.${signature.slice(1)}A`,
      `${payload}.${signature.slice(0, 20)}`,
      payload,
      '',
      `${payload}.${signature}.x`,
    ]) {
      expect(verifyUnsubscribeToken(key, bad)).toBeUndefined();
    }
  });
});
