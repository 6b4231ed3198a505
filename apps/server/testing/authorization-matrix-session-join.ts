import type { ApiClient } from './api-client.js';
import type { Fixture } from './authorization-matrix-fixture.js';
import { type Row, all, inSpace, ok } from './authorization-matrix-rows.js';

/** What the join routes act on: the fixture session's code, a participant to remove, and one who stays (its cookie). */
export interface JoinFixture {
  code: string;
  participantToRemove: string;
  participantCookie: string;
}

const joinState: JoinFixture = { code: '', participantToRemove: '', participantCookie: '' };

async function joinAs(baseUrl: string, code: string, displayName: string): Promise<{ accountId: string; cookie: string }> {
  const response = await fetch(`${baseUrl}/api/join/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  if (response.status !== 200) throw new Error(`join failed: ${response.status}`);
  const body = (await response.json()) as { accountId: string };
  return {
    accountId: body.accountId,
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

/** Opens the fixture session's join code and lets two participants in (one to remove). */
export async function buildJoinFixture(baseUrl: string, animateur: ApiClient, f: Fixture): Promise<JoinFixture> {
  const opened = await animateur.post(`/api/sessions/${f.sessionId}/join-code`);
  joinState.code = opened.body.code;
  joinState.participantToRemove = (await joinAs(baseUrl, joinState.code, 'Participant à retirer')).accountId;
  joinState.participantCookie = (await joinAs(baseUrl, joinState.code, 'Participant invité')).cookie;
  return joinState;
}

const session = (f: Fixture) => `/api/sessions/${f.sessionId}`;

export const SESSION_JOIN_MATRIX: Record<string, Row> = {
  'GET /api/join/:code': { path: () => `/api/join/${joinState.code}`, expected: all(ok) },
  // An empty name: refused before anything is joined, for everyone (the route is public).
  'POST /api/join/:code': { path: () => `/api/join/${joinState.code}`, body: () => ({ displayName: '' }), expected: all(400) },
  'GET /api/sessions/:sessionId/join-code': { path: (f) => `${session(f)}/join-code`, expected: inSpace(403, 403, ok) },
  'POST /api/sessions/:sessionId/join-code': { path: (f) => `${session(f)}/join-code`, expected: inSpace(403, 403, ok) },
  'DELETE /api/sessions/:sessionId/join-code': { path: (f) => `${session(f)}/join-code`, expected: inSpace(403, 403, 204) },
  'DELETE /api/sessions/:sessionId/participants/:accountId': {
    path: (f) => `${session(f)}/participants/${joinState.participantToRemove}`,
    expected: inSpace(403, 403, 204),
  },
};

/**
 * The participant principal (joined the fixture session by code): these routes are open to it, in its session, as to a
 * contributeur; every other signed-in route answers it 404.
 */
export const OPEN_TO_PARTICIPANTS = new Set([
  'GET /api/sessions/:sessionId',
  'POST /api/sessions/:sessionId/attendance',
  'GET /api/sessions/:sessionId/votes',
  'GET /api/sessions/:sessionId/votes/:voteId/results',
  'GET /api/sessions/:sessionId/votes/:voteId/ballot',
  'PUT /api/sessions/:sessionId/votes/:voteId/ballot',
  'POST /api/sessions/:sessionId/votes/:voteId/dots',
]);

/** What the participant gets from a row: a contributeur's answer on the routes open to it, 404 on the others. */
export function participantExpected(key: string, row: Row): number {
  return OPEN_TO_PARTICIPANTS.has(key) ? row.expected.contributeur : 404;
}
