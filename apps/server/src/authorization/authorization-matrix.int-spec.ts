import { OpenApiService } from '../docs/openapi.js';
import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * Every endpoint × every kind of caller → expected status, from one table.
 * The test fails if the application has a route the table does not list, so a new endpoint cannot be forgotten.
 */
import { ACTORS, ANCHOR, type Actor, type Fixture, buildMatrixFixture } from '../../testing/authorization-matrix-fixture.js';
import { GUIDE_DOCUMENT_MATRIX } from '../../testing/authorization-matrix-guide-document.js';
import { GUIDE_MATRIX } from '../../testing/authorization-matrix-guide.js';
import { NOTIFICATIONS_MATRIX } from '../../testing/authorization-matrix-notifications.js';
import { SAMPLE_MATRIX } from '../../testing/authorization-matrix-sample.js';
import { SURVEY_MATRIX } from '../../testing/authorization-matrix-survey.js';
import { type JoinFixture, SESSION_JOIN_MATRIX, buildJoinFixture, participantExpected } from '../../testing/authorization-matrix-session-join.js';
import { type Row, all, inSpace, ok, signedIn } from '../../testing/authorization-matrix-rows.js';

const project = (f: Fixture) => `/api/spaces/${f.spaceId}/projects/${f.projectId}`;
const itemOf = (f: Fixture, actor: Actor) => f.itemsOf[actor === 'animateur' ? 'animateur' : 'contributeur'];
const session = (f: Fixture) => `/api/sessions/${f.sessionId}`;
const diagnostic = (f: Fixture) => `/api/spaces/${f.spaceId}/diagnostic`;

