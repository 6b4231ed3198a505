import { type Row, all, ok, signedIn } from './authorization-matrix-rows.js';

/** A well-formed token signed with another key: refused for everyone, like a forged one. */
const FORGED_TOKEN = `${Buffer.from(JSON.stringify({ a: '00000000-0000-4000-8000-000000000000', k: 'vote_opened', s: null })).toString('base64url')}.${Buffer.alloc(32).toString('base64url')}`;

/** The notifications' routes in the authorisation matrix: each account's own feed and preferences; the signed-out unsubscribe page. */
export const NOTIFICATIONS_MATRIX: Record<string, Row> = {
  'GET /api/notifications': { path: () => '/api/notifications', expected: signedIn(ok) },
  'GET /api/notifications/unread': { path: () => '/api/notifications/unread', expected: signedIn(ok) },
  'POST /api/notifications/read': { path: () => '/api/notifications/read', body: () => ({ all: true }), expected: signedIn(ok) },
  'GET /api/notifications/preferences': { path: () => '/api/notifications/preferences', expected: signedIn(ok) },
  'PUT /api/notifications/preferences': { path: () => '/api/notifications/preferences', body: () => ({ digest: 'weekly' }), expected: signedIn(ok) },
  'GET /unsubscribe/:token': { path: () => `/unsubscribe/${FORGED_TOKEN}`, expected: all(400) },
  'POST /unsubscribe/:token': { path: () => `/unsubscribe/${FORGED_TOKEN}`, expected: all(400) },
};
