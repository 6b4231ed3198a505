import type { RecommendationOriginChoices } from '@concerto/domain';
import { diagnosticDocument, readSections } from '@concerto/collab';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { CollabService } from '../collab/collab.service.js';

describe('guide d’appui: recommendations (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let contributeur: ApiClient;
  let observateur: ApiClient;
  let spaceId: string;
  let otherSpaceId: string;
  let testimonyId: string;
  const recommendations = (space = spaceId) => `/api/spaces/${space}/recommendations`;
  const paths = (body: { issues: { path: string }[] }) => body.issues.map((i) => i.path);

  const liveSession = async (space = spaceId) => {
    const id = (
      await animateur.post(`/api/spaces/${space}/sessions`, {
        title: 'Plénière',
        scheduledAt: '2026-12-10T09:00:00Z',
        agenda: [{ title: 'Point', durationMinutes: 15 }],
      })
    ).body.id as string;
    expect((await animateur.post(`/api/sessions/${id}/facilitation`, { action: 'start' })).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [animateur, contributeur, observateur] = [0, 1, 2].map(() => new ApiClient(t.url));
    for (const c of [animateur, contributeur, observateur]) await c.signUp();
    spaceId = await buildSpace(animateur);
    otherSpaceId = await buildSpace(animateur, { poleName: 'Autre pôle' });
    await addMember(animateur, spaceId, contributeur, 'contributeur');
    await addMember(animateur, spaceId, observateur, 'observateur');
    testimonyId = (await contributeur.post(`/api/spaces/${spaceId}/testimonies`, { title: 'Les Ateliers à Castres' })).body.id;
  });
  afterAll(() => t.close());

  it('links testimonies, diagnostic sections and an origin of the space, and refuses those of another space', async () => {
    const sessionId = await liveSession();
    const decision = (await animateur.post(`/api/sessions/${sessionId}/decisions`, { text: 'Renforcer les aides à l’amorçage' })).body;
    const vote = (await animateur.post(`/api/sessions/${sessionId}/votes`, { kind: 'consent', title: 'Décloisonner' })).body;
    const sectionTitle = readSections(await t.app.get(CollabService).currentState(diagnosticDocument(spaceId))).find((s) => s.id === 'grid-territory')!.title;

    const fromDecision = await contributeur.post(recommendations(), {
      statement: 'Renforcer les aides à l’amorçage sur un temps long',
      rationale: 'Les pôles mettent cinq ans à trouver leur modèle.',
      levers: ['employment_coordination'],
      stages: ['support'],
      levels: ['region', 'epci'],
      testimonyIds: [testimonyId],
      sectionIds: ['grid-territory'],
      origin: { kind: 'session_decision', decisionId: decision.id },
    });
    expect(fromDecision.status).toBe(201);
    expect(fromDecision.body).toMatchObject({
      spaceId,
      status: 'proposed',
      version: 1,
      levels: ['region', 'epci'],
      testimonies: [{ id: testimonyId, title: 'Les Ateliers à Castres' }],
      sectionIds: ['grid-territory'],
      sections: [{ id: 'grid-territory', title: sectionTitle }],
      origin: { kind: 'session_decision', label: 'Renforcer les aides à l’amorçage', sessionId, refId: decision.id },
      decidedBy: null,
      votes: [],
      createdBy: { id: contributeur.account!.id },
    });
    // What a contributeur may start from: the space's decisions, and its votes once closed (none of another space).
    const choices = async () => (await contributeur.get(`/api/spaces/${spaceId}/recommendation-origins`)).body as RecommendationOriginChoices;
    expect((await choices()).decisions).toEqual([{ id: decision.id, sessionId, sessionTitle: 'Plénière', label: 'Renforcer les aides à l’amorçage' }]);
    expect((await choices()).votes).toEqual([]);
    expect((await animateur.post(`/api/sessions/${sessionId}/votes/${vote.id}/close`, {})).status).toBe(200);
    expect((await choices()).votes).toEqual([{ id: vote.id, sessionId, sessionTitle: 'Plénière', label: 'Décloisonner' }]);
    expect((await observateur.get(`/api/spaces/${spaceId}/recommendation-origins`)).status).toBe(403);
    const fromVote = await contributeur.post(recommendations(), { statement: 'Décloisonner', origin: { kind: 'vote_result', voteId: vote.id } });
    expect(fromVote.body.origin).toEqual({ kind: 'vote_result', label: 'Décloisonner', sessionId, refId: vote.id });
    const fromSection = await contributeur.post(recommendations(), {
      statement: 'Coopérer',
      origin: { kind: 'diagnostic_section', sectionId: 'grid-territory' },
    });
    expect(fromSection.body.origin).toEqual({ kind: 'diagnostic_section', label: sectionTitle, sessionId: null, refId: 'grid-territory' });
    expect((await contributeur.post(recommendations(), { statement: 'Directe' })).body.origin).toEqual({
      kind: 'direct',
      label: null,
      sessionId: null,
      refId: null,
    });

    const foreignTestimony = (await animateur.post(`/api/spaces/${otherSpaceId}/testimonies`, { title: 'Ailleurs' })).body.id;
    const foreignSession = await liveSession(otherSpaceId);
    const foreignDecision = (await animateur.post(`/api/sessions/${foreignSession}/decisions`, { text: 'Ailleurs' })).body.id;
    const refused = async (body: Record<string, unknown>) => {
      const response = await contributeur.post(recommendations(), { statement: 'Refusée', ...body });
      expect(response.status).toBe(400);
      return paths(response.body);
    };
    expect(await refused({ testimonyIds: [testimonyId, foreignTestimony] })).toEqual(['testimonyIds.1']);
    expect(await refused({ sectionIds: ['grid-territory', 'grid-nowhere'] })).toEqual(['sectionIds.1']);
    expect(await refused({ origin: { kind: 'session_decision', decisionId: foreignDecision } })).toEqual(['origin.decisionId']);
    expect(await refused({ origin: { kind: 'diagnostic_section', sectionId: 'grid-nowhere' } })).toEqual(['origin.sectionId']);
    expect((await observateur.post(recommendations(), { statement: 'Pirate' })).status).toBe(403);

    // Links change with the version; a stale one is refused.
    const changed = await contributeur.patch(`${recommendations()}/${fromDecision.body.id}`, {
      version: 1,
      testimonyIds: [],
      sectionIds: ['grid-territory', 'grid-cooperation'],
    });
    expect(changed.body).toMatchObject({ version: 2, testimonies: [], sectionIds: ['grid-cooperation', 'grid-territory'] });
    // The sections a form offers: today's diagnostic, in its order, with the titles the recommendation shows.
    const outline = (await observateur.get(`/api/spaces/${spaceId}/diagnostic/outline`)).body as { id: string; kind: string; title: string }[];
    expect(outline.map((s) => s.id)).toEqual(expect.arrayContaining(['grid-territory', 'grid-cooperation']));
    const titleOf = (id: string) => outline.find((s) => s.id === id)!.title;
    expect(changed.body.sections).toEqual([
      { id: 'grid-cooperation', title: titleOf('grid-cooperation') },
      { id: 'grid-territory', title: titleOf('grid-territory') },
    ]);
    const stale = await contributeur.patch(`${recommendations()}/${fromDecision.body.id}`, { version: 1, statement: 'Trop tard' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect((await observateur.patch(`${recommendations()}/${fromDecision.body.id}`, { version: 2, statement: 'Pirate' })).status).toBe(403);
  });

  it('is debated by contributeurs and retained or set aside by animateurs, who are recorded; deleted by role', async () => {
    const id = (await contributeur.post(recommendations(), { statement: 'Une démonstration de l’utilité sociale' })).body.id;
    const status = (client: ApiClient, to: string, version: number) => client.post(`${recommendations()}/${id}/status`, { status: to, version });
    expect((await status(observateur, 'debated', 1)).status).toBe(403);
    expect((await status(contributeur, 'debated', 1)).body).toMatchObject({ status: 'debated', version: 2, decidedBy: null });
    expect((await status(contributeur, 'retained', 2)).status).toBe(403);
    const retained = await status(animateur, 'retained', 2);
    expect(retained.body).toMatchObject({ status: 'retained', version: 3, decidedBy: { id: animateur.account!.id } });
    expect(retained.body.decidedAt).not.toBeNull();
    expect((await status(contributeur, 'debated', 3)).status).toBe(403);
    expect((await status(animateur, 'debated', 3)).body).toMatchObject({ status: 'debated', decidedBy: null, decidedAt: null });
    expect((await status(animateur, 'set_aside', 4)).body).toMatchObject({ status: 'set_aside', decidedBy: { id: animateur.account!.id } });

    // Its author deletes it only while proposed; animateurs at any time.
    expect((await contributeur.delete(`${recommendations()}/${id}`)).status).toBe(403);
    const mine = (await contributeur.post(recommendations(), { statement: 'Une proposition' })).body.id;
    expect((await observateur.delete(`${recommendations()}/${mine}`)).status).toBe(403);
    expect((await contributeur.delete(`${recommendations()}/${mine}`)).status).toBe(204);
    expect((await animateur.delete(`${recommendations()}/${id}`)).status).toBe(204);
    expect((await animateur.get(`${recommendations()}/${id}`)).status).toBe(404);
  });

  it('puts a set of recommendations to a session vote and shows each one’s result once closed', async () => {
    const [r1, r2, r3] = await Promise.all(
      ['Des logiques de coopération à faire vivre', 'Un effort de structuration', 'Un appel au décloisonnement'].map(
        async (statement) => (await contributeur.post(recommendations(), { statement })).body,
      ),
    );
    await contributeur.post(`${recommendations()}/${r3.id}/status`, { status: 'debated', version: 1 });
    const foreign = (await animateur.post(recommendations(otherSpaceId), { statement: 'Ailleurs' })).body.id;
    const sessionId = await liveSession();
    const path = `/api/sessions/${sessionId}/recommendation-votes`;
    const body = { recommendationIds: [r1.id, r2.id, r3.id], title: 'Nos priorités', kind: 'dot' };
    expect((await contributeur.post(path, body)).status).toBe(403);
    const wrong = await animateur.post(path, { ...body, recommendationIds: [r1.id, r2.id, foreign] });
    expect(wrong.status).toBe(400);
    expect(paths(wrong.body)).toEqual(['recommendationIds.2']);
    const planned = (await animateur.post(`/api/spaces/${spaceId}/sessions`, { title: 'Plus tard', scheduledAt: '2027-01-10T09:00:00Z' })).body.id;
    expect((await animateur.post(`/api/sessions/${planned}/recommendation-votes`, body)).body.code).toBe('session_not_live');

    const opened = await animateur.post(path, body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ sessionId, kind: 'dot', title: 'Nos priorités', status: 'open' });
    expect(opened.body.options).toEqual([r1, r2, r3].map((r) => ({ key: r.id, label: r.statement })));
    const during = (await observateur.get(`${recommendations()}/${r1.id}`)).body;
    expect(during).toMatchObject({
      status: 'debated',
      version: 2,
      votes: [{ voteId: opened.body.id, sessionId, title: 'Nos priorités', closed: false, result: null }],
    });
    expect((await observateur.get(`${recommendations()}/${r3.id}`)).body).toMatchObject({ status: 'debated', version: 2 });

    const ballot = `/api/sessions/${sessionId}/votes/${opened.body.id}/ballot`;
    expect((await contributeur.request('PUT', ballot, { kind: 'dot', allocations: { [r1.id]: 3, [r2.id]: 1 } })).status).toBe(200);
    expect((await animateur.request('PUT', ballot, { kind: 'dot', allocations: { [r1.id]: 2, [r3.id]: 4 } })).status).toBe(200);
    expect((await animateur.post(`/api/sessions/${sessionId}/votes/${opened.body.id}/close`)).status).toBe(200);

    const results = (await observateur.get(recommendations())).body as { id: string; votes: { result: string | null }[] }[];
    const resultOf = (id: string) => results.find((r) => r.id === id)!.votes[0].result;
    expect(resultOf(r1.id)).toBe('5 gommettes sur 10 (1re sur 3)');
    expect(resultOf(r2.id)).toBe('1 gommette sur 10 (3e sur 3)');
    expect(resultOf(r3.id)).toBe('4 gommettes sur 10 (2e sur 3)');
    const english = await observateur.request('GET', `${recommendations()}/${r1.id}`, undefined, { 'accept-language': 'en' });
    expect(english.body.votes[0]).toMatchObject({ closed: true, result: '5 dots out of 10 (1st of 3)' });
  });
});