const MATRIX: Record<string, Row> = {
  'GET /api/health': { path: () => '/api/health', expected: all(ok) },
  'GET /api/health/ready': { path: () => '/api/health/ready', expected: all(ok) },
  'GET /api/docs': { path: () => '/api/docs', expected: all(ok) },
  'GET /api/docs/init.js': { path: () => '/api/docs/init.js', expected: all(ok) },
  'GET /api/docs/openapi.json': { path: () => '/api/docs/openapi.json', expected: all(ok) },
  'POST /api/auth/sign-up': {
    path: () => '/api/auth/sign-up',
    body: (_f, actor) => ({ email: `signup-${actor}@example.fr`, password: 'un mot de passe solide', displayName: `Inscription ${actor}` }),
    expected: all(201),
  },
  'POST /api/auth/sign-in': {
    path: () => '/api/auth/sign-in',
    body: (f, actor) => ({ email: f.emailOf[actor] ?? f.emailOf.animateur, password: f.passwordOf[actor] ?? f.passwordOf.animateur }),
    expected: all(ok),
  },
  'POST /api/auth/sign-out': { path: () => '/api/auth/sign-out', freshSession: true, expected: signedIn(204) },
  'POST /api/auth/password-reset/request': {
    path: () => '/api/auth/password-reset/request',
    body: (_f, actor) => ({ email: `oubli-${actor}@example.fr` }),
    expected: all(202),
  },
  // No link was asked for: any token is unknown to everyone, signed in or not.
  'GET /api/auth/password-reset/:token': { path: () => `/api/auth/password-reset/${'a'.repeat(43)}`, expected: all(400) },
  'POST /api/auth/password-reset': {
    path: () => '/api/auth/password-reset',
    body: () => ({ token: 'a'.repeat(43), password: 'un mot de passe solide' }),
    expected: all(400),
  },
  'GET /api/auth/session': { path: () => '/api/auth/session', expected: all(ok) },
  'GET /api/auth/me': { path: () => '/api/auth/me', expected: signedIn(ok) },
  'PATCH /api/auth/me': { path: () => '/api/auth/me', body: () => ({ locale: 'fr' }), expected: signedIn(ok) },
  'GET /api/organisations': { path: () => '/api/organisations', expected: signedIn(ok) },
  'POST /api/organisations': {
    path: () => '/api/organisations',
    body: (_f, actor) => ({ kind: 'ess_network', name: `Réseau de ${actor}` }),
    expected: signedIn(201),
  },
  'GET /api/organisations/:organisationId': { path: (f) => `/api/organisations/${f.organisationId}`, expected: signedIn(ok) },
  'PATCH /api/organisations/:organisationId': {
    path: (f) => `/api/organisations/${f.organisationId}`,
    body: () => ({ territory: 'Occitanie' }),
    expected: { ...signedIn(403), animateur: ok },
  },
  'GET /api/poles': { path: () => '/api/poles', expected: signedIn(ok) },
  'GET /api/spaces': { path: () => '/api/spaces', expected: signedIn(ok) },
  'POST /api/spaces': {
    path: () => '/api/spaces',
    body: (_f, actor) => ({ title: `Espace de ${actor}`, pole: { name: `Pôle de ${actor}` } }),
    expected: signedIn(201),
  },
  'GET /api/spaces/:spaceId': { path: (f) => `/api/spaces/${f.spaceId}`, expected: inSpace(ok, ok, ok) },
  'PATCH /api/spaces/:spaceId': {
    path: (f) => `/api/spaces/${f.spaceId}`,
    body: () => ({ title: 'Titre modifié' }),
    expected: inSpace(403, 403, ok),
  },
  'PATCH /api/spaces/:spaceId/pole': {
    path: (f) => `/api/spaces/${f.spaceId}/pole`,
    body: () => ({ stage: 'development' }),
    expected: inSpace(403, ok, ok),
  },
  'GET /api/spaces/:spaceId/members': { path: (f) => `/api/spaces/${f.spaceId}/members`, expected: inSpace(ok, ok, ok) },
  'PATCH /api/spaces/:spaceId/members/:accountId': {
    path: (f) => `/api/spaces/${f.spaceId}/members/${f.memberToChange}`,
    body: () => ({ role: 'contributeur' }),
    expected: inSpace(403, 403, ok),
  },
  'DELETE /api/spaces/:spaceId/members/:accountId': {
    path: (f) => `/api/spaces/${f.spaceId}/members/${f.memberToRemove}`,
    expected: inSpace(403, 403, 204),
  },
  'GET /api/spaces/:spaceId/invitations': { path: (f) => `/api/spaces/${f.spaceId}/invitations`, expected: inSpace(403, 403, ok) },
  'POST /api/spaces/:spaceId/invitations': {
    path: (f) => `/api/spaces/${f.spaceId}/invitations`,
    body: (_f, actor) => ({ email: `invite-par-${actor}@example.fr`, role: 'observateur' }),
    expected: inSpace(403, 403, 201),
  },
  'POST /api/spaces/:spaceId/invitations/:invitationId/resend': {
    path: (f) => `/api/spaces/${f.spaceId}/invitations/${f.pendingInvitationId}/resend`,
    expected: inSpace(403, 403, ok),
  },
  'DELETE /api/spaces/:spaceId/invitations/:invitationId': {
    path: (f) => `/api/spaces/${f.spaceId}/invitations/${f.pendingInvitationId}`,
    expected: inSpace(403, 403, 204),
  },
  'GET /api/spaces/:spaceId/projects': { path: (f) => `/api/spaces/${f.spaceId}/projects`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/projects': {
    path: (f) => `/api/spaces/${f.spaceId}/projects`,
    body: (_f, actor) => ({ title: `Projet de ${actor}` }),
    expected: inSpace(403, 201, 201),
  },
  'GET /api/spaces/:spaceId/projects/:projectId': { path: project, expected: inSpace(ok, ok, ok) },
  'PATCH /api/spaces/:spaceId/projects/:projectId': {
    path: project,
    // Saving the current values leaves the version as it is, so both allowed callers succeed.
    body: () => ({ version: 1, stage: 'emergence' }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/projects/:projectId': {
    path: (f) => `/api/spaces/${f.spaceId}/projects/${f.projectToDelete}`,
    expected: inSpace(403, 403, 204),
  },
  'GET /api/spaces/:spaceId/projects/:projectId/changes': { path: (f) => `${project(f)}/changes`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/projects/:projectId/milestones': {
    path: (f) => `${project(f)}/milestones`,
    body: () => ({ title: 'Jalon' }),
    expected: inSpace(403, 201, 201),
  },
  'PATCH /api/spaces/:spaceId/projects/:projectId/milestones/:milestoneId': {
    path: (f, actor) => `${project(f)}/milestones/${itemOf(f, actor).milestoneId}`,
    body: () => ({ done: true }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/projects/:projectId/milestones/:milestoneId': {
    path: (f, actor) => `${project(f)}/milestones/${itemOf(f, actor).milestoneId}`,
    expected: inSpace(403, 204, 204),
  },
  'POST /api/spaces/:spaceId/projects/:projectId/indicators': {
    path: (f) => `${project(f)}/indicators`,
    body: () => ({ kind: 'jobs_created', measuredOn: '2026-01-31', value: 2 }),
    expected: inSpace(403, 201, 201),
  },
  'DELETE /api/spaces/:spaceId/projects/:projectId/indicators/:indicatorId': {
    path: (f, actor) => `${project(f)}/indicators/${itemOf(f, actor).indicatorId}`,
    expected: inSpace(403, 204, 204),
  },
  'POST /api/spaces/:spaceId/projects/:projectId/funding-lines': {
    path: (f) => `${project(f)}/funding-lines`,
    body: (f) => ({ funderId: f.organisationId, funderLevel: 'epci', year: 2026, amountCents: 100_000, kind: 'operating' }),
    expected: inSpace(403, 201, 201),
  },
  'PATCH /api/spaces/:spaceId/projects/:projectId/funding-lines/:fundingLineId': {
    path: (f, actor) => `${project(f)}/funding-lines/${itemOf(f, actor).fundingLineId}`,
    body: () => ({ version: 1, status: 'secured' }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/projects/:projectId/funding-lines/:fundingLineId': {
    path: (f, actor) => `${project(f)}/funding-lines/${itemOf(f, actor).fundingLineId}`,
    expected: inSpace(403, 204, 204),
  },
  'GET /api/spaces/:spaceId/projects-csv/template': {
    path: (f) => `/api/spaces/${f.spaceId}/projects-csv/template?kind=projects`,
    expected: inSpace(ok, ok, ok),
  },
  'GET /api/spaces/:spaceId/projects-csv/export': {
    path: (f) => `/api/spaces/${f.spaceId}/projects-csv/export?kind=funding_lines`,
    expected: inSpace(ok, ok, ok),
  },
  'POST /api/spaces/:spaceId/projects-csv/import': {
    path: (f) => `/api/spaces/${f.spaceId}/projects-csv/import`,
    body: () => ({ kind: 'projects', csv: 'titre\nProjet importé', dryRun: true }),
    expected: inSpace(403, ok, ok),
  },
  'GET /api/spaces/:spaceId/relations': { path: (f) => `/api/spaces/${f.spaceId}/relations`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/relations': {
    path: (f) => `/api/spaces/${f.spaceId}/relations`,
    body: (f, actor) => ({ organisationId: f.organisationId, year: 2000 + ACTORS.indexOf(actor), evolution: 'stable' }),
    expected: inSpace(403, 201, 201),
  },
  'DELETE /api/spaces/:spaceId/relations/:relationId': {
    path: (f, actor) => `/api/spaces/${f.spaceId}/relations/${itemOf(f, actor).relationId}`,
    expected: inSpace(403, 204, 204),
  },
  'GET /api/observatory/funding': { path: () => '/api/observatory/funding?from=2015', expected: signedIn(ok) },
  'GET /api/observatory/panorama': { path: () => '/api/observatory/panorama', expected: signedIn(ok) },
  'GET /api/observatory/indicators': { path: () => '/api/observatory/indicators?from=2015', expected: signedIn(ok) },
  'GET /api/observatory/indicators/poles': { path: () => '/api/observatory/indicators/poles?kind=jobs_created', expected: signedIn(ok) },
  'GET /api/observatory/map': { path: () => '/api/observatory/map?mesh=departement', expected: signedIn(ok) },
  'GET /api/observatory/export': { path: () => '/api/observatory/export?dataset=funding&format=json', expected: signedIn(ok) },
  // The cross-pole guide over the fixture's space: only its members may choose it.
  'GET /api/observatory/guide': { path: (f) => `/api/observatory/guide?spaceIds=${f.spaceId}`, expected: inSpace(ok, ok, ok) },
  'GET /api/observatory/guide/export': { path: (f) => `/api/observatory/guide/export?format=docx&spaceIds=${f.spaceId}`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/sessions': { path: (f) => `/api/spaces/${f.spaceId}/sessions`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/sessions': {
    path: (f) => `/api/spaces/${f.spaceId}/sessions`,
    body: () => ({ title: 'Séance de la matrice', scheduledAt: '2026-12-10T09:00:00Z' }),
    expected: inSpace(403, 403, 201),
  },
  'GET /api/sessions/:sessionId': { path: session, expected: inSpace(ok, ok, ok) },
  'PATCH /api/sessions/:sessionId': { path: session, body: () => ({ place: 'Salle 2' }), expected: inSpace(403, 403, ok) },
  'POST /api/sessions/:sessionId/facilitation': {
    path: (f) => `${session(f)}/facilitation`,
    body: () => ({ action: 'extend', minutes: 1 }),
    expected: inSpace(403, 403, ok),
  },
  'POST /api/sessions/:sessionId/guests': { path: (f) => `${session(f)}/guests`, body: (f) => ({ email: f.guestToAdd }), expected: inSpace(403, 403, 201) },
  'DELETE /api/sessions/:sessionId/guests/:accountId': { path: (f) => `${session(f)}/guests/${f.guestToRemove}`, expected: inSpace(403, 403, 204) },
  'POST /api/sessions/:sessionId/attendance': { path: (f) => `${session(f)}/attendance`, expected: inSpace(ok, ok, ok) },
  'GET /api/sessions/:sessionId/votes': { path: (f) => `${session(f)}/votes`, expected: inSpace(ok, ok, ok) },
  'POST /api/sessions/:sessionId/votes': {
    path: (f) => `${session(f)}/votes`,
    body: () => ({ kind: 'consent', title: 'Proposition' }),
    expected: inSpace(403, 403, 201),
  },
  'POST /api/sessions/:sessionId/votes/:voteId/close': { path: (f) => `${session(f)}/votes/${f.voteToClose}/close`, expected: inSpace(403, 403, ok) },
  'GET /api/sessions/:sessionId/votes/:voteId/results': { path: (f) => `${session(f)}/votes/${f.voteId}/results`, expected: inSpace(ok, ok, ok) },
  'GET /api/sessions/:sessionId/votes/:voteId/ballot': { path: (f) => `${session(f)}/votes/${f.voteId}/ballot`, expected: inSpace(403, ok, ok) },
  'PUT /api/sessions/:sessionId/votes/:voteId/ballot': {
    path: (f) => `${session(f)}/votes/${f.voteId}/ballot`,
    body: () => ({ kind: 'dot', allocations: { a: 2 } }),
    expected: inSpace(403, ok, ok),
  },
  'POST /api/sessions/:sessionId/votes/:voteId/dots': {
    path: (f) => `${session(f)}/votes/${f.voteId}/dots`,
    body: () => ({ option: 'b', delta: 1 }),
    expected: inSpace(403, ok, ok),
  },
  'GET /api/sessions/:sessionId/decisions': { path: (f) => `${session(f)}/decisions`, expected: inSpace(ok, ok, ok) },
  'POST /api/sessions/:sessionId/decisions': {
    path: (f) => `${session(f)}/decisions`,
    body: () => ({ text: 'Une décision' }),
    expected: inSpace(403, 403, 201),
  },
  'DELETE /api/sessions/:sessionId/decisions/:decisionId': { path: (f) => `${session(f)}/decisions/${f.decisionToRemove}`, expected: inSpace(403, 403, 204) },
  'POST /api/sessions/:sessionId/decisions/:decisionId/project': {
    path: (f) => `${session(f)}/decisions/${f.decisionToProject}/project`,
    expected: inSpace(403, 403, ok),
  },
  // An open vote has no outcome yet: the animateur is told it cannot become a decision (409), the others may not ask.
  'POST /api/sessions/:sessionId/votes/:voteId/decision': { path: (f) => `${session(f)}/votes/${f.voteId}/decision`, expected: inSpace(403, 403, 409) },
  'POST /api/sessions/:sessionId/close': { path: (f) => `/api/sessions/${f.sessionToClose}/close`, expected: inSpace(403, 403, ok) },
  'GET /api/sessions/:sessionId/minutes': { path: (f) => `/api/sessions/${f.closedSessionId}/minutes`, expected: inSpace(ok, ok, ok) },
  'GET /api/sessions/:sessionId/minutes/export': {
    path: (f) => `/api/sessions/${f.closedSessionId}/minutes/export?format=docx`,
    expected: inSpace(ok, ok, ok),
  },
  'GET /api/spaces/:spaceId/diagnostic/outline': { path: (f) => `${diagnostic(f)}/outline`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/diagnostic/sections': { path: (f) => `${diagnostic(f)}/sections`, expected: inSpace(ok, ok, ok) },
  'PUT /api/spaces/:spaceId/diagnostic/sections/:section': {
    path: (f, actor) => `${diagnostic(f)}/sections/${actor === 'animateur' ? 'grid-economy' : 'grid-territory'}`,
    body: () => ({ version: 0, score: 2 }),
    expected: inSpace(403, ok, ok),
  },
  'GET /api/spaces/:spaceId/diagnostic/settings': { path: (f) => `${diagnostic(f)}/settings`, expected: inSpace(ok, ok, ok) },
  'PUT /api/spaces/:spaceId/diagnostic/settings': {
    path: (f) => `${diagnostic(f)}/settings`,
    body: () => ({ observersCanComment: false }),
    expected: inSpace(403, 403, ok),
  },
  'GET /api/spaces/:spaceId/diagnostic/comments': { path: (f) => `${diagnostic(f)}/comments`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/diagnostic/comments': {
    path: (f) => `${diagnostic(f)}/comments`,
    body: () => ({ sectionId: 'grid-territory', anchor: ANCHOR, body: 'Remarque' }),
    // Observateurs comment only where the animateur opened comments to them.
    expected: inSpace(403, 201, 201),
  },
  'PATCH /api/spaces/:spaceId/diagnostic/comments/:commentId': {
    path: (f) => `${diagnostic(f)}/comments/${f.commentId}`,
    body: () => ({ resolved: true }),
    expected: inSpace(403, ok, ok),
  },
  'DELETE /api/spaces/:spaceId/diagnostic/comments/:commentId': {
    path: (f) => `${diagnostic(f)}/comments/${f.commentToDelete}`,
    expected: inSpace(403, 403, 204),
  },
  'GET /api/spaces/:spaceId/diagnostic/export': { path: (f) => `${diagnostic(f)}/export?format=md`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/diagnostic/versions': { path: (f) => `${diagnostic(f)}/versions`, expected: inSpace(ok, ok, ok) },
  'POST /api/spaces/:spaceId/diagnostic/versions': {
    path: (f) => `${diagnostic(f)}/versions`,
    body: () => ({ name: 'Version nommée' }),
    expected: inSpace(403, 201, 201),
  },
  'GET /api/spaces/:spaceId/diagnostic/versions/:versionId': { path: (f) => `${diagnostic(f)}/versions/${f.versionId}`, expected: inSpace(ok, ok, ok) },
  'GET /api/spaces/:spaceId/diagnostic/versions/:versionId/compare': {
    path: (f) => `${diagnostic(f)}/versions/${f.versionId}/compare`,
    expected: inSpace(ok, ok, ok),
  },
  'POST /api/spaces/:spaceId/diagnostic/versions/:versionId/restore': {
    path: (f) => `${diagnostic(f)}/versions/${f.versionId}/restore`,
    expected: inSpace(403, ok, ok),
  },
  'GET /api/invitations/:token': { path: (f) => `/api/invitations/${f.foreignInvitationToken}`, expected: all(ok) },
  'POST /api/invitations/:token/accept': {
    path: (f) => `/api/invitations/${f.foreignInvitationToken}/accept`,
    expected: signedIn(403),
  },
  ...GUIDE_MATRIX,
  ...GUIDE_DOCUMENT_MATRIX,
  ...NOTIFICATIONS_MATRIX,
  ...SAMPLE_MATRIX,
  ...SURVEY_MATRIX,
  ...SESSION_JOIN_MATRIX,
};

describe('authorisation matrix', () => {
  let t: TestApp;
  const clients = {} as Record<Actor, ApiClient>;
  let fixture: Fixture;
  let joined: JoinFixture;

  beforeAll(async () => {
    t = await startTestApp();
    for (const actor of ACTORS) clients[actor] = new ApiClient(t.url);
    fixture = await buildMatrixFixture(t, clients);
    joined = await buildJoinFixture(t.url, clients.animateur, fixture);
  });
  afterAll(() => t.close());

  it('lists every route of the application', () => {
    const routes = t.app
      .get(OpenApiService)
      .routes()
      .map((r) => `${r.method} ${r.path}`);
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s answers each caller as the table says', async (key) => {
    const row = MATRIX[key];
    const [method] = key.split(' ');
    const actual = {} as Record<Actor, number>;
    // From the least to the most privileged: only allowed calls change anything, and they come last.
    for (const actor of ACTORS) {
      let cookie = clients[actor].cookie;
      if (row.freshSession && actor !== 'anonymous') {
        const session = new ApiClient(t.url);
        await session.post('/api/auth/sign-in', { email: fixture.emailOf[actor], password: fixture.passwordOf[actor] });
        cookie = session.cookie;
      }
      const body = row.body?.(fixture, actor);
      const response = await fetch(`${t.url}${row.path(fixture, actor)}`, {
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      actual[actor] = response.status;
    }
    expect(actual).toEqual(row.expected);
  });

  // The participant principal (joined a session by code, no account): its session's routes open to it, 404 elsewhere.
  const signedInRoutes = () => Object.keys(MATRIX).filter((key) => MATRIX[key].expected.anonymous === 401);
  it.each(signedInRoutes())('%s answers a participant of the session as the policy says', async (key) => {
    const row = MATRIX[key];
    const body = row.body?.(fixture, 'contributeur');
    const response = await fetch(`${t.url}${row.path(fixture, 'contributeur')}`, {
      method: key.split(' ')[0],
      headers: { cookie: joined.participantCookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await response.arrayBuffer();
    expect(response.status).toBe(participantExpected(key, row));
  });
});
