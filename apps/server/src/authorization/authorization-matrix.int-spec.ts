import { OpenApiService } from '../docs/openapi.js';
import { ApiClient, addMember, buildSpace } from '../testing/api-client.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Every endpoint × every kind of caller → expected status, from one table.
 * The test fails if the application has a route the table does not list, so a new endpoint cannot be forgotten.
 */
const ACTORS = ['anonymous', 'nonMember', 'otherSpace', 'observateur', 'contributeur', 'animateur'] as const;
type Actor = (typeof ACTORS)[number];
type Expected = Record<Actor, number>;

interface Fixture {
  spaceId: string;
  organisationId: string;
  pendingInvitationId: string;
  foreignInvitationToken: string;
  memberToChange: string;
  memberToRemove: string;
  passwordOf: Record<Actor, string | undefined>;
  emailOf: Record<Actor, string | undefined>;
}

interface Row {
  path: (f: Fixture) => string;
  body?: (f: Fixture, actor: Actor) => unknown;
  /** Sign-out revokes the session it is called with: give it a session of its own. */
  freshSession?: boolean;
  expected: Expected;
}

const all = (status: number): Expected => ({ anonymous: status, nonMember: status, otherSpace: status, observateur: status, contributeur: status, animateur: status });
const signedIn = (status: number): Expected => ({ ...all(status), anonymous: 401 });
const inSpace = (observateur: number, contributeur: number, animateur: number): Expected => ({
  anonymous: 401,
  nonMember: 404,
  otherSpace: 404,
  observateur,
  contributeur,
  animateur,
});
const ok = 200;

const MATRIX: Record<string, Row> = {
  'GET /api/health': { path: () => '/api/health', expected: all(ok) },
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
  'DELETE /api/spaces/:spaceId/invitations/:invitationId': {
    path: (f) => `/api/spaces/${f.spaceId}/invitations/${f.pendingInvitationId}`,
    expected: inSpace(403, 403, 204),
  },
  'GET /api/invitations/:token': { path: (f) => `/api/invitations/${f.foreignInvitationToken}`, expected: all(ok) },
  'POST /api/invitations/:token/accept': {
    path: (f) => `/api/invitations/${f.foreignInvitationToken}/accept`,
    expected: signedIn(403),
  },
};

describe('authorisation matrix', () => {
  let t: TestApp;
  const clients = {} as Record<Actor, ApiClient>;
  let fixture: Fixture;

  beforeAll(async () => {
    t = await startTestApp();
    for (const actor of ACTORS) clients[actor] = new ApiClient(t.url);
    const password = 'un mot de passe solide';
    for (const actor of ACTORS.filter((a) => a !== 'anonymous')) {
      await clients[actor].signUp({ email: `${actor.toLowerCase()}@example.fr`, password });
    }
    const spaceId = await buildSpace(clients.animateur);
    await buildSpace(clients.otherSpace);
    await addMember(clients.animateur, spaceId, clients.observateur, 'observateur');
    await addMember(clients.animateur, spaceId, clients.contributeur, 'contributeur');
    const extra = [new ApiClient(t.url), new ApiClient(t.url)];
    for (const client of extra) {
      await client.signUp();
      await addMember(clients.animateur, spaceId, client, 'observateur');
    }
    const organisation = await clients.animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'epci', name: 'Sicoval' });
    const pending = await clients.animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'attente@example.fr', role: 'observateur' });
    const foreign = await clients.animateur.post(`/api/spaces/${spaceId}/invitations`, { email: 'personne@example.fr', role: 'contributeur' });
    fixture = {
      spaceId,
      organisationId: organisation.body.id,
      pendingInvitationId: pending.body.id,
      foreignInvitationToken: foreign.body.link.split('/').pop(),
      memberToChange: extra[0].account!.id,
      memberToRemove: extra[1].account!.id,
      passwordOf: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? undefined : password])) as Fixture['passwordOf'],
      emailOf: Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? undefined : `${a.toLowerCase()}@example.fr`])) as Fixture['emailOf'],
    };
  });
  afterAll(() => t.close());

  it('lists every route of the application', () => {
    const routes = t.app.get(OpenApiService).routes().map((r) => `${r.method} ${r.path}`);
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
      const response = await fetch(`${t.url}${row.path(fixture)}`, {
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      actual[actor] = response.status;
    }
    expect(actual).toEqual(row.expected);
  });
});
